"""The moderation service's part of the GraphQL schema: flagging, the review queue, blocking, the record."""

import strawberry

from infra.pagination import Connection, connection, page, windowed
from services.moderation import acts, blocks, flags, queries
from services.moderation.types import (
    BlockedMember,
    Ctx,
    Flag,
    FlagDecision,
    FlaggedKind,
    FlagReason,
    FlagReceipt,
    HostAct,
    RecordFormat,
)
from services.networks import api as networks


@strawberry.type
class Query:
    @strawberry.field(description="Flags you review in a network: as its host, or inside your peer group.")
    async def review_queue(self, info: Ctx, network_id: strawberry.ID) -> list[Flag]:
        async with info.context.db.sessions() as session:
            found = await queries.review_queue(session, info.context.member(), network_id)
        return [Flag.of(row) for row in found]

    @strawberry.field(description="What the network's hosts, coordinators and admins did, newest first (hosts).")
    async def host_acts(
        self, info: Ctx, network_id: strawberry.ID, first: int | None = 20, after: str | None = None
    ) -> Connection[HostAct]:
        window = page(first, after)
        async with info.context.db.sessions() as session:
            await acts.hosting(session, info.context.member(), network_id)
            rows, total = await windowed(session, queries.acts_in(network_id), window)
        shown = await acts.named(info.context.db, rows)
        return connection([HostAct.of(row) for row in shown], window, total)

    @strawberry.field(description="The whole record of the network's hosts' acts, as CSV or JSON (hosts).")
    async def host_acts_export(self, info: Ctx, network_id: strawberry.ID, format: RecordFormat) -> str:
        return await acts.export(info.context.db, info.context.member(), network_id, format.value)

    @strawberry.field(description="The members you blocked.")
    async def blocked_members(self, info: Ctx) -> list[BlockedMember]:
        async with info.context.db.sessions() as session:
            ids = await blocks.blocked_by(session, info.context.member().account_id)
        names = await networks.member_names(info.context.db, ids)
        return [BlockedMember(id=strawberry.ID(i), name=names.get(i, "")) for i in ids]


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Reports something you can see to its reviewers; inside a peer group its "
        "members review it, and the network's coordinators only if you say so."
    )
    async def flag_item(
        self,
        info: Ctx,
        kind: FlaggedKind,
        item_id: strawberry.ID,
        reason: FlagReason,
        note: str = "",
        to_coordinators: bool = False,
    ) -> FlagReceipt:
        viewer = info.context.member()
        # mypy reads a strawberry.enum_value member's value as its definition; at run time it is the string.
        why = str(reason.value)
        row = await flags.raise_flag(info.context.db, viewer, kind.value, item_id, why, note, to_coordinators)
        return FlagReceipt(id=strawberry.ID(row.id), status=row.status)

    @strawberry.mutation(description="Hides, restores or dismisses a flagged item, with a note; its author is told.")
    async def decide_flag(self, info: Ctx, flag_id: strawberry.ID, decision: FlagDecision, note: str) -> Flag:
        row = await flags.decide(info.context.db, info.context.member(), flag_id, decision.value, note)
        return Flag.of(row)

    @strawberry.mutation(description="Neither of you sees the other anywhere any more; they are not told.")
    async def block_member(self, info: Ctx, member_id: strawberry.ID) -> bool:
        await blocks.block(info.context.db, info.context.member(), member_id)
        return True

    @strawberry.mutation
    async def unblock_member(self, info: Ctx, member_id: strawberry.ID) -> bool:
        await blocks.unblock(info.context.db, info.context.member(), member_id)
        return True
