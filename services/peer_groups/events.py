"""Events of the peer groups service. Group content carries the `peer_group:<id>` audience only; none carries
confidential text (notes, plans, answers) or anyone's sensitive profile data."""

from datetime import datetime

from events.catalogue import Payload, payload
from events.publication import Publication


@payload("peer_groups.group.changed", 1)
class PeerGroupChanged(Payload):
    group_id: str
    network_id: str
    kind: str
    member_ids: list[str]
    publication: Publication | None


@payload("peer_groups.contract.changed", 1)
class ContractChanged(Payload):
    """The norms changed: every member accepts again before the space reopens to them."""

    group_id: str
    version: int


@payload("peer_groups.contract.accepted", 1)
class ContractAccepted(Payload):
    group_id: str
    member_id: str
    version: int
    all_accepted: bool


@payload("peer_groups.proposal.made", 1)
class ProposalMade(Payload):
    """`member_id` proposed for a seat (kind `seat`: a notifications service invites them) or to see the group's
    history (kind `history`); the group's members are asked to agree. Ids only: the group's name stays inside."""

    proposal_id: str
    group_id: str
    kind: str
    member_id: str
    proposed_by: str


@payload("peer_groups.proposal.answered", 1)
class ProposalAnswered(Payload):
    """The invitee or a seated member answered; `agrees` False ends the proposal."""

    proposal_id: str
    group_id: str
    member_id: str
    agrees: bool


@payload("peer_groups.proposal.closed", 1)
class ProposalClosed(Payload):
    """Carried (the invitee is seated, or the history opened to them) or declined."""

    proposal_id: str
    group_id: str
    kind: str
    member_id: str
    carried: bool


@payload("peer_groups.meeting.scheduled", 1)
class MeetingScheduled(Payload):
    meeting_id: str
    group_id: str
    starts_at: datetime
    mode: str
    publication: Publication | None


@payload("peer_groups.meeting.moved", 1)
class MeetingMoved(MeetingScheduled):
    """Rescheduled to `starts_at` from `was`; its publication follows (feeds show it from a week before)."""

    was: datetime


@payload("peer_groups.meeting.cancelled", 1)
class MeetingCancelled(Payload):
    """No longer happening; `publication` None withdraws it from search and feeds."""

    meeting_id: str
    group_id: str
    starts_at: datetime
    publication: None = None


@payload("peer_groups.attendance.recorded", 1)
class AttendanceRecorded(Payload):
    meeting_id: str
    group_id: str
    present: int
    absent: int


@payload("peer_groups.protocol_run.changed", 1)
class ProtocolRunChanged(Payload):
    """Started, advanced or finished; live clients re-read the run when they see it."""

    run_id: str
    group_id: str
    meeting_id: str
    step: int
    turn: int
    finished: bool
    version: int


@payload("peer_groups.scheme.created", 1)
class SchemeCreated(Payload):
    scheme_id: str
    network_id: str
    name: str
    kind: str


@payload("peer_groups.offer.posted", 1)
class OfferPosted(Payload):
    offer_id: str
    scheme_id: str
    mentor_id: str


@payload("peer_groups.survey.sent", 1)
class SurveySent(Payload):
    group_id: str
    months: int
    recipients: int


@payload("peer_groups.survey.answered", 1)
class SurveyAnswered(Payload):
    group_id: str
    months: int


@payload("peer_groups.evaluation.produced", 1)
class EvaluationProduced(Payload):
    evaluation_id: str
    network_id: str
    groups: int
    respondents: int
