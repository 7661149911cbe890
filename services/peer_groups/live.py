"""The live protocol run: every member's client gets the run's full state on each change (GraphQL subscription
over graphql-transport-ws), fed by this process's Broadcast of the event bus's live tail."""

from collections.abc import AsyncGenerator

import strawberry

from events.envelope import Event
from infra.context import RequestContext
from services.accounts import api as accounts
from services.peer_groups import runs
from services.peer_groups.run_types import ProtocolRun, run_state
from services.peer_groups.types import Ctx


async def _state(context: RequestContext, run_id: str) -> ProtocolRun:
    """Read afresh, the session and membership checked again: after sign-out, or once the member left the group
    or has yet to accept its changed contract, the subscription ends with that refusal."""
    async with context.db.sessions() as session:
        await accounts.still_signed_in(session, context.session_token)
        _, row = await runs.group_run(session, context.member().account_id, run_id)
    return await run_state(context, row)


class _Watched:
    """What a run's subscriber listens for: the run's changes and anything about its group (a member leaving,
    the contract changing), each a reason to read again."""

    def __init__(self, run_id: str) -> None:
        self.subjects = {run_id}

    def __call__(self, event: Event) -> bool:
        return event.subject in self.subjects


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
        watched = _Watched(id)
        with broadcast.subscribe(watched) as changes:
            shown = await _state(context, id)
            watched.subjects.add(shown.row.group_id)
            yield shown
            async for _ in changes:
                # Events may arrive late or together; each read is the latest state, sent once per version.
                fresh = await _state(context, id)
                if fresh.row.version != shown.row.version:
                    shown = fresh
                    yield shown
