"""Per-request DataLoaders for lists of groups."""

from strawberry.dataloader import DataLoader

from infra.context import RequestContext
from infra.loaders import batched
from services.networks import api as networks
from services.peer_groups import queries
from services.peer_groups.cadence import HeldMeeting
from services.peer_groups.tables import GroupMember


def seats_by_group(context: RequestContext) -> DataLoader[str, list[GroupMember]]:
    return batched(context, queries.seats_by_group)


def held_meetings_by_group(context: RequestContext) -> DataLoader[str, list[HeldMeeting]]:
    return batched(context, queries.held_meetings_by_group)


def names_by_member(context: RequestContext) -> DataLoader[str, str]:
    async def load(member_ids: list[str]) -> list[str]:
        found = await networks.member_names(context.db, member_ids)
        return [found.get(member_id, "") for member_id in member_ids]

    return DataLoader(load_fn=load)
