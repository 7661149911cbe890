"""How stories and resources look to search and feeds, and the events that carry them."""

from events.audience import Audience, AudienceKind
from events.publication import Publication
from services.knowledge.rendering import plain_text
from services.knowledge.tables import Contribution, Resource, Story


def _circle(keys: list[str], kind: AudienceKind) -> str | None:
    return next((a.id for a in map(Audience.parse, keys) if a.kind is kind), None)


def story_publication(story: Story) -> Publication | None:
    if story.withdrawn or story.hidden:
        return None
    return Publication(
        kind="story",
        title=story.title,
        text=plain_text(story.body),
        practice_areas=story.practice_areas,
        tags=story.tags,
        author_id=story.author_id,
        author_name=story.author_name,
        network_ids=[story.network_id],
        local_group_id=_circle(story.audience, AudienceKind.LOCAL_GROUP),
        peer_group_id=_circle(story.audience, AudienceKind.PEER_GROUP),
        created_at=story.created_at,
        updated_at=story.updated_at,
        path=f"/stories/{story.id}",
    )


def resource_publication(resource: Resource, contributions: list[Contribution]) -> Publication:
    # The members' experiences and findings are part of what search should find the resource by.
    text = plain_text("\n\n".join([resource.description, *(c.text for c in contributions)]))
    return Publication(
        kind="resource",
        title=resource.title,
        text=text,
        practice_areas=resource.practice_areas,
        tags=[resource.kind, *resource.authors],
        author_id=resource.added_by,
        author_name=resource.added_by_name,
        network_ids=[resource.network_id],
        created_at=resource.created_at,
        updated_at=resource.updated_at,
        path=f"/resources/{resource.id}",
    )
