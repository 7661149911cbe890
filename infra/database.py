"""The async SQLAlchemy engine and sessions, for SQLite (embedded) and PostgreSQL (production)."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, cast

from sqlalchemy import CursorResult, Executable, event, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase

from infra.settings import Settings

log = logging.getLogger("commons.database")


class Base(DeclarativeBase):
    """Every service's tables; each service prefixes its table names with its own name."""


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str, pool_size: int = 10, pool_timeout: float = 30.0) -> AsyncEngine:
    pool = {"pool_size": pool_size, "max_overflow": pool_size, "pool_timeout": pool_timeout}
    # hide_parameters: errors quote a statement without its values (content, addresses); their messages are logged.
    if url.startswith("sqlite"):
        engine = create_async_engine(url, **pool, hide_parameters=True)
        event.listen(engine.sync_engine, "connect", _tune_sqlite)
        return engine
    return create_async_engine(url, **pool, pool_pre_ping=True, hide_parameters=True)


class Database:
    """The engine plus a session factory; one per process."""

    def __init__(self, url: str, pool_size: int = 10, pool_timeout: float = 30.0) -> None:
        self.url = url
        self.engine = make_engine(url, pool_size, pool_timeout)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def of(cls, settings: Settings) -> "Database":
        """The process's database with the pool its settings ask for: gateway, relay, workers and commands alike."""
        return cls(settings.resolved_database_url, settings.database_pool_size, settings.database_pool_timeout)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session whose work commits when the block ends, or rolls back on any error."""
        async with self.sessions() as session, session.begin():
            yield session

    async def reachable(self) -> bool:
        try:
            async with self.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except Exception as error:
            log.warning("the database at %s does not answer: %r", self.engine.url, error)
            return False
        return True

    async def dispose(self) -> None:
        await self.engine.dispose()


async def rows_changed(session: AsyncSession, statement: Executable) -> int:
    """Runs an UPDATE or DELETE and says how many rows it changed (execute is typed as returning a plain Result,
    though a DML statement's result is a CursorResult, which counts them)."""
    result = await session.execute(statement)
    return cast("CursorResult[*tuple[()]]", result).rowcount


async def recreate_public_schema(url: str) -> None:
    """Empties a PostgreSQL database entirely (tests and benchmarks only)."""
    engine = make_engine(url, pool_size=1)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    finally:
        await engine.dispose()
