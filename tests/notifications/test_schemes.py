"""Mentoring schemes as notifications: an application tells the network's coordinators, its decision tells the
applicant alone (never the reason, nor anyone else); a choice tells the mentor, the answer the mentee."""

from infra.database import Database
from infra.settings import Settings
from tests.notifications.support import Inbox, pipeline
from tests.peer_groups.scheme_support import ANSWER_CHOICE, APPLY, CHOOSE, DECIDE, join_scheme
from tests.peer_groups.support import network_of
from tests.support.graphql import Gateway, Member

SCHEME = """mutation($n: ID!) { createMentoringScheme(input: {networkId: $n, name: "Next leaders",
  kind: "one_to_one", months: 6}) { id } }"""
OFFER = 'mutation($s: ID!) { postMentoringOffer(mentoringSchemeId: $s, text: "Growing a small charity") { id } }'
INBOX = "{ notifications(first: 20) { edges { node { kind text path } } } }"


def _news(member: Member) -> list[dict[str, str]]:
    return [edge["node"] for edge in member.run(INBOX)["notifications"]["edges"]]


async def test_application_and_choice_news_reach_only_those_concerned(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    host, network, (mira, fay, ida) = network_of(api, "Mira Mentor", "Fay Mentee", "Ida Applicant")
    scheme = host.run(SCHEME, n=network)["createMentoringScheme"]["id"]
    for who, role in ((mira, "mentor"), (fay, "mentee")):
        join_scheme(host, who, scheme, role)
    declined = ida.run(APPLY, s=scheme, role="mentee")["applyToScheme"]["id"]
    host.run(DECIDE, a=declined, yes=False, why="Full this round; the spring round is open to all")
    await pipeline(database, settings)
    host_news = _news(host)
    assert [n["kind"] for n in host_news].count("SCHEME_APPLICATION") == 3
    [told] = [n for n in _news(ida) if n["kind"] == "APPLICATION_DECIDED"]
    assert told["text"] == "Your application to Next leaders was declined: read why in the scheme"
    assert told["path"] == f"/networks/{network}/schemes/{scheme}"
    assert not any("spring round" in n["text"] for person in (host, mira, fay, ida) for n in _news(person))
    assert [n["kind"] for n in _news(fay)] == ["APPLICATION_DECIDED"]  # her own approval only

    choice = fay.run(CHOOSE, o=mira.run(OFFER, s=scheme)["postMentoringOffer"]["id"])["chooseMentoringOffer"]["id"]
    await pipeline(database, settings)
    assert [n["kind"] for n in _news(mira)].count("OFFER_CHOSEN") == 1
    mira.run(ANSWER_CHOICE, c=choice, yes=False)
    await pipeline(database, settings)
    [answered] = [n for n in _news(fay) if n["kind"] == "CHOICE_ANSWERED"]
    assert answered["text"] == "Your choice of an offer in Next leaders was declined: you may choose another offer"
    assert not any(n["kind"] == "CHOICE_ANSWERED" for person in (host, ida, mira) for n in _news(person))
    assert not [m for m in inbox.messages if "spring round" in m.as_string()]
