"""Events of the knowledge service: stories, resources, contributions, ratings, reactions and comments.

Every event's audience is the audience of the entity it is about (for a comment or reaction: its target's), so
search and feeds never show it beyond that circle. Entity events carry `publication` (None: gone).

- knowledge.story.shared     a story was written, or its author shared it with one more circle
- knowledge.story.changed    its author edited it (the previous text is kept as a revision)
- knowledge.story.withdrawn  its author withdrew it from a circle (publication kept, narrower audience) or
                             entirely (publication None)
- knowledge.resource.added   a new resource
- knowledge.resource.merged  a duplicate (same normalised URL or title) was merged into it
- knowledge.resource.contributed  a member added a signed experience or evaluation finding
- knowledge.resource.rated   a member rated it (1-5; one rating per member, changeable)
- knowledge.comment.added    a comment, question or "that reminds me of when I…" on a story, resource or harvest
- knowledge.reaction.changed a member added or took back a reaction
- knowledge.story.anonymised its author's account was erased: it stays by "a former member" (publication None
                             when they chose to erase their writing too)
- knowledge.resource.anonymised  whoever added it or contributed to it had their account erased
- knowledge.story.moderated  a reviewer hid (publication None) or restored it (moderation decides, knowledge applies)
- knowledge.comment.moderated  a reviewer hid or restored a comment
- knowledge.resource.moderated  a reviewer hid or restored a contribution (the resource's publication without it)

Version 2 of story.shared, story.changed, comment.added and reaction.changed adds whom an event concerns beyond
its audience, as optional fields (absent from version 1 events): `mentioned_ids`, the members the text
@mentions (knowledge.mentions), and `target_author_id`, who wrote what was commented on or reacted to. Each
version 1 shape stays registered (`...V1`) so stored events still read.
"""

from events.catalogue import Payload, payload
from events.publication import Publication


class StoryEvent(Payload):
    story_id: str
    network_id: str
    author_id: str
    kind: str
    publication: Publication | None


class Mentioning(Payload):
    mentioned_ids: list[str] = []


@payload("knowledge.story.shared", 1)
class StorySharedV1(StoryEvent):
    pass


@payload("knowledge.story.shared", 2)
class StoryShared(StorySharedV1, Mentioning):
    pass


@payload("knowledge.story.changed", 1)
class StoryChangedV1(StoryEvent):
    revision: int


@payload("knowledge.story.changed", 2)
class StoryChanged(StoryChangedV1, Mentioning):
    pass


@payload("knowledge.story.withdrawn", 1)
class StoryWithdrawn(StoryEvent):
    pass


class ResourceEvent(Payload):
    resource_id: str
    network_id: str
    kind: str
    url: str | None
    publication: Publication | None


@payload("knowledge.resource.added", 1)
class ResourceAdded(ResourceEvent):
    pass


@payload("knowledge.story.anonymised", 1)
class StoryAnonymised(StoryEvent):
    pass


@payload("knowledge.resource.anonymised", 1)
class ResourceAnonymised(ResourceEvent):
    pass


@payload("knowledge.resource.merged", 1)
class ResourceMerged(ResourceEvent):
    merged_by: str


@payload("knowledge.resource.contributed", 1)
class ResourceContributed(ResourceEvent):
    contribution_id: str
    contribution_kind: str
    author_id: str


@payload("knowledge.resource.rated", 1)
class ResourceRated(Payload):
    resource_id: str
    member_id: str
    stars: int
    average: float
    count: int


class Responding(Payload):
    target_author_id: str | None = None


@payload("knowledge.comment.added", 1)
class CommentAddedV1(Payload):
    comment_id: str
    target_kind: str
    target_id: str
    kind: str
    author_id: str
    body: str


@payload("knowledge.comment.added", 2)
class CommentAdded(CommentAddedV1, Responding, Mentioning):
    pass


@payload("knowledge.reaction.changed", 1)
class ReactionChangedV1(Payload):
    target_kind: str
    target_id: str
    member_id: str
    reaction: str
    on: bool


@payload("knowledge.reaction.changed", 2)
class ReactionChanged(ReactionChangedV1, Responding):
    pass


class Moderated(Payload):
    hidden: bool


@payload("knowledge.story.moderated", 1)
class StoryModerated(StoryEvent, Moderated):
    pass


@payload("knowledge.comment.moderated", 1)
class CommentModerated(Moderated):
    comment_id: str
    target_id: str
    author_id: str


@payload("knowledge.resource.moderated", 1)
class ResourceModerated(ResourceEvent, Moderated):
    contribution_id: str
