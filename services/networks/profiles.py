"""A member's profile: name, bio, practice areas, what they offer as a mentor and what they seek."""

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from infra.columns import utcnow
from infra.text import clean_text
from infra.viewer import Viewer
from services.networks.commands import ensure_profile, record_profile
from services.networks.practice_areas import clean_areas
from services.networks.queries import allowed_areas
from services.networks.tables import Profile


@dataclass(frozen=True)
class ProfileChange:
    name: str | None = None
    bio: str | None = None
    practice_areas: list[str] | None = None
    offers: str | None = None
    seeks: str | None = None


async def update_profile(session: AsyncSession, viewer: Viewer, change: ProfileChange) -> Profile:
    profile = await ensure_profile(session, viewer)
    if change.name is not None:
        profile.name = clean_text(change.name, "A name", 120, 1)
    for field, longest in (("bio", 5000), ("offers", 2000), ("seeks", 2000)):
        if (value := getattr(change, field)) is not None:
            setattr(profile, field, clean_text(value, field.capitalize(), longest))
    if change.practice_areas is not None:
        profile.practice_areas = clean_areas(change.practice_areas, await allowed_areas(session, None))
    profile.updated_at = utcnow()
    await session.flush()
    await record_profile(session, profile)
    return profile
