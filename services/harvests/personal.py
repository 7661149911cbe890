"""A member's data rights in harvests: their answers to citation requests (consents given or refused), the actions
they own and the harvests they started, for their export. Erased with their account, published harvests keep a
citation of their stories only where they consented, and show their name nowhere ("a former member")."""

from sqlalchemy import Text, cast, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from events.sealing import FORMER_MEMBER
from infra.personal_data import PersonalData, gathered
from services.harvests import events as ev
from services.harvests.commands import announce
from services.harvests.tables import CitationRequest, Harvest, HarvestItem


async def personal_data(session: AsyncSession, member_id: str) -> PersonalData:
    return await gathered(
        session,
        {
            "citation_consents": select(CitationRequest).where(CitationRequest.author_id == member_id),
            "actions_owned": select(HarvestItem).where(HarvestItem.owner_id == member_id),
            "harvests_started": select(Harvest).where(Harvest.created_by == member_id),
        },
    )


async def erase_member(session: AsyncSession, member_id: str, story_ids: set[str]) -> None:
    """`story_ids`: the member's stories, whose citations go unless consented to."""
    changed = await _uncite(session, member_id, story_ids)
    owned = HarvestItem.owner_id == member_id
    changed |= set(await session.scalars(select(HarvestItem.harvest_id).where(owned)))
    await session.execute(update(HarvestItem).where(owned).values(owner_id=None, owner_name=FORMER_MEMBER))
    started = Harvest.created_by == member_id
    changed |= set(await session.scalars(select(Harvest.id).where(started)))
    await session.execute(update(Harvest).where(started).values(created_by_name=FORMER_MEMBER))
    for harvest in await session.scalars(select(Harvest).where(Harvest.id.in_(changed))):
        await announce(session, harvest, ev.HarvestAnonymised)


async def _uncite(session: AsyncSession, member_id: str, story_ids: set[str]) -> set[str]:
    """Drops citations of the member's stories they did not consent to; the harvests changed."""
    given = CitationRequest.author_id == member_id, CitationRequest.status == "given"
    answers = select(CitationRequest.harvest_id, CitationRequest.story_id).where(*given)
    consented = {(harvest, story) for harvest, story in await session.execute(answers)}
    changed: set[str] = set()
    if not story_ids:
        return changed
    citing = or_(*(cast(HarvestItem.story_ids, Text).contains(story_id) for story_id in story_ids))
    for item in await session.scalars(select(HarvestItem).where(citing)):
        kept = [s for s in item.story_ids if s not in story_ids or (item.harvest_id, s) in consented]
        if kept != item.story_ids:
            item.story_ids, changed = kept, changed | {item.harvest_id}
    return changed
