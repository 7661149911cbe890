"""Events of the moderation service. Each carries the flagged item's audience: a flag inside a peer group is
news for that group only (plus the coordinators its flagger chose). No event carries the item's words.

- moderation.flag.raised     a member flagged an item for review
- moderation.flag.decided    a reviewer hid, restored or dismissed it, with a note; `actor_id` is who did
- moderation.record.exported a host took the record of hosts' acts away, as CSV or JSON
Blocks raise no event: the blocked member is never told, and reads filter by the viewer's blocks.
"""

from events.catalogue import Payload, payload


class FlagEvent(Payload):
    flag_id: str
    network_id: str
    target_kind: str
    target_id: str
    author_id: str


@payload("moderation.flag.raised", 1)
class FlagRaised(FlagEvent):
    reason: str
    flagged_by: str
    to_coordinators: bool


@payload("moderation.flag.decided", 1)
class FlagDecided(FlagEvent):
    decision: str
    actor_id: str
    note: str


@payload("moderation.record.exported", 1)
class RecordExported(Payload):
    network_id: str
    actor_id: str
    format: str
