"""The kinds of group (seeds 000, 002, 004), their roles and size limits, and the contract every group starts with."""

from dataclasses import dataclass

from infra.errors import InvalidInput


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    # How many non-mentor members it holds; kinds with a mentor hold exactly one more.
    most: int
    has_mentor: bool

    @property
    def member_role(self) -> str:
        return "mentee" if self.has_mentor else "peer"


KINDS = {
    kind.name: kind
    for kind in (
        Kind("peer_group", "peer group (2-3 peers, all equals)", 3, False),
        Kind("co_mentoring_pair", "co-mentoring pair", 2, False),
        Kind("mentoring_circle", "mentoring circle (up to 6 mentees and one senior mentor)", 6, True),
        Kind("one_to_one", "one-to-one mentoring", 1, True),
    )
}

# Seed 002, "Contracting for Mentoring Groups", with the habit the cadence relies on.
DEFAULT_NORMS = (
    "People do the best they can with the resources they have.",
    "Voluntary: each of us is in control of what we bring.",
    "Supportive and non-competitive.",
    "It is OK to make mistakes.",
    "We avoid giving advice; we offer our own experience instead.",
    "Confidential: what is said here stays here, and there are no 'post mortems'.",
    "We place a high value on turning up.",
)


def kind_of(name: str) -> Kind:
    if name not in KINDS:
        raise InvalidInput(f"A group's kind is one of {', '.join(KINDS)}.")
    return KINDS[name]


def check_size(kind: Kind, roles: list[str]) -> None:
    """Raises with the rule broken, so that nothing is written for a group that would not fit its kind."""
    mentors, others = roles.count("mentor"), len(roles) - roles.count("mentor")
    if others > kind.most:
        raise InvalidInput(f"A {kind.label} holds at most {kind.most} {kind.member_role}s; it is full.")
    if mentors > (1 if kind.has_mentor else 0):
        raise InvalidInput(f"A {kind.label} has {'exactly one mentor' if kind.has_mentor else 'no mentor'}.")


def check_complete(kind: Kind, roles: list[str]) -> None:
    check_size(kind, roles)
    if kind.has_mentor and "mentor" not in roles:
        raise InvalidInput(f"A {kind.label} needs its mentor.")
    if len(roles) < 2:
        raise InvalidInput("A group needs at least two members.")
