"""Comments and reactions on what a member wrote (a story, a resource they added, a harvest they made), and the
members a comment mentions, as notifications.

Several reactions to one thing within minutes fold into one notification ("Ben, Chen and Dana reacted to your
story"), as do several comments: the subject is the thing responded to. Comments do not reply to comments, so
the one told of a comment is the author of what it is on.
"""

from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import read
from events.envelope import Event
from services.knowledge import events as knowledge
from services.notifications.kinds import Kind
from services.notifications.mentions import mentioned, story_mentions
from services.notifications.notice import Happening, Notice
from services.notifications.places import place_of


async def comment_added(event: Event, session: AsyncSession) -> list[Happening]:
    data = read(event, knowledge.CommentAdded)
    told: list[Happening] = []
    if data.target_author_id:
        yours = await place_of(
            session, event, f"your {data.target_kind}", data.target_kind, data.target_id, data.author_id
        )
        notice = Notice(
            Kind.COMMENT,
            f"comments:{data.target_id}",
            f"commented on {yours.what}",
            yours.path,
            event.time,
            event.audience,
            yours.group_id,
            yours.actor_id,
            yours.actor_name,
        )
        told.append((notice, [data.target_author_id]))
    if data.mentioned_ids:
        where = await place_of(session, event, "a comment", data.target_kind, data.target_id, data.author_id)
        told.append(await mentioned(session, event, where, data.comment_id, data.mentioned_ids))
    return told


async def reaction_changed(event: Event, session: AsyncSession) -> Happening | None:
    data = read(event, knowledge.ReactionChanged)
    if not data.on or not data.target_author_id:
        return None  # taking a reaction back tells nobody
    yours = await place_of(session, event, f"your {data.target_kind}", data.target_kind, data.target_id, data.member_id)
    notice = Notice(
        Kind.REACTION,
        f"reactions:{data.target_id}",
        f"reacted to {yours.what}",
        yours.path,
        event.time,
        event.audience,
        yours.group_id,
        yours.actor_id,
        yours.actor_name,
    )
    return notice, [data.target_author_id]


RESPONSES = {
    "knowledge.comment.added": comment_added,
    "knowledge.reaction.changed": reaction_changed,
    "knowledge.story.shared": story_mentions,
    "knowledge.story.changed": story_mentions,
}
