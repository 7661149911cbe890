"""The wiki seed 003 wanted: members' signed experiences and evaluation findings on resources, and ratings."""

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import new_event
from events.outbox import record
from infra.columns import utcnow
from infra.errors import InvalidInput
from infra.text import clean_text, one_of
from infra.viewer import Viewer
from services.knowledge import events as ev
from services.knowledge.resources import record_resource
from services.knowledge.tables import Contribution, Rating, Resource

CONTRIBUTION_KINDS = ("experience", "evaluation_finding")


async def contribute(session: AsyncSession, viewer: Viewer, resource: Resource, kind: str, text: str) -> Contribution:
    contribution = Contribution(
        resource_id=resource.id,
        kind=one_of(kind, CONTRIBUTION_KINDS, "A contribution"),
        text=clean_text(text, "A contribution", 10_000, 2),
        author_id=viewer.account_id,
        author_name=viewer.name,
        created_at=utcnow(),
    )
    session.add(contribution)
    await session.flush()
    await record_resource(
        session,
        resource,
        ev.ResourceContributed,
        contribution_id=contribution.id,
        contribution_kind=contribution.kind,
        author_id=viewer.account_id,
    )
    return contribution


async def rate(session: AsyncSession, viewer: Viewer, resource: Resource, stars: int) -> Rating:
    if not 1 <= stars <= 5:
        raise InvalidInput("A rating is 1 to 5 stars.")
    rating = await session.get(Rating, (resource.id, viewer.account_id))
    if rating is None:
        rating = Rating(resource_id=resource.id, member_id=viewer.account_id)
        session.add(rating)
    rating.stars, rating.rated_at = stars, utcnow()
    await session.flush()
    count, average = (
        await session.execute(select(func.count(), func.avg(Rating.stars)).where(Rating.resource_id == resource.id))
    ).one()
    data = ev.ResourceRated(
        resource_id=resource.id, member_id=viewer.account_id, stars=stars, average=float(average), count=count
    )
    record(session, [new_event(data, resource.id, resource.audience, resource.network_id)])
    return rating
