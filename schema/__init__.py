"""One GraphQL schema, composed from the services' parts."""

import asyncio
from typing import Any

from graphql import GraphQLError
from strawberry import Schema
from strawberry.extensions import AddValidationRules, MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext, ExecutionResult

from infra.errors import Unavailable
from infra.settings import Settings
from schema.admission import Admission, Admissions
from schema.known_documents import KnownDocuments
from schema.masking import ErrorMasking
from schema.plain_text import PlainText
from schema.timing import OperationTiming
from schema.validation import Validation
from search import graphql as search
from services.accounts import resolvers as accounts
from services.data_rights import resolvers as data_rights
from services.feeds import resolvers as feeds
from services.gatherings import resolvers as gatherings
from services.harvests import resolvers as harvests
from services.knowledge import resolvers as knowledge
from services.moderation import resolvers as moderation
from services.networks import connection_resolvers as network_connections
from services.networks import resolvers as networks
from services.notifications import resolvers as notifications
from services.peer_groups import live as peer_groups_live
from services.peer_groups import resolvers as peer_groups

QUERIES: tuple[type, ...] = (
    accounts.Query,
    networks.Query,
    feeds.Query,
    network_connections.Query,
    knowledge.Query,
    harvests.Query,
    gatherings.Query,
    peer_groups.Query,
    notifications.Query,
    search.Query,
    moderation.Query,
)
MUTATIONS: tuple[type, ...] = (
    accounts.Mutation,
    networks.Mutation,
    feeds.Mutation,
    network_connections.Mutation,
    knowledge.Mutation,
    harvests.Mutation,
    gatherings.Mutation,
    peer_groups.Mutation,
    notifications.Mutation,
    data_rights.Mutation,
    moderation.Mutation,
)
SUBSCRIPTIONS: tuple[type, ...] = (feeds.Subscription, peer_groups_live.Subscription, notifications.Subscription)


class CommonsSchema(Schema):
    admissions: Admissions
    request_budget_seconds = 20.0

    async def execute(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        """Stops a request at its budget: the event loop is not held past it (validation runs beside it, and
        execution yields at every database call), and the client is told clearly."""
        try:
            async with asyncio.timeout(self.request_budget_seconds):
                return await super().execute(*args, **kwargs)
        except TimeoutError:
            seconds = f"{self.request_budget_seconds:g}"
            message = f"The request ran past its {seconds} s budget and was stopped; try again, or ask for less."
            return ExecutionResult(data=None, errors=[GraphQLError(message, extensions={"code": Unavailable.code})])

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        """ErrorMasking logs unexpected errors, with the request id and without client data."""


def build(settings: Settings | None = None) -> CommonsSchema:
    limits = settings or Settings()
    admissions = Admissions(
        max_selection_fields=limits.max_selection_fields,
        max_fields=limits.max_fields,
        known=KnownDocuments(limits.known_documents_bytes),
        validation=Validation(limits.validation_budget_seconds),
    )
    # The limiters' rules are built once: each limiter builds a rule class when constructed, per request otherwise.
    rules = [
        *QueryDepthLimiter(max_depth=limits.max_query_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=limits.max_aliases).validation_rules,
    ]
    schema = CommonsSchema(
        query=merge_types("Query", QUERIES),
        mutation=merge_types("Mutation", MUTATIONS),
        subscription=merge_types("Subscription", SUBSCRIPTIONS) if SUBSCRIPTIONS else None,
        extensions=[
            OperationTiming,
            lambda: Admission(admissions),
            PlainText,
            ErrorMasking,
            lambda: AddValidationRules(rules),
            lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        ],
    )
    schema.admissions, schema.request_budget_seconds = admissions, limits.request_budget_seconds
    return schema
