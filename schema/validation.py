"""Validating new documents beside the event loop, a few at a time, within a time budget.

graphql-core's rules run synchronously and some are superlinear: on the event loop one costly document would
hold every other request of the process, `/healthz` included. Here they run in a small pool of threads (known
documents never come here). A document whose check outlasts the budget is refused; if it was still waiting
for a thread it never runs, and one already running ends within graphql-core's own complexity budget for
overlapping fields (about two seconds). `queued` and `running`, with `changed` notified on each move, tell
how many documents wait and how many are being checked.
"""

import asyncio
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from graphql import ASTValidationRule, DocumentNode, GraphQLError, GraphQLSchema
from strawberry.schema.schema import validate_document

from infra.errors import TooCostly

# One pool for the process: validation competes for the same cores whichever schema asks.
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="graphql-validation")
BUDGET_SECONDS = 2.0


class Validation:
    def __init__(self, budget_seconds: float = BUDGET_SECONDS) -> None:
        self.budget_seconds = budget_seconds
        self.changed = threading.Condition()
        self.queued = self.running = 0

    async def errors(
        self, schema: GraphQLSchema, document: DocumentNode, rules: Sequence[type[ASTValidationRule]]
    ) -> list[GraphQLError]:
        self._move(queued=1)
        job = _POOL.submit(self._check, schema, document, tuple(rules))
        try:
            async with asyncio.timeout(self.budget_seconds):  # unlike wait_for, never swallows an outer cancel
                return await asyncio.wrap_future(job)
        except TimeoutError:
            message = f"Checking the query took longer than {self.budget_seconds:g} s; ask for less in one query."
            return [GraphQLError(message, original_error=TooCostly(message))]
        finally:
            if job.cancelled():  # it never left the queue
                self._move(queued=-1)

    def _check(
        self, schema: GraphQLSchema, document: DocumentNode, rules: tuple[type[ASTValidationRule], ...]
    ) -> list[GraphQLError]:
        self._move(queued=-1, running=1)
        try:
            return validate_document(schema, document, rules)
        finally:
            self._move(running=-1)

    def _move(self, queued: int = 0, running: int = 0) -> None:
        with self.changed:
            self.queued += queued
            self.running += running
            self.changed.notify_all()
