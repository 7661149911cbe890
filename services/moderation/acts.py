"""The record as its readers get it: a network's hosts only, page by page or whole as CSV or JSON."""

import csv
import io
import json

from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.envelope import Event
from events.outbox import record
from infra.database import Database
from infra.errors import Forbidden, NotFound
from infra.viewer import Viewer
from services.moderation import events as ev
from services.moderation.queries import acts_in
from services.moderation.tables import Act
from services.networks import api as networks

COLUMNS = ("at", "actor_id", "actor_name", "action", "subject", "detail")
EXPORT_LIMIT = 100_000


async def hosting(session: AsyncSession, viewer: Viewer, network_id: str) -> None:
    role = await networks.role_of(session, network_id, viewer.account_id)
    if role is None:
        raise NotFound("No such network.")
    if role != "host":
        raise Forbidden("Only the network's hosts read the record of what hosts did.")


async def named(db: Database, acts: list[Act]) -> list[dict[str, str]]:
    names = await networks.member_names(db, sorted({act.actor_id for act in acts}))
    return [
        {
            "at": act.at.isoformat(),
            "actor_id": act.actor_id,
            "actor_name": names.get(act.actor_id, ""),
            "action": act.action,
            "subject": act.subject,
            "detail": act.detail,
        }
        for act in acts
    ]


def _exported(viewer: Viewer, network_id: str, form: str) -> Event:
    data = ev.RecordExported(network_id=network_id, actor_id=viewer.account_id, format=form)
    return new_event(data, subject=network_id, audience=[audience.member(viewer.account_id)], network=network_id)


async def export(db: Database, viewer: Viewer, network_id: str, form: str) -> str:
    """The record, whole; taking it is itself an act the record keeps."""
    async with db.transaction() as session:
        await hosting(session, viewer, network_id)
        rows = await named(db, list(await session.scalars(acts_in(network_id).limit(EXPORT_LIMIT))))
        record(session, [_exported(viewer, network_id, form)])
    if form == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
