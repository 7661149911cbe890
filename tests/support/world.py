"""A world with things outsiders must not see, the outsiders who try, and the ids suites point their calls at.

Each service that lands adds its hidden entities here (a peer group, a confidential story, a draft harvest):
their ids under the GraphQL type name that fields return, their confidential texts to SECRETS, and if they live in
the peer group's space, their kind to PEER_GROUP_KINDS and their texts to PEER_GROUP_SECRETS.
"""

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime

from services.peer_groups.api import send_due_surveys
from services.peer_groups.cadence import add_months
from tests.peer_groups.scheme_support import CHOOSE, join_scheme
from tests.peer_groups.support import FORM, SCHEDULE, accept_all, soon
from tests.peer_groups.test_membership_consent import AGREE, PROPOSE
from tests.peer_groups.test_membership_consent import ANSWER as ANSWER_INVITATION
from tests.support.graphql import Gateway, Member

NETWORK = 'mutation($d: String!) { createNetwork(name: "Quillfeather Circle", description: $d) { id } }'
AREA = 'mutation($n: ID!) { addPracticeArea(networkId: $n, name: "quillfeather rituals") }'
GROUP = (
    'mutation($n: ID!) { createLocalGroup(networkId: $n, name: "Quillfeather Leeds", place: "Quillfeather Vale",'
    ' description: "quillfeather group plans") { id } }'
)
PROFILE = (
    'mutation { updateProfile(input: {bio: "quillfeather private bio", offers: "quillfeather offers",'
    ' seeks: "quillfeather seeks"}) { id } }'
)
INVITE = "mutation($n: ID!, $e: String!) { inviteMember(networkId: $n, email: $e) { id } }"
ACCEPT = "mutation($id: ID!) { acceptInvitation(id: $id) { id } }"
NOTIFICATIONS = "{ notifications(first: 1) { edges { node { id } } } }"
JOIN_GROUP = "mutation($g: ID!) { joinLocalGroup(id: $g) { id } }"
PUBLIC = 'mutation { createNetwork(name: "Open Commons", isPublic: true) { id } }'
JOIN = 'mutation($n: ID!) { requestToJoin(networkId: $n, message: "quillfeather join message") { id } }'
STORY = """mutation($n: ID!, $a: String!) { writeStory(networkId: $n, audience: $a, story: {kind: INCIDENT_OR_DILEMMA,
  title: "Quillfeather dilemma", body: "quillfeather confidential story"}) { id } }"""
RESOURCE = """mutation($n: ID!) { addResource(networkId: $n, resource: {kind: BOOK, title: "Quillfeather Handbook",
  url: "https://quillfeather.example.org/handbook"}) { resource { id } } }"""
HARVEST = """mutation($n: ID!) { createHarvest(networkId: $n, harvest: {title: "Quillfeather harvest",
  gathering: WORLD_CAFE, summary: "quillfeather draft summary"}) { id } }"""
ITEM = """mutation($h: ID!, $s: ID!, $r: ID!) { addHarvestItem(harvestId: $h, section: INSIGHTS,
  text: "quillfeather insight", storyIds: [$s], resourceIds: [$r]) { id } }"""
GATHERING = """mutation($n: ID!, $l: ID!) { scheduleGathering(networkId: $n, localGroupId: $l, gathering: {
  kind: WORLD_CAFE, title: "Quillfeather gathering", startsAt: "2031-01-01T18:00:00+00:00",
  endsAt: "2031-01-01T20:00:00+00:00", capacity: 5, place: "Quillfeather Vale", agenda: "quillfeather agenda"})
  { id } }"""
CONNECT = """mutation($n: ID!, $p: ID!) { proposeNetworkConnection(networkId: $n, partnerNetworkId: $p) { id } }"""
AGREE_TO_CONNECT = "mutation($id: ID!) { answerNetworkConnection(id: $id, accept: true) { id } }"
ROLE = "mutation($n: ID!, $m: ID!, $r: String!) { setMemberRole(networkId: $n, memberId: $m, role: $r) }"
NOTES = 'mutation($m: ID!) { writeMeetingNotes(meetingId: $m, notes: "quillfeather meeting notes") { id } }'
PROTOCOL = """mutation($g: ID!) { defineProtocol(peerGroupId: $g, name: "Quillfeather listening round", steps: [
  {title: "quillfeather silent listening", role: "presenter", seconds: 120, guidance: "quillfeather guidance"}])
  { key } }"""
RUN = """mutation($m: ID!, $k: String!, $p: ID!) { startProtocolRun(meetingId: $m, protocol: $k, presenterId: $p)
  { id } }"""
PLAN = 'mutation($n: ID!) { setPlanVisibility(networkId: $n, visibility: "peer_group") { id } }'
GOAL = (
    'mutation($n: ID!) { addGoal(networkId: $n, title: "quillfeather goal", milestones: ["quillfeather step"]) { id } }'
)
CHECK_IN = """mutation($g: ID!, $m: ID!) { checkIn(goalId: $g, meetingId: $m, progress: 40,
  reflection: "quillfeather reflection") { id } }"""
ANSWER = """mutation($s: ID!) { answerSurvey(surveyId: $s, answers: [{key: "feel_different", scale: 4},
  {key: "difference", text: "quillfeather survey answer"}, {key: "objectives", scale: 3}, {key: "support", scale: 5}])
  { id } }"""
SCHEME = """mutation($n: ID!) { createMentoringScheme(input: {networkId: $n, name: "Quillfeather mentoring",
  kind: "one_to_one", aims: "quillfeather aims"}) { id } }"""
FLAG = 'mutation($i: ID!) { flagItem(kind: STORY, itemId: $i, reason: OTHER, note: "quillfeather flag note") { id } }'
OFFER = 'mutation($s: ID!) { postMentoringOffer(mentoringSchemeId: $s, text: "quillfeather offer text") { id } }'
# Every confidential text and address of the world; none may appear in any answer to an outsider.
SECRETS = (
    "Quillfeather",
    "quillfeather",
    "Hana Quillhost",
    "host@quill.example.org",
    "Ivy Quillinsider",
    "insider@quill.example.org",
    "invitee@quill.example.org",
    "applicant@quill.example.org",
    "Apu Quillapplicant",
    "Fern Quillfellow",
    "fellow@quill.example.org",
    "Pim Quillpairer",
    "pairer@quill.example.org",
    "Nia Quillcohost",
    "cohost@quill.example.org",
    "Cole Quillcoordinator",
    "coordinator@quill.example.org",
    "Lena Quilllate",
    "late@quill.example.org",
)
PEER_GROUP_NAME = "Quillfeather Tuesday peers"
# What is said and kept in the peer group; none may reach a member of its network outside it (DOMAIN.md).
PEER_GROUP_SECRETS = (
    "Quillfeather Tuesday peers",
    "Quillfeather dilemma",
    "quillfeather confidential story",
    "Quillfeather Hall",
    "quillfeather meeting notes",
    "Quillfeather listening round",
    "quillfeather silent listening",
    "quillfeather guidance",
    "quillfeather goal",
    "quillfeather step",
    "quillfeather reflection",
    "quillfeather survey answer",
    "quillfeather flag note",
)
# The kinds of world.ids that are the peer group's or live in its space (its story, also as a feed item).
PEER_GROUP_KINDS = frozenset(
    {
        "PeerGroup",
        "Story",
        "Item",
        "CitationRequest",
        "Meeting",
        "ProtocolRun",
        "DevelopmentPlan",
        "Goal",
        "Survey",
        "Proposal",
        "Flag",
    }
)
# What was said in the peer group before a late joiner's seat: theirs only once the members open its history. The
# group's name, its own protocols and the plans its members share with it are theirs as members.
LATE_JOINER_SECRETS = (
    "Quillfeather dilemma",
    "quillfeather confidential story",
    "Quillfeather Hall",
    "quillfeather meeting notes",
    "quillfeather reflection",
    "quillfeather survey answer",
    "quillfeather flag note",
)
LATE_JOINER_KINDS = frozenset({"Story", "Item", "CitationRequest", "Meeting", "ProtocolRun", "Survey", "Flag"})
# What is the network's own, inside it: none may reach a member of a connected network, who may see what the
# network publishes to its partners and its name and description as a partner, nothing else.
NETWORK_SECRETS = (
    "quillfeather rituals",
    "Quillfeather Leeds",
    "Quillfeather Vale",
    "quillfeather group plans",
    "quillfeather private bio",
    "quillfeather offers",
    "quillfeather seeks",
    "Ivy Quillinsider",
    "insider@quill.example.org",
    "invitee@quill.example.org",
    "Quillfeather Handbook",
    "Quillfeather harvest",
    "quillfeather draft summary",
    "quillfeather insight",
    "Quillfeather mentoring",
    "quillfeather aims",
    "quillfeather offer text",
    "quillfeather identity",
    "Fern Quillfellow",
    "Nia Quillcohost",
    "Cole Quillcoordinator",
    "Hana Quillhost",
    "host@quill.example.org",
    "Quillfeather gathering",
    "quillfeather agenda",
)
# The kinds of world.ids that live inside the network (beside the peer group's).
NETWORK_KINDS = frozenset(
    {
        "Network",
        "LocalGroup",
        "Member",
        "Invitation",
        "Resource",
        "Harvest",
        "HarvestItem",
        "FeedInterest",
        "MentoringScheme",
        "MentoringOffer",
        "Mentor",
        "Mentee",
        "Presenter",
        "PresentMember",
        "Gathering",
        "Present",
        "Owner",
    }
)


@dataclass
class World:
    ids: dict[str, str]
    # Who asks: name -> bearer token (None: anonymous).
    outsiders: dict[str, str | None]
    # The private network's host, who sees it all: proves the sweep's operations reach the hidden data.
    host_token: str
    # Members of the network and its local group outside the peer group: they see the network, never the group's
    # space. name -> bearer token.
    fellows: dict[str, str]
    # A second host and a coordinator of the network, outside the peer group: they form groups and propose
    # members, and never see inside a group they are not a consenting member of. name -> bearer token.
    staff: dict[str, str] = field(default_factory=dict)
    # A member of a network connected with the world's: what the network publishes may reach them, nothing of its
    # inside or of the peer group. name -> bearer token.
    connected: dict[str, str] = field(default_factory=dict)
    # A member seated in the peer group through a proposal after all it holds was said. name -> bearer token.
    late: dict[str, str] = field(default_factory=dict)


def _private_network(api: Gateway) -> tuple[dict[str, str], Member, dict[str, str], dict[str, str]]:
    host = api.sign_up("Hana Quillhost", "host@quill.example.org")
    network = host.run(NETWORK, d="quillfeather confidential description")["createNetwork"]["id"]
    host.run(AREA, n=network)
    group = host.run(GROUP, n=network)["createLocalGroup"]["id"]
    host.run(PROFILE)
    insider = _local_member(host, network, group, api.sign_up("Ivy Quillinsider", "insider@quill.example.org"))
    invitation = host.run(INVITE, n=network, e="invitee@quill.example.org")["inviteMember"]["id"]
    public = host.run(PUBLIC)["createNetwork"]["id"]
    applicant = api.sign_up("Apu Quillapplicant", "applicant@quill.example.org")
    request = applicant.run(JOIN, n=public)["requestToJoin"]["id"]
    ids = {
        "Network": network,
        "LocalGroup": group,
        "Member": insider.id,
        "Invitation": invitation,
        "JoinRequest": request,
    }
    ids |= _knowledge(host, insider, network, public)
    ids |= _gathering(host, insider, network, group)
    fellows = _fellows(api, host, network, group, insider)
    late = _local_member(host, network, group, api.sign_up("Lena Quilllate", "late@quill.example.org"))
    ids["Proposal"] = _seat_late(ids["PeerGroup"], host, insider, late)
    # A flag raised in the peer group on its story: reviewed inside the group only.
    ids["Flag"] = host.run(FLAG, i=ids["Story"])["flagItem"]["id"]
    ids["Notification"] = _first_notification(insider)
    return ids, host, fellows, {"member who joined the peer group after its secrets were said": late.token}


def _seat_late(group: str, host: Member, insider: Member, late: Member) -> str:
    """The host proposes `late` for a seat, they accept, the insider agrees, and they accept the contract."""
    proposal = host.run(PROPOSE, g=group, m=late.id)["proposePeerGroupMember"]["id"]
    late.run(ANSWER_INVITATION, p=proposal, a=True)
    assert insider.run(AGREE, p=proposal, a=True)["answerPeerGroupProposal"]["state"] == "carried"
    accept_all(group, late)
    return proposal


def _first_notification(member: Member) -> str:
    """The member's newest notification (the late joiner's proposal asked for their agreement), once the
    notifications consumer, a background task of the gateway, has made it: a readiness check, bounded."""
    ready = threading.Event()
    for _ in range(600):
        if edges := member.run(NOTIFICATIONS)["notifications"]["edges"]:
            return edges[0]["node"]["id"]
        ready.wait(0.05)
    raise AssertionError("the notifications consumer made no notification within 30 s")


def _local_member(host: Member, network: str, group: str, member: Member) -> Member:
    """Invited into the network by its host, then a member of its local group."""
    member.run(ACCEPT, id=host.run(INVITE, n=network, e=member.email)["inviteMember"]["id"])
    member.run(JOIN_GROUP, g=group)
    return member


def _fellows(api: Gateway, host: Member, network: str, group: str, insider: Member) -> dict[str, str]:
    """One fellow member who keeps to the network; one who formed a pair with the insider (any member may name a
    colleague, without their consent) and accepted its contract: still outside the insider's peer group."""
    fellow = _local_member(host, network, group, api.sign_up("Fern Quillfellow", "fellow@quill.example.org"))
    pairer = _local_member(host, network, group, api.sign_up("Pim Quillpairer", "pairer@quill.example.org"))
    pair = pairer.run(FORM, n=network, k="co_mentoring_pair", name="Quillfeather side pair", m=[insider.id])
    accept_all(pair["formPeerGroup"]["id"], pairer)
    return {
        "member of the network outside the peer group": fellow.token,
        "member who formed a pair with a peer-group member": pairer.token,
    }


def _knowledge(host: Member, insider: Member, network: str, public: str) -> dict[str, str]:
    """A peer-group story and a draft harvest citing it (with its consent request), a resource, a proposed
    connection between the host's two networks."""
    group = insider.run(FORM, n=network, k="peer_group", name=PEER_GROUP_NAME, m=[host.id])
    group_id = group["formPeerGroup"]["id"]
    accept_all(group_id, insider, host)
    story = insider.run(STORY, n=network, a=f"peer_group:{group_id}")["writeStory"]["id"]
    resource = host.run(RESOURCE, n=network)["addResource"]["resource"]["id"]
    harvest = host.run(HARVEST, n=network)["createHarvest"]["id"]
    item = host.run(ITEM, h=harvest, s=story, r=resource)["addHarvestItem"]["id"]
    [request] = insider.run("{ myCitationRequests { id } }")["myCitationRequests"]
    partnership = host.run(CONNECT, n=network, p=public)["proposeNetworkConnection"]["id"]
    return (
        {
            "Story": story,
            "Resource": resource,
            "Harvest": harvest,
            "HarvestItem": item,
            "CitationRequest": request["id"],
            "NetworkPartnership": partnership,
            "PartnerNetwork": public,
            "PeerGroup": group_id,
            "Item": story,
            "FeedInterest": network,
        }
        | _meeting(host, insider, network, group_id)
        | _scheme_and_survey(host, insider, network)
    )


def _meeting(host: Member, insider: Member, network: str, group: str) -> dict[str, str]:
    """A meeting with notes, a run of the group's own protocol, and a plan shared with the group, checked in on."""
    meeting = insider.run(SCHEDULE, g=group, at=soon(), count=1, mode="in_person", place="Quillfeather Hall")
    meeting_id = meeting["scheduleMeetings"][0]["id"]
    insider.run(NOTES, m=meeting_id)
    protocol = insider.run(PROTOCOL, g=group)["defineProtocol"]["key"]
    run = insider.run(RUN, m=meeting_id, k=protocol, p=host.id)["startProtocolRun"]["id"]
    insider.run(PLAN, n=network)
    goal = insider.run(GOAL, n=network)["addGoal"]["id"]
    insider.run(CHECK_IN, g=goal, m=meeting_id)
    plan = insider.run("query($n: ID!) { myDevelopmentPlan(networkId: $n) { id } }", n=network)["myDevelopmentPlan"]
    return {"Meeting": meeting_id, "ProtocolRun": run, "DevelopmentPlan": plan["id"], "Goal": goal}


def _scheme_and_survey(host: Member, insider: Member, network: str) -> dict[str, str]:
    """A scheme with an offer, and the group's 12-month survey, answered."""
    scheme = host.run(SCHEME, n=network)["createMentoringScheme"]["id"]
    application = join_scheme(host, host, scheme, "mentor", who=["quillfeather identity"])
    offer = host.run(OFFER, s=scheme)["postMentoringOffer"]["id"]
    join_scheme(host, insider, scheme, "mentee")
    choice = insider.run(CHOOSE, o=offer)["chooseMentoringOffer"]["id"]
    runtime = host.client.http.app.state.runtime  # type: ignore[attr-defined]
    host.client.http.portal.call(send_due_surveys, runtime.db, add_months(datetime.now(UTC), 12))  # type: ignore[union-attr]
    [survey] = insider.run("{ mySurveys { id } }")["mySurveys"]
    insider.run(ANSWER, s=survey["id"])
    member = insider.id  # ID arguments naming a person's part (mentor, mentee, presenter, present member)
    return {
        "MentoringScheme": scheme,
        "SchemeApplication": application,
        "Application": application,
        "Choice": choice,
        "MentoringOffer": offer,
        "Survey": survey["id"],
        "Mentor": member,
        "Mentee": member,
        "Presenter": member,
        "PresentMember": member,
        "Author": member,
    }


def _gathering(host: Member, insider: Member, network: str, group: str) -> dict[str, str]:
    """A gathering of the local group with the insider going; the insider is also whom attendance and an action's
    owner name."""
    found = host.run(GATHERING, n=network, l=group)["scheduleGathering"]["id"]
    insider.run("mutation($g: ID!) { rsvpToGathering(id: $g, going: true) { id } }", g=found)
    member = insider.id  # ID arguments naming a person's part (present at a gathering, owner of an action)
    return {"Gathering": found, "Present": member, "Owner": member}


def _staff(api: Gateway, host: Member, network: str, group: str) -> dict[str, str]:
    """A second host and a coordinator, in the network's local group, outside the peer group."""
    staff = {}
    for name, email, role in (
        ("Nia Quillcohost", "cohost@quill.example.org", "host"),
        ("Cole Quillcoordinator", "coordinator@quill.example.org", "coordinator"),
    ):
        member = _local_member(host, network, group, api.sign_up(name, email))
        host.run(ROLE, n=network, m=member.id, r=role)
        staff[f"{role} of the network outside the peer group"] = member.token
    return staff


def _connected(api: Gateway, host: Member, network: str) -> dict[str, str]:
    """A member of a public network the world's network connected with, once its resources and drafts were made."""
    partner_host = api.sign_up("Pat Partnerhost")
    partner = partner_host.run('mutation { createNetwork(name: "Partner Commons", isPublic: true) { id } }')
    partner_id = partner["createNetwork"]["id"]
    partner_host.run(AGREE_TO_CONNECT, id=host.run(CONNECT, n=network, p=partner_id)["proposeNetworkConnection"]["id"])
    reader = api.sign_up("Cas Connected")
    reader.run(ACCEPT, id=partner_host.run(INVITE, n=partner_id, e=reader.email)["inviteMember"]["id"])
    return {"member of a connected network": reader.token}


def build_world(api: Gateway) -> World:
    ids, host, fellows, late = _private_network(api)
    other = api.sign_up("Olive Outsider")
    other.run('mutation { createNetwork(name: "Outsider Network") { id } }')
    world = World(ids, {"anonymous": None, "member of another network": other.token}, host.token, fellows)
    world.staff = _staff(api, host, ids["Network"], ids["LocalGroup"])
    world.connected = _connected(api, host, ids["Network"])
    world.late = late
    return world
