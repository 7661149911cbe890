"""The inbox through GraphQL: a page of notifications, the unread count, marking read with clear refusals, events
about one thing folding into one notification, and a replay that changes nothing."""

from sqlalchemy import func, select

from events.inprocess import InProcessBus
from events.runner import replay
from infra.database import Database
from infra.settings import Settings
from services.notifications.api import consumer
from services.notifications.tables import Email, Notification
from tests.notifications.support import Inbox, notify_all, pipeline
from tests.peer_groups.support import accept_all, open_group
from tests.support.graphql import Gateway

INBOX = "{ unreadNotificationCount notifications(first: 10) { totalCount edges { node { id kind text count } } } }"
MARK = "mutation($ids: [ID!], $all: Boolean! = false) { markNotificationsRead(ids: $ids, all: $all) }"
CHANGE = "mutation($g: ID!, $n: [String!]!) { changeContract(peerGroupId: $g, norms: $n) { id } }"


async def test_a_contract_changed_twice_within_minutes_is_one_notification(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    _, _, (amara, ben), group = open_group(api, "Amara Okafor", "Ben Carter")
    amara.run(CHANGE, g=group, n=["Confidential", "No advice giving"])
    accept_all(group, amara)
    amara.run(CHANGE, g=group, n=["Confidential", "No advice giving", "Turn up"])
    assert await pipeline(database, settings) == 2  # one email each, though two events
    [node] = [e["node"] for e in ben.run(INBOX)["notifications"]["edges"]]
    assert node["kind"] == "CONTRACT_CHANGED" and node["count"] == 2 and "Tuesday peers" in node["text"]
    assert "advice" not in node["text"] and "advice" not in inbox.to(ben.email)[0].as_string()


async def test_marking_read_refuses_bad_input_and_changes_nothing(
    api: Gateway, database: Database, settings: Settings
) -> None:
    _, _, (amara, ben), group = open_group(api, "Amara Okafor", "Ben Carter")
    amara.run(CHANGE, g=group, n=["Confidential"])
    await notify_all(database)
    [mine] = [e["node"]["id"] for e in ben.run(INBOX)["notifications"]["edges"]]
    [theirs] = [e["node"]["id"] for e in amara.run(INBOX)["notifications"]["edges"]]
    assert ben.fails(MARK)[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert ben.fails(MARK, ids=[mine], all=True)[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert ben.fails(MARK, ids=[])[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert ben.fails(MARK, ids=[mine, theirs])[0]["extensions"]["code"] == "NOT_FOUND"
    assert ben.fails(MARK, ids=["not-one-of-yours"])[0]["extensions"]["code"] == "NOT_FOUND"
    assert ben.run(INBOX)["unreadNotificationCount"] == 1  # nothing marked by the refused calls
    assert ben.run(MARK, ids=[mine])["markNotificationsRead"] == 0
    assert amara.run(INBOX)["unreadNotificationCount"] == 1
    assert amara.run(MARK, all=True)["markNotificationsRead"] == 0


async def test_a_replay_makes_no_second_notification_or_email(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    _, _, (amara, _), group = open_group(api, "Amara Okafor", "Ben Carter")
    amara.run(CHANGE, g=group, n=["Confidential"])
    assert await pipeline(database, settings) == 2
    await replay(database, InProcessBus(database), consumer())
    assert await notify_all(database) > 0  # every event read again
    assert await pipeline(database, settings) == 0
    async with database.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Notification)) == 2
        assert await session.scalar(select(func.count()).select_from(Email)) == 2
    assert len(inbox.messages) == 2
