"""What a peer group's members hear besides meetings scheduled: a meeting moved or cancelled (and its 24-hour
reminder following the move, dropped on cancel), a seat offered to someone (what awaits their consent), a proposal
awaiting the members' agreement, and the proposal closed."""

from datetime import datetime, timedelta

from infra.database import Database
from infra.settings import Settings
from services.notifications.api import deliver_due, run_due_jobs
from tests.notifications.support import Inbox, pipeline
from tests.peer_groups.support import SCHEDULE, accept_all, form, network_of, open_group, soon
from tests.peer_groups.test_membership_consent import AGREE, ANSWER, PROPOSE
from tests.support.graphql import Gateway, Member

INBOX = "{ notifications(first: 10) { edges { node { kind text path } } } }"
MOVE = "mutation($m: ID!, $at: DateTime!) { moveMeeting(meetingId: $m, startsAt: $at) { id startsAt } }"
CANCEL = "mutation($m: ID!) { cancelMeeting(meetingId: $m) }"


def _news(member: Member) -> list[tuple[str, str]]:
    return [(e["node"]["kind"], e["node"]["text"]) for e in member.run(INBOX)["notifications"]["edges"]]


async def test_a_moved_meeting_is_told_and_reminded_at_its_new_time_only(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    _, _, (amara, ben), group = open_group(api, "Amara Okafor", "Ben Carter")
    [meeting] = amara.run(SCHEDULE, g=group, at=soon(3), count=1, mode="phone", place="")["scheduleMeetings"]
    moved = amara.run(MOVE, m=meeting["id"], at=soon(6))["moveMeeting"]
    inbox.messages.clear()
    assert await pipeline(database, settings) == 4  # scheduled, then moved, to each member
    kind, text = _news(ben)[0]
    assert kind == "MEETING_MOVED" and "Tuesday peers moved from" in text
    [mail] = [m for m in inbox.to(ben.email) if "moved" in m["Subject"]]
    assert any(part.get_content_type() == "text/calendar" for part in mail.iter_attachments())

    before, now = datetime.fromisoformat(meeting["startsAt"]), datetime.fromisoformat(moved["startsAt"])
    assert await run_due_jobs(database, before - timedelta(hours=23)) == 1  # the old time's job runs, reminds none
    inbox.messages.clear()
    assert await deliver_due(database, settings) == 0
    assert await run_due_jobs(database, now - timedelta(hours=23)) == 1
    assert await deliver_due(database, settings) == 2
    assert all("meets tomorrow" in m["Subject"] for m in inbox.messages)


async def test_a_cancelled_meeting_is_told_and_never_reminded(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    _, _, (amara, ben), group = open_group(api, "Amara Okafor", "Ben Carter")
    [meeting] = amara.run(SCHEDULE, g=group, at=soon(3), count=1, mode="phone", place="")["scheduleMeetings"]
    await pipeline(database, settings)
    assert ben.run(CANCEL, m=meeting["id"])["cancelMeeting"] == meeting["id"]
    assert ben.fails(CANCEL, m=meeting["id"])[0]["extensions"]["code"] == "NOT_FOUND"
    inbox.messages.clear()
    assert await pipeline(database, settings) == 2
    [mail] = inbox.to(amara.email)
    assert "is cancelled" in mail["Subject"] and _news(amara)[0][0] == "MEETING_CANCELLED"
    inbox.messages.clear()
    assert await run_due_jobs(database, datetime.fromisoformat(meeting["startsAt"]) - timedelta(hours=23)) == 1
    assert await deliver_due(database, settings) == 0 and inbox.messages == []


def test_moving_refuses_bad_input_and_changes_nothing(api: Gateway) -> None:
    _, _, (amara, ben), group = open_group(api, "Amara Okafor", "Ben Carter")
    [meeting] = amara.run(SCHEDULE, g=group, at=soon(3), count=1, mode="phone", place="")["scheduleMeetings"]
    past = (datetime.fromisoformat(soon(3)) - timedelta(days=10)).isoformat()
    assert amara.fails(MOVE, m=meeting["id"], at=past)[0]["extensions"]["code"] == "BAD_USER_INPUT"
    outsider = api.sign_up("Olga Outsider")
    assert outsider.fails(MOVE, m=meeting["id"], at=soon(5))[0]["extensions"]["code"] == "NOT_FOUND"
    assert outsider.fails(CANCEL, m=meeting["id"])[0]["extensions"]["code"] == "NOT_FOUND"
    starts = ben.run("query($g: ID!) { peerGroup(id: $g) { meetings { startsAt } } }", g=group)
    assert starts["peerGroup"]["meetings"] == [{"startsAt": meeting["startsAt"]}]


async def test_a_seat_offered_awaits_the_invitee_and_the_members_then_its_close_is_told(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    _, network, (amara, ben, chen) = network_of(api, "Amara Okafor", "Ben Carter", "Chen Wei")
    group = form(amara, network, [ben])
    accept_all(group, amara, ben)
    proposal = amara.run(PROPOSE, g=group, m=chen.id)["proposePeerGroupMember"]["id"]
    assert await pipeline(database, settings) == 2
    [(kind, text)] = _news(chen)
    assert kind == "SEAT_PROPOSED" and "invited to a seat in Tuesday peers" in text
    assert _news(ben)[0][0] == "PROPOSAL_AWAITING" and _news(amara) == []  # she proposed it
    assert "accept or decline" in inbox.to(chen.email)[0]["Subject"]

    chen.run(ANSWER, p=proposal, a=True)
    assert ben.run(AGREE, p=proposal, a=True)["answerPeerGroupProposal"]["state"] == "carried"
    inbox.messages.clear()
    assert await pipeline(database, settings) == 3
    assert _news(chen)[0] == ("PROPOSAL_CLOSED", "You have a seat in Tuesday peers")
    assert _news(amara)[0] == ("PROPOSAL_CLOSED", "A new member has a seat in Tuesday peers")
    assert {m["To"] for m in inbox.messages} == {amara.email, ben.email, chen.email}


async def test_a_declined_seat_is_told_to_whom_it_was_offered(
    api: Gateway, database: Database, settings: Settings
) -> None:
    _, network, (amara, ben, chen) = network_of(api, "Amara Okafor", "Ben Carter", "Chen Wei")
    group = form(amara, network, [ben])
    accept_all(group, amara, ben)
    proposal = amara.run(PROPOSE, g=group, m=chen.id)["proposePeerGroupMember"]["id"]
    ben.run(AGREE, p=proposal, a=False)
    await pipeline(database, settings)
    assert _news(chen)[0] == ("PROPOSAL_CLOSED", "The seat proposed to you in Tuesday peers was declined")
