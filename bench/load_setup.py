"""The community a load runs in, built through the API as members would: a host's network, invited members,
and peer groups of three whose members all accepted the confidentiality contract."""

from typing import TYPE_CHECKING

import httpx

from bench.community import NETWORK, SIGN_IN, SIGN_UP
from bench.verification import VERIFY, emailed_token
from infra.database import Database

if TYPE_CHECKING:
    from bench.load import Load

INVITE = "mutation($n: ID!, $e: String!) { inviteMember(networkId: $n, email: $e) { id } }"
ACCEPT = "mutation($id: ID!) { acceptInvitation(id: $id) { id } }"
FORM = """mutation($n: ID!, $name: String!, $m: [ID!]!) {
  formPeerGroup(networkId: $n, kind: "peer_group", name: $name, memberIds: $m) { id } }"""
CONTRACT = "query($g: ID!) { peerGroup(id: $g) { contract { version } } }"
ACCEPT_CONTRACT = "mutation($g: ID!, $v: Int!) { acceptContract(peerGroupId: $g, version: $v) { isOpen } }"
PEER_GROUP_SIZE = 3


async def prepare(load: "Load", http: httpx.AsyncClient, members: int) -> None:
    db = Database(load.settings.database_url, pool_size=1)
    try:
        load.tokens = [await _verified_member(load, http, db, i) for i in range(members + 1)]
    finally:
        await db.dispose()
    host = load.tokens[0]
    load.network_id = (await load.call(http, "setup", NETWORK, host))["data"]["createNetwork"]["id"]
    for i, token in enumerate(load.tokens[1:], start=1):
        invited = await load.call(http, "setup", INVITE, host, n=load.network_id, e=f"m{i}@load.example.org")
        await load.call(http, "setup", ACCEPT, token, id=invited["data"]["inviteMember"]["id"])
    load.member_ids = [(await load.call(http, "setup", "{ me { id } }", t))["data"]["me"]["id"] for t in load.tokens]
    for first in range(1, members + 1 - PEER_GROUP_SIZE + 1, PEER_GROUP_SIZE):
        await _open_peer_group(load, http, list(range(first, first + PEER_GROUP_SIZE)))
    schema = await load.call(http, "setup", "{ __schema { queryType { fields { name } } } }", host)
    load.can_search = "search" in {f["name"] for f in schema["data"]["__schema"]["queryType"]["fields"]}


async def _verified_member(load: "Load", http: httpx.AsyncClient, db: Database, i: int) -> str:
    """Signs member i up and in, and follows the verification link the server emailed them: only a verified
    address accepts invitations."""
    email = f"m{i}@load.example.org"
    await http.post("/graphql", json={"query": SIGN_UP, "variables": {"e": email, "n": f"Member {i:03}"}})
    signed = await http.post("/graphql", json={"query": SIGN_IN, "variables": {"e": email}})
    token = signed.json()["data"]["signIn"]["token"]
    me = (await load.call(http, "setup", "{ me { id } }", token))["data"]["me"]["id"]
    await load.call(http, "setup", VERIFY, token, t=await emailed_token(db, load.settings, me, "verify"))
    return token


async def _open_peer_group(load: "Load", http: httpx.AsyncClient, seats: list[int]) -> None:
    """The first member forms the group with the others; each accepts its contract, which opens its space."""
    ids = [load.member_ids[seat] for seat in seats]
    formed = await load.call(
        http, "setup", FORM, load.tokens[seats[0]], n=load.network_id, name=f"Peers {seats[0]:03}", m=ids
    )
    group = formed["data"]["formPeerGroup"]["id"]
    for seat in seats:
        contract = await load.call(http, "setup", CONTRACT, load.tokens[seat], g=group)
        version = contract["data"]["peerGroup"]["contract"]["version"]
        await load.call(http, "setup", ACCEPT_CONTRACT, load.tokens[seat], g=group, v=version)
    load.peer_groups[group] = seats
