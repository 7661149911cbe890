"""Mentoring schemes as members and coordinators use them: applying, approving, offers and choices."""

from typing import Any

from tests.support.graphql import Member

APPLY = """mutation($s: ID!, $role: String!, $areas: [String!]! = [], $goals: String! = "", $times: [String!]! = [],
  $who: [String!]! = [], $answers: [String!], $eligible: Boolean! = true) {
  applyToScheme(mentoringSchemeId: $s, input: {role: $role, practiceAreas: $areas, goals: $goals,
  availability: $times, socialIdentity: $who}, answers: $answers, meetsEligibility: $eligible) { id state } }"""
DECIDE = """mutation($a: ID!, $yes: Boolean!, $why: String! = "") {
  decideSchemeApplication(applicationId: $a, approve: $yes, reason: $why) { id state reason } }"""
CHOOSE = "mutation($o: ID!) { chooseMentoringOffer(mentoringOfferId: $o) { id state peerGroupId } }"
ANSWER_CHOICE = """mutation($c: ID!, $yes: Boolean!) {
  answerMentoringChoice(choiceId: $c, accept: $yes) { id state peerGroupId } }"""


def join_scheme(host: Member, member: Member, scheme: str, role: str, **enrolment: Any) -> str:
    """Applies (answering every screening question) and has the host approve; returns the application id."""
    application = member.run(APPLY, s=scheme, role=role, **enrolment)["applyToScheme"]["id"]
    assert host.run(DECIDE, a=application, yes=True)["decideSchemeApplication"]["state"] == "approved"
    return str(application)


def choose_and_accept(mentee: Member, mentor: Member, offer: str) -> str:
    """The mentee chooses the offer and its mentor accepts; returns the group formed (or proposed to)."""
    choice = mentee.run(CHOOSE, o=offer)["chooseMentoringOffer"]
    assert choice["state"] == "pending" and choice["peerGroupId"] is None
    accepted = mentor.run(ANSWER_CHOICE, c=choice["id"], yes=True)["answerMentoringChoice"]
    assert accepted["state"] == "accepted"
    return str(accepted["peerGroupId"])
