"""The protocols of seed 002, as data: steps with who speaks, a time box, prompts and the pitfalls to avoid.
Groups compose their own from the same kind of steps."""

from dataclasses import asdict, dataclass, field
from typing import Any

from infra.errors import InvalidInput
from infra.text import clean_lines, clean_text, one_of

# Who speaks in a step: the presenter, each peer in turn (everyone but the presenter), the mentor, the mentee
# (the presenter of a mentoring run), or all together (the facilitator moves the step on).
ROLES = ("presenter", "each_peer", "mentor", "mentee", "all")
PITFALLS = {
    "chat_session": "Keep to the structure: this is not a chat session.",
    "advice_giving": "Avoid advice giving: offer your own experience, not solutions.",
    "criticism": "No criticism or judgement.",
    "group_gripe": "Don't let it turn into a group gripe.",
    "gossip": "No gossip about people who are not here.",
    "dominant_personalities": "Let every voice be heard.",
    "time_hogging": "Keep to your time box: don't take all the time.",
}


@dataclass(frozen=True)
class Step:
    title: str
    role: str
    seconds: int
    guidance: str = ""
    prompts: tuple[str, ...] = ()
    pitfalls: tuple[str, ...] = ()
    presenter_listens_in_silence: bool = False

    def as_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def of(cls, data: dict[str, Any]) -> "Step":
        return cls(**{**data, "prompts": tuple(data["prompts"]), "pitfalls": tuple(data["pitfalls"])})

    def pitfall_reminders(self) -> list[str]:
        return [PITFALLS[key] for key in self.pitfalls]


@dataclass(frozen=True)
class Protocol:
    key: str
    name: str
    summary: str
    steps: tuple[Step, ...] = field(default_factory=tuple)


def checked_step(step: Step) -> Step:
    one_of(step.role, ROLES, "A step's role")
    unknown = set(step.pitfalls) - set(PITFALLS)
    if unknown:
        raise InvalidInput(f"Pitfalls are among {', '.join(PITFALLS)}.")
    if not 30 <= step.seconds <= 3600:
        raise InvalidInput("A step's time box is between 30 and 3600 seconds.")
    return Step(
        title=clean_text(step.title, "A step's title", 120, 2),
        role=step.role,
        seconds=step.seconds,
        guidance=clean_text(step.guidance, "A step's guidance", 2000),
        prompts=tuple(clean_lines(step.prompts, "Prompts", 300, 10)),
        pitfalls=step.pitfalls,
        presenter_listens_in_silence=step.presenter_listens_in_silence,
    )
