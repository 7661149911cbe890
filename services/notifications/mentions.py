"""@mentions, as notifications: each member a story or comment mentions (the knowledge service's events list
them, knowledge.mentions) who may read it, once per story or comment.

A mentioned member hears of it only when the text's audience is one of their circles (a peer group's only once
they accepted its current contract, as for everything in a group: confidentiality.permitted); a mention of
anyone else notifies nobody, and nothing tells the writer which mentions reached someone.
"""

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import read
from events.envelope import Event
from services.knowledge import events as knowledge
from services.networks import api as networks
from services.notifications.kinds import Kind
from services.notifications.notice import Happening, Notice
from services.notifications.places import Place, place_of
from services.notifications.tables import Notification
from services.peer_groups import api as peer_groups


async def may_read(session: AsyncSession, member_id: str, keys: Iterable[str]) -> bool:
    circles = await networks.audiences_in(session, member_id, peer_groups.CIRCLES)
    return audience.may_see(keys, circles)


async def _unmentioned(session: AsyncSession, subject: str, members: list[str]) -> set[str]:
    """An edit or a wider share names the story's mentions again: only those not told of it yet are new."""
    told = await session.scalars(
        select(Notification.recipient_id).where(
            Notification.kind == Kind.MENTION.value,
            Notification.subject == subject,
            Notification.recipient_id.in_(members),
        )
    )
    return set(members) - set(told)


async def mentioned(session: AsyncSession, event: Event, place: Place, content_id: str, ids: list[str]) -> Happening:
    """Notifies who the text at `content_id` mentions, and may read it, of being mentioned by `place.actor`."""
    subject = f"mention:{content_id}"
    fresh = await _unmentioned(session, subject, ids)
    readers = [member for member in ids if member in fresh and await may_read(session, member, event.audience)]
    notice = Notice(
        Kind.MENTION,
        subject,
        f"mentioned you in {place.what}",
        place.path,
        event.time,
        event.audience,
        place.group_id,
        place.actor_id,
        place.actor_name,
    )
    return notice, readers


async def story_mentions(event: Event, session: AsyncSession) -> Happening | None:
    shared = event.type.endswith("shared")
    data = read(event, knowledge.StoryShared) if shared else read(event, knowledge.StoryChanged)
    if data.publication is None or not data.mentioned_ids:
        return None
    place = await place_of(session, event, "a story", "story", data.story_id, data.author_id)
    return await mentioned(session, event, place, data.story_id, data.mentioned_ids)
