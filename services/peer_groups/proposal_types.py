"""GraphQL types of proposals: as the group's members and the proposer see one, and as the invitee sees theirs."""

import strawberry

from infra.context import RequestContext
from services.networks import api as networks
from services.peer_groups import proposals, tables


@strawberry.type
class PeerGroupProposal:
    """Someone proposed for a seat, or a late joiner proposed to see the group's history: counts, not names, of
    who agreed, so a proposing coordinator learns nothing of the group's members."""

    id: strawberry.ID
    kind: str = strawberry.field(description="seat, or history (see what was said before joining).")
    member_id: strawberry.ID
    member_name: str
    role: str | None
    state: str = strawberry.field(description="pending, carried or declined.")
    invitee_accepted: bool | None = strawberry.field(description="The invitee's answer to a seat; null until given.")
    agreements: int
    agreements_needed: int


async def proposal_views(context: RequestContext, rows: list[tables.Proposal]) -> list[PeerGroupProposal]:
    names = await networks.member_names(context.db, [row.member_id for row in rows])
    views = []
    async with context.db.sessions() as session:
        for row in rows:
            needed, agreed = await proposals.agreements(session, row)
            views.append(
                PeerGroupProposal(
                    id=strawberry.ID(row.id),
                    kind=row.kind,
                    member_id=strawberry.ID(row.member_id),
                    member_name=names.get(row.member_id, ""),
                    role=row.role,
                    state=row.state,
                    invitee_accepted=row.invitee_accepts,
                    agreements=len(agreed & needed),
                    agreements_needed=len(needed),
                )
            )
    return views


@strawberry.type
class PeerGroupInvitation:
    """A seat offered to you: the group's name, kind and contract; nothing said in it until you are seated."""

    id: strawberry.ID
    peer_group_id: strawberry.ID
    peer_group_name: str
    kind: str
    norms: list[str] = strawberry.field(description="The contract you would accept on joining.")
    role: str | None
    accepted: bool | None = strawberry.field(description="Your answer; null until you give it.")
    state: str = strawberry.field(description="pending (members still agreeing), carried or declined.")

    @classmethod
    def of(cls, row: tables.Proposal, group: tables.PeerGroup) -> "PeerGroupInvitation":
        return cls(
            id=strawberry.ID(row.id),
            peer_group_id=strawberry.ID(group.id),
            peer_group_name=group.name,
            kind=group.kind,
            norms=list(group.norms),
            role=row.role,
            accepted=row.invitee_accepts,
            state=row.state,
        )
