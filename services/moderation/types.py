"""GraphQL types of moderation: flags as reviewers read them, the record of acts, blocked members."""

from datetime import datetime
from enum import Enum

import strawberry
from strawberry.types import Info

from infra.context import RequestContext
from services.moderation import tables

Ctx = Info[RequestContext, None]


@strawberry.enum(description="What a member may flag.")
class FlaggedKind(Enum):
    STORY = "story"
    COMMENT = "comment"
    CONTRIBUTION = "contribution"
    HARVEST = "harvest"
    PROFILE = "profile"


@strawberry.enum
class FlagReason(Enum):
    HARASSMENT = strawberry.enum_value("harassment", description="It attacks, belittles or threatens someone.")
    BREACH_OF_CONFIDENTIALITY = strawberry.enum_value(
        "breach_of_confidentiality", description="It repeats what was said in confidence in a peer group."
    )
    SPAM = strawberry.enum_value("spam", description="Advertising or repeated posts that are not practice.")
    OTHER = strawberry.enum_value("other", description="Something else: the note says what.")


@strawberry.enum(description="Hide (its author still sees it, marked hidden), dismiss the flag, or restore it.")
class FlagDecision(Enum):
    HIDE = "hide"
    DISMISS = "dismiss"
    RESTORE = "restore"


@strawberry.enum
class RecordFormat(Enum):
    CSV = "csv"
    JSON = "json"


@strawberry.type(description="A flag as its reviewers read it: the flagged item's words, never who else is in it.")
class Flag:
    id: strawberry.ID
    kind: FlaggedKind
    item_id: strawberry.ID
    reason: FlagReason
    note: str
    excerpt: str
    status: str
    flagged_at: datetime
    to_coordinators: bool
    decision_note: str | None

    @classmethod
    def of(cls, row: tables.Flag) -> "Flag":
        return cls(
            id=strawberry.ID(row.id),
            kind=FlaggedKind(row.target_kind),
            item_id=strawberry.ID(row.target_id),
            reason=FlagReason(row.reason),
            note=row.note,
            excerpt=row.excerpt,
            status=row.status,
            flagged_at=row.created_at,
            to_coordinators=row.to_coordinators,
            decision_note=row.decision_note,
        )


@strawberry.type(description="What the flagger learns: that reviewers have it.")
class FlagReceipt:
    id: strawberry.ID
    status: str


@strawberry.type(description="One act of a host, coordinator or admin.")
class HostAct:
    actor_id: strawberry.ID
    actor_name: str
    action: str
    subject: str
    detail: str
    at: datetime

    @classmethod
    def of(cls, named: dict[str, str]) -> "HostAct":
        """From the record's row as its export names it (`at` in ISO 8601)."""
        plain = {key: named[key] for key in ("actor_name", "action", "subject", "detail")}
        return cls(actor_id=strawberry.ID(named["actor_id"]), at=datetime.fromisoformat(named["at"]), **plain)


@strawberry.type
class BlockedMember:
    id: strawberry.ID
    name: str
