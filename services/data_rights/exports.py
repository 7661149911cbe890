"""Taking one's data away: the archive is prepared in the request (reads, then the zip packed on a worker thread)
and kept behind a download link for the signed-in member only. The link's token is random and long, stored hashed
(as accounts' emailed links are); it expires, and it opens nothing for anyone else, even with the token."""

import asyncio
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.database import Database
from infra.errors import NotFound
from infra.settings import Settings
from infra.viewer import Viewer
from services.data_rights.archive import packed
from services.data_rights.events import ExportTaken
from services.data_rights.holdings import holdings
from services.data_rights.tables import Export

PATH = "/data-rights/exports/"
GONE = "That download link is not valid: it has expired, or it is not yours. Ask for a new export."


@dataclass(frozen=True)
class ExportLink:
    path: str
    expires_at: datetime


def _hashed(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def take_export(db: Database, settings: Settings, member: Viewer, now: datetime) -> ExportLink:
    async with db.sessions() as session:
        held = await holdings(session, member)
    archive = await asyncio.to_thread(packed, held)
    token, expires_at = secrets.token_urlsafe(32), now + timedelta(hours=settings.export_link_hours)
    async with db.transaction() as session:
        session.add(
            Export(
                token_hash=_hashed(token),
                member_id=member.account_id,
                archive=archive,
                created_at=now,
                expires_at=expires_at,
            )
        )
        taken = ExportTaken(actor_id=member.account_id)
        keys = [audience.member(member.account_id)]
        record(session, [new_event(taken, subject=member.account_id, audience=keys, network=None)])
    return ExportLink(f"{PATH}{token}", expires_at)


async def archive_for(db: Database, token: str, member_id: str, now: datetime) -> bytes:
    """The archive behind a live link of `member_id`'s; one query, so a stranger's token and a dead one look alike."""
    mine = Export.token_hash == _hashed(token), Export.member_id == member_id, Export.expires_at > now
    async with db.sessions() as session:
        archive = await session.scalar(select(Export.archive).where(*mine))
    if archive is None:
        raise NotFound(GONE)
    return archive
