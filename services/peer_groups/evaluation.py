"""The programme evaluation (seed 000: "after 25 months ... an evaluation of the overall outcome"; a scheme's
groups one month after the scheme's end): answers aggregated across a network's groups. Any cell with fewer than
THRESHOLD respondents is suppressed, so that no individual answer can be picked out; free-text answers appear only
pooled, in a large enough cell, sorted."""

from collections import Counter, defaultdict
from datetime import datetime
from statistics import mean
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from services.peer_groups import events as ev
from services.peer_groups.cadence import add_months
from services.peer_groups.surveys import EARLIEST, QUESTIONS
from services.peer_groups.tables import Evaluation, PeerGroup, SurveyResponse

THRESHOLD = 5
EVALUATED_AFTER_MONTHS = 25
TEXTS = {q["key"]: q["text"] for q in QUESTIONS}


def _cell(key: str, months: int, values: list[Any]) -> dict[str, Any]:
    cell: dict[str, Any] = {
        "key": key,
        "question": TEXTS.get(key, "The scheme's own question"),
        "months": months,
        "respondents": len(values),
        "suppressed": len(values) < THRESHOLD,
    }
    if cell["suppressed"]:
        return cell
    numbers = [v for v in values if isinstance(v, int)]
    if numbers:
        cell |= {"mean": round(mean(numbers), 2), "distribution": [Counter(numbers)[n] for n in range(1, 6)]}
    else:
        cell["comments"] = sorted(v for v in values if v)
    return cell


def report(responses: list[SurveyResponse], groups: int) -> dict[str, Any]:
    cells: dict[tuple[str, int], list[Any]] = defaultdict(list)
    by_kind: dict[tuple[str, int], list[int]] = defaultdict(list)
    for response in responses:
        for key, value in response.answers.items():
            cells[(key, response.months)].append(value)
        by_kind[(response.group_kind, response.months)].append(response.answers.get("feel_different", 0))
    per_group = Counter(response.group_id for response in responses)
    return {
        "threshold": THRESHOLD,
        "groups": groups,
        "respondents": {str(m): n for m, n in sorted(Counter(r.months for r in responses).items())},
        "groups_below_threshold": sum(1 for count in per_group.values() if count < THRESHOLD),
        "questions": [_cell(key, months, values) for (key, months), values in sorted(cells.items())],
        "by_kind": [
            _cell(kind, months, values) | {"key": kind, "question": "Do you feel different? (by kind)"}
            for (kind, months), values in sorted(by_kind.items())
        ],
    }


def evaluated_after(group: PeerGroup) -> int:
    """Months from a group's start to its evaluation: 25, or one month after its scheme's end."""
    return EVALUATED_AFTER_MONTHS if group.scheme_id is None else group.for_months + 1


def _ripe(groups: list[PeerGroup], now: datetime) -> list[PeerGroup]:
    return [group for group in groups if add_months(group.started_at, evaluated_after(group)) <= now]


async def produce_due(session: AsyncSession, now: datetime) -> int:
    """One evaluation per network each time groups reach their evaluation, covering every group that has."""
    started = select(PeerGroup).where(PeerGroup.started_at <= add_months(now, -EARLIEST - 1))
    due = _ripe(list(await session.scalars(started.where(PeerGroup.evaluated.is_(False)))), now)
    for network_id in sorted({group.network_id for group in due}):
        covered = _ripe(list(await session.scalars(started.where(PeerGroup.network_id == network_id))), now)
        await _produce(session, network_id, [group.id for group in covered], now)
    for group in due:
        group.evaluated = True
    return len({group.network_id for group in due})


async def _produce(session: AsyncSession, network_id: str, covered: list[str], now: datetime) -> None:
    responses = list(await session.scalars(select(SurveyResponse).where(SurveyResponse.group_id.in_(covered))))
    evaluation = Evaluation(network_id=network_id, produced_at=now, report=report(responses, len(covered)))
    session.add(evaluation)
    await session.flush()
    data = ev.EvaluationProduced(
        evaluation_id=evaluation.id, network_id=network_id, groups=len(covered), respondents=len(responses)
    )
    record(
        session, [new_event(data, subject=evaluation.id, audience=[audience.network(network_id)], network=network_id)]
    )
