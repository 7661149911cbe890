"""Synonyms of the practice areas: each group's phrases mean the same thing to a searcher."""

SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("cop", "cops", "community of practice", "communities of practice"),
    ("msp", "msps", "multi-stakeholder partnership", "multi-stakeholder partnerships"),
    ("social media", "social technology", "social media and technology"),
    ("boundary-crossing", "boundary crossing", "boundary spanning"),
    ("social entrepreneurship", "social enterprise", "social entrepreneur"),
    ("place-based leadership", "place based leadership", "local leadership"),
    ("mentoring", "mentorship"),
    ("harvest", "harvesting", "harvest note"),
)


def as_mapping() -> dict[str, list[str]]:
    """Every phrase to its equivalents, the shape Meilisearch wants."""
    return {phrase: [other for other in group if other != phrase] for group in SYNONYMS for phrase in group}
