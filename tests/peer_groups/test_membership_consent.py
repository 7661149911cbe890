"""Membership by consent: nobody enters a running group without accepting an invitation and its members agreeing.
Hosts and coordinators propose members, themselves included; they never see inside a group they were not let into."""

import json
import uuid

from tests.peer_groups.support import ACCEPT, CONTRACT, SCHEDULE, accept_all, form, network_of, open_group, soon
from tests.support.graphql import Gateway, Member

SECRET = "Our director is stepping down in March"
PROPOSE = """mutation($g: ID!, $m: ID!) { proposePeerGroupMember(peerGroupId: $g, memberId: $m)
  { id state inviteeAccepted agreements agreementsNeeded } }"""
INVITATIONS = "{ myPeerGroupInvitations { id peerGroupName norms state accepted } }"
ANSWER = """mutation($p: ID!, $a: Boolean!) { answerPeerGroupInvitation(proposalId: $p, accept: $a)
  { state accepted } }"""
AGREE = """mutation($p: ID!, $a: Boolean!) { answerPeerGroupProposal(proposalId: $p, agree: $a)
  { state agreements agreementsNeeded } }"""
PENDING = "query($g: ID!) { peerGroup(id: $g) { openProposals { id memberName kind } } }"
NOTES = "mutation($m: ID!, $t: String!) { writeMeetingNotes(meetingId: $m, notes: $t) { id } }"
INSIDE = "query($g: ID!) { peerGroup(id: $g) { meetings { notes } } }"
ROLE = 'mutation($n: ID!, $m: ID!) { setMemberRole(networkId: $n, memberId: $m, role: "coordinator") }'


def _seated(member: Member) -> list[str]:
    return [g["id"] for g in member.run("{ myPeerGroups { id } }")["myPeerGroups"]]


def _with_notes(api: Gateway, *others: str) -> tuple[Member, str, list[Member], str]:
    host, network, people = network_of(api, "Amara Okafor", "Ben Carter", "Cleo Colleague", *others)
    group = form(people[0], network, people[1:2])
    accept_all(group, *people[:2])
    meeting = people[0].run(SCHEDULE, g=group, at=soon(), count=1, mode="phone", place="")["scheduleMeetings"][0]
    people[0].run(NOTES, m=meeting["id"], t=SECRET)
    return host, network, people, group


def test_a_host_proposing_themself_is_not_seated_until_the_members_agree(api: Gateway) -> None:
    host, _, (amara, ben, _), group = _with_notes(api)
    proposal = host.run(PROPOSE, g=group, m=host.id)["proposePeerGroupMember"]
    assert (proposal["state"], proposal["inviteeAccepted"], proposal["agreementsNeeded"]) == ("pending", True, 2)
    assert _seated(host) == [] and host.fails(INSIDE, g=group)[0]["extensions"]["code"] == "NOT_FOUND"
    assert host.fails(ACCEPT, g=group, v=1)[0]["extensions"]["code"] == "NOT_FOUND"
    assert [p["memberName"] for p in ben.run(PENDING, g=group)["peerGroup"]["openProposals"]] == ["Hana Host"]
    amara.run(AGREE, p=proposal["id"], a=True)
    assert _seated(host) == []
    assert ben.run(AGREE, p=proposal["id"], a=True)["answerPeerGroupProposal"]["state"] == "carried"
    assert _seated(host) == [group]


def test_one_member_declining_ends_a_coordinators_proposal(api: Gateway) -> None:
    host, network, (amara, ben, _, coordinator), group = _with_notes(api, "Cory Coordinator")
    host.run(ROLE, n=network, m=coordinator.id)
    proposal = coordinator.run(PROPOSE, g=group, m=coordinator.id)["proposePeerGroupMember"]["id"]
    amara.run(AGREE, p=proposal, a=True)
    assert ben.run(AGREE, p=proposal, a=False)["answerPeerGroupProposal"]["state"] == "declined"
    assert group not in _seated(coordinator)
    [error] = amara.fails(AGREE, p=proposal, a=True)
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert SECRET not in json.dumps(coordinator.fails(INSIDE, g=group))


def test_a_member_cannot_seat_a_stranger_alone(api: Gateway) -> None:
    host, network, (amara, ben, cleo), group = open_group(api, "Amara Okafor", "Ben Carter", "Cleo Colleague")
    cleo.run("mutation($g: ID!) { leavePeerGroup(peerGroupId: $g) }", g=group)
    dana = api.sign_up("Dana Novak")
    dana.run(
        "mutation($id: ID!) { acceptInvitation(id: $id) { id } }",
        id=host.run(
            "mutation($n: ID!, $e: String!) { inviteMember(networkId: $n, email: $e) { id } }", n=network, e=dana.email
        )["inviteMember"]["id"],
    )
    proposal = amara.run(PROPOSE, g=group, m=dana.id)["proposePeerGroupMember"]
    assert (proposal["agreements"], proposal["agreementsNeeded"], proposal["inviteeAccepted"]) == (1, 2, None)
    [invitation] = dana.run(INVITATIONS)["myPeerGroupInvitations"]
    assert invitation["peerGroupName"] == "Tuesday peers" and invitation["norms"] and invitation["accepted"] is None
    assert dana.run(ANSWER, p=proposal["id"], a=True)["answerPeerGroupInvitation"]["state"] == "pending"
    assert _seated(dana) == []
    assert ben.run(AGREE, p=proposal["id"], a=True)["answerPeerGroupProposal"]["state"] == "carried"
    assert _seated(dana) == [group]
    version = dana.run(CONTRACT, id=group)["peerGroup"]["contract"]["version"]
    assert dana.run(ACCEPT, g=group, v=version)["acceptContract"]["isOpen"] is True


def test_an_invitee_who_declines_is_never_seated(api: Gateway) -> None:
    _, _, (amara, ben, cleo), group = open_group(api, "Amara Okafor", "Ben Carter", "Cleo Colleague")
    cleo.run("mutation($g: ID!) { leavePeerGroup(peerGroupId: $g) }", g=group)
    proposal = amara.run(PROPOSE, g=group, m=cleo.id)["proposePeerGroupMember"]["id"]
    ben.run(AGREE, p=proposal, a=True)
    assert cleo.run(ANSWER, p=proposal, a=False)["answerPeerGroupInvitation"]["state"] == "declined"
    assert _seated(cleo) == [] and cleo.run(INVITATIONS)["myPeerGroupInvitations"] == []
    [stranger] = ben.fails(ANSWER, p=proposal, a=True)  # only the invitee answers an invitation
    assert stranger["extensions"]["code"] == "NOT_FOUND"


MEETING = "query($id: ID!) { meeting(id: $id) { notes } }"
HISTORY = """mutation($g: ID!, $m: ID!) { proposePeerGroupHistory(peerGroupId: $g, memberId: $m) { id state } }"""
PLAN = "query($id: ID!) { developmentPlan(id: $id) { goals { checkIns { reflection } } } }"


def _codes(errors: list[dict]) -> list[tuple[str, str]]:
    return [(e["extensions"]["code"], e["message"]) for e in errors]


def test_a_late_joiner_sees_from_their_joining_on_until_the_group_opens_its_history(api: Gateway) -> None:
    _, network, (amara, ben, cleo), group = _with_notes(api)
    old = amara.run(INSIDE.replace("notes", "id notes"), g=group)["peerGroup"]["meetings"][0]["id"]
    amara.run('mutation($n: ID!) { setPlanVisibility(networkId: $n, visibility: "peer_group") { id } }', n=network)
    goal = amara.run('mutation($n: ID!) { addGoal(networkId: $n, title: "Lead well") { id } }', n=network)["addGoal"]
    amara.run('mutation($g: ID!) { checkIn(goalId: $g, progress: 10, reflection: "before") { id } }', g=goal["id"])
    plan = amara.run("query($n: ID!) { myDevelopmentPlan(networkId: $n) { id } }", n=network)["myDevelopmentPlan"]
    proposal = amara.run(PROPOSE, g=group, m=cleo.id)["proposePeerGroupMember"]["id"]
    cleo.run(ANSWER, p=proposal, a=True)
    ben.run(AGREE, p=proposal, a=True)
    accept_all(group, cleo)
    assert cleo.run(INSIDE, g=group)["peerGroup"]["meetings"] == []
    assert _codes(cleo.fails(MEETING, id=old)) == _codes(cleo.fails(MEETING, id=str(uuid.uuid4())))
    amara.run('mutation($g: ID!) { checkIn(goalId: $g, progress: 20, reflection: "after") { id } }', g=goal["id"])
    [seen] = cleo.run(PLAN, id=plan["id"])["developmentPlan"]["goals"]
    assert seen["checkIns"] == [{"reflection": "after"}]
    later = amara.run(SCHEDULE, g=group, at=soon(9), count=1, mode="phone", place="")["scheduleMeetings"][0]["id"]
    assert cleo.run(MEETING, id=later)["meeting"] == {"notes": ""}
    opening = cleo.run(HISTORY, g=group, m=cleo.id)["proposePeerGroupHistory"]["id"]
    amara.run(AGREE, p=opening, a=True)
    assert SECRET not in json.dumps(cleo.run(INSIDE, g=group))
    assert ben.run(AGREE, p=opening, a=True)["answerPeerGroupProposal"]["state"] == "carried"
    assert cleo.run(MEETING, id=old)["meeting"] == {"notes": SECRET}
    assert len(cleo.run(PLAN, id=plan["id"])["developmentPlan"]["goals"][0]["checkIns"]) == 2
