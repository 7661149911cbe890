"""Alembic environment: runs every branch's migrations on the async engine."""

import asyncio
from typing import Any

from alembic import context
from sqlalchemy.engine import Connection

from infra.database import Base, make_engine
from infra.migrate import load_tables

load_tables()
target_metadata = Base.metadata


def owned(obj: Any, name: str | None, kind: str, reflected: bool, compare_to: Any) -> bool:
    """When generating a branch's revision, only that owner's tables (named `<owner>_...`) count."""
    prefix = context.config.attributes.get("owner_prefix")
    table = name if kind == "table" else getattr(getattr(obj, "table", None), "name", "")
    return prefix is None or (table or "").startswith(prefix)


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=owned,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def main() -> None:
    engine = make_engine(context.config.attributes["url"], pool_size=1)
    async with engine.begin() as connection:
        await connection.run_sync(run)
    await engine.dispose()


asyncio.run(main())
