"""Parsing and validating new documents beside the event loop, a few at a time, within a time budget.

graphql-core's parser and rules run synchronously, and some rules are superlinear: on the event loop, one
costly document (a 7 KB one takes 20 ms to parse and seconds to validate) would hold every other request of
the process, `/healthz` included. Here they run in a small pool of threads (known documents never come here).
A document whose turn outlasts the budget is refused; if it was still waiting for a thread it never runs, and
one already running ends within graphql-core's own complexity budget for overlapping fields (about two
seconds). `queued` and `running`, with `changed` notified on each move, tell how many wait and how many run.
"""

import asyncio
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from graphql import ASTValidationRule, DocumentNode, GraphQLError, GraphQLSchema, parse
from strawberry.schema.schema import validate_document

from infra.errors import TooCostly

# One pool for the process: the work competes for the same cores whichever schema asks.
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="graphql-validation")
BUDGET_SECONDS = 2.0
Result = TypeVar("Result")


class Validation:
    def __init__(self, budget_seconds: float = BUDGET_SECONDS) -> None:
        self.budget_seconds = budget_seconds
        self.changed = threading.Condition()
        self.queued = self.running = 0

    async def parsed(self, text: str, options: dict[str, Any]) -> DocumentNode | GraphQLError:
        def read() -> DocumentNode | GraphQLError:
            try:
                return parse(text, **options)
            except GraphQLError as error:  # a syntax error, or too many tokens: the client's answer
                return error

        return await self._beside_loop("Reading", read)

    async def errors(
        self, schema: GraphQLSchema, document: DocumentNode, rules: Sequence[type[ASTValidationRule]]
    ) -> list[GraphQLError]:
        found = await self._beside_loop("Checking", lambda: validate_document(schema, document, tuple(rules)))
        return [found] if isinstance(found, GraphQLError) else found

    async def _beside_loop(self, what: str, work: Callable[[], Result]) -> Result | GraphQLError:
        self._move(queued=1)
        job = _POOL.submit(self._run, work)
        try:
            async with asyncio.timeout(self.budget_seconds):  # unlike wait_for, never swallows an outer cancel
                return await asyncio.wrap_future(job)
        except TimeoutError:
            message = f"{what} the query took longer than {self.budget_seconds:g} s; ask for less in one query."
            return GraphQLError(message, original_error=TooCostly(message))
        finally:
            if job.cancelled():  # it never left the queue
                self._move(queued=-1)

    def _run(self, work: Callable[[], Result]) -> Result:
        self._move(queued=-1, running=1)
        try:
            return work()
        finally:
            self._move(running=-1)

    def _move(self, queued: int = 0, running: int = 0) -> None:
        with self.changed:
            self.queued += queued
            self.running += running
            self.changed.notify_all()
