"""What the runtime, the gateway and other services may ask of notifications."""

from infra.database import Database
from services.notifications.consumer import consumer
from services.notifications.delivery import deliver_due
from services.notifications.outbox import backlog
from services.notifications.reminders import run_due_jobs

__all__ = ["consumer", "deliver_due", "mail_backlog", "run_due_jobs"]


async def mail_backlog(db: Database) -> int:
    async with db.sessions() as session:
        return await backlog(session)
