"""What the runtime, the gateway and other services may ask of notifications."""

from datetime import datetime

from infra.columns import utcnow
from infra.database import Database
from services.notifications.consumer import consumer
from services.notifications.delivery import deliver_due
from services.notifications.digests import plan_digests as plan_in
from services.notifications.outbox import Letter, backlog, queue_letter, withdraw_letter
from services.notifications.personal import forget_actor as forget_actor
from services.notifications.personal import personal_data as personal_data
from services.notifications.reminders import run_due_jobs

__all__ = [
    "Letter",
    "consumer",
    "deliver_due",
    "mail_backlog",
    "plan_digests",
    "queue_letter",
    "run_due_jobs",
    "withdraw_letter",
]


async def mail_backlog(db: Database) -> int:
    async with db.sessions() as session:
        return await backlog(session)


async def plan_digests(db: Database, now: datetime | None = None) -> None:
    """Plans the current day's and week's digests (the scheduler, hourly); planning one again changes nothing."""
    async with db.transaction() as session:
        await plan_in(session, now or utcnow())
