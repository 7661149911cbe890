"""Flags and decisions (moderation): reviewers hear that something awaits them, an author that a reviewer hid or
restored what they wrote. Neither notice carries the item's words or the flagger's name."""

from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import read
from events.envelope import Event
from services.moderation import events as moderation
from services.networks import api as networks
from services.notifications.confidentiality import groups_of
from services.notifications.kinds import Kind
from services.notifications.notice import Happening, Notice
from services.peer_groups import api as peer_groups

ITEM_PATHS = {"story": "/stories/", "profile": "/members/"}


async def flag_raised(event: Event, session: AsyncSession) -> Happening:
    data = read(event, moderation.FlagRaised)
    group = next(iter(sorted(groups_of(event.audience, None))), None)
    kind = Kind.FLAG_FOR_COORDINATORS if data.to_coordinators else Kind.FLAG_RAISED
    notice = Notice(
        kind,
        f"flag:{data.target_id}",
        f"a member reported a {data.target_kind} for review",
        f"/review/{data.network_id}",
        event.time,
        event.audience,
        group,
        data.flagged_by,
    )
    if group is None:
        reviewers = await networks.host_ids_in(session, data.network_id)
    else:
        others = await networks.coordinator_ids_in(session, data.network_id) if data.to_coordinators else []
        reviewers = [*await peer_groups.consenting_member_ids(session, group), *others]
    # Its author reviews nothing of their own.
    return notice, [member for member in reviewers if member != data.author_id]


async def flag_decided(event: Event, session: AsyncSession) -> Happening | None:
    data = read(event, moderation.FlagDecided)
    if data.decision == "dismiss":
        return None
    done = "hid" if data.decision == "hide" else "restored"
    path = f"{ITEM_PATHS.get(data.target_kind, '/review/decisions/')}{data.target_id}"
    notice = Notice(
        Kind.CONTENT_MODERATED,
        f"moderated:{data.target_id}",
        f"a reviewer {done} your {data.target_kind}",
        path,
        event.time,
        event.audience,
    )
    return notice, [data.author_id]


FLAGS = {"moderation.flag.raised": flag_raised, "moderation.flag.decided": flag_decided}
