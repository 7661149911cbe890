"""Everything one process holds, built once from settings: the composition root of the platform."""

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from functools import cached_property

from events.consumer import Consumer
from events.live import Broadcast
from events.processes import Background, start_embedded
from infra.columns import utcnow
from infra.database import Database
from infra.schedule import Job, run_jobs
from infra.settings import Settings
from infra.tasks import stop_all
from search import indexer
from search.build import build_index
from search.port import SearchIndex
from services.accounts import api as accounts
from services.accounts.neighbours import NEIGHBOURS as ACCOUNTS_NEIGHBOURS
from services.data_rights import api as data_rights
from services.feeds import projector
from services.harvests import api as harvests
from services.knowledge import api as knowledge
from services.knowledge.neighbours import NEIGHBOURS as KNOWLEDGE_NEIGHBOURS
from services.moderation import api as moderation
from services.networks import api as networks
from services.notifications import api as notifications
from services.peer_groups.api import send_due_surveys

HOURLY = 3600.0
# Emails go out within seconds of their notification; reminders are due to the minute.
MAIL_SECONDS = 2.0
REMINDER_SECONDS = 30.0


def introduce_services() -> None:
    """Services built on others plug into them, so the one built on imports nothing of them."""
    KNOWLEDGE_NEIGHBOURS.story_edited = harvests.story_edited
    KNOWLEDGE_NEIGHBOURS.published_harvest = harvests.published_harvest
    ACCOUNTS_NEIGHBOURS.queue_letter = notifications.queue_letter
    ACCOUNTS_NEIGHBOURS.withdraw_letter = notifications.withdraw_letter
    for kind in knowledge.FLAGGABLE:
        moderation.OWNERS[kind] = moderation.Owner(knowledge.flaggable, knowledge.set_hidden)
    moderation.OWNERS["harvest"] = moderation.Owner(harvests.flaggable, harvests.set_hidden)
    moderation.OWNERS["profile"] = moderation.Owner(networks.flaggable, networks.set_hidden)


class Runtime:
    def __init__(self, settings: Settings) -> None:
        introduce_services()
        self.settings = settings
        # Now, for what expires (export links, retention); tests move it instead of waiting.
        self.clock: Callable[[], datetime] = utcnow
        self.db = Database(settings.resolved_database_url, settings.database_pool_size, settings.database_pool_timeout)
        self.broadcast = Broadcast()
        self.background: Background | None = None
        self.scheduler: asyncio.Task[None] | None = None
        self.preparing: asyncio.Task[None] | None = None

    @cached_property
    def search(self) -> SearchIndex:
        """Opened on first use: the embedded engine allows one writer, so `commons status` must not open it."""
        return build_index(self.settings)

    async def _prepare_index(self) -> None:
        await indexer.prepare(self.search)

    def consumers(self) -> list[Consumer]:
        """Every consumer group, by name for `commons worker NAME`; the embedded mode runs them all."""
        return [
            indexer.consumer(lambda: self.search),
            projector.consumer(),
            notifications.consumer(),
            moderation.consumer(),
        ]

    def jobs(self) -> list[Job]:
        """Periodic work: the 12/24-month surveys and 25-month evaluations, planning notifications' digests, their
        due jobs (reminders, digests) and their email outbox, and the ended windows of sign-in and sign-up limits."""
        return [
            Job("surveys", HOURLY, lambda: send_due_surveys(self.db)),
            Job("digests", HOURLY, lambda: notifications.plan_digests(self.db)),
            Job("reminders", REMINDER_SECONDS, lambda: notifications.run_due_jobs(self.db)),
            Job("mail", MAIL_SECONDS, lambda: notifications.deliver_due(self.db, self.settings)),
            Job("rate limits", HOURLY, lambda: accounts.forget_ended_limits(self.db)),
            Job("retention", HOURLY, lambda: data_rights.keep_within(self.db, self.settings, self.clock())),
        ]

    async def start(self) -> None:
        """The live tail for subscriptions; in the embedded mode (run_workers) also the relay, consumers, jobs.
        Without workers, the gateway readies the search index itself (in the background, until the engine
        answers): it may start before any indexer, and searching an index that lacks its settings fails."""
        self.background = start_embedded(self.settings, self.db, self.consumers(), self.broadcast)
        if self.settings.run_workers:
            self.scheduler = asyncio.create_task(run_jobs(self.jobs()))
        else:
            self.preparing = asyncio.create_task(self._prepare_index())

    async def stop(self) -> None:
        await stop_all([self.scheduler, self.preparing])
        if self.background is not None:
            await self.background.stop()
        await self.db.dispose()


@asynccontextmanager
async def opened(settings: Settings) -> AsyncIterator[Runtime]:
    """A Runtime for one command's work (no background tasks): its database pool closes as the block ends."""
    runtime = Runtime(settings)
    try:
        yield runtime
    finally:
        await runtime.db.dispose()
