"""The networks service's part of the GraphQL schema: its queries and mutations."""

from collections.abc import Awaitable, Callable
from datetime import datetime

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from infra.context import Ctx, RequestContext
from infra.errors import NotFound
from infra.pagination import Connection, paged
from infra.viewer import Viewer
from services.accounts import api as accounts
from services.networks import commands, local_groups, membership, profiles, queries, removal
from services.networks.access import hosted_network, visible_network
from services.networks.api import practice_areas as allowed_practice_areas
from services.networks.tables import Invitation as InvitationRow
from services.networks.tables import JoinRequest as JoinRequestRow
from services.networks.tables import Network as NetworkRow
from services.networks.types import LocalGroup, Member, Network


@strawberry.type
class Invitation:
    id: strawberry.ID
    network: Network
    email: str
    created_at: datetime
    accepted: bool


@strawberry.type
class JoinRequest:
    id: strawberry.ID
    network_id: strawberry.ID
    member_id: strawberry.ID
    applicant_name: str = strawberry.field(description="Who asked, so hosts know whom they let in.")
    message: str
    status: str


@strawberry.input
class ProfileInput:
    name: str | None = None
    bio: str | None = None
    practice_areas: list[str] | None = None
    offers: str | None = None
    seeks: str | None = None


def _invitation(row: InvitationRow, network: Network) -> Invitation:
    return Invitation(
        id=strawberry.ID(row.id),
        network=network,
        email=row.email,
        created_at=row.created_at,
        accepted=row.accepted_at is not None,
    )


def _join_request(row: JoinRequestRow, applicant_name: str) -> JoinRequest:
    return JoinRequest(
        id=strawberry.ID(row.id),
        network_id=strawberry.ID(row.network_id),
        member_id=strawberry.ID(row.member_id),
        applicant_name=applicant_name,
        message=row.message,
        status=row.status,
    )


def _applicant_of(context: RequestContext) -> Callable[[str], Awaitable[Viewer | None]]:
    async def applicant(member_id: str) -> Viewer | None:
        holder = await accounts.account(context.db, member_id)
        return Viewer(holder.account_id, holder.email, holder.name) if holder else None

    return applicant


@strawberry.type
class Query:
    @strawberry.field(description="Networks you belong to, and public ones.")
    async def networks(self, info: Ctx, first: int | None = 20, after: str | None = None) -> Connection[Network]:
        viewer = info.context.viewer
        query = queries.visible_networks(viewer.account_id if viewer else "", bool(viewer and viewer.is_admin))
        return await paged(info.context.db, query, first, after, Network.of)

    @strawberry.field
    async def network(self, info: Ctx, id: strawberry.ID) -> Network:
        async with info.context.db.sessions() as session:
            return Network.of(await visible_network(session, info.context.member(), id))

    @strawberry.field
    async def local_group(self, info: Ctx, id: strawberry.ID) -> LocalGroup:
        async with info.context.db.sessions() as session:
            return LocalGroup.of(await local_groups.visible_local_group(session, info.context.member(), id))

    @strawberry.field(description="A member's profile, if you share a network (or it is yours).")
    async def member(self, info: Ctx, id: strawberry.ID) -> Member:
        viewer = info.context.member()
        async with info.context.db.sessions() as session:
            found = await queries.visible_profile(session, viewer, id)
            if found is None:
                raise NotFound("No such member.")
            return Member.of(
                found, found.hidden and await queries.sees_hidden_profile(session, viewer, found.member_id)
            )

    @strawberry.field(description="Invitations waiting for you, once you have verified your email address.")
    async def my_invitations(self, info: Ctx) -> list[Invitation]:
        # Unverified, the address may be someone else's: their invitations (a private network's name) stay hidden.
        verified = await accounts.verified_email(info.context.db, info.context.member().account_id)
        if verified is None:
            return []
        async with info.context.db.sessions() as session:
            rows = await queries.open_invitations(session, verified)
            return [_invitation(row, Network.of(network)) for row, network in rows]

    @strawberry.field(description="Requests to join a network that wait for an answer (hosts only).")
    async def join_requests(self, info: Ctx, network_id: strawberry.ID) -> list[JoinRequest]:
        async with info.context.db.sessions() as session:
            network = await hosted(session, info.context, network_id, "see join requests")
            rows = await queries.pending_join_requests(session, network.id)
            names = await accounts.names_of(session, {row.member_id for row in rows})
            return [_join_request(row, names.get(row.member_id, "")) for row in rows]

    @strawberry.field(description="The default practice areas plus the network's own.")
    async def practice_areas(self, info: Ctx, network_id: strawberry.ID | None = None) -> list[str]:
        if network_id is not None:
            async with info.context.db.sessions() as session:
                await visible_network(session, info.context.member(), network_id)
        return sorted(await allowed_practice_areas(info.context.db, network_id))


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Creates a network; you become its host.")
    async def create_network(self, info: Ctx, name: str, description: str = "", is_public: bool = False) -> Network:
        async with info.context.db.transaction() as session:
            row = await commands.create_network(session, info.context.member(), name, description, is_public)
        return Network.of(row)

    @strawberry.mutation(description="Changes a network's name, description or visibility (hosts only).")
    async def update_network(
        self,
        info: Ctx,
        id: strawberry.ID,
        name: str | None = None,
        description: str | None = None,
        is_public: bool | None = None,
    ) -> Network:
        async with info.context.db.transaction() as session:
            network = await hosted(session, info.context, id, "change it")
            row = await commands.update_network(session, network, name, description, is_public)
        return Network.of(row)

    @strawberry.mutation(description="Adds a practice area of the network's own (hosts only).")
    async def add_practice_area(self, info: Ctx, network_id: strawberry.ID, name: str) -> list[str]:
        async with info.context.db.transaction() as session:
            network = await hosted(session, info.context, network_id, "add practice areas")
            await commands.add_practice_area(session, network, name)
        return sorted(await allowed_practice_areas(info.context.db, network_id))

    @strawberry.mutation(description="Invites someone by email (hosts only).")
    async def invite_member(self, info: Ctx, network_id: strawberry.ID, email: str) -> Invitation:
        email = accounts.normal_email(email)
        owner = await accounts.account_id_for_email(info.context.db, email)
        async with info.context.db.transaction() as session:
            row = await membership.invite(session, info.context.member(), network_id, email, owner)
            network = await visible_network(session, info.context.member(), network_id)
        return _invitation(row, Network.of(network))

    @strawberry.mutation(description="Accepts an invitation sent to your email address.")
    async def accept_invitation(self, info: Ctx, id: strawberry.ID) -> Network:
        viewer = info.context.member()
        verified = await accounts.verified_email(info.context.db, viewer.account_id)
        async with info.context.db.transaction() as session:
            return Network.of(await membership.accept_invitation(session, viewer, id, verified))

    @strawberry.mutation(description="Asks the hosts of a public network to let you in.")
    async def request_to_join(self, info: Ctx, network_id: strawberry.ID, message: str = "") -> JoinRequest:
        viewer = info.context.member()
        async with info.context.db.transaction() as session:
            return _join_request(await membership.request_to_join(session, viewer, network_id, message), viewer.name)

    @strawberry.mutation(description="Approves or declines a join request (hosts only).")
    async def decide_join_request(self, info: Ctx, id: strawberry.ID, approve: bool) -> JoinRequest:
        async with info.context.db.transaction() as session:
            row = await membership.decide_join_request(
                session, info.context.member(), id, approve, _applicant_of(info.context)
            )
            names = await accounts.names_of(session, {row.member_id})
            return _join_request(row, names.get(row.member_id, ""))

    @strawberry.mutation(description="Makes a member a host, coordinator or member (hosts only).")
    async def set_member_role(self, info: Ctx, network_id: strawberry.ID, member_id: strawberry.ID, role: str) -> str:
        async with info.context.db.transaction() as session:
            row = await membership.set_role(session, info.context.member(), network_id, member_id, role)
            return row.role

    @strawberry.mutation(description="Removes a member from the network and its local groups, saying why (hosts only).")
    async def remove_member(self, info: Ctx, network_id: strawberry.ID, member_id: strawberry.ID, reason: str) -> bool:
        async with info.context.db.transaction() as session:
            await removal.remove_member(session, info.context.member(), network_id, member_id, reason)
        return True

    @strawberry.mutation(description="Creates a local group in a network (hosts only).")
    async def create_local_group(
        self,
        info: Ctx,
        network_id: strawberry.ID,
        name: str,
        place: str = "",
        description: str = "",
        practice_areas: list[str] | None = None,
    ) -> LocalGroup:
        async with info.context.db.transaction() as session:
            row = await local_groups.create_local_group(
                session, info.context.member(), network_id, name, place, description, practice_areas or []
            )
        return LocalGroup.of(row)

    @strawberry.mutation(description="Joins a local group of a network you belong to.")
    async def join_local_group(self, info: Ctx, id: strawberry.ID) -> LocalGroup:
        async with info.context.db.transaction() as session:
            return LocalGroup.of(await local_groups.join_local_group(session, info.context.member(), id))

    @strawberry.mutation(description="Changes your profile.")
    async def update_profile(self, info: Ctx, input: ProfileInput) -> Member:
        change = profiles.ProfileChange(input.name, input.bio, input.practice_areas, input.offers, input.seeks)
        async with info.context.db.transaction() as session:
            viewer = info.context.member()
            return Member.of(await profiles.update_profile(session, viewer, change), sees_hidden=True)


async def hosted(session: AsyncSession, context: RequestContext, network_id: str, doing: str) -> NetworkRow:
    return await hosted_network(session, context.member(), network_id, doing)
