"""Flagging an item and deciding on it: the only code that writes flags. A decision on an item closes every
flag on it that awaits the same step, and the owning service applies it in the same transaction."""

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import new_event
from events.envelope import Event
from events.outbox import record
from infra.columns import new_id, utcnow
from infra.database import Database
from infra.errors import Conflict, Forbidden, InvalidInput, NotFound
from infra.flaggable import Flaggable
from infra.viewer import Viewer
from services.moderation import events as ev
from services.moderation import items
from services.moderation.reviewers import confidential, reviews
from services.moderation.tables import Flag
from services.networks import api as networks

REASONS = ("harassment", "breach_of_confidentiality", "spam", "other")
# A decision, the status a flag must have for it, and the status it leaves.
DECISIONS = {"hide": ("open", "hidden"), "dismiss": ("open", "dismissed"), "restore": ("hidden", "restored")}
LONGEST_NOTE = 2000


def _note(text: str, required: bool) -> str:
    text = text.strip()
    if len(text) > LONGEST_NOTE or (required and not text):
        raise InvalidInput(f"A note needs {'1' if required else '0'} to {LONGEST_NOTE} characters.")
    return text


def _flag_row(item: Flaggable, viewer: Viewer, reason: str, note: str, to_coordinators: bool) -> Flag:
    if reason not in REASONS:
        raise InvalidInput(f"A reason is one of {', '.join(REASONS)}.")
    if item.author_id == viewer.account_id:
        raise InvalidInput("You cannot flag what you wrote; withdraw or edit it instead.")
    return Flag(
        id=new_id(),
        network_id=item.network_id,
        target_kind=item.kind,
        target_id=item.id,
        author_id=item.author_id,
        audience=list(item.audience),
        excerpt=item.excerpt,
        written_at=item.written_at,
        flagged_by=viewer.account_id,
        reason=reason,
        note=_note(note, required=False),
        created_at=utcnow(),
        to_coordinators=to_coordinators and confidential(list(item.audience)),
    )


def _event(flag: Flag, data: ev.FlagEvent) -> Event:
    return new_event(data, subject=flag.target_id, audience=flag.audience, network=flag.network_id)


async def raise_flag(
    db: Database, viewer: Viewer, kind: str, item_id: str, reason: str, note: str, to_coordinators: bool
) -> Flag:
    flag = _flag_row(await items.flaggable(db, viewer, kind, item_id), viewer, reason, note, to_coordinators)
    data = ev.FlagRaised(
        flag_id=flag.id,
        network_id=flag.network_id,
        target_kind=kind,
        target_id=flag.target_id,
        author_id=flag.author_id,
        reason=reason,
        flagged_by=viewer.account_id,
        to_coordinators=flag.to_coordinators,
    )
    try:
        async with db.transaction() as session:
            session.add(flag)
            await session.flush()
            record(session, [_event(flag, data)])
    except IntegrityError:
        raise Conflict("You flagged this already; reviewers have it.") from None
    return flag


async def reviewable(session: AsyncSession, viewer: Viewer, flag_id: str) -> Flag:
    """A flag the viewer reviews; any other, and a missing one, read as missing."""
    flag = await session.get(Flag, flag_id, with_for_update=True)
    role = await networks.role_of(session, flag.network_id, viewer.account_id) if flag else None
    if flag is None or not reviews(flag, viewer, role):
        raise NotFound("No such flag.")
    if flag.author_id == viewer.account_id:
        raise Forbidden("Someone else reviews flags on what you wrote.")
    return flag


async def decide(db: Database, viewer: Viewer, flag_id: str, decision: str, note: str) -> Flag:
    if decision not in DECISIONS:
        raise InvalidInput(f"A decision is one of {', '.join(DECISIONS)}.")
    before, after = DECISIONS[decision]
    text = _note(note, required=True)
    async with db.transaction() as session:
        flag = await reviewable(session, viewer, flag_id)
        if flag.status != before:
            raise Conflict(f"This flag is {flag.status}; one may {decision} only a flag that is {before}.")
        same = (Flag.target_kind == flag.target_kind) & (Flag.target_id == flag.target_id) & (Flag.status == before)
        decided = {"status": after, "decided_by": viewer.account_id, "decision_note": text, "decided_at": utcnow()}
        await session.execute(update(Flag).where(same).values(**decided))
        if decision != "dismiss":
            await items.set_hidden(session, flag.target_kind, flag.target_id, decision == "hide")
        data = ev.FlagDecided(
            flag_id=flag.id,
            network_id=flag.network_id,
            target_kind=flag.target_kind,
            target_id=flag.target_id,
            author_id=flag.author_id,
            decision=decision,
            actor_id=viewer.account_id,
            note=text,
        )
        record(session, [_event(flag, data)])
        await session.refresh(flag)
    return flag


async def open_flags(session: AsyncSession, network_id: str) -> list[Flag]:
    query = select(Flag).where(Flag.network_id == network_id, Flag.status.in_(("open", "hidden")))
    return list(await session.scalars(query.order_by(Flag.created_at, Flag.id)))
