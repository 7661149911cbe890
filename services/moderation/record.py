"""The record of hosts', coordinators' and admins' acts: the `moderation` consumer group reads the events that
carry an `actor_id` for such an act (content hidden, restored or dismissed; roles changed; members removed; join
requests and scheme applications decided; mentees matched with a mentor) and keeps one row per event (idempotent
by event id, so a redelivery or a replay adds nothing). Rows are never changed; only retention deletes them
(`api.forget_before`). Taking the record away (acts.export) is such an act too.

What happened inside a peer group is recorded without its note: the record is read by the network's hosts, who
may not learn what the group said.
"""

from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import read
from events.consumer import Consumer
from events.envelope import Event
from infra.upserts import upsert
from services.moderation import events as ev
from services.moderation.reviewers import confidential
from services.moderation.tables import Act
from services.networks import events as networks

SOURCES = ("moderation", "networks", "peer_groups")
# An act: (actor, what they did, to what, detail); None when the event names no actor (written before the record).
Done = tuple[str, str, str, str]
Reading = Callable[[Event], Done | None]


def _decided(event: Event) -> Done | None:
    data = read(event, ev.FlagDecided)
    past = {"hide": "hid", "restore": "restored", "dismiss": "dismissed a flag on"}[data.decision]
    inside = confidential(list(event.audience))
    detail = "in a peer group" if inside else data.note
    return data.actor_id, f"{past} a {data.target_kind}", f"{data.target_kind}:{data.target_id}", detail


def _role_changed(event: Event) -> Done | None:
    data = read(event, networks.RoleChanged)
    return data.actor_id, f"made a member {data.role}", f"member:{data.member_id}", ""


def _removed(event: Event) -> Done | None:
    data = read(event, networks.MemberRemoved)
    return data.actor_id, "removed a member", f"member:{data.member_id}", data.reason


def _join_decided(event: Event) -> Done | None:
    data = read(event, networks.JoinRequestDecided)
    done = "approved" if data.approved else "declined"
    return (data.actor_id, f"{done} a request to join", f"member:{data.member_id}", "") if data.actor_id else None


# Peer groups' events are read by their fields' names, not their classes: peer groups ask moderation who blocked
# whom, so importing them here would make the two services depend on each other.
def _application_decided(event: Event) -> Done | None:
    data, subject = event.data, f"member:{event.data['member_id']}"
    done = "approved" if data["approved"] else "declined"
    return (data["actor_id"], f"{done} an application to a scheme", subject, "") if data.get("actor_id") else None


def _matched(event: Event) -> Done | None:
    data = event.data
    return (
        data["actor_id"],
        "matched mentees with a mentor",
        f"peer_group:{data['group_id']}",
        f"{data['members']} members",
    )


def _exported(event: Event) -> Done | None:
    data = read(event, ev.RecordExported)
    return data.actor_id, f"exported the record as {data.format.upper()}", f"network:{data.network_id}", ""


READINGS: dict[str, Reading] = {
    "moderation.flag.decided": _decided,
    "networks.member.role_changed": _role_changed,
    "networks.join_request.decided": _join_decided,
    "networks.member.removed": _removed,
    "peer_groups.application.decided": _application_decided,
    "peer_groups.mentoring.matched": _matched,
    "moderation.record.exported": _exported,
}


async def handle(event: Event, session: AsyncSession) -> None:
    reading = READINGS.get(event.type)
    act = reading(event) if reading and event.network else None
    if act is None or event.network is None:
        return
    actor, action, subject, detail = act
    row = {
        "event_id": event.id,
        "network_id": event.network,
        "actor_id": actor,
        "action": action,
        "subject": subject,
        "detail": detail,
        "at": event.time,
    }
    await upsert(session, Act, [row])


def consumer(sources: tuple[str, ...] = SOURCES) -> Consumer:
    return Consumer(name="moderation", handle=handle, sources=sources)
