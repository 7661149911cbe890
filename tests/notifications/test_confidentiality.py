"""No notification or email about peer-group content carries that content, and none reaches anyone but the
members who accepted the group's current contract (the seated members, for a changed contract awaiting them).

Hypothesis generates events of every kind the notifications consumer reads (comments, reactions and @mentions
included), each filled with secret text wherever its payload takes text; after each batch, no notification row,
email subject, header or body holds a secret, and every recipient is one the trust model allows.
"""

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import select

from events import audience
from events.audience import network, peer_group
from events.catalogue import Payload, new_event
from events.envelope import Event
from events.outbox import record
from events.publication import Publication
from infra.columns import new_id
from infra.database import Database
from infra.settings import Settings
from services.harvests import events as harvests
from services.knowledge import events as knowledge
from services.moderation import events as moderation
from services.notifications.api import deliver_due, run_due_jobs
from services.notifications.happenings import READINGS
from services.notifications.kinds import Kind
from services.notifications.tables import Notification
from services.peer_groups import events as groups
from tests.notifications.support import Inbox, notify_all
from tests.peer_groups.support import ACCEPT, CONTRACT, SCHEDULE, form, network_of, soon
from tests.peer_groups.test_membership_consent import AGREE, ANSWER, PROPOSE
from tests.support.graphql import Gateway, Member

SECRETS = st.builds(
    "{}{}".format, st.sampled_from(["quillfeather", "Zanzibar plan ", "my burnout story "]), st.integers(0, 999)
)
NOTES = "mutation($m: ID!, $n: String!) { writeMeetingNotes(meetingId: $m, notes: $n) { id } }"


def _publication(kind: Any, secret: str, group: str | None) -> Publication:
    now = datetime.now(UTC)
    return Publication(
        kind=kind,
        title=secret,
        text=f"{secret} {secret}",
        peer_group_id=group,
        created_at=now,
        updated_at=now,
        path=f"/{kind}s/{new_id()}",
    )


def _responses(secret: str, world: dict[str, Any], ident: str, inside: tuple[str, ...]) -> dict[str, Any]:
    """Comments, reactions and stories in the group: by and on anyone's writing (the secret picks whose, the
    outsider's too), mentioning everyone in the network."""
    everyone = sorted(world["network_members"])
    number = int("".join(filter(str.isdigit, secret)))
    author, actor = everyone[number % len(everyone)], everyone[number // len(everyone) % len(everyone)]
    story = {
        "story_id": ident,
        "network_id": world["network"],
        "author_id": author,
        "kind": "good_news",
        "publication": _publication("story", secret, world["group"]),
        "mentioned_ids": everyone,
    }
    return {
        "knowledge.comment.added": (
            knowledge.CommentAdded(
                comment_id=new_id(),
                target_kind="story",
                target_id=ident,
                kind="comment",
                author_id=actor,
                body=secret,
                target_author_id=author,
                mentioned_ids=everyone,
            ),
            inside,
        ),
        "knowledge.reaction.changed": (
            knowledge.ReactionChanged(
                target_kind="story",
                target_id=ident,
                member_id=actor,
                reaction="thanks",
                on=True,
                target_author_id=author,
            ),
            inside,
        ),
        "knowledge.story.shared": (knowledge.StoryShared(**story), inside),
        "knowledge.story.changed": (knowledge.StoryChanged(**story, revision=1), inside),
    }


def _flags(secret: str, world: dict[str, Any], ident: str, inside: tuple[str, ...]) -> dict[str, Any]:
    """A flag on anyone's comment in the group, by anyone, its flagger letting the coordinators in or not, and a
    decision with a note that quotes what was said."""
    everyone = sorted(world["network_members"])
    number = int("".join(filter(str.isdigit, secret)))
    about = {
        "flag_id": ident,
        "network_id": world["network"],
        "target_kind": "comment",
        "target_id": ident,
        "author_id": everyone[number % len(everyone)],
    }
    raised = moderation.FlagRaised(
        **about, reason="harassment", flagged_by=everyone[number // 2 % len(everyone)], to_coordinators=number % 2 == 0
    )
    decided = moderation.FlagDecided(**about, decision="hide", actor_id=everyone[0], note=secret)
    return {"moderation.flag.raised": (raised, inside), "moderation.flag.decided": (decided, inside)}


def _schemes(secret: str, world: dict[str, Any], ident: str) -> dict[str, Any]:
    """Applications and choices in a mentoring scheme, addressed to the people they concern (`member:<id>`); each
    notification may reach only the one person the event names for it (the network's coordinators for an
    application)."""
    everyone = sorted(world["network_members"])
    number = int("".join(filter(str.isdigit, secret)))
    one, other = everyone[number % len(everyone)], everyone[number // len(everyone) % len(everyone)]
    scheme = {"scheme_id": ident}
    choice = {**scheme, "choice_id": ident, "offer_id": ident, "mentee_id": one, "mentor_id": other}
    world["addressed"] |= {f"application:{ident}": {one} | world["coordinators"], f"choice:{ident}": {one, other}}
    to = (audience.member(one), audience.member(other))
    return {
        "peer_groups.application.made": (
            groups.ApplicationMade(**scheme, application_id=ident, member_id=one, role="mentee"),
            (audience.member(one), *map(audience.member, world["coordinators"])),
        ),
        "peer_groups.application.decided": (
            groups.ApplicationDecided(**scheme, application_id=ident, member_id=one, approved=number % 2 == 0),
            (audience.member(one),),
        ),
        "peer_groups.offer.chosen": (groups.OfferChosen(**choice), to),
        "peer_groups.choice.answered": (groups.ChoiceAnswered(**choice, accepted=False, group_id=None), to),
    }


def _event(kind: str, secret: str, world: dict[str, Any]) -> Event:
    group, net, at, ident = world["group"], world["network"], datetime.now(UTC) + timedelta(days=3), new_id()
    inside = (peer_group(group),)
    made: dict[str, tuple[Payload, tuple[str, ...]]] = {
        "peer_groups.contract.changed": (groups.ContractChanged(group_id=group, version=2), inside),
        "peer_groups.meeting.scheduled": (
            groups.MeetingScheduled(
                meeting_id=world["meeting"],
                group_id=group,
                starts_at=at,
                mode="online",
                publication=_publication("meeting", secret, group),
            ),
            inside,
        ),
        "peer_groups.meeting.moved": (
            groups.MeetingMoved(
                meeting_id=world["meeting"],
                group_id=group,
                starts_at=at,
                was=at - timedelta(days=1),
                mode="online",
                publication=_publication("meeting", secret, group),
            ),
            inside,
        ),
        "peer_groups.meeting.cancelled": (
            groups.MeetingCancelled(meeting_id=ident, group_id=group, starts_at=at),
            inside,
        ),
        "peer_groups.proposal.made": (
            groups.ProposalMade(
                proposal_id=world["proposal"],
                group_id=group,
                kind="seat",
                member_id=world["outsider"],
                proposed_by=ident,
            ),
            inside,
        ),
        "peer_groups.proposal.closed": (
            groups.ProposalClosed(
                proposal_id=world["proposal"], group_id=group, kind="seat", member_id=world["outsider"], carried=False
            ),
            inside,
        ),
        "peer_groups.survey.sent": (groups.SurveySent(group_id=group, months=12, recipients=2), inside),
        "peer_groups.group.changed": (
            groups.PeerGroupChanged(group_id=group, network_id=net, kind="peer_group", member_ids=[], publication=None),
            inside,
        ),
        "peer_groups.attendance.recorded": (
            groups.AttendanceRecorded(meeting_id=world["meeting"], group_id=group, present=1, absent=1),
            inside,
        ),
        "harvests.citation.requested": (
            harvests.CitationRequested(
                request_id=ident, harvest_id=ident, story_id=ident, author_id=world["outsider"], status="pending"
            ),
            inside,
        ),
        "harvests.harvest.published": (
            harvests.HarvestPublished(
                harvest_id=ident,
                network_id=net,
                gathering=secret,
                status="published",
                network_ids=[net],
                publication=_publication("harvest", secret, None),
            ),
            (network(net),),
        ),
        **_responses(secret, world, ident, inside),
        **_flags(secret, world, ident, inside),
        **_schemes(secret, world, ident),
    }
    data, audience = made[kind]
    return new_event(data, subject=ident, audience=audience, network=net)


def _allowed(row: Notification, world: dict[str, Any]) -> set[str]:
    if row.subject in world["addressed"]:
        return set(world["addressed"][row.subject])
    if row.kind == Kind.HARVEST_PUBLISHED.value:
        return world["network_members"]
    if row.kind in (Kind.SEAT_PROPOSED.value, Kind.PROPOSAL_CLOSED.value):
        return world["consenting"] | {world["proposed"][row.subject]}  # and the one it is about
    if row.kind in (Kind.CADENCE_BROKEN.value, Kind.FLAG_FOR_COORDINATORS.value):
        return world["consenting"] | world["coordinators"]  # whether it keeps meeting, as their overview shows
    seated = (Kind.CONTRACT_CHANGED.value, Kind.PROPOSAL_AWAITING.value)
    return world["seated"] if row.kind in seated else world["consenting"]


def _world(api: Gateway) -> dict[str, Any]:
    host, net, (amara, ben, chen, dana) = network_of(api, "Amara Okafor", "Ben Carter", "Chen Wei", "Dana Scully")
    group = form(amara, net, [ben])
    for member in (amara, ben):  # Chen is seated later and never accepts the contract; Dana is only proposed
        member.run(ACCEPT, g=group, v=member.run(CONTRACT, id=group)["peerGroup"]["contract"]["version"])
    proposal = amara.run(PROPOSE, g=group, m=dana.id)["proposePeerGroupMember"]["id"]
    seat = amara.run(PROPOSE, g=group, m=chen.id)["proposePeerGroupMember"]["id"]
    chen.run(ANSWER, p=seat, a=True)
    assert ben.run(AGREE, p=seat, a=True)["answerPeerGroupProposal"]["state"] == "carried"
    [meeting] = amara.run(
        SCHEDULE, g=group, at=soon(3), count=1, mode="online", place="https://meet.example.org/quillfeather"
    )["scheduleMeetings"]
    amara.run(NOTES, m=meeting["id"], n="quillfeather confided")
    people: list[Member] = [host, amara, ben, chen, dana]
    return {
        "group": group,
        "network": net,
        "meeting": meeting["id"],
        "outsider": dana.id,
        "proposal": proposal,
        "proposed": {f"proposal:{proposal}": dana.id, f"proposal:{seat}": chen.id},
        "consenting": {amara.id, ben.id},
        "coordinators": {host.id},
        "seated": {amara.id, ben.id, chen.id},
        "network_members": {p.id for p in people},
        "email_of": {p.id: p.email for p in people},
        "addressed": {},
    }


async def _run(settings: Settings, events: list[Event]) -> list[Notification]:
    db = Database(settings.resolved_database_url)
    try:
        async with db.transaction() as session:
            record(session, events)
        await notify_all(db)
        # Past reminders and the group's missed cadence (its one meeting three days from now, due again two months on).
        await run_due_jobs(db, datetime.now(UTC) + timedelta(days=100))
        await deliver_due(db, settings)
        async with db.sessions() as session:
            return list(await session.scalars(select(Notification)))
    finally:
        await db.dispose()


def test_no_notification_or_email_carries_group_content_or_reaches_beyond_its_members(
    api: Gateway, settings: Settings, inbox: Inbox
) -> None:
    world = _world(api)
    told: set[str] = {"quillfeather", "meet.example.org"}

    @hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(batch=st.lists(st.tuples(st.sampled_from(sorted(READINGS)), SECRETS), min_size=1, max_size=4))
    def events_of_every_kind(batch: list[tuple[str, str]]) -> None:
        told.update(secret for _, secret in batch)
        rows = asyncio.run(_run(settings, [_event(kind, secret, world) for kind, secret in batch]))
        for row in rows:
            assert row.recipient_id in _allowed(row, world), row.kind
            shown = f"{row.title} {row.path} {row.actor_names} {row.subject}"
            assert not any(secret in shown for secret in told), shown
        about = {row.id: row for row in rows}
        for message in inbox.messages:
            row = about[message["Message-ID"].strip("<>").partition("@")[0]]
            assert message["To"] == world["email_of"][row.recipient_id]
            assert not any(secret in message.as_string() for secret in told)

    events_of_every_kind()
    assert inbox.messages, "emails were sent and checked"
