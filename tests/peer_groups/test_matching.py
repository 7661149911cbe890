"""Mentoring schemes (seed 004): offers mentees choose, coordinator matching ranked and explained, and social
identity seen by coordinators only, in aggregates elsewhere."""

import asyncio
import json

from sqlalchemy import select

from events.tables import OutboxRow
from infra.database import Database
from tests.peer_groups.scheme_support import choose_and_accept, join_scheme
from tests.peer_groups.support import network_of
from tests.support.graphql import Gateway

SCHEME = """mutation($n: ID!) { createMentoringScheme(input: {networkId: $n, name: "Next leaders",
  kind: "one_to_one", aims: "Diverse talented people reach senior leaders",
  eligibility: ["Part time workers welcome"],
  months: 12, diversityAims: ["women", "disabled people"], questions: ["Would you mentor next year?"]}) { id } }"""
SUGGEST = "query($s: ID!) { suggestedMatches(mentoringSchemeId: $s) { menteeId mentorId score reasons } }"
PARTICIPANTS = "query($s: ID!) { schemeParticipants(mentoringSchemeId: $s) { memberId socialIdentity } }"
MATCH = """mutation($s: ID!, $m: ID!, $e: [ID!]!) {
  matchMentoring(mentoringSchemeId: $s, mentorId: $m, menteeIds: $e) { kind memberCount } }"""
OFFER = (
    'mutation($s: ID!) { postMentoringOffer(mentoringSchemeId: $s, text: "Digital campaigning on a budget") { id } }'
)


def test_offers_are_chosen_and_coordinators_get_ranked_explained_matches(api: Gateway, database_url: str) -> None:
    host, network, (mira, omar, fay, gus) = network_of(api, "Mira Mentor", "Omar Mentor", "Fay Mentee", "Gus Mentee")
    scheme = host.run(SCHEME, n=network)["createMentoringScheme"]["id"]
    for who, role, areas, goals, times, identity in (
        (mira, "mentor", ["coaching", "hosting"], "fundraising and board governance", ["weekday evenings"], []),
        (omar, "mentor", ["social media and technology"], "digital campaigns", ["weekend mornings"], []),
        (fay, "mentee", ["coaching"], "I want to grow my board governance", ["weekday evenings"], ["women"]),
        (gus, "mentee", ["hosting"], "learn digital campaigns", ["weekend mornings"], []),
    ):
        join_scheme(host, who, scheme, role, areas=areas, goals=goals, times=times, who=identity)
    [best, *_] = host.run(SUGGEST, s=scheme)["suggestedMatches"]
    assert (best["menteeId"], best["mentorId"]) == (fay.id, mira.id)
    assert best["reasons"] == [
        "Shared practice areas: coaching",
        "Their goals meet what the mentor offers: board, governance",
        "Both available: weekday evenings",
        "Serves the scheme's diversity aims",
    ]
    assert not any("women" in json.dumps(s) for s in host.run(SUGGEST, s=scheme)["suggestedMatches"])
    participants = host.run(PARTICIPANTS, s=scheme)["schemeParticipants"]
    assert {p["memberId"]: p["socialIdentity"] for p in participants}[fay.id] == ["women"]
    [refused] = gus.fails(PARTICIPANTS, s=scheme)
    assert refused["extensions"]["code"] == "FORBIDDEN"
    diversity = host.run("query($s: ID!) { schemeDiversity(mentoringSchemeId: $s) { aim participants } }", s=scheme)
    assert diversity["schemeDiversity"] == [
        {"aim": "women", "participants": None},
        {"aim": "disabled people", "participants": None},
    ]
    assert host.run(MATCH, s=scheme, m=mira.id, e=[fay.id])["matchMentoring"] == {
        "kind": "one_to_one",
        "memberCount": 2,
    }

    offer = omar.run(OFFER, s=scheme)["postMentoringOffer"]["id"]
    group = choose_and_accept(gus, omar, offer)
    roles = gus.run("query($g: ID!) { peerGroup(id: $g) { members { id role } } }", g=group)["peerGroup"]["members"]
    assert {m["id"]: m["role"] for m in roles} == {gus.id: "mentee", omar.id: "mentor"}
    assert host.run(SUGGEST, s=scheme)["suggestedMatches"] == []
    assert "women" not in asyncio.run(_all_event_data(database_url))


async def _all_event_data(database_url: str) -> str:
    db = Database(database_url)
    try:
        async with db.sessions() as session:
            return json.dumps([row.data for row in await session.scalars(select(OutboxRow))])
    finally:
        await db.dispose()


CIRCLE_SCHEME = """mutation($n: ID!) { createMentoringScheme(input: {networkId: $n, name: "Circles",
  kind: "mentoring_circle", aims: "Grow together", eligibility: [], months: 12, diversityAims: [],
  questions: []}) { id } }"""
CIRCLE_OFFER = """mutation($s: ID!) {
  postMentoringOffer(mentoringSchemeId: $s, text: "Leading in a crisis", capacity: 2) { id } }"""
OPEN = "query($g: ID!) { peerGroup(id: $g) { openProposals { id memberName } } }"
DECLINE = "mutation($p: ID!) { answerPeerGroupProposal(proposalId: $p, agree: false) { state } }"


def test_a_mentee_the_circle_declines_gets_their_choice_back(api: Gateway) -> None:
    host, network, (mira, fay, gus) = network_of(api, "Mira Mentor", "Fay Mentee", "Gus Mentee")
    scheme = host.run(CIRCLE_SCHEME, n=network)["createMentoringScheme"]["id"]
    for who, role in ((mira, "mentor"), (fay, "mentee"), (gus, "mentee")):
        join_scheme(host, who, scheme, role)
    offer = mira.run(CIRCLE_OFFER, s=scheme)["postMentoringOffer"]["id"]
    circle = choose_and_accept(fay, mira, offer)
    assert choose_and_accept(gus, mira, offer) == circle
    [proposal] = mira.run(OPEN, g=circle)["peerGroup"]["openProposals"]
    assert fay.run(DECLINE, p=proposal["id"])["answerPeerGroupProposal"]["state"] == "declined"
    # Gus is no longer held as matched, and the offer's place he held is free: he may choose it again.
    assert choose_and_accept(gus, mira, offer) == circle
    assert [p["memberName"] for p in mira.run(OPEN, g=circle)["peerGroup"]["openProposals"]] == ["Gus Mentee"]
