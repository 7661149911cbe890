"""The record of hosts' acts: roles changed and content hidden, read by the network's hosts only, page by page or
exported whole as CSV or JSON; a replay of the events adds nothing."""

import csv
import io
import json

from tests.knowledge.community import WRITE, community, story
from tests.moderation.support import ACTS, DECIDE, flag, settle
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
    acts = [e["node"] for e in place.host.run(ACTS, n=place.network)["hostActs"]["edges"]]
    assert [(a["actorName"], a["action"], a["detail"]) for a in acts] == [
        ("Hana Host", "hid a story", "Spam."),
        ("Hana Host", "made a member coordinator", ""),
    ]
    assert amara.fails(ACTS, n=place.network)[0]["extensions"]["code"] == "FORBIDDEN"
    as_csv = list(csv.DictReader(io.StringIO(place.host.run(EXPORT, n=place.network, f="CSV")["hostActsExport"])))
    as_json = json.loads(place.host.run(EXPORT, n=place.network, f="JSON")["hostActsExport"])
    assert [row["action"] for row in as_csv] == [row["action"] for row in as_json] == [a["action"] for a in acts]
    assert as_csv[1]["subject"] == f"member:{amara.id}"
