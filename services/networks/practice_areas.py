"""The practice areas of seed 003, the default taxonomy every network starts from."""

from infra.errors import InvalidInput

DEFAULT_PRACTICE_AREAS: tuple[str, ...] = (
    "networks",
    "communities of practice",
    "multi-stakeholder partnerships",
    "adaptive leadership",
    "place-based leadership",
    "boundary-crossing",
    "hosting",
    "social entrepreneurship",
    "social media and technology",
    "mentoring",
    "coaching",
)


def clean_areas(areas: list[str], allowed: set[str]) -> list[str]:
    chosen = list(dict.fromkeys(" ".join(area.lower().split()) for area in areas))
    unknown = [area for area in chosen if area not in allowed]
    if unknown:
        raise InvalidInput(f"Unknown practice area: {', '.join(unknown)}.")
    return chosen
