"""What a host writes about a gathering, checked: kind, time (with its zone), place or link, agenda, capacity."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from infra.errors import InvalidInput
from infra.text import clean_text
from services.gatherings.kinds import KINDS

LONGEST = timedelta(days=7)
MOST_SEATS = 10_000


@dataclass(frozen=True)
class GatheringPlan:
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str = ""
    link: str = ""
    agenda: str = ""
    capacity: int = 20
    waiting_list: bool = True


def _times(plan: GatheringPlan, now: datetime) -> None:
    if plan.starts_at.tzinfo is None or plan.ends_at.tzinfo is None:
        raise InvalidInput("Give a gathering's start and end with their time zone offset.")
    if plan.starts_at <= now:
        raise InvalidInput("A gathering can't be scheduled in the past.")
    if not plan.starts_at < plan.ends_at <= plan.starts_at + LONGEST:
        raise InvalidInput("A gathering ends after it starts, within seven days.")


def _link(link: str) -> str:
    link = clean_text(link, "A link", 500)
    if link and (not link.startswith(("https://", "http://")) or any(c.isspace() for c in link)):
        raise InvalidInput("A link starts with https:// or http:// and has no spaces.")
    return link


def checked(plan: GatheringPlan, now: datetime) -> GatheringPlan:
    if plan.kind not in KINDS:
        raise InvalidInput(f"A gathering's kind is one of {', '.join(KINDS)}.")
    _times(plan, now)
    if not 1 <= plan.capacity <= MOST_SEATS:
        raise InvalidInput(f"A gathering's capacity is between 1 and {MOST_SEATS} people.")
    place, link = clean_text(plan.place, "A place", 500), _link(plan.link)
    if not place and not link:
        raise InvalidInput("Say where the gathering is: a place, or a link to join online.")
    title, agenda = clean_text(plan.title, "A title", 200, 2), clean_text(plan.agenda, "An agenda", 20_000)
    return GatheringPlan(
        plan.kind, title, plan.starts_at, plan.ends_at, place, link, agenda, plan.capacity, plan.waiting_list
    )
