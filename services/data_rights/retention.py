"""Retention, run by the scheduler: expired export archives go at once; what authors withdrew after
`withdrawn_kept_days`; decided flags and the record of hosts' acts after `moderation_kept_days`."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete

from infra.database import Database, rows_changed
from infra.settings import Settings
from services.data_rights.tables import Export
from services.knowledge import api as knowledge
from services.moderation import api as moderation


@dataclass(frozen=True)
class Forgotten:
    exports: int
    withdrawn: int
    moderation: int


async def keep_within(db: Database, settings: Settings, now: datetime) -> Forgotten:
    async with db.transaction() as session:
        expired = await rows_changed(session, delete(Export).where(Export.expires_at <= now))
        withdrawn = await knowledge.forget_withdrawn(session, now - timedelta(days=settings.withdrawn_kept_days))
        moderated = await moderation.forget_before(session, now - timedelta(days=settings.moderation_kept_days))
    return Forgotten(expired, withdrawn, moderated)
