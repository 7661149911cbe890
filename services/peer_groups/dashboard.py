"""The coordinator dashboard (issue 15), live while a programme runs: per scheme, for the whole network and per
local group, how many groups keep their cadence, meetings held, attendance, survey response rates, goal progress
and applications waiting; and diversity by outcome per scheme. As in the evaluation, a figure drawn from people's
presence, answers or identities is withheld (None) when fewer than THRESHOLD people stand behind it."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import mean

from services.peer_groups.dashboard_facts import GroupFacts, NetworkFacts
from services.peer_groups.evaluation import THRESHOLD
from services.peer_groups.tables import Application, Participant


@dataclass(frozen=True)
class ProgrammeRow:
    scope: str  # scheme, network or local_group
    name: str
    groups: int
    on_track: int
    unscheduled: int
    overdue: int
    finished: int
    meetings_held: int
    attendance_rate: float | None  # percent of attendance marks that were "present"
    survey_response_rate: float | None  # percent of surveys sent that were answered
    goal_progress: float | None  # mean of members' latest goal progress, percent
    applications_waiting: int


@dataclass(frozen=True)
class DiversityRow:
    scheme: str
    aim: str
    applied: int | None
    approved: int | None
    matched: int | None


def _rate(marks: list[tuple[str, bool]]) -> float | None:
    if len({member for member, _ in marks}) < THRESHOLD:
        return None
    return round(100 * sum(1 for _, yes in marks if yes) / len(marks), 1)


def _progress(members: set[str], progress: dict[str, int]) -> float | None:
    known = [progress[member] for member in members if member in progress]
    return round(mean(known), 1) if len(known) >= THRESHOLD else None


def programme_row(scope: str, name: str, groups: list[GroupFacts], facts: NetworkFacts, waiting: int) -> ProgrammeRow:
    states = Counter(g.state for g in groups)
    members: set[str] = set().union(*(g.members for g in groups))
    return ProgrammeRow(
        scope,
        name,
        len(groups),
        states["on_track"],
        states["unscheduled"],
        states["overdue"],
        states["finished"],
        sum(g.held(facts.now) for g in groups),
        _rate([m for g in groups for m in g.marks]),
        _rate([s for g in groups for s in g.surveys]),
        _progress(members, facts.progress),
        waiting,
    )


def _waiting(applications: Iterable[Application]) -> int:
    return sum(1 for application in applications if application.state == "pending")


def programme(
    facts: NetworkFacts, network_name: str, local_groups: dict[str, tuple[str, set[str]]]
) -> list[ProgrammeRow]:
    """One row per scheme, one for the network, one per local group (its members' peer groups);
    `local_groups`: id -> (name, member ids)."""
    rows = [
        programme_row(
            "scheme",
            scheme.name,
            [g for g in facts.groups if g.group.scheme_id == scheme.id],
            facts,
            _waiting(a for a in facts.applications if a.scheme_id == scheme.id),
        )
        for scheme in facts.schemes
    ]
    rows.append(programme_row("network", network_name, facts.groups, facts, _waiting(facts.applications)))
    for name, members in sorted(local_groups.values()):
        applicants = (a for a in facts.applications if a.member_id in members)
        rows.append(
            programme_row(
                "local_group", name, [g for g in facts.groups if g.members & members], facts, _waiting(applicants)
            )
        )
    return rows


def _count(n: int) -> int | None:
    return n if n >= THRESHOLD else None


def diversity(facts: NetworkFacts) -> list[DiversityRow]:
    """Per scheme and diversity aim: how many who count themselves in it applied, were approved, were matched."""
    rows = []
    for scheme in facts.schemes:
        applied = [a for a in facts.applications if a.scheme_id == scheme.id]
        joined: list[Participant] = [p for p in facts.participants if p.scheme_id == scheme.id]
        for aim in scheme.diversity_aims:
            mine = [a for a in applied if aim in a.enrolment.get("identities", [])]
            matched = sum(1 for p in joined if aim in p.identities and p.matched_group_id)
            approved = sum(1 for a in mine if a.state == "approved")
            rows.append(DiversityRow(scheme.name, aim, _count(len(mine)), _count(approved), _count(matched)))
    return rows
