"""A storage for the `limits` package kept in our database, so every process shares the same counters.

`limits` ships no SQL storage. Counting is one `INSERT … ON CONFLICT … DO UPDATE … RETURNING` (SQLite ≥ 3.35 and
PostgreSQL alike): concurrent hits of one key each see their own count, so no two attempts pass as the same one.
"""

import time

from limits.aio.storage import Storage
from sqlalchemy import case, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from infra.database import Database, rows_changed
from services.accounts.tables import RateCounter

_table = RateCounter.__table__


class DatabaseStorage(Storage):
    """Fixed-window counters in `accounts_rate_counters` (enough for `limits.aio.strategies.FixedWindowRateLimiter`)."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db

    @property
    def base_exceptions(self) -> type[Exception]:
        return SQLAlchemyError

    async def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        now = time.time()
        dialect = postgresql if self.db.engine.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(_table).values(key=key, hits=amount, expires_at=now + expiry)
        # On conflict the SET expressions read the stored row: an ended window starts again at `amount`.
        ended = _table.c.expires_at <= now
        statement = statement.on_conflict_do_update(
            index_elements=[_table.c.key],
            set_={
                "hits": case((ended, amount), else_=_table.c.hits + amount),
                "expires_at": case((ended, statement.excluded.expires_at), else_=_table.c.expires_at),
            },
        ).returning(_table.c.hits)
        async with self.db.transaction() as session:
            return int((await session.execute(statement)).scalar_one())

    async def decr(self, key: str, amount: int = 1) -> int:
        """Gives back hits (as `limits`' own storages offer): an attempt that proved harmless stops counting."""
        # An ended (or missing) window is left ended: expiry 0 makes the row expire as it is written.
        return max(await self.incr(key, 0, -amount), 0)

    async def get(self, key: str) -> int:
        query = select(_table.c.hits).where(_table.c.key == key, _table.c.expires_at > time.time())
        async with self.db.sessions() as session:
            return max(await session.scalar(query) or 0, 0)

    async def get_expiry(self, key: str) -> float:
        async with self.db.sessions() as session:
            return await session.scalar(select(_table.c.expires_at).where(_table.c.key == key)) or time.time()

    async def check(self) -> bool:
        return await self.db.reachable()

    async def reset(self) -> int | None:
        async with self.db.transaction() as session:
            return await rows_changed(session, delete(RateCounter))

    async def forget_ended(self) -> int:
        """Counters of ended windows start again at their next hit; without this the attempts of many addresses
        on many accounts would leave a row each."""
        async with self.db.transaction() as session:
            return await rows_changed(session, delete(RateCounter).where(RateCounter.expires_at <= time.time()))

    async def clear(self, key: str) -> None:
        async with self.db.transaction() as session:
            await session.execute(delete(RateCounter).where(RateCounter.key == key))
