"""What each event means for whom: a notice (phrase, link, the group it is in) and its recipients.

Recipients come from the owning services' public api. Whatever happens in a peer group reaches only the members
who accepted its current contract (peer_groups.api.consenting_member_ids); the phrase names the group, never what
was said or written in it.
"""

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from events.audience import peer_group
from events.catalogue import read
from events.envelope import Event
from services.harvests import events as harvests
from services.networks import api as networks
from services.notifications.cadence import CADENCE
from services.notifications.flags import FLAGS
from services.notifications.kinds import Kind
from services.notifications.meetings import meeting_cancelled, meeting_moved, meeting_scheduled
from services.notifications.notice import Happening, Notice, group_path, in_group
from services.notifications.proposals import proposal_closed, proposal_made
from services.notifications.responses import RESPONSES
from services.notifications.schedule import plan
from services.notifications.schemes import SCHEMES
from services.peer_groups import api as peer_groups
from services.peer_groups import events as groups

# One happening, several (one event concerning people differently), or none.
Reading = Callable[[Event, AsyncSession], Awaitable[Happening | list[Happening] | None]]
SURVEY_REMINDER_AFTER = timedelta(days=7)


async def contract_changed(event: Event, session: AsyncSession) -> Happening:
    data = read(event, groups.ContractChanged)
    phrase = f"the contract of {await in_group(session, data.group_id)} changed: accept it to rejoin the group's space"
    notice = Notice(
        Kind.CONTRACT_CHANGED,
        f"contract:{data.group_id}",
        phrase,
        group_path(data.group_id),
        event.time,
        event.audience,
        data.group_id,
    )
    # Asked of every seated member: none has accepted the new version yet, so none is in the group's space now.
    return notice, await peer_groups.seated_member_ids(session, data.group_id)


async def survey_sent(event: Event, session: AsyncSession) -> Happening:
    data = read(event, groups.SurveySent)
    group = await in_group(session, data.group_id)
    notice = survey_notice(Kind.SURVEY_DUE, data.group_id, data.months, group, event.time)
    await plan(
        session,
        Kind.SURVEY_REMINDER,
        f"{data.group_id}:{data.months}",
        event.time + SURVEY_REMINDER_AFTER,
        {"group_id": data.group_id, "months": str(data.months)},
    )
    return notice, await peer_groups.unanswered_survey(session, data.group_id, data.months)


def survey_notice(kind: Kind, group_id: str, months: int, group: str, at: datetime) -> Notice:
    again = "is still waiting for your answer" if kind is Kind.SURVEY_REMINDER else "is due"
    return Notice(
        kind,
        f"survey:{group_id}:{months}",
        f"your {months}-month feedback survey for {group} {again}",
        f"{group_path(group_id)}/surveys",
        at,
        (peer_group(group_id),),
        group_id,
    )


async def citation_requested(event: Event, session: AsyncSession) -> Happening:
    data = read(event, harvests.CitationRequested)
    phrase = "a host asks your consent to cite your story in a harvest"
    notice = Notice(
        Kind.CITATION_REQUESTED,
        f"citation:{data.request_id}",
        phrase,
        f"/stories/{data.story_id}",
        event.time,
        event.audience,
    )
    return notice, [data.author_id]


async def harvest_published(event: Event, session: AsyncSession) -> Happening:
    data = read(event, harvests.HarvestPublished)
    notice = Notice(
        Kind.HARVEST_PUBLISHED,
        f"harvest:{data.harvest_id}",
        "a new harvest was published to your network",
        f"/harvests/{data.harvest_id}",
        event.time,
        event.audience,
    )
    return notice, await networks.member_ids_in(session, data.network_ids)


READINGS: dict[str, Reading] = {
    "peer_groups.contract.changed": contract_changed,
    "peer_groups.meeting.scheduled": meeting_scheduled,
    "peer_groups.meeting.moved": meeting_moved,
    "peer_groups.meeting.cancelled": meeting_cancelled,
    "peer_groups.proposal.made": proposal_made,
    "peer_groups.proposal.closed": proposal_closed,
    "peer_groups.survey.sent": survey_sent,
    "harvests.citation.requested": citation_requested,
    "harvests.harvest.published": harvest_published,
    **RESPONSES,
    **CADENCE,
    **FLAGS,
    **SCHEMES,
}
