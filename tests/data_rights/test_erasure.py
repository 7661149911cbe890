"""A member deletes their account: afterwards no GraphQL answer, search, feed, notification, export or replay of the
event log gives their name, email or profile; the stories of others they commented on stay, and so do their own
words in the group, by "a former member". Without the right password nothing changes."""

import json

import pytest
from sqlalchemy import delete, select

from events.inprocess import InProcessBus
from events.runner import replay
from events.tables import OutboxRow
from search.tables import SearchSubject
from services.feeds.tables import FeedItem, FeedMember, ItemAudience
from tests.data_rights.support import CONSENT, Scene, download, exported, opened, scene
from tests.support.graphql import PASSWORD, Gateway, Member
from tests.support.pipeline import settle

DELETE = "mutation($p: String!, $e: Boolean!) { deleteMyAccount(password: $p, eraseMyWriting: $e) }"
GATHERING = "query($g: ID!) { gathering(id: $g) { going attendees { name } } }"
STORY = "query($s: ID!) { story(id: $s) { title author { name } comments { body author { name } } } }"
SEARCH = "query($q: String!) { search(query: $q) { hits { title snippet authorName } } }"
FEED = "{ feed(first: 50) { edges { node { title excerpt authorName } } } }"
INBOX = "{ notifications(first: 50) { edges { node { text actorNames } } } }"
MEMBER = "query($m: ID!) { member(id: $m) { name } }"
CREATE_HARVEST = """mutation($n: ID!) { createHarvest(networkId: $n, harvest: {title: "Autumn harvest",
  gathering: WORLD_CAFE, summary: "What we learnt"}) { id } }"""
CITE = """mutation($h: ID!, $s: [ID!]!) { addHarvestItem(harvestId: $h, section: INSIGHTS,
  text: "Stories that travelled", storyIds: $s) { id } }"""
PUBLISH = "mutation($id: ID!) { publishHarvest(id: $id) { status } }"
HARVEST = "query($h: ID!) { harvest(id: $h) { items { stories { id title authorName consent } } } }"
NEWS = """mutation($n: ID!, $a: String!, $b: String! = "Shared with the whole network") { writeStory(networkId: $n,
  audience: $a, story: {kind: GOOD_NEWS, title: "Open news", body: $b}) { id } }"""
STORY_BODY = "query($s: ID!) { story(id: $s) { body } }"
# What identifies Amara: her name (and each half), her address, her profile's bio.
TRACES = ("Amara", "Okafor", "Lagos")


def seen_by(member: Member, seen: Scene) -> str:
    """Everything `member` is shown of the platform's paths Amara once reached."""
    answers = [member.run(SEARCH, q=words)["search"] for words in ("Amara Okafor", "timetable", "Lagos principals")]
    answers += [member.run(FEED), member.run(INBOX), member.run(STORY, s=seen.amara_story)]
    answers += [member.run(GATHERING, g=seen.gathering)]
    return json.dumps(answers)


def assert_forgotten(text: str, amara: Member) -> None:
    assert not [trace for trace in (*TRACES, amara.email) if trace in text]


async def _rebuild(runtime: object) -> None:
    """Search and feeds rebuilt from the event log's beginning, as `commons replay` does, from empty projections."""
    db = runtime.db  # type: ignore[attr-defined]
    async with db.transaction() as session:
        for table in (SearchSubject, ItemAudience, FeedItem, FeedMember):
            await session.execute(delete(table))
    for consumer in runtime.consumers():  # type: ignore[attr-defined]
        await replay(db, InProcessBus(db), consumer)


def test_a_deleted_member_is_forgotten_everywhere_while_others_words_stay(quiet_api: Gateway) -> None:
    seen = scene(quiet_api)
    mention = f"Thanks to @[Amara Okafor](member:{seen.amara.id}) for the timetable idea"
    thanks = seen.ben.run(NEWS, n=seen.network, a=f"network:{seen.network}", b=mention)["writeStory"]["id"]
    settle(quiet_api)
    assert "Amara Okafor" in seen_by(seen.ben, seen)
    link = exported(seen.amara)
    assert seen.amara.run(DELETE, p=PASSWORD, e=False)["deleteMyAccount"] is True
    settle(quiet_api)
    for story in (seen.ben_story, seen.amara_story):
        shown = seen.ben.run(STORY, s=story)["story"]
        assert "a former member" in json.dumps(shown)
    assert seen.ben.run(STORY, s=seen.ben_story)["story"]["title"] == "Ben's first term"
    assert "@[a former member]" in seen.ben.run(STORY_BODY, s=thanks)["story"]["body"]
    assert seen.ben.run(GATHERING, g=seen.gathering)["gathering"]["going"] == 0
    assert_forgotten(seen_by(seen.ben, seen), seen.amara)
    assert seen.ben.fails(MEMBER, m=seen.amara.id)[0]["extensions"]["code"] == "NOT_FOUND"
    assert "sign in again" in seen.amara.fails("{ me { name } }")[0]["message"]
    assert [download(quiet_api, link, member.token)[0] for member in (seen.amara, seen.ben)] == [401, 404]
    quiet_api.http.portal.call(_rebuild, quiet_api.runtime)  # type: ignore[union-attr]
    settle(quiet_api)
    rebuilt = [edge["node"] for edge in seen.ben.run(FEED)["feed"]["edges"]]
    assert {"title": "The timetable dilemma", "authorName": "a former member"} in [
        {"title": node["title"], "authorName": node["authorName"]} for node in rebuilt
    ]
    assert_forgotten(seen_by(seen.ben, seen), seen.amara)
    # The log keeps other members' words as they wrote them (Ben's mention, until the outbox's retention sweeps
    # it; what is shown or rebuilt reads "a former member"); Amara's own name and profile are sealed and shredded.
    log = quiet_api.http.portal.call(_log_text, quiet_api.runtime, thanks)  # type: ignore[union-attr]
    assert_forgotten(log, seen.amara)


async def _log_text(runtime: object, others_words: str) -> str:
    async with runtime.db.sessions() as session:  # type: ignore[attr-defined]
        rows = await session.scalars(select(OutboxRow).where(OutboxRow.subject != others_words))
        return json.dumps([row.data for row in rows])


@pytest.mark.parametrize("password", ["wrong password entirely", ""])
def test_deleting_without_the_right_password_changes_nothing(quiet_api: Gateway, password: str) -> None:
    seen = scene(quiet_api)
    errors = seen.amara.fails(DELETE, p=password, e=True)
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT" and "password" in errors[0]["message"]
    assert seen.amara.run("{ me { name } }")["me"]["name"] == "Amara Okafor"
    assert seen.ben.run(STORY, s=seen.amara_story)["story"]["author"]["name"] == "Amara Okafor"
    status, archive = download(quiet_api, exported(seen.amara), seen.amara.token)
    assert status == 200 and opened(archive)["knowledge/stories.json"]


def test_published_harvests_keep_only_the_citations_consented_to_without_the_name(quiet_api: Gateway) -> None:
    seen = scene(quiet_api)
    news = seen.amara.run(NEWS, n=seen.network, a=f"network:{seen.network}")
    harvest = seen.host.run(CREATE_HARVEST, n=seen.network)["createHarvest"]["id"]
    seen.host.run(CITE, h=harvest, s=[seen.amara_story, news["writeStory"]["id"], seen.ben_story])
    for author in (seen.amara, seen.ben):
        [request] = author.run("{ myCitationRequests { id } }")["myCitationRequests"]
        author.run(CONSENT, id=request["id"])
    seen.host.run(PUBLISH, id=harvest)
    seen.amara.run(DELETE, p=PASSWORD, e=False)
    settle(quiet_api)
    [item] = seen.host.run(HARVEST, h=harvest)["harvest"]["items"]
    cited = {story["id"]: story for story in item["stories"]}
    assert set(cited) == {seen.amara_story, seen.ben_story}
    assert cited[seen.amara_story]["authorName"] == "a former member"
    assert_forgotten(json.dumps(item), seen.amara)


def test_a_member_who_erases_their_writing_leaves_others_words_in_place(quiet_api: Gateway) -> None:
    seen = scene(quiet_api)
    settle(quiet_api)
    seen.amara.run(DELETE, p=PASSWORD, e=True)
    settle(quiet_api)
    assert seen.ben.fails(STORY, s=seen.amara_story)[0]["extensions"]["code"] == "NOT_FOUND"
    theirs = seen.ben.run(STORY, s=seen.ben_story)["story"]
    assert theirs["title"] == "Ben's first term" and theirs["comments"] == []
    assert "timetable" not in json.dumps(seen.ben.run(SEARCH, q="timetable")) + json.dumps(seen.ben.run(FEED))
