"""Membership by consent in the GraphQL schema: proposing members, answering invitations, agreeing."""

import strawberry
from sqlalchemy import select

from infra.context import Ctx, RequestContext
from services.peer_groups import proposals
from services.peer_groups.access import Actor
from services.peer_groups.proposal_types import PeerGroupInvitation, PeerGroupProposal, proposal_views
from services.peer_groups.tables import PeerGroup, Proposal


async def _view(context: RequestContext, row: Proposal) -> PeerGroupProposal:
    return (await proposal_views(context, [row]))[0]


async def _invitation(context: RequestContext, row: Proposal) -> PeerGroupInvitation:
    async with context.db.sessions() as session:
        return PeerGroupInvitation.of(row, await session.get_one(PeerGroup, row.group_id))


@strawberry.type
class ProposalQuery:
    @strawberry.field(description="Seats offered to you that are still open: each group's name and contract.")
    async def my_peer_group_invitations(self, info: Ctx) -> list[PeerGroupInvitation]:
        query = (
            select(Proposal, PeerGroup)
            .join(PeerGroup, PeerGroup.id == Proposal.group_id)
            .where(
                Proposal.member_id == info.context.member().account_id,
                Proposal.kind == proposals.SEAT,
                Proposal.state == "pending",
            )
            .order_by(Proposal.created_at)
        )
        async with info.context.db.sessions() as session:
            return [PeerGroupInvitation.of(row, group) for row, group in (await session.execute(query)).all()]


@strawberry.type
class ProposalMutation:
    @strawberry.mutation(
        description="Proposes a member of the network for a seat (yourself included). They join "
        "once they accept and all seated members agree; they see what is said from then."
    )
    async def propose_peer_group_member(
        self, info: Ctx, peer_group_id: strawberry.ID, member_id: strawberry.ID, role: str | None = None
    ) -> PeerGroupProposal:
        async with info.context.db.transaction() as session:
            actor = Actor(info.context.member(), info.context.db)
            row = await proposals.propose_member(session, actor, peer_group_id, member_id, role)
        return await _view(info.context, row)

    @strawberry.mutation(
        description="Proposes that a member who joined later see what was said before they "
        "came; every other seated member must agree."
    )
    async def propose_peer_group_history(
        self, info: Ctx, peer_group_id: strawberry.ID, member_id: strawberry.ID
    ) -> PeerGroupProposal:
        async with info.context.db.transaction() as session:
            row = await proposals.propose_history(session, info.context.member().account_id, peer_group_id, member_id)
        return await _view(info.context, row)

    @strawberry.mutation(description="Accepts or declines a seat offered to you.")
    async def answer_peer_group_invitation(
        self, info: Ctx, proposal_id: strawberry.ID, accept: bool
    ) -> PeerGroupInvitation:
        async with info.context.db.transaction() as session:
            row = await proposals.answer_invitation(session, info.context.member().account_id, proposal_id, accept)
        return await _invitation(info.context, row)

    @strawberry.mutation(description="Agrees to (or declines) a proposal in your group; one decline ends it.")
    async def answer_peer_group_proposal(self, info: Ctx, proposal_id: strawberry.ID, agree: bool) -> PeerGroupProposal:
        async with info.context.db.transaction() as session:
            row = await proposals.agree(session, info.context.member().account_id, proposal_id, agree)
        return await _view(info.context, row)
