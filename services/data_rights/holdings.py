"""Everything the platform holds about a member, asked of each service through its api (one part per service).

What goes in is the member's own: what they wrote (in peer groups too: those words are theirs) and what is
recorded about them. Other members' words are not: comments on their stories, what their groups said, the
answers of surveys (kept without anyone's id, so they are not the member's to take)."""

from sqlalchemy.ext.asyncio import AsyncSession

from infra.personal_data import PersonalData
from infra.viewer import Viewer
from services.accounts import api as accounts
from services.gatherings import api as gatherings
from services.harvests import api as harvests
from services.knowledge import api as knowledge
from services.moderation import api as moderation
from services.networks import api as networks
from services.notifications import api as notifications
from services.peer_groups import api as peer_groups

Holdings = dict[str, PersonalData]


async def holdings(session: AsyncSession, member: Viewer) -> Holdings:
    member_id = member.account_id
    return {
        "accounts": await accounts.personal_data(session, member_id),
        "networks": await networks.personal_data(session, member_id, member.email),
        "knowledge": await knowledge.personal_data(session, member_id),
        "peer_groups": await peer_groups.personal_data(session, member_id),
        "harvests": await harvests.personal_data(session, member_id),
        "notifications": await notifications.personal_data(session, member_id),
        "gatherings": await gatherings.personal_data(session, member_id),
        "moderation": await moderation.personal_data(session, member_id),
    }
