"""Members answering together are served one after the other: the last seat goes to one of them, and the others
wait in distinct places (or, without a waiting list, are refused), never two in one seat."""

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tests.gatherings.flows import READ, RSVP, scheduled
from tests.knowledge.community import community
from tests.support.graphql import Gateway, Member


def _together(api: Gateway, gathering: str, members: list[Member]) -> list[dict[str, Any]]:
    def answer(member: Member) -> dict[str, Any]:
        return api.post(RSVP, {"id": gathering, "y": True}, member.token)

    with ThreadPoolExecutor(len(members)) as pool:
        return list(pool.map(answer, members))


def test_one_seat_three_answers(api: Gateway) -> None:
    place = community(api)
    members = [place.member(api, name) for name in ("Amara Okafor", "Ben Carter", "Chen Wei")]
    listed = scheduled(place.host, place, "Leeds World Café", 3, capacity=1)
    unlisted = scheduled(place.host, place, "Dialogue on power", 4, capacity=1, waitingList=False, kind="DIALOGUE")

    answers = [a["data"]["rsvpToGathering"]["myRsvp"] for a in _together(api, listed, members)]
    assert sorted((a["answer"], a["position"] or 0) for a in answers) == [("GOING", 0), ("WAITING", 1), ("WAITING", 2)]

    refused = _together(api, unlisted, members)
    codes = sorted((a.get("errors") or [{"extensions": {"code": "OK"}}])[0]["extensions"]["code"] for a in refused)
    assert codes == ["CONFLICT", "CONFLICT", "OK"], refused
    assert members[0].run(READ, id=unlisted)["gathering"]["going"] == 1
