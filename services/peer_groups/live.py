"""The live protocol run: every member's client gets the run's full state on each change (GraphQL subscription
over graphql-transport-ws), fed by this process's Broadcast of the event bus's live tail. A meeting's page follows
its running round too, so that it goes live when another member starts one."""

from collections.abc import AsyncGenerator, Callable, Coroutine
from typing import Any, TypeVar

import strawberry

from events.envelope import Event
from infra.context import Ctx, RequestContext
from infra.tasks import completed
from services.accounts import api as accounts
from services.peer_groups import meetings, queries, runs
from services.peer_groups.run_types import ProtocolRun, run_state

Shown = TypeVar("Shown", bound=ProtocolRun | None)


async def _state(context: RequestContext, run_id: str) -> tuple[str, ProtocolRun]:
    """Read afresh, the session and membership checked again: after sign-out, or once the member left the group
    or has yet to accept its changed contract, the subscription ends with that refusal."""
    async with context.db.sessions() as session:
        await accounts.still_signed_in(session, context.session_token)
        _, row = await runs.group_run(session, context.member().account_id, run_id)
    return row.group_id, await run_state(context, row)


async def _running(context: RequestContext, meeting_id: str) -> tuple[str, ProtocolRun | None]:
    """The meeting's unfinished round, if any, read under the same checks; a hidden meeting is NotFound."""
    async with context.db.sessions() as session:
        await accounts.still_signed_in(session, context.session_token)
        group, meeting = await meetings.group_meeting(session, context.member().account_id, meeting_id)
        row = next((run for run in await queries.runs_of(session, meeting.id) if run.finished_at is None), None)
    return group.id, await run_state(context, row) if row is not None else None


class _Watched:
    """What a subscriber listens for: its run's changes, or any run of its meeting, and anything about the group
    (a member leaving, the contract changing), each a reason to read again."""

    def __init__(self, subjects: set[str], meetings: set[str]) -> None:
        self.subjects, self.meetings = subjects, meetings

    def __call__(self, event: Event) -> bool:
        return event.subject in self.subjects or event.data.get("meeting_id") in self.meetings


def _version(run: ProtocolRun | None) -> tuple[str, int] | None:
    return (run.row.id, run.row.version) if run is not None else None


async def _follow(
    context: RequestContext, watched: _Watched, read: Callable[[], Coroutine[Any, Any, tuple[str, Shown]]]
) -> AsyncGenerator[Shown, None]:
    broadcast = context.runtime.broadcast if context.runtime is not None else None
    if broadcast is None:  # a process without live updates answers once
        yield (await completed(read()))[1]
        return
    # Each read runs to its end even when the socket closes meanwhile (infra.tasks says why).
    # Subscribed before the first read, so that no change between the two is missed.
    with broadcast.subscribe(watched) as changes:
        group_id, shown = await completed(read())
        watched.subjects.add(group_id)
        yield shown
        async for _ in changes:
            # Events may arrive late or together; each read is the latest state, sent once per version.
            _, fresh = await completed(read())
            if _version(fresh) != _version(shown):
                shown = fresh
                yield shown


@strawberry.type
class Subscription:
    @strawberry.subscription(description="The run's state now, then again after every change.")
    async def protocol_run(self, info: Ctx, id: strawberry.ID) -> AsyncGenerator[ProtocolRun, None]:
        async for state in _follow(info.context, _Watched({id}, set()), lambda: _state(info.context, id)):
            yield state

    @strawberry.subscription(
        description="The meeting's running round now (null when none), then again whenever a round starts, moves "
        "or ends: a page already open goes live when another member starts one."
    )
    async def meeting_run(self, info: Ctx, meeting_id: strawberry.ID) -> AsyncGenerator[ProtocolRun | None, None]:
        watched = _Watched(set(), {meeting_id})
        async for state in _follow(info.context, watched, lambda: _running(info.context, meeting_id)):
            yield state
