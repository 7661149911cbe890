"""The cadence a group committed to (seed 000: at least every other month over 24 months), and whether it holds.
"Place a high value on turning up" (seed 002): a broken cadence is visible to the group and its coordinator."""

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime

from services.peer_groups.tables import PeerGroup

# A meeting counts as held unless its attendance shows fewer than this many present.
QUORUM = 2


def add_months(moment: datetime, months: int) -> datetime:
    year, month = divmod(moment.month - 1 + months, 12)
    year, month = moment.year + year, month + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class HeldMeeting:
    starts_at: datetime
    present: int | None  # None: attendance not recorded


@dataclass(frozen=True)
class CadenceStatus:
    last_met: datetime | None
    next_due: datetime
    next_scheduled: datetime | None
    ends: datetime
    state: str  # on_track, unscheduled (nothing planned before the next due date), overdue, finished

    @property
    def overdue(self) -> bool:
        return self.state == "overdue"


def _state(next_due: datetime, next_scheduled: datetime | None, ends: datetime, now: datetime) -> str:
    if now >= ends:
        return "finished"
    if now > next_due:
        return "overdue"
    return "on_track" if next_scheduled is not None and next_scheduled <= next_due else "unscheduled"


def cadence_status(group: PeerGroup, meetings: list[HeldMeeting], now: datetime) -> CadenceStatus:
    held = [m.starts_at for m in meetings if m.starts_at <= now and (m.present is None or m.present >= QUORUM)]
    coming = [m.starts_at for m in meetings if m.starts_at > now]
    last_met = max(held, default=None)
    next_due = add_months(last_met or group.started_at, group.every_months)
    next_scheduled = min(coming, default=None)
    # A mentoring relationship ended early finishes its group's programme then.
    ends = min(add_months(group.started_at, group.for_months), group.ended_at or datetime.max.replace(tzinfo=UTC))
    return CadenceStatus(last_met, next_due, next_scheduled, ends, _state(next_due, next_scheduled, ends, now))
