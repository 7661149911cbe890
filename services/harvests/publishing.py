"""Publishing a harvest: to its network and every network connected to it, once each confidential story it
cites has its author's consent."""

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from infra.columns import utcnow
from infra.errors import Conflict, InvalidInput
from services.harvests import events as ev
from services.harvests.citations import consented, consents
from services.harvests.commands import announce, items_of
from services.harvests.tables import Harvest, Reach


async def _unconsented(session: AsyncSession, harvest: Harvest, confidential: set[str]) -> str | None:
    """Names the first item citing a confidential story without its author's consent (never the story's text)."""
    answers = await consents(session, harvest.id)
    for item in await items_of(session, harvest.id):
        for story_id in item.story_ids:
            if story_id in confidential and not consented(answers.get(story_id)):
                return f"{item.section.replace('_', ' ')} item {item.position} (story {story_id})"
    return None


async def publish(session: AsyncSession, harvest: Harvest, connected: list[str], confidential: set[str]) -> Harvest:
    """`confidential`: ids of cited stories kept within peer groups; `connected`: the network's partners now."""
    if not await items_of(session, harvest.id):
        raise InvalidInput("Add at least one insight, pattern, open question or action before publishing.")
    if blocking := await _unconsented(session, harvest, confidential):
        raise Conflict(f"The citation in {blocking} waits for its author's consent; remove it or ask again.")
    harvest.status, harvest.published_at = "published", utcnow()
    harvest.audience = [audience.network(n) for n in dict.fromkeys([harvest.network_id, *connected])]
    await session.execute(delete(Reach).where(Reach.harvest_id == harvest.id))
    session.add_all(Reach(harvest_id=harvest.id, key=key) for key in harvest.audience)
    await announce(session, harvest, ev.HarvestPublished, network_ids=[harvest.network_id, *connected])
    return harvest
