"""Checks on what members write, shared by stories, resources and comments."""

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from infra.errors import InvalidInput
from services.knowledge.tables import Reach


def clean_text(value: str, field: str, longest: int, shortest: int = 1) -> str:
    value = " ".join(value.split()) if longest <= 300 else value.strip()
    if not shortest <= len(value) <= longest:
        raise InvalidInput(f"{field} needs {shortest} to {longest} characters.")
    return value


def clean_tags(tags: list[str]) -> list[str]:
    chosen = list(dict.fromkeys(" ".join(tag.lower().split()) for tag in tags if tag.strip()))
    if len(chosen) > 20 or any(len(tag) > 40 for tag in chosen):
        raise InvalidInput("Use at most 20 tags of up to 40 characters.")
    return chosen


def choice(value: str, allowed: tuple[str, ...], field: str) -> str:
    if value not in allowed:
        raise InvalidInput(f"{field} is one of {', '.join(allowed)}.")
    return value


async def set_reach(session: AsyncSession, entity_id: str, keys: list[str]) -> None:
    """Keeps the audience keys SQL filters by in step with the entity's own list."""
    await session.execute(delete(Reach).where(Reach.entity_id == entity_id))
    session.add_all(Reach(entity_id=entity_id, key=key) for key in dict.fromkeys(keys))
