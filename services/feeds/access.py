"""Who a member is now: the circles they see, asked of networks and peer groups as the gateway does per request.

Used where a request's viewer is not fresh enough: live pushes (a WebSocket's viewer is as old as the
connection). A peer group's key counts only once its member accepted the contract.
"""

from datetime import datetime

from infra.database import Database
from services.networks import api as networks
from services.peer_groups import api as peer_groups


async def current_keys(db: Database, member_id: str) -> frozenset[str]:
    return await networks.audiences_of(db, member_id) | await peer_groups.audiences_of(db, member_id)


async def current_late_seats(db: Database, member_id: str) -> dict[str, datetime]:
    """The groups the member joined late, each with the moment their feed shows its items from."""
    return await peer_groups.late_seats_of(db, member_id)
