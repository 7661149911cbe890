"""Services built on knowledge take part in two of its writes: harvests ask again for consent to cite a story its
author edited (in the edit's own transaction), and take comments and reactions like stories do. They plug in here,
wired by the composition root (`commons/runtime.py`), so knowledge imports none of them and no cycle forms."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from infra.database import Database
from services.knowledge.api import StoryGlimpse


class Commentable(Protocol):
    """Something another service keeps that members may respond to (a published harvest)."""

    @property
    def id(self) -> str: ...
    @property
    def network_id(self) -> str: ...
    @property
    def audience(self) -> tuple[str, ...]: ...
    @property
    def created_by(self) -> str: ...


async def _unwired_edit(session: AsyncSession, story: StoryGlimpse) -> None:
    raise RuntimeError("knowledge's neighbours are not wired: build a commons.runtime.Runtime first")


async def _unwired_harvest(db: Database, harvest_id: str) -> Commentable | None:
    raise RuntimeError("knowledge's neighbours are not wired: build a commons.runtime.Runtime first")


@dataclass
class Neighbours:
    story_edited: Callable[[AsyncSession, StoryGlimpse], Awaitable[None]] = _unwired_edit
    published_harvest: Callable[[Database, str], Awaitable[Commentable | None]] = _unwired_harvest


NEIGHBOURS = Neighbours()
