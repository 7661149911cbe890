"""A member who blocked another, for the sweep: Bea, in the world's network and local group, writes to the local
group and blocks Bram; everything of hers, and whether she exists at all, is hidden from Bram on every path."""

from dataclasses import replace

from tests.authz.sweep import Unseen
from tests.support.graphql import Gateway, Member
from tests.support.world import PEER_GROUP_KINDS, PEER_GROUP_SECRETS, World

INVITE = "mutation($n: ID!, $e: String!) { inviteMember(networkId: $n, email: $e) { id } }"
ACCEPT = "mutation($id: ID!) { acceptInvitation(id: $id) { id } }"
JOIN = "mutation($g: ID!) { joinLocalGroup(id: $g) { id } }"
PROFILE = 'mutation { updateProfile(input: {bio: "quillblocker bio"}) { id } }'
STORY = """mutation($n: ID!, $a: String!) { writeStory(networkId: $n, audience: $a, story: {kind: GOOD_NEWS,
  title: "Quillblocker letter", body: "quillblocker words"}) { id } }"""
BLOCK = "mutation($m: ID!) { blockMember(memberId: $m) }"
BLOCKER_SECRETS = (
    "Bea Quillblocker",
    "blocker@quill.example.org",
    "quillblocker bio",
    "Quillblocker letter",
    "quillblocker words",
)
# What Bram may not learn: the blocker's words and whether she exists (her id as the world's Member), beside the
# peer group's space, which is never his.
BLOCKED = Unseen((*PEER_GROUP_SECRETS, *BLOCKER_SECRETS), PEER_GROUP_KINDS | {"Member"})


def _local_member(api: Gateway, world: World, name: str, email: str) -> Member:
    member = api.sign_up(name, email)
    invitation = api.run(INVITE, token=world.host_token, n=world.ids["Network"], e=email)["inviteMember"]["id"]
    member.run(ACCEPT, id=invitation)
    member.run(JOIN, g=world.ids["LocalGroup"])
    return member


def blocked_world(api: Gateway, world: World) -> tuple[World, dict[str, str]]:
    """The world with Bea as its Member, and Bram, whom she blocked, as the caller."""
    bea = _local_member(api, world, "Bea Quillblocker", "blocker@quill.example.org")
    bram = _local_member(api, world, "Bram Quillblocked", "blocked@quill.example.org")
    bea.run(PROFILE)
    bea.run(STORY, n=world.ids["Network"], a=f"local_group:{world.ids['LocalGroup']}")
    bea.run(BLOCK, m=bram.id)
    return replace(world, ids={**world.ids, "Member": bea.id}), {"member the author blocked": bram.token}
