"""Whether speaking time was shared fairly (seed 002's pitfall: "one person taking all the time")."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Fairness:
    seconds: dict[str, int]  # member id -> seconds spoken
    shares: dict[str, float]  # member id -> share of all the time spoken
    gini: float  # 0: perfectly even; towards 1: one person took it all
    max_min_ratio: float | None  # None when someone has not spoken yet


def gini(values: list[int]) -> float:
    total = sum(values)
    if not values or total == 0:
        return 0.0
    spread = sum(abs(a - b) for a in values for b in values)
    return round(spread / (2 * len(values) * total), 3)


def fairness(turns: Iterable[tuple[str | None, int]], speakers: Iterable[str]) -> Fairness:
    """Turns are (member, seconds); `speakers` are everyone who had a turn, so silence counts too."""
    seconds: dict[str, int] = defaultdict(int, {member: 0 for member in speakers})
    for member, spoken in turns:
        if member is not None:
            seconds[member] += spoken
    total = sum(seconds.values())
    shares = {member: round(spoken / total, 3) if total else 0.0 for member, spoken in seconds.items()}
    least, most = min(seconds.values(), default=0), max(seconds.values(), default=0)
    return Fairness(dict(seconds), shares, gini(list(seconds.values())), round(most / least, 2) if least else None)
