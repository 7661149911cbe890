"""The live protocol run: every member's client gets the run's full state on each change (GraphQL subscription
over graphql-transport-ws), fed by this process's Broadcast of the event bus's live tail."""

from collections.abc import AsyncGenerator

import strawberry

from infra.context import RequestContext
from services.peer_groups import runs
from services.peer_groups.run_types import ProtocolRun, run_state
from services.peer_groups.types import Ctx

CHANGED = "peer_groups.protocol_run.changed"  # ProtocolRunChanged


async def _state(context: RequestContext, run_id: str) -> ProtocolRun:
    """Read afresh, and membership checked again: a member who left stops receiving the run."""
    async with context.db.sessions() as session:
        _, row = await runs.group_run(session, context.member().account_id, run_id)
    return await run_state(context, row)


@strawberry.type
class Subscription:
    @strawberry.subscription(description="The run's state now, then again after every change.")
    async def protocol_run(self, info: Ctx, id: strawberry.ID) -> AsyncGenerator[ProtocolRun, None]:
        context: RequestContext = info.context
        broadcast = context.runtime.broadcast if context.runtime is not None else None
        if broadcast is None:  # a process without live updates answers once
            yield await _state(context, id)
            return
        # Subscribed before the first read, so that no change between the two is missed.
        with broadcast.subscribe(lambda event: event.subject == id and event.type == CHANGED) as changes:
            shown = await _state(context, id)
            yield shown
            async for _ in changes:
                # Events may arrive late or together; each read is the latest state, sent once per version.
                fresh = await _state(context, id)
                if fresh.row.version != shown.row.version:
                    shown = fresh
                    yield shown
