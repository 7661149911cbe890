"""GraphQL object types of the feeds service."""

import base64
import binascii
from datetime import datetime
from enum import Enum

import strawberry

from infra.context import Ctx
from infra.errors import InvalidInput
from infra.pagination import Edge, PageInfo
from services.feeds import commands
from services.feeds.authors import FeedAuthor, FeedGroup
from services.feeds.loaders import responses
from services.feeds.outlook import Group, Shown
from services.feeds.places import Places
from services.feeds.queries import Cursor, Ranked
from services.knowledge.api import Responses

InterestKind = strawberry.enum(commands.InterestKind, name="InterestKind")
Stance = strawberry.enum(commands.Stance, name="InterestStance")
# Rank keys are days since 1970 plus a few days of boost: about 2 * 10^4 today, never negative. Outside
# [0, MAX_KEY) a key is forged and its time bound no date (nor inf, nor nan).
MAX_KEY = 1e6


@strawberry.enum
class FeedItemKind(Enum):
    STORY = "story"
    RESOURCE = "resource"
    HARVEST = "harvest"
    MEMBER = "member"
    LOCAL_GROUP = "local_group"
    PEER_GROUP = "peer_group"
    MEETING = "meeting"
    GATHERING = "gathering"
    SCHEME = "scheme"


# What members comment on and react to (knowledge keeps those responses).
RESPONDED = frozenset({FeedItemKind.STORY, FeedItemKind.RESOURCE, FeedItemKind.HARVEST})


@strawberry.type(description="Something shared in the wider community, and why it is in your feed.")
class FeedItem:
    # Plain fields where the page holds the value (per-field resolvers cost a page ~10 ms), its places included.
    reason: str = strawberry.field(description='Why it is here, e.g. "from Leeds chapter, also working on hosting".')
    seen: bool
    id: strawberry.ID
    kind: FeedItemKind
    title: str
    excerpt: str
    practice_areas: list[str]
    path: str = strawberry.field(description="Where the web app shows it.")
    author_name: str | None
    author: FeedAuthor | None
    published_at: datetime
    local_group: FeedGroup | None = strawberry.field(description="The local group it was shared in, if any.")

    @strawberry.field(description="Comments on it you may read; null for items that take none.")
    async def comment_count(self, info: Ctx) -> int | None:
        return (await self._responses(info)).comments if self.kind in RESPONDED else None

    @strawberry.field(description="Reactions to it that reach you; null for items that take none.")
    async def reaction_count(self, info: Ctx) -> int | None:
        return (await self._responses(info)).reactions if self.kind in RESPONDED else None

    async def _responses(self, info: Ctx) -> Responses:
        return await info.context.loader(responses).load(self.id)


@strawberry.type
class FeedConnection:
    edges: list[Edge[FeedItem]]
    page_info: PageInfo


@strawberry.type(description="A practice area, local group or network you follow or mute.")
class FeedInterest:
    kind: InterestKind  # type: ignore[valid-type]  # an enum strawberry.enum(...) returns: mypy reads it as a value
    id: strawberry.ID
    stance: Stance  # type: ignore[valid-type]  # an enum strawberry.enum(...) returns: mypy reads it as a value


@strawberry.type(description="Another local group working on the practice areas you work on.")
class SuggestedGroup:
    id: strawberry.ID
    name: str
    network_id: strawberry.ID
    practice_areas: list[str]
    shared_practice_areas: list[str]


def _author(row: Shown, places: Places) -> FeedAuthor | None:
    if not row.author_id:
        return None
    groups = places.circles.get(row.author_id, [])
    return FeedAuthor(id=strawberry.ID(row.author_id), name=row.author_name or "", local_groups=groups)


def item(ranked: Ranked, places: Places) -> FeedItem:
    row, placed = ranked
    return FeedItem(
        id=strawberry.ID(row.id),
        kind=FeedItemKind(row.kind),
        title=row.title,
        excerpt=row.excerpt,
        practice_areas=list(row.practice_areas),
        path=row.path,
        author_name=row.author_name,
        author=_author(row, places),
        published_at=row.published_at,
        reason=placed.reason,
        seen=placed.seen,
        local_group=places.groups.get(row.local_group_id) if row.local_group_id else None,
    )


def suggestion(group: Group, shared: list[str]) -> SuggestedGroup:
    return SuggestedGroup(
        id=strawberry.ID(group.id),
        name=group.name,
        network_id=strawberry.ID(group.network_id),
        practice_areas=sorted(group.practice_areas),
        shared_practice_areas=shared,
    )


def encode_cursor(ranked: Ranked) -> str:
    # The rank key and the id: stable while time passes (see ranking.py), so pages neither skip nor repeat.
    return base64.urlsafe_b64encode(f"k:{ranked[1].key!r}:{ranked[0].id}".encode()).decode()


def decode_cursor(cursor: str) -> Cursor:
    try:
        kind, key, ident = base64.urlsafe_b64decode(cursor.encode()).decode().split(":", 2)
        if kind != "k" or not ident or not 0 <= float(key) < MAX_KEY:
            raise ValueError(kind)
        return float(key), ident
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidInput("That cursor is not one this feed gave out.") from None


def connection(ranked: list[Ranked], limit: int, after: str | None, places: Places) -> FeedConnection:
    shown = ranked[:limit]
    edges = [Edge(cursor=encode_cursor(r), node=item(r, places)) for r in shown]
    info = PageInfo(
        has_next_page=len(ranked) > limit,
        has_previous_page=after is not None,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return FeedConnection(edges=edges, page_info=info)
