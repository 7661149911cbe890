"""A small community for knowledge and harvest tests: a network with a local group, members, and peer groups."""

import asyncio
from dataclasses import dataclass

from sqlalchemy import select

from events.tables import OutboxRow
from infra.database import Database
from infra.settings import Settings
from tests.networks.test_networks_flow import founded, joined
from tests.peer_groups.support import accept_all, form
from tests.support.graphql import Gateway, Member


@dataclass
class Community:
    host: Member
    network: str
    local_group: str

    def member(self, api: Gateway, name: str, in_local_group: bool = True) -> Member:
        member = joined(api, self.host, self.network, name)
        if in_local_group:
            member.run("mutation($id: ID!) { joinLocalGroup(id: $id) { id } }", id=self.local_group)
        return member


def peer_group(place: Community, founder: Member, *others: Member) -> str:
    """A peer group (formed by `founder`, a member) as an audience key; all accepted its contract: it is open."""
    group = form(founder, place.network, list(others))
    accept_all(group, founder, *others)
    return f"peer_group:{group}"


def community(api: Gateway) -> Community:
    return Community(*founded(api))


WRITE = """mutation($n: ID!, $a: String!, $s: StoryInput!) { writeStory(networkId: $n, audience: $a, story: $s) {
  id title html audience writtenIn practiceAreas tags } }"""


def story(kind: str = "GOOD_NEWS", title: str = "A round that went well", body: str = "We *listened*.", **more):  # type: ignore[no-untyped-def]
    return {"kind": kind, "title": title, "body": body, **more}


def recorded(settings: Settings, prefix: str) -> list[OutboxRow]:
    """The events written so far whose type starts with `prefix`, oldest first."""

    async def read() -> list[OutboxRow]:
        db = Database(settings.resolved_database_url)
        try:
            async with db.sessions() as session:
                query = select(OutboxRow).where(OutboxRow.type.startswith(prefix)).order_by(OutboxRow.position)
                return list(await session.scalars(query))
        finally:
            await db.dispose()

    return asyncio.run(read())
