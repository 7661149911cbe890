"""A group that misses its cadence (meet at least every other month) is told once per lapse: its members and its
network's hosts and coordinators, each one notice and one email that name the group and say it is overdue; a group
on cadence hears nothing, and neither a later scheduler pass nor a replay of the events tells anyone twice."""

from datetime import datetime, timedelta

from events.inprocess import InProcessBus
from events.runner import replay
from infra.database import Database
from infra.settings import Settings
from services.notifications.api import consumer, deliver_due, run_due_jobs
from services.peer_groups.cadence import add_months
from tests.notifications.support import Inbox, notify_all, pipeline
from tests.peer_groups.support import SCHEDULE, accept_all, form, network_of, soon
from tests.support.graphql import Gateway, Member

INBOX = "{ notifications(first: 10) { edges { node { kind text path } } } }"


def _cadence_news(member: Member) -> list[dict[str, str]]:
    edges = member.run(INBOX)["notifications"]["edges"]
    return [e["node"] for e in edges if e["node"]["kind"] == "CADENCE_BROKEN"]


async def test_a_group_overdue_tells_its_members_and_coordinator_once_and_one_on_cadence_none(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    host, network, (amara, ben, chen, dana) = network_of(api, "Amara Okafor", "Ben Carter", "Chen Wei", "Dana Ruiz")
    lapsing, keeping = form(amara, network, [ben]), form(chen, network, [dana])
    accept_all(lapsing, amara, ben)
    accept_all(keeping, chen, dana)
    [met] = amara.run(SCHEDULE, g=lapsing, at=soon(3), count=1, mode="phone", place="")["scheduleMeetings"]
    chen.run(SCHEDULE, g=keeping, at=soon(3), count=4, mode="phone", place="")  # one every other month
    await pipeline(database, settings)
    inbox.messages.clear()

    due = add_months(datetime.fromisoformat(met["startsAt"]), 2)
    await run_due_jobs(database, due)  # meetings' reminders; the checks planned at the start find both met in time
    await deliver_due(database, settings)
    assert [m for m in inbox.messages if "overdue" in m["Subject"]] == []
    inbox.messages.clear()
    await run_due_jobs(database, due + timedelta(days=2))
    assert await deliver_due(database, settings) == 3
    for person in (amara, ben, host):
        [mail] = inbox.to(person.email)
        assert "Tuesday peers is overdue for a meeting" in mail["Subject"]
        [news] = _cadence_news(person)
        assert news["path"] == f"/peer-groups/{lapsing}"
    assert inbox.to(chen.email) == inbox.to(dana.email) == []

    await run_due_jobs(database, due + timedelta(days=40))  # still the same lapse
    await replay(database, InProcessBus(database), consumer())
    assert await notify_all(database) > 0
    await run_due_jobs(database, due + timedelta(days=41))
    assert await deliver_due(database, settings) == 0
    assert [len(_cadence_news(p)) for p in (amara, ben, host, chen, dana)] == [1, 1, 1, 0, 0]
