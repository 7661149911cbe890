"""Shared steps of the gatherings tests: a network with a local group, a host, and gatherings in its future."""

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.knowledge.community import Community
from tests.support.graphql import Member

SCHEDULE = """mutation($n: ID!, $l: ID, $g: GatheringInput!) {
  scheduleGathering(networkId: $n, localGroupId: $l, gathering: $g) { id title capacity waitingList status } }"""
RSVP = """mutation($id: ID!, $y: Boolean!) { rsvpToGathering(id: $id, going: $y) {
  going waiting myRsvp { answer position } } }"""
READ = """query($id: ID!) { gathering(id: $id) { title kind agenda capacity going waiting status calendarPath
  startsAt endsAt myRsvp { answer position } attendees { name answer position present } } }"""
LIST = """query($n: ID!, $l: ID) { gatherings(networkId: $n, localGroupId: $l) { totalCount
  edges { node { id title } } } }"""
ATTENDANCE = """mutation($id: ID!, $p: [ID!]!) { recordGatheringAttendance(id: $id, presentIds: $p) {
  attendees { name answer present } } }"""
FOLLOW_UPS = """query($id: ID!) { gatheringFollowUps(gatheringId: $id) {
  itemId section text ownerId ownerName dueOn doneAt harvestTitle } }"""
CREATE_HARVEST = """mutation($n: ID!, $h: HarvestInput!) { createHarvest(networkId: $n, harvest: $h) {
  id gathering gatheringId } }"""
ADD_ITEM = """mutation($h: ID!, $s: HarvestSection!, $t: String!, $o: ID, $d: Date) {
  addHarvestItem(harvestId: $h, section: $s, text: $t, ownerId: $o, dueOn: $d) { id ownerName dueOn } }"""
PUBLISH = "mutation($id: ID!) { publishHarvest(id: $id) { status } }"
DONE = "mutation($i: ID!) { followUpAction(harvestItemId: $i) { doneAt ownerName } }"


def plan(title: str, days: int, capacity: int = 2, **more: Any) -> dict[str, Any]:
    """A World Café `days` from now, two hours long, at a place in Leeds."""
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=days)
    agenda = "Three rounds on what helps learning travel."
    return {
        "kind": "WORLD_CAFE",
        "title": title,
        "startsAt": start.isoformat(),
        "endsAt": (start + timedelta(hours=2)).isoformat(),
        "capacity": capacity,
        "place": "Leeds Central Library",
        "agenda": agenda,
    } | more


def scheduled(host: Member, place: Community, title: str, days: int, **more: Any) -> str:
    found = host.run(SCHEDULE, n=place.network, l=None, g=plan(title, days, **more))
    return str(found["scheduleGathering"]["id"])


def rsvp(member: Member, gathering: str, going: bool = True) -> dict[str, Any]:
    return dict(member.run(RSVP, id=gathering, y=going)["rsvpToGathering"])
