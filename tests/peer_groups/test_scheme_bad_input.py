"""Issue 15's bad input for schemes: each gets a clear error and changes nothing."""

from tests.peer_groups.scheme_support import ANSWER_CHOICE, APPLY, CHOOSE, DECIDE, join_scheme
from tests.peer_groups.support import network_of
from tests.support.graphql import Gateway

SCHEME = """mutation($n: ID!, $months: Int!) { createMentoringScheme(input: {networkId: $n, name: "Next leaders",
  kind: "one_to_one", months: $months, eligibility: ["Part-time workers"], screening: ["Why now?"]}) { id } }"""
SCHEMES = "query($n: ID!) { mentoringSchemes(networkId: $n) { id } }"
MINE = "{ mySchemeApplications { state } }"
WAITING = "query($s: ID!) { schemeApplications(mentoringSchemeId: $s) { id } }"
OFFER = 'mutation($s: ID!) { postMentoringOffer(mentoringSchemeId: $s, text: "Growing a small charity") { id } }'
CHOICES = "query($s: ID!) { mentoringChoices(mentoringSchemeId: $s) { id state peerGroupId } }"


def test_a_scheme_of_zero_months_is_refused_and_none_is_made(api: Gateway) -> None:
    host, network, _ = network_of(api)
    [error] = host.fails(SCHEME, n=network, months=0)
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and error["message"] == "A scheme lasts 1 to 60 months."
    assert host.run(SCHEMES, n=network)["mentoringSchemes"] == []


def test_applying_twice_is_refused_and_the_first_application_stands(api: Gateway) -> None:
    host, network, (fay,) = network_of(api, "Fay Mentee")
    scheme = host.run(SCHEME, n=network, months=6)["createMentoringScheme"]["id"]
    fay.run(APPLY, s=scheme, role="mentee", answers=["To lead my team"])
    [error] = fay.fails(APPLY, s=scheme, role="mentor", answers=["Or to mentor"])
    assert error["extensions"]["code"] == "CONFLICT"
    assert error["message"] == "You applied to this scheme already; each member applies once."
    assert fay.run(MINE)["mySchemeApplications"] == [{"state": "pending"}]
    assert len(host.run(WAITING, s=scheme)["schemeApplications"]) == 1


def test_an_application_without_eligibility_screening_or_a_reason_to_decline_is_refused(api: Gateway) -> None:
    host, network, (fay, gus) = network_of(api, "Fay Mentee", "Gus Mentee")
    scheme = host.run(SCHEME, n=network, months=6)["createMentoringScheme"]["id"]
    [unconfirmed] = fay.fails(APPLY, s=scheme, role="mentee", answers=["To lead"], eligible=False)
    assert unconfirmed["message"] == "Confirm that you meet the scheme's eligibility: Part-time workers."
    [unanswered] = fay.fails(APPLY, s=scheme, role="mentee", answers=[])
    assert unanswered["message"] == "Answer each of the scheme's 1 screening questions."
    assert fay.run(MINE)["mySchemeApplications"] == []
    application = gus.run(APPLY, s=scheme, role="mentee", answers=["To lead"])["applyToScheme"]["id"]
    [no_reason] = host.fails(DECIDE, a=application, yes=False, why="  ")
    assert no_reason["message"] == "Say why you decline the application: the applicant is told your reason."
    [not_theirs] = fay.fails(DECIDE, a=application, yes=True)
    assert not_theirs["extensions"]["code"] == "NOT_FOUND"
    assert gus.run(MINE)["mySchemeApplications"] == [{"state": "pending"}]


def test_only_its_mentor_answers_a_choice_and_nothing_changes_otherwise(api: Gateway) -> None:
    host, network, (mira, fay, gus) = network_of(api, "Mira Mentor", "Fay Mentee", "Gus Mentee")
    scheme = host.run(SCHEME, n=network, months=6)["createMentoringScheme"]["id"]
    for who, role in ((mira, "mentor"), (fay, "mentee"), (gus, "mentee")):
        join_scheme(host, who, scheme, role, answers=["Why not"])
    offer = mira.run(OFFER, s=scheme)["postMentoringOffer"]["id"]
    choice = fay.run(CHOOSE, o=offer)["chooseMentoringOffer"]["id"]
    for intruder in (fay, gus, host):
        [error] = intruder.fails(ANSWER_CHOICE, c=choice, yes=True)
        assert error["extensions"]["code"] == "NOT_FOUND"
        assert error["message"] == "No such choice waiting for your answer: only its mentor answers it."
    assert fay.run(CHOICES, s=scheme)["mentoringChoices"] == [{"id": choice, "state": "pending", "peerGroupId": None}]
    assert fay.run("{ myPeerGroups { id } }")["myPeerGroups"] == []
    [again] = fay.fails(CHOOSE, o=offer)
    assert again["extensions"]["code"] == "CONFLICT"
