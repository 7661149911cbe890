"""Who is asking: the signed-in member (or nobody) and the audiences they may see."""

import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, CompoundSelect, Select, String, bindparam, cast, null
from sqlalchemy.sql.visitors import ExternallyTraversible, replacement_traverse

from infra.columns import UTCDateTime
from infra.errors import Unauthenticated

# Where a member stands in one service, as rows (kind, id, since): an audience kind and its id (no since), a
# LATE_SEAT (a peer group's id and the moment its history opens to them) or a BLOCK (the other member's id).
# The gateway reads every service's standing with the caller's session in one statement (gateway/viewers.py).
Standing = Select[str, str, datetime | None]
LATE_SEAT, BLOCK = "late_seat", "block"
# The member a Standing is about, bound when it runs (`standing_of`): each Standing, and the gateway's union of
# them, is built once, not for every request.
MEMBER: BindParameter[str] = bindparam("standing_member", type_=String())


def standing_of(member_id: str) -> dict[str, str]:
    """The parameters that run a Standing (or a union of them) for `member_id`."""
    return {MEMBER.key: member_id}


# Standings united: where a member stands in several services at once.
Standings = CompoundSelect[str, str, datetime | None]


def standing_by(standing: Standings, member: ColumnElement[str]) -> Standings:
    """A copy of a union of Standings about the member `member` gives, not one bound by `standing_of`:
    the gateway gives the holder of the request's session token, to read who calls and where they stand at once."""

    def bound_member(element: ExternallyTraversible, **_: Any) -> ExternallyTraversible | None:
        return member if isinstance(element, BindParameter) and element.key == MEMBER.key else None

    return typing.cast(Standings, replacement_traverse(standing, {}, bound_member))


def no_since() -> ColumnElement[datetime | None]:
    """The `since` of a row that has none, cast to a moment: PostgreSQL unites no other type with the moments of
    other rows, and SQLite hands those back as datetimes only when the first row's column is typed so."""
    return cast(null(), UTCDateTime())


@dataclass(frozen=True)
class Viewer:
    account_id: str
    email: str
    name: str
    is_admin: bool = False
    audiences: frozenset[str] = field(default_factory=frozenset)
    # For a `peer_group:<id>` audience the member joined late: what was written before this stays hidden from
    # them. Audiences not named here are seen whole.
    sees_from: Mapping[str, datetime] = field(default_factory=dict, hash=False)
    # Members the viewer blocked or who blocked them: neither sees the other's content, anywhere.
    blocked: frozenset[str] = field(default_factory=frozenset)


def signed_in(viewer: Viewer | None) -> Viewer:
    if viewer is None:
        raise Unauthenticated()
    return viewer
