"""What the runtime, the gateway and other services may ask of notifications."""

from infra.database import Database
from services.notifications.consumer import consumer
from services.notifications.delivery import deliver_due
from services.notifications.outbox import Letter, backlog, queue_letter
from services.notifications.reminders import run_due_jobs

__all__ = ["Letter", "consumer", "deliver_due", "mail_backlog", "queue_letter", "run_due_jobs"]


async def mail_backlog(db: Database) -> int:
    async with db.sessions() as session:
        return await backlog(session)
