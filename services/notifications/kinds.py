"""The kinds of notification, the channels a member may choose for each, and the defaults they start with."""

from enum import StrEnum


class Kind(StrEnum):
    CONTRACT_CHANGED = "contract_changed"
    MEETING_SCHEDULED = "meeting_scheduled"
    MEETING_REMINDER = "meeting_reminder"
    MEETING_MOVED = "meeting_moved"
    MEETING_CANCELLED = "meeting_cancelled"
    CADENCE_BROKEN = "cadence_broken"
    SEAT_PROPOSED = "seat_proposed"
    PROPOSAL_AWAITING = "proposal_awaiting"
    PROPOSAL_CLOSED = "proposal_closed"
    NETWORK_INVITATION = "network_invitation"
    JOIN_REQUEST_DECIDED = "join_request_decided"
    SCHEME_APPLICATION = "scheme_application"
    APPLICATION_DECIDED = "application_decided"
    OFFER_CHOSEN = "offer_chosen"
    CHOICE_ANSWERED = "choice_answered"
    SURVEY_DUE = "survey_due"
    SURVEY_REMINDER = "survey_reminder"
    CITATION_REQUESTED = "citation_requested"
    HARVEST_PUBLISHED = "harvest_published"
    GATHERING_CHANGED = "gathering_changed"
    GATHERING_CANCELLED = "gathering_cancelled"
    GATHERING_PLACE_OPENED = "gathering_place_opened"
    COMMENT = "comment"
    REACTION = "reaction"
    MENTION = "mention"
    FLAG_RAISED = "flag_raised"
    # A flag inside a peer group whose flagger asked the network's coordinators to review it too.
    FLAG_FOR_COORDINATORS = "flag_for_coordinators"
    CONTENT_MODERATED = "content_moderated"
    # Not a notification: the best of a member's feed, which only a digest carries.
    FEED_HIGHLIGHTS = "feed_highlights"


class Channel(StrEnum):
    """Every channel but OFF shows the notification in the app; EMAIL also mails it at once."""

    IN_APP = "in_app"
    EMAIL = "email"
    DAILY = "daily"
    WEEKLY = "weekly"
    OFF = "off"


# What needs the member's action or presence is mailed at once; what is merely nice to know waits for a digest.
DEFAULTS: dict[Kind, Channel] = {
    Kind.CONTRACT_CHANGED: Channel.EMAIL,
    Kind.MEETING_SCHEDULED: Channel.EMAIL,
    Kind.MEETING_REMINDER: Channel.EMAIL,
    Kind.MEETING_MOVED: Channel.EMAIL,
    Kind.MEETING_CANCELLED: Channel.EMAIL,
    Kind.CADENCE_BROKEN: Channel.EMAIL,
    Kind.SEAT_PROPOSED: Channel.EMAIL,
    Kind.PROPOSAL_AWAITING: Channel.EMAIL,
    Kind.PROPOSAL_CLOSED: Channel.EMAIL,
    Kind.NETWORK_INVITATION: Channel.EMAIL,
    Kind.JOIN_REQUEST_DECIDED: Channel.EMAIL,
    Kind.SCHEME_APPLICATION: Channel.EMAIL,
    Kind.APPLICATION_DECIDED: Channel.EMAIL,
    Kind.OFFER_CHOSEN: Channel.EMAIL,
    Kind.CHOICE_ANSWERED: Channel.EMAIL,
    Kind.SURVEY_DUE: Channel.EMAIL,
    Kind.SURVEY_REMINDER: Channel.EMAIL,
    Kind.CITATION_REQUESTED: Channel.EMAIL,
    Kind.HARVEST_PUBLISHED: Channel.EMAIL,
    Kind.GATHERING_CHANGED: Channel.EMAIL,
    Kind.GATHERING_CANCELLED: Channel.EMAIL,
    Kind.GATHERING_PLACE_OPENED: Channel.EMAIL,
    Kind.COMMENT: Channel.EMAIL,
    Kind.REACTION: Channel.IN_APP,
    Kind.MENTION: Channel.EMAIL,
    Kind.FLAG_RAISED: Channel.EMAIL,
    Kind.FLAG_FOR_COORDINATORS: Channel.EMAIL,
    Kind.CONTENT_MODERATED: Channel.EMAIL,
    Kind.FEED_HIGHLIGHTS: Channel.WEEKLY,
}
DIGESTS = (Channel.DAILY, Channel.WEEKLY)
