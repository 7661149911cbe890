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
    """Its publication lets the network's members find the scheme (search) and see it open (feeds)."""

    scheme_id: str
    network_id: str
    name: str
    kind: str
    publication: Publication | None = None


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


@payload("peer_groups.application.made", 1)
class ApplicationMade(Payload):
    """To the applicant and the scheme's coordinators only (`member:<id>` keys): never network-wide."""

    application_id: str
    scheme_id: str
    member_id: str
    role: str


@payload("peer_groups.application.decided", 1)
class ApplicationDecided(Payload):
    """Approved or declined; the reason is not carried: the applicant reads it in their application."""

    application_id: str
    scheme_id: str
    member_id: str
    approved: bool
    actor_id: str | None = None  # the coordinator who decided (None in events written before the record)


@payload("peer_groups.offer.chosen", 1)
class OfferChosen(Payload):
    """A mentee chose a mentor's offer; the mentor answers. Audience: the two of them."""

    choice_id: str
    offer_id: str
    scheme_id: str
    mentee_id: str
    mentor_id: str


@payload("peer_groups.choice.answered", 1)
class ChoiceAnswered(OfferChosen):
    """The mentor accepted (`group_id`: the group formed or proposed to) or declined the mentee's choice."""

    accepted: bool
    group_id: str | None


@payload("peer_groups.mentoring.matched", 1)
class MentoringMatched(Payload):
    """A coordinator matched mentees with a mentor, forming `group_id`. Audience: the coordinators and the matched."""

    scheme_id: str
    group_id: str
    actor_id: str
    members: int


@payload("peer_groups.mentoring.ended", 1)
class MentoringEnded(Payload):
    """A mentoring relationship ended early, without blame: no one is named, no reason given; its members may be
    matched again."""

    group_id: str
    scheme_id: str


@payload("peer_groups.preparation.completed", 1)
class PreparationCompleted(Payload):
    """A member prepared for the first meeting; what they wrote stays in the group and is not carried."""

    group_id: str
    member_id: str
    prepared: int
