"""The services that own flaggable items take part in moderation through this port: each describes its items
(`flaggable`) and applies a decision (`set_hidden`, in the decision's own transaction, recording its usual change
event). The composition root plugs them in (`commons.runtime.introduce_services`), so moderation imports none of
them and services below it (peer groups' matching) may ask it about blocks without a cycle."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from infra.database import Database
from infra.flaggable import Flaggable
from infra.viewer import Viewer


@dataclass(frozen=True)
class Owner:
    flaggable: Callable[[Database, Viewer, str, str], Awaitable[Flaggable]]
    set_hidden: Callable[[AsyncSession, str, str, bool], Awaitable[None]]


# Item kind -> the service that owns it.
OWNERS: dict[str, Owner] = {}
