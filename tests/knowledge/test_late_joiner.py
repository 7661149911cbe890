"""A member who joins a peer group later reads its stories, and the comments and reactions on them, from their
seat on; what was said before stays with those who were there until every member agrees to open the history."""

import json
import uuid

from tests.knowledge.community import WRITE, community, peer_group, story
from tests.knowledge.test_responses import COMMENT
from tests.knowledge.test_stories import SHARE
from tests.peer_groups.support import accept_all
from tests.peer_groups.test_membership_consent import AGREE, ANSWER, HISTORY, PROPOSE
from tests.support.graphql import Gateway, Member

READ = "query($id: ID!) { story(id: $id) { title comments { body } reactions { reaction count } } }"
LIST = "{ stories(first: 50) { totalCount edges { node { title } } } }"
REACT = "mutation($s: ID!) { react(storyId: $s, reaction: RESONATES) { reaction count } }"
BEFORE = ("The board walked out", "Marrowbone said nothing for an hour.")
SAID_BEFORE = "Zephyrine did the same to me."


def _titles(member: Member) -> list[str]:
    return sorted(edge["node"]["title"] for edge in member.run(LIST)["stories"]["edges"])


def _seat(group: str, proposer: Member, other: Member, joiner: Member) -> None:
    """`joiner` proposed by `proposer`, accepted by themself, agreed by `other`; then they accept the contract."""
    group_id = group.partition(":")[2]
    proposal = proposer.run(PROPOSE, g=group_id, m=joiner.id)["proposePeerGroupMember"]["id"]
    joiner.run(ANSWER, p=proposal, a=True)
    assert other.run(AGREE, p=proposal, a=True)["answerPeerGroupProposal"]["state"] == "carried"
    accept_all(group_id, joiner)


def _codes(errors: list[dict]) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(e["extensions"]["code"], e["message"]) for e in errors]


def test_a_late_joiner_reads_the_groups_stories_from_their_seat_on_until_its_history_opens(api: Gateway) -> None:
    place = community(api)
    amara, ben, cleo = (place.member(api, n) for n in ("Amara Okafor", "Ben Carter", "Cleo Colleague"))
    group = peer_group(place, amara, ben)
    old = amara.run(WRITE, n=place.network, a=group, s=story("INCIDENT_OR_DILEMMA", *BEFORE))["writeStory"]["id"]
    wide = amara.run(WRITE, n=place.network, a=group, s=story(title="Shared later"))["writeStory"]["id"]
    for target in (old, wide):
        ben.run(COMMENT, s=target, k="REMINDS_ME", b=SAID_BEFORE)
        ben.run(REACT, s=target)
    _seat(group, amara, ben, cleo)
    new = amara.run(WRITE, n=place.network, a=group, s=story(title="After the retreat"))["writeStory"]["id"]
    ben.run(COMMENT, s=wide, k="REMINDS_ME", b="Said since Cleo came.")

    assert _titles(cleo) == ["After the retreat"]
    assert _codes(cleo.fails(READ, id=old)) == _codes(cleo.fails(READ, id=str(uuid.uuid4())))
    assert cleo.run(READ, id=new)["story"]["title"] == "After the retreat"
    amara.run(SHARE, id=wide, a=f"network:{place.network}")
    # Shared wider, the story reaches Cleo as a network member; what the group said of it before she came does not.
    assert cleo.run(READ, id=wide)["story"] == {
        "title": "Shared later",
        "comments": [{"body": "Said since Cleo came."}],
        "reactions": [],
    }
    assert not any(word in json.dumps(cleo.run(LIST)) for word in (*BEFORE, SAID_BEFORE))

    opening = ben.run(HISTORY, g=group.partition(":")[2], m=cleo.id)["proposePeerGroupHistory"]["id"]
    assert amara.run(AGREE, p=opening, a=True)["answerPeerGroupProposal"]["state"] == "carried"
    assert _titles(cleo) == ["After the retreat", "Shared later", BEFORE[0]]
    assert cleo.run(READ, id=old)["story"]["comments"] == [{"body": SAID_BEFORE}]
