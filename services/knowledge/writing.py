"""Tags and reach, shared by stories, resources and comments (their text is checked by `infra.text`)."""

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from infra.errors import InvalidInput
from services.knowledge.tables import Reach


def clean_tags(tags: list[str]) -> list[str]:
    chosen = list(dict.fromkeys(" ".join(tag.lower().split()) for tag in tags if tag.strip()))
    if len(chosen) > 20 or any(len(tag) > 40 for tag in chosen):
        raise InvalidInput("Use at most 20 tags of up to 40 characters.")
    return chosen


async def set_reach(session: AsyncSession, entity_id: str, keys: list[str]) -> None:
    """Keeps the audience keys SQL filters by in step with the entity's own list."""
    await session.execute(delete(Reach).where(Reach.entity_id == entity_id))
    session.add_all(Reach(entity_id=entity_id, key=key) for key in dict.fromkeys(keys))
