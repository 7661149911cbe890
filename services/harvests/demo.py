"""Demo data: a host's published harvest of a World Café, citing members' stories (one with its author's
consent) and seed 003's resources."""

from datetime import timedelta

from infra.columns import utcnow
from infra.database import Database
from infra.viewer import Viewer
from services.harvests import citations, commands, publishing, queries
from services.harvests.actions import Owner
from services.harvests.tables import Harvest
from services.knowledge import api as knowledge
from services.networks import api as networks

ITEMS = (
    ("insights", "Asking how people *have* applied what they learned keeps reflection going after the gathering."),
    ("patterns", "Groups that start with silence hear more before they answer."),
    ("open_questions", "How do we carry hosting back into hierarchies that work against it?"),
    ("actions", "Each local group tries one harvesting round at its next gathering."),
)


async def seed_harvests(
    db: Database,
    host: Viewer,
    authors: list[Viewer],
    network_id: str,
    story_ids: list[str],
    resource_ids: list[str],
    gathering_id: str | None = None,
) -> Harvest:
    """Cites the stories on the first item and the resources on the second; `authors` consent for theirs. The
    action is the host's, due in six weeks, followed up at the gathering after `gathering_id`."""
    about = commands.Gathering(
        "Leeds World Café: harvesting what we learned",
        "world_cafe",
        summary=(
            "Forty alumni at six tables, three rounds, one question: what helps learning travel between communities?"
        ),
        practice_areas=("hosting", "communities of practice"),
        gathering_id=gathering_id,
    )
    owner = Owner(host.account_id, host.name, (utcnow() + timedelta(weeks=6)).date())
    stories = list((await knowledge.story_glimpses(db, story_ids)).values())
    resources = list((await knowledge.resource_glimpses(db, resource_ids)).values())
    async with db.transaction() as session:
        harvest = await commands.create_harvest(session, host, network_id, frozenset(about.practice_areas), about)
        for index, (section, text) in enumerate(ITEMS):
            cites = citations.Cited(stories if index == 0 else [], resources if index == 1 else [])
            await commands.add_item(session, harvest, section, text, cites, owner if section == "actions" else None)
    async with db.transaction() as session:
        for author in authors:
            for request, _ in await queries.requests_to(session, author.account_id):
                await citations.answer(session, db, author, request.id, True)
    async with db.transaction() as session:
        harvest = await session.get_one(Harvest, harvest.id)
        connected = await networks.connected_network_ids(db, network_id)
        return await publishing.publish(session, harvest, connected, {s.id for s in stories if s.confidential})
