"""The record of hosts' acts: roles changed, content hidden, scheme applications decided, mentees matched and the
record's own exports, read by the network's hosts only, page by page or exported whole as CSV or JSON; a replay
of the events adds nothing."""

import csv
import io
import json

from tests.knowledge.community import WRITE, community, story
from tests.moderation.support import ACTS, DECIDE, acts, flag, settle
from tests.peer_groups.scheme_support import join_scheme
from tests.peer_groups.support import network_of
from tests.peer_groups.test_matching import MATCH, SCHEME
from tests.support.graphql import Gateway

ROLE = "mutation($n: ID!, $m: ID!, $r: String!) { setMemberRole(networkId: $n, memberId: $m, role: $r) }"
EXPORT = "query($n: ID!, $f: RecordFormat!) { hostActsExport(networkId: $n, format: $f) }"


def test_the_record_holds_what_hosts_did_for_hosts_only_and_exports_it(api: Gateway) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter")
    place.host.run(ROLE, n=place.network, m=amara.id, r="coordinator")
    written = ben.run(WRITE, n=place.network, a=f"network:{place.network}", s=story(title="Buy cheap pills"))
    place.host.run(DECIDE, f=flag(amara, "STORY", written["writeStory"]["id"], "SPAM"), d="HIDE", n="Spam.")
    settle(api)
    settle(api)  # a second pass over the same events changes nothing
    done = acts(place.host, place.network)
    assert [(a["actorName"], a["action"], a["detail"]) for a in done] == [
        ("Hana Host", "hid a story", "Spam."),
        ("Hana Host", "made a member coordinator", ""),
    ]
    assert amara.fails(ACTS, n=place.network)[0]["extensions"]["code"] == "FORBIDDEN"
    as_csv = list(csv.DictReader(io.StringIO(place.host.run(EXPORT, n=place.network, f="CSV")["hostActsExport"])))
    as_json = json.loads(place.host.run(EXPORT, n=place.network, f="JSON")["hostActsExport"])
    assert [row["action"] for row in as_csv] == [row["action"] for row in as_json] == [a["action"] for a in done]
    assert as_csv[1]["subject"] == f"member:{amara.id}"


def test_the_record_holds_applications_decided_mentees_matched_and_its_exports(api: Gateway) -> None:
    host, network, (mira, fay) = network_of(api, "Mira Mentor", "Fay Mentee")
    scheme = host.run(SCHEME, n=network)["createMentoringScheme"]["id"]
    for who, role in ((mira, "mentor"), (fay, "mentee")):
        join_scheme(host, who, scheme, role, areas=["coaching"], goals="board governance")
    host.run(MATCH, s=scheme, m=mira.id, e=[fay.id])
    settle(api)
    done = acts(host, network)
    assert [(a["actorName"], a["action"], a["detail"]) for a in done] == [
        ("Hana Host", "matched mentees with a mentor", "2 members"),
        ("Hana Host", "approved an application to a scheme", ""),
        ("Hana Host", "approved an application to a scheme", ""),
    ]
    host.run(EXPORT, n=network, f="JSON")
    settle(api)
    settle(api)
    [latest, *_] = acts(host, network)
    assert (latest["action"], latest["subject"]) == ("exported the record as JSON", f"network:{network}")
    assert len(acts(host, network)) == 4
