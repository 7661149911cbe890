"""Issue 15's gathering scenario: a World Café with two seats, a waiting list that moves up, and its harvest's open
questions and actions (with owner and due date) carried onto the circle's next gathering, followed up there."""

from tests.gatherings.flows import (
    ADD_ITEM,
    CREATE_HARVEST,
    DONE,
    FOLLOW_UPS,
    PUBLISH,
    READ,
    rsvp,
    scheduled,
)
from tests.knowledge.community import community
from tests.support.graphql import Gateway


def test_the_waiting_list_moves_up_and_the_harvest_seeds_the_next_agenda(api: Gateway) -> None:
    place = community(api)
    amara, ben, chen = (place.member(api, name) for name in ("Amara Okafor", "Ben Carter", "Chen Wei"))
    cafe = scheduled(place.host, place, "Leeds World Café", days=3, capacity=2)

    assert rsvp(amara, cafe)["myRsvp"] == {"answer": "GOING", "position": None}
    assert rsvp(ben, cafe)["myRsvp"] == {"answer": "GOING", "position": None}
    third = rsvp(chen, cafe)
    assert third["myRsvp"] == {"answer": "WAITING", "position": 1}
    assert (third["going"], third["waiting"]) == (2, 1)
    assert rsvp(chen, cafe)["myRsvp"] == {"answer": "WAITING", "position": 1}  # asking again keeps the place

    assert rsvp(amara, cafe, going=False)["myRsvp"] == {"answer": "NOT_GOING", "position": None}
    moved = chen.run(READ, id=cafe)["gathering"]
    assert moved["myRsvp"] == {"answer": "GOING", "position": None}
    assert (moved["going"], moved["waiting"]) == (2, 0)

    harvest = place.host.run(CREATE_HARVEST, n=place.network, h={"title": "What the café heard", "gatheringId": cafe})
    harvest = harvest["createHarvest"]
    assert (harvest["gathering"], harvest["gatheringId"]) == ("WORLD_CAFE", cafe)
    question = "How do we carry hosting back into hierarchies?"
    place.host.run(ADD_ITEM, h=harvest["id"], s="OPEN_QUESTIONS", t=question, o=None, d=None)
    action = place.host.run(
        ADD_ITEM, h=harvest["id"], s="ACTIONS", t="Try one harvesting round in York.", o=ben.id, d="2027-01-15"
    )["addHarvestItem"]
    assert (action["ownerName"], action["dueOn"]) == ("Ben Carter", "2027-01-15")
    place.host.run(PUBLISH, id=harvest["id"])

    later = scheduled(place.host, place, "Leeds alumni evening", days=30, kind="ALUMNI_MEETING")
    carried = ben.run(FOLLOW_UPS, id=later)["gatheringFollowUps"]
    assert [(c["section"], c["text"]) for c in carried] == [
        ("open_questions", question),
        ("actions", "Try one harvesting round in York."),
    ]
    assert (carried[1]["ownerName"], carried[1]["dueOn"], carried[1]["doneAt"]) == ("Ben Carter", "2027-01-15", None)
    assert ben.run(FOLLOW_UPS, id=cafe)["gatheringFollowUps"] == []  # nothing before the first

    assert amara.fails(DONE, i=action["id"])[0]["extensions"]["code"] == "NOT_FOUND"
    assert ben.run(DONE, i=action["id"])["followUpAction"]["doneAt"] is not None
    assert chen.run(FOLLOW_UPS, id=later)["gatheringFollowUps"][1]["doneAt"] is not None
