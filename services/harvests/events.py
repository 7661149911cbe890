"""Events of the harvests service.

- harvests.harvest.drafted        a host started a harvest; audience the network, publication None (drafts are
                                  for co-hosts only, so nothing is published)
- harvests.harvest.draft_changed  an item was added or removed; as above
- harvests.harvest.published      published: audience the network and every network connected to it, with the
                                  harvest's publication (kind harvest, path /harvests/<id>)
- harvests.harvest.edited         a host changed a published harvest's title or summary; as published, so search
                                  and feeds show the new text (no one is told of it as newly published)
- harvests.citation.requested     a draft cites a confidential story, or its author edited a story they had
                                  consented to; audience the story's own (the author is in it); no story or
                                  harvest text
- harvests.citation.answered      the author consented or refused; same audience
- harvests.action.followed_up     an action's owner marked it done or not; audience the harvest's
- harvests.harvest.anonymised     a member it named or cited had their account erased: their name gone, their
                                  stories cited only where they consented; audience as it was
"""

from events.catalogue import Payload, payload
from events.publication import Publication


class HarvestEvent(Payload):
    harvest_id: str
    network_id: str
    gathering: str
    status: str
    publication: Publication | None


@payload("harvests.harvest.drafted", 1)
class HarvestDrafted(HarvestEvent):
    pass


@payload("harvests.harvest.draft_changed", 1)
class HarvestDraftChanged(HarvestEvent):
    pass


@payload("harvests.harvest.published", 1)
class HarvestPublished(HarvestEvent):
    network_ids: list[str]


@payload("harvests.harvest.edited", 1)
class HarvestEdited(HarvestEvent):
    pass


@payload("harvests.harvest.anonymised", 1)
class HarvestAnonymised(HarvestEvent):
    pass


class CitationEvent(Payload):
    request_id: str
    harvest_id: str
    story_id: str
    author_id: str
    status: str


@payload("harvests.harvest.moderated", 1)
class HarvestModerated(HarvestEvent):
    """A reviewer hid (publication None) or restored a published harvest; moderation decides, harvests applies."""

    hidden: bool


@payload("harvests.citation.requested", 1)
class CitationRequested(CitationEvent):
    pass


@payload("harvests.citation.answered", 1)
class CitationAnswered(CitationEvent):
    pass


@payload("harvests.action.followed_up", 1)
class ActionFollowedUp(Payload):
    """An action's owner marked it done (or not done again); audience the harvest's, no text."""

    harvest_id: str
    item_id: str
    owner_id: str
    done: bool
