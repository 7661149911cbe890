"""Demo data: a peer group of three alumni with an accepted contract, a year of meetings and a development plan,
and a mentoring scheme with a mentor's offer (seeds 000, 002 and 004)."""

from datetime import timedelta

from infra.columns import utcnow
from infra.database import Database
from infra.viewer import Viewer
from services.peer_groups import contract, groups, meetings, plans, schemes
from services.peer_groups.access import Actor

GOALS = (
    ("Delegate board preparation to my deputy", ["Name a deputy", "Deputy drafts a board paper", "Deputy chairs"]),
    ("Say no to work that pulls us off our mission", ["List this year's commitments", "Decline one request kindly"]),
)


async def seed_peer_groups(db: Database, network_id: str, peers: list[Viewer], host: Viewer) -> None:
    """`peers`: three members of the network; the first forms the group."""
    formation = groups.Formation(network_id, "peer_group", "Tuesday peers", tuple(p.account_id for p in peers[1:]))
    async with db.transaction() as session:
        group = await groups.form_group(session, Actor(peers[0], db), formation)
    async with db.transaction() as session:
        for peer in peers:
            await contract.accept_contract(session, peer.account_id, group.id, group.contract_version)
        first = (utcnow() + timedelta(days=10)).replace(hour=17, minute=30, second=0, microsecond=0)
        plan = meetings.MeetingPlan(first, "online", "https://meet.example.org/tuesday-peers", 90)
        await meetings.schedule(session, peers[0].account_id, group.id, meetings.series(group, plan, 6))
        for peer, (title, milestones) in zip(peers, GOALS, strict=False):
            await plans.set_visibility(session, Actor(peer, db), network_id, "peer_group")
            await plans.add_goal(session, Actor(peer, db), network_id, title, milestones)
    await _scheme(db, network_id, host)


async def _scheme(db: Database, network_id: str, host: Viewer) -> None:
    draft = schemes.SchemeDraft(
        network_id,
        "Next leaders mentoring",
        "one_to_one",
        aims="Give diverse talented people access to senior leaders for a perspective on their next step.",
        eligibility=("Alumni of the Senior Leaders Programme", "Part-time workers welcome"),
        months=12,
        agreement="We meet monthly for a year; the mentee sets time, date and agenda; we follow up on actions; "
        "we end with a meeting to evaluate.",
        diversity_aims=("women", "disabled people", "BAME"),
        questions=("Would you take part again?",),
    )
    async with db.transaction() as session:
        await schemes.create_scheme(session, Actor(host, db), draft)
