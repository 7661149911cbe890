"""Erasing an account (after the password is re-entered). In one transaction each service erases what it holds
about the member, through its api: what others wrote stays; what the member wrote in shared spaces stays by "a
former member" unless they chose to erase it; published harvests keep a citation of their stories only where they
consented. The services' own events carry the changes to search and feeds; `data_rights.member.erased` tells the
projections to drop what they keep of the member; and the member's key is shredded, so their name and profile in
every earlier event, replays included, read as "a former member"."""

from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.keys import shred
from events.outbox import record
from infra.database import Database
from infra.errors import InvalidInput
from infra.settings import Settings
from infra.viewer import Viewer
from services.accounts import api as accounts
from services.data_rights.events import MemberErased
from services.data_rights.tables import Export
from services.gatherings import api as gatherings
from services.harvests import api as harvests
from services.knowledge import api as knowledge
from services.moderation import api as moderation
from services.networks import api as networks
from services.notifications import api as notifications
from services.peer_groups import api as peer_groups


@dataclass(frozen=True)
class Erasure:
    member: Viewer
    password: str
    erase_writing: bool
    address: str


async def erase(db: Database, settings: Settings, asked: Erasure) -> None:
    if not asked.password:
        raise InvalidInput("Enter your password to delete your account.")
    member = asked.member
    await accounts.confirm_password(db, settings, member.account_id, asked.password, asked.address)
    async with db.transaction() as session:
        await _erase_parts(session, member, asked.erase_writing)
        gone = MemberErased(member_id=member.account_id, writing_erased=asked.erase_writing)
        keys = [audience.PLATFORM.key]
        record(session, [new_event(gone, subject=member.account_id, audience=keys, network=None)])
        await shred(session, member.account_id)


async def _erase_parts(session: AsyncSession, member: Viewer, erase_writing: bool) -> None:
    member_id = member.account_id
    await harvests.erase_member(session, member_id, await knowledge.stories_by(session, member_id))
    await knowledge.erase_member(session, member_id, erase_writing)
    await networks.erase_member(session, member_id, member.email)
    await peer_groups.erase_member(session, member_id)
    await gatherings.erase_member(session, member_id)
    await moderation.erase_member(session, member_id)
    await notifications.forget_actor(session, member.name)
    await session.execute(delete(Export).where(Export.member_id == member_id))
    await accounts.erase_account(session, member_id)
