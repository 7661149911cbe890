"""Every table change has its migration: the migrated database matches the tables the code declares."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection

from infra.database import Base, Database
from infra.migrate import load_tables


def _ours(name: str | None, kind: str, parents: dict[str, str | None]) -> bool:
    """The events tests create scratch `test_*` tables of their own; they are not the product's."""
    return not (kind == "table" and (name or "").startswith("test_"))


def differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"include_name": _ours})
    return compare_metadata(context, Base.metadata)


async def test_migrations_match_the_declared_tables(database: Database) -> None:
    load_tables()
    async with database.engine.connect() as connection:
        diff = await connection.run_sync(differences)
    assert diff == [], f"tables and migrations disagree; generate a migration: {diff}"
