"""Bad input is refused clearly and changes nothing: a capacity of 0 or less, an RSVP past capacity when the
gathering keeps no waiting list, an RSVP by someone outside its circle, attendance recorded by a non-host."""

from tests.gatherings.flows import ATTENDANCE, LIST, READ, SCHEDULE, plan, rsvp, scheduled
from tests.knowledge.community import community
from tests.networks.test_networks_flow import founded
from tests.support.graphql import Gateway


def test_a_capacity_of_zero_or_less_is_refused(api: Gateway) -> None:
    place = community(api)
    for capacity in (0, -3):
        [error] = place.host.fails(SCHEDULE, n=place.network, l=None, g=plan("Café", 3, capacity=capacity))
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert error["message"] == "A gathering's capacity is between 1 and 10000 people."
    naive = plan("Café", 3) | {"startsAt": "2030-01-01T10:00:00"}
    assert "time zone" in place.host.fails(SCHEDULE, n=place.network, l=None, g=naive)[0]["message"]
    assert place.host.run(LIST, n=place.network, l=None)["gatherings"]["totalCount"] == 0


def test_a_full_gathering_without_a_waiting_list_refuses_the_next_yes(api: Gateway) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter")
    dialogue = scheduled(place.host, place, "Dialogue on power", 3, capacity=1, waitingList=False, kind="DIALOGUE")
    rsvp(amara, dialogue)
    [error] = ben.fails("mutation($id: ID!) { rsvpToGathering(id: $id, going: true) { id } }", id=dialogue)
    assert (error["extensions"]["code"], error["message"]) == (
        "CONFLICT",
        "This gathering is full and keeps no waiting list.",
    )
    seen = ben.run(READ, id=dialogue)["gathering"]
    assert (seen["going"], seen["waiting"], seen["myRsvp"]["answer"]) == (1, 0, None)


def test_outsiders_cannot_answer_and_members_cannot_record_attendance(api: Gateway) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter", in_local_group=False)
    outsider, _, _ = founded(api)
    cafe = scheduled(place.host, place, "Leeds World Café", 3)
    local = place.host.run(SCHEDULE, n=place.network, l=place.local_group, g=plan("Leeds circle", 4))
    local = local["scheduleGathering"]["id"]
    rsvp(amara, cafe)

    answer = "mutation($id: ID!) { rsvpToGathering(id: $id, going: true) { id } }"
    for stranger, gathering in ((outsider, cafe), (ben, local)):
        [error] = stranger.fails(answer, id=gathering)
        assert (error["extensions"]["code"], error["message"]) == ("NOT_FOUND", "No such gathering.")
    [refused] = amara.fails(ATTENDANCE, id=cafe, p=[amara.id])
    assert (refused["extensions"]["code"], refused["message"]) == (
        "FORBIDDEN",
        "Only the network's hosts may record attendance.",
    )
    [stray] = place.host.fails(ATTENDANCE, id=cafe, p=[outsider.id])
    assert stray["extensions"]["code"] == "BAD_USER_INPUT"
    hosted = place.host.run(READ, id=cafe)["gathering"]
    assert hosted["going"] == 1
    assert hosted["attendees"] == [{"name": "Amara Okafor", "answer": "GOING", "position": None, "present": None}]
    assert amara.run(READ, id=cafe)["gathering"]["attendees"] is None

    marked = place.host.run(ATTENDANCE, id=cafe, p=[amara.id])["recordGatheringAttendance"]["attendees"]
    assert marked == [{"name": "Amara Okafor", "answer": "GOING", "present": True}]
