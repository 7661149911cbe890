"""Generated search documents and queries for the search benchmark: a community of 20 networks."""

import functools
import random
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta

from events.audience import local_group, network, peer_group
from search.port import SearchDocument

AREAS = [
    "networks",
    "communities of practice",
    "multi-stakeholder partnerships",
    "adaptive leadership",
    "place-based leadership",
    "boundary-crossing",
    "hosting",
    "social entrepreneurship",
    "mentoring",
    "coaching",
]
WORDS = (
    "mentoring coaching harvest notes gathering story dilemma incident feedback peers circle network host "
    "facilitation partnership community practice leadership adaptive boundary place local group cohort "
    "evaluation survey contract cadence protocol listening silence turn advice trust confidential plan "
    "goals roadmap benchmark reflection insight pattern question action resource toolkit article book"
)
DOMAIN = WORDS.split()
SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "sa", "vo", "ni", "pel", "dar", "qui", "mo", "ste", "ban", "rik"]
# A long tail of everyday words, so that domain words match a realistic share of documents.
FILLER = sorted({"".join(random.Random(n).choices(SYLLABLES, k=3)) for n in range(20_000)})
QUERIES = [
    "mentoring",
    "mentorng",
    "harvst notes",
    "CoP",
    "MSP",
    "facilit",
    "peer feedback",
    "leadership",
    "adaptive leadrship",
    "evaluation survey",
    "trust",
    "place based",
    "coaching circle",
    "host",
]
NETWORKS, LOCAL_GROUPS, PEER_GROUPS = 20, 200, 3_000
NOW = datetime.now(UTC)


def _key(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:
        return peer_group(str(rng.randrange(PEER_GROUPS)))
    if roll < 0.6:
        return local_group(str(rng.randrange(LOCAL_GROUPS)))
    return "platform" if roll > 0.9 else network(str(rng.randrange(NETWORKS)))


def _audience(rng: random.Random, circles: Mapping[str, str]) -> tuple[str]:
    key = _key(rng)
    return (circles.get(key, key),)


@functools.cache
def _stream(length: int = 1_000_000) -> list[str]:
    """Words drawn once: 15% domain words, the rest filler. A document's words are a window of it, which is as
    random to a search and dozens of times faster to make than drawing each word (a million documents' worth)."""
    rng = random.Random(11)
    return [rng.choice(DOMAIN) if rng.random() < 0.15 else rng.choice(FILLER) for _ in range(length)]


def _words(rng: random.Random, count: int) -> str:
    stream = _stream()
    start = rng.randrange(len(stream) - count)
    return " ".join(stream[start : start + count])


def documents(count: int, circles: Mapping[str, str], seed: int = 7) -> Iterator[SearchDocument]:
    """`circles` renames generated audience keys to real ones (see bench.search_endpoint)."""
    rng = random.Random(seed)
    for i in range(count):
        updated = NOW - timedelta(days=rng.randrange(1_000))
        yield SearchDocument(
            id=f"doc-{i}",
            kind=rng.choice(["story", "resource", "harvest", "member", "meeting"]),
            title=_words(rng, rng.randint(3, 8)).capitalize(),
            text=_words(rng, rng.randint(40, 120)),
            audience=_audience(rng, circles),
            practice_areas=tuple(rng.sample(AREAS, rng.randint(0, 3))),
            tags=tuple(rng.sample(DOMAIN, 2)),
            author_id=f"member-{rng.randrange(5_000)}",
            author_name=f"Member {i % 5_000}",
            network_ids=(str(rng.randrange(NETWORKS)),),
            created_at=updated,
            updated_at=updated,
            path=f"/x/{i}",
        )


def viewer(circles: Mapping[str, str]) -> frozenset[str]:
    """The member of circle 0 of each kind: the platform, a network, a local group and a peer group."""
    return frozenset({"platform", *circles.values()})
