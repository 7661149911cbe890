"""Demo data: stories in a local group, the network and a peer group, and resources from seed 003's lists."""

from dataclasses import dataclass

from infra.database import Database
from infra.viewer import Viewer
from services.knowledge import stories
from services.knowledge.access import Place
from services.knowledge.importer import shelf_of
from services.knowledge.listing import read_list
from services.knowledge.resources import add_resource
from services.knowledge.tables import Resource, Story
from services.networks import api as networks
from services.peer_groups import api as peer_groups

# A few of seed 003's lists, as a member would paste them (Momentum appears twice: it is merged).
SEED_003 = """# Networks
* Peter Plastrik and Madeleine Taylor, Net Gains: A Handbook for Network Builders Seeking Social Change
* Allison H. Fine, Momentum: Igniting Social Change in the Connected Age (2006)
# Hosting
* The World Café: Shaping Our Futures Through Conversations that Matter by Juanita Brown with David Isaacs
* C. Otto Scharmer, Theory U
# Adaptive leadership
* Ronald Heifetz, Leadership Without Easy Answers (1998)
# Social media and technology
* Allison H. Fine, Momentum: Igniting Social Change in the Connected Age (2006)
* NTEN, http://www.nten.org
# Coaching
* Sharon Ting and Peter Scisco, The CCL Handbook of Coaching: A Guide for the Leader Coach
"""


@dataclass(frozen=True)
class SharedKnowledge:
    stories: list[Story]
    resources: list[Resource]


def _text(title: str, body: str, *areas: str) -> stories.StoryText:
    return stories.StoryText(title, body, list(areas), [])


async def _stories(db: Database, people: list[Viewer], network_id: str, local_group_id: str) -> list[Story]:
    areas = frozenset(await networks.practice_areas(db, network_id))
    circle = sorted(await peer_groups.audiences_of(db, people[0].account_id))
    written = [
        (
            people[0],
            f"local_group:{local_group_id}",
            "good_news",
            _text(
                "A World Café that kept going",
                "We asked *how have you applied what you learned?* in the past tense, as the Shambhala hosts did. "
                "Three tables kept meeting monthly afterwards.",
                "hosting",
            ),
        ),
        (
            people[1],
            f"network:{network_id}",
            "learning_journey",
            _text(
                "From advice to questions",
                "In our first rounds I kept **giving advice**. Learning to ask one clarifying question first changed "
                "what the presenter heard.",
                "mentoring",
                "coaching",
            ),
        ),
        (
            people[2],
            "platform",
            "practice_reflection",
            _text(
                "Silence is a tool",
                "A minute of silence before the round felt awkward once; now the group asks for it.",
                "hosting",
            ),
        ),
    ]
    if circle:
        written.append(
            (
                people[0],
                circle[0],
                "incident_or_dilemma",
                _text(
                    "When the board chair walked out",
                    "What I did next, and what I would do differently.",
                    "adaptive leadership",
                ),
            )
        )
    async with db.transaction() as session:
        return [
            await stories.write_story(session, author, Place(network_id, key, areas), kind, text)
            for author, key, kind, text in written
        ]


async def seed_knowledge(
    db: Database, host: Viewer, people: list[Viewer], network_id: str, local_group_id: str
) -> SharedKnowledge:
    """`people[0]` is in `local_group_id` (and perhaps a peer group); the host adds seed 003's resources."""
    written = await _stories(db, people, network_id, local_group_id)
    shelf = await shelf_of(db, network_id)
    added = []
    async with db.transaction() as session:
        for entry in read_list(SEED_003, set(shelf.areas)):
            if entry.draft is not None:
                added.append((await add_resource(session, host, shelf, entry.draft))[0])
    return SharedKnowledge(written, list({r.id: r for r in added}.values()))
