"""Events of the gatherings service. Each carries the gathering's circle as its audience (`network:<id>` or
`local_group:<id>`) and its network.

- gatherings.gathering.scheduled  a host scheduled a gathering, with its publication (kind gathering, path
                                  /gatherings/<id>)
- gatherings.gathering.changed    a host edited it (time, place, agenda, capacity…); publication as above
- gatherings.gathering.cancelled  a host cancelled it; publication None (search and feeds drop it)
- gatherings.gathering.anonymised its host's account was erased: it stays, hosted by "a former member"
- gatherings.rsvp.answered        a member answered: going, waiting (with their place on the list) or not_going
- gatherings.rsvp.promoted        a place opened and the first member waiting is going now
- gatherings.attendance.recorded  a host recorded who was there (member ids only)
"""

from datetime import datetime

from events.catalogue import Payload, payload
from events.publication import Publication


class GatheringEvent(Payload):
    gathering_id: str
    network_id: str
    local_group_id: str | None
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime
    status: str
    publication: Publication | None


@payload("gatherings.gathering.scheduled", 1)
class GatheringScheduled(GatheringEvent):
    pass


@payload("gatherings.gathering.changed", 1)
class GatheringChanged(GatheringEvent):
    pass


@payload("gatherings.gathering.anonymised", 1)
class GatheringAnonymised(GatheringEvent):
    pass


@payload("gatherings.gathering.cancelled", 1)
class GatheringCancelled(GatheringEvent):
    pass


class RsvpEvent(Payload):
    gathering_id: str
    member_id: str
    answer: str
    # A waiting member's place on the list (1 is next); None otherwise.
    position: int | None = None


@payload("gatherings.rsvp.answered", 1)
class RsvpAnswered(RsvpEvent):
    pass


@payload("gatherings.rsvp.promoted", 1)
class RsvpPromoted(RsvpEvent):
    pass


@payload("gatherings.attendance.recorded", 1)
class AttendanceRecorded(Payload):
    gathering_id: str
    present: list[str]
    absent: list[str]
