"""A profile may be flagged too: by a member who shares a network with its member, reviewed by that network's
hosts. Hidden, others read the name only and search leaves the member out; its member and the hosts still read
it, marked, and its member is told; restored, it is back. Someone who shares no network with the member cannot
tell it exists."""

from tests.knowledge.community import community
from tests.moderation.support import DECIDE, QUEUE, acts, flag, found, inbox, settle
from tests.support.graphql import Gateway

BIO = "Zanzibarite tonics cure burnout, message me to buy"
PROFILE = "mutation($b: String!) { updateProfile(input: {bio: $b}) { id } }"
READ = "query($id: ID!) { member(id: $id) { name bio hidden } }"
FLAG_PROFILE = (
    'mutation($i: ID!) { flagItem(kind: PROFILE, itemId: $i, reason: SPAM, note: "", toCoordinators: false) { id } }'
)


def test_a_hidden_profile_shows_its_name_only_leaves_search_and_comes_back_when_restored(api: Gateway) -> None:
    place = community(api)
    amara, cai = place.member(api, "Amara Okafor"), place.member(api, "Cai Seller")
    cai.run(PROFILE, b=BIO)
    settle(api)
    assert found(amara, "zanzibarite tonics") == ["Cai Seller"]
    raised = flag(amara, "PROFILE", cai.id, "SPAM")
    [queued] = place.host.run(QUEUE, n=place.network)["reviewQueue"]
    assert (queued["kind"], queued["itemId"]) == ("PROFILE", cai.id) and BIO in queued["excerpt"]
    place.host.run(DECIDE, f=raised, d="HIDE", n="Selling is not what profiles are for.")
    settle(api)
    assert amara.run(READ, id=cai.id)["member"] == {"name": "Cai Seller", "bio": "", "hidden": True}
    for reader in (cai, place.host):
        assert reader.run(READ, id=cai.id)["member"] == {"name": "Cai Seller", "bio": BIO, "hidden": True}
    assert found(amara, "zanzibarite tonics") == []
    assert "A reviewer hid your profile" in [notice["text"] for notice in inbox(cai)]
    [act] = acts(place.host, place.network)
    assert (act["action"], act["subject"]) == ("hid a profile", f"profile:{cai.id}")
    place.host.run(DECIDE, f=raised, d="RESTORE", n="Bio changed after a talk.")
    settle(api)
    assert amara.run(READ, id=cai.id)["member"]["bio"] == BIO
    assert found(amara, "zanzibarite tonics") == ["Cai Seller"]


def test_a_profile_outside_ones_networks_cannot_be_flagged_nor_told_from_a_made_up_one(api: Gateway) -> None:
    place, elsewhere = community(api), community(api)
    cai = place.member(api, "Cai Seller")
    stranger = elsewhere.member(api, "Sol Stranger")
    real = stranger.fails(FLAG_PROFILE, i=cai.id)
    made_up = stranger.fails(FLAG_PROFILE, i="00000000-0000-0000-0000-000000000000")
    assert real == made_up and real[0]["extensions"]["code"] == "NOT_FOUND"
    assert place.host.run(QUEUE, n=place.network)["reviewQueue"] == []
