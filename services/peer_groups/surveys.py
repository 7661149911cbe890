"""Feedback surveys 12 and 24 months after a group starts (seeds 000 and 004, plus the scheme's own questions),
sent when due and answered once; a scheme's group has them at its mid-point and at its end, the last one being the
closing meeting's ("Do you feel different? Were your objectives achieved?"). Answers are kept apart from who gave
them."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict, InvalidInput, NotFound
from infra.text import clean_text
from services.peer_groups import events as ev
from services.peer_groups.cadence import add_months
from services.peer_groups.groups import seats
from services.peer_groups.publications import group_event
from services.peer_groups.tables import PeerGroup, Scheme, SurveyInvitation, SurveyResponse

WAVES = (12, 24)
# The earliest any wave falls: a one-month scheme's.
EARLIEST = 1
SCALE = range(1, 6)
QUESTIONS = (
    {"key": "feel_different", "text": "Do you feel different?", "kind": "scale"},
    {"key": "difference", "text": "What difference has the mentoring made?", "kind": "text"},
    {"key": "objectives", "text": "Were your objectives achieved?", "kind": "scale"},
    {"key": "outcome", "text": "What has the programme's outcome been for you personally?", "kind": "text"},
    {
        "key": "support",
        "text": "How well did your group support your own agenda towards stronger leadership?",
        "kind": "scale",
    },
)


@dataclass(frozen=True)
class Answer:
    key: str
    scale: int | None = None
    text: str | None = None


def waves(group: PeerGroup) -> tuple[int, ...]:
    """Months after the start: 12 and 24 for groups without a scheme; a scheme's mid-point and end."""
    if group.scheme_id is None:
        return WAVES
    return tuple(sorted({(group.for_months + 1) // 2, group.for_months}))


async def last_waves(session: AsyncSession, group_ids: set[str]) -> dict[str, int]:
    """Each group's last wave: the survey of its closing meeting, whose answers feed the evaluation."""
    groups = await session.scalars(select(PeerGroup).where(PeerGroup.id.in_(group_ids)))
    return {group.id: waves(group)[-1] for group in groups}


async def questions_for(session: AsyncSession, group: PeerGroup) -> list[dict[str, str]]:
    scheme = await session.get(Scheme, group.scheme_id) if group.scheme_id else None
    own = [{"key": f"scheme_{i}", "text": q, "kind": "text"} for i, q in enumerate(scheme.questions if scheme else [])]
    return [*QUESTIONS, *own]


async def _send(session: AsyncSession, group: PeerGroup, months: int, now: datetime) -> int:
    sent = set(
        await session.scalars(
            select(SurveyInvitation.member_id).where(
                SurveyInvitation.group_id == group.id, SurveyInvitation.months == months
            )
        )
    )
    questions = await questions_for(session, group)
    due = [seat.member_id for seat in await seats(session, group.id) if seat.member_id not in sent]
    session.add_all(
        SurveyInvitation(group_id=group.id, member_id=m, months=months, questions=questions, sent_at=now) for m in due
    )
    if due:
        record(
            session,
            [group_event(ev.SurveySent(group_id=group.id, months=months, recipients=len(due)), group.id, group)],
        )
    return len(due)


async def send_due(session: AsyncSession, now: datetime) -> int:
    """Every wave whose time has come, to every current member who has not had it; returns how many were sent."""
    total = 0
    for group in await session.scalars(select(PeerGroup).where(PeerGroup.started_at <= add_months(now, -EARLIEST))):
        for months in waves(group):
            if add_months(group.started_at, months) <= now:
                total += await _send(session, group, months, now)
    return total


def _value(question: dict[str, str], answer: Answer) -> int | str:
    if question["kind"] == "scale":
        if answer.scale is None or answer.scale not in SCALE:
            raise InvalidInput(f"Answer '{question['text']}' on a scale of 1 to 5.")
        return answer.scale
    return clean_text(answer.text or "", "An answer", 5000)


async def answer(session: AsyncSession, member_id: str, survey_id: str, answers: list[Answer]) -> SurveyInvitation:
    survey = await session.get(SurveyInvitation, survey_id)
    if survey is None or survey.member_id != member_id:
        raise NotFound("No such survey.")
    if survey.answered_at is not None:
        raise Conflict("You answered this survey already; each survey is answered once.")
    given = {a.key: a for a in answers}
    if len(given) != len(answers) or not set(given) <= {q["key"] for q in survey.questions}:
        raise InvalidInput("Answer each of the survey's questions at most once.")
    values = {q["key"]: _value(q, given.get(q["key"], Answer(q["key"]))) for q in survey.questions}
    group = await session.get_one(PeerGroup, survey.group_id)
    session.add(
        SurveyResponse(
            network_id=group.network_id, group_id=group.id, group_kind=group.kind, months=survey.months, answers=values
        )
    )
    survey.answered_at = utcnow()
    record(session, [group_event(ev.SurveyAnswered(group_id=group.id, months=survey.months), group.id, group)])
    return survey
