"""A member with one of each kind of record the platform keeps about people, the event pipeline run to the end, and
their archive downloaded and opened."""

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from services.peer_groups.api import send_due_surveys
from services.peer_groups.cadence import add_months
from tests.gatherings.flows import RSVP, plan
from tests.gatherings.flows import SCHEDULE as SCHEDULE_GATHERING
from tests.peer_groups.support import SCHEDULE, accept_all, form, network_of, soon
from tests.support.graphql import Gateway, Member
from tests.support.pipeline import settle
from tests.support.world import CHECK_IN, GOAL, PLAN

PROFILE = 'mutation { updateProfile(input: {bio: "Amara coaches new principals in Lagos"}) { id } }'
STORY = """mutation($n: ID!, $a: String!, $t: String!, $b: String!) { writeStory(networkId: $n, audience: $a,
  story: {kind: PRACTICE_REFLECTION, title: $t, body: $b}) { id } }"""
EDIT = """mutation($s: ID!) { editStory(id: $s, change: {title: "Second thoughts",
  body: "A revised reflection on the timetable"}) { id } }"""
COMMENT = "mutation($s: ID!, $b: String!) { comment(storyId: $s, body: $b) { id } }"
HARVEST = """mutation($n: ID!) { createHarvest(networkId: $n, harvest: {title: "Spring harvest", gathering: WORLD_CAFE,
  summary: "What we learnt"}) { id } }"""
ITEM = """mutation($h: ID!, $s: ID!) { addHarvestItem(harvestId: $h, section: INSIGHTS, text: "Timetables matter",
  storyIds: [$s]) { id } }"""
CONSENT = "mutation($id: ID!) { answerCitationRequest(id: $id, consent: true) { id } }"
PROPOSE = "mutation($g: ID!, $m: ID!) { proposePeerGroupMember(peerGroupId: $g, memberId: $m) { id } }"
ANSWER_SEAT = "mutation($p: ID!) { answerPeerGroupInvitation(proposalId: $p, accept: true) { state } }"
AGREE = "mutation($p: ID!) { answerPeerGroupProposal(proposalId: $p, agree: true) { state } }"
SURVEY = """mutation($s: ID!) { answerSurvey(surveyId: $s, answers: [{key: "feel_different", scale: 4},
  {key: "difference", text: "More patient"}, {key: "objectives", scale: 3}, {key: "support", scale: 5}]) { id } }"""
FLAG = """mutation($s: ID!) { flagItem(kind: STORY, itemId: $s, reason: OTHER, note: "Please have a look") {
  id } }"""
EXPORT = "mutation { exportMyData { url expiresAt } }"
BEN_WORDS = "Ben's confidential reply"


@dataclass
class Scene:
    host: Member
    amara: Member
    ben: Member
    network: str
    group: str
    amara_story: str
    ben_story: str
    gathering: str


def scene(api: Gateway) -> Scene:
    """Amara, Ben and their network's host in a peer group: Amara and Ben each write a story there and comment on
    the other's; Amara is going to the network's gathering."""
    host, network, [amara, ben] = network_of(api, "Amara Okafor", "Ben Adler")
    group = form(amara, network, [ben, host])
    accept_all(group, amara, ben, host)
    amara.run(PROFILE)
    mine = amara.run(
        STORY, n=network, a=f"peer_group:{group}", t="The timetable dilemma", b="A reflection on the timetable"
    )["writeStory"]["id"]
    theirs = ben.run(STORY, n=network, a=f"peer_group:{group}", t="Ben's first term", b="Ben's reflection")[
        "writeStory"
    ]["id"]
    amara.run(COMMENT, s=theirs, b="An encouraging comment")
    ben.run(COMMENT, s=mine, b=BEN_WORDS)
    gathering = host.run(SCHEDULE_GATHERING, n=network, l=None, g=plan("Spring World Café", 10))
    gathering_id = gathering["scheduleGathering"]["id"]
    amara.run(RSVP, id=gathering_id, y=True)
    return Scene(host, amara, ben, network, group, mine, theirs, gathering_id)


def one_of_each(api: Gateway, seen: Scene) -> None:
    """What else Amara keeps: an edit, a plan checked in on, a survey answered, a citation consented to, a flag,
    a vote on a seat, and notifications."""
    amara = seen.amara
    amara.run(EDIT, s=seen.amara_story)
    meeting = amara.run(SCHEDULE, g=seen.group, at=soon(), count=1, mode="in_person", place="Room 4")
    amara.run(PLAN, n=seen.network)
    goal = amara.run(GOAL, n=seen.network)["addGoal"]["id"]
    amara.run(CHECK_IN, g=goal, m=meeting["scheduleMeetings"][0]["id"])
    harvest = seen.host.run(HARVEST, n=seen.network)["createHarvest"]["id"]
    seen.host.run(ITEM, h=harvest, s=seen.amara_story)
    [request] = amara.run("{ myCitationRequests { id } }")["myCitationRequests"]
    amara.run(CONSENT, id=request["id"])
    amara.run(FLAG, s=seen.ben_story)
    _vote_on_a_seat(api, seen)
    _answer_survey(api, amara)
    settle(api)


def _vote_on_a_seat(api: Gateway, seen: Scene) -> None:
    newcomer = api.sign_up("Dev Newcomer")
    invite = "mutation($n: ID!, $e: String!) { inviteMember(networkId: $n, email: $e) { id } }"
    invitation = seen.host.run(invite, n=seen.network, e=newcomer.email)["inviteMember"]["id"]
    newcomer.run("mutation($id: ID!) { acceptInvitation(id: $id) { id } }", id=invitation)
    pair = form(seen.ben, seen.network, [seen.amara])
    accept_all(pair, seen.ben, seen.amara)
    proposal = seen.ben.run(PROPOSE, g=pair, m=newcomer.id)["proposePeerGroupMember"]["id"]
    newcomer.run(ANSWER_SEAT, p=proposal)
    seen.amara.run(AGREE, p=proposal)


def _answer_survey(api: Gateway, member: Member) -> None:
    later = add_months(datetime.now(UTC), 12)
    api.http.portal.call(send_due_surveys, api.runtime.db, later)  # type: ignore[union-attr]
    survey = member.run("{ mySurveys { id } }")["mySurveys"][0]
    member.run(SURVEY, s=survey["id"])


def exported(member: Member) -> str:
    """The path of the member's new export link."""
    url = str(member.run(EXPORT)["exportMyData"]["url"])
    return url[url.index("/data-rights/") :]


def download(api: Gateway, path: str, token: str | None) -> tuple[int, bytes]:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = api.http.get(path, headers=headers)
    return response.status_code, response.content


def opened(archive: bytes) -> dict[str, Any]:
    """The archive's files: JSON parsed, Markdown as text."""
    with zipfile.ZipFile(io.BytesIO(archive)) as files:
        return {
            name: json.loads(files.read(name)) if name.endswith(".json") else files.read(name).decode()
            for name in files.namelist()
        }
