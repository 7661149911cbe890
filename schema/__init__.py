"""One GraphQL schema, composed from the services' parts."""

from graphql import GraphQLError
from strawberry import Schema
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from infra.settings import Settings
from schema.fragments import FragmentExpansionLimit
from schema.known_documents import KnownDocuments, ValidatedDocuments
from schema.masking import ErrorMasking
from schema.plain_text import PlainText
from search import graphql as search
from services.accounts import types as accounts
from services.feeds import resolvers as feeds
from services.harvests import resolvers as harvests
from services.knowledge import resolvers as knowledge
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
    peer_groups.Query,
    notifications.Query,
    search.Query,
)
MUTATIONS: tuple[type, ...] = (
    accounts.Mutation,
    networks.Mutation,
    feeds.Mutation,
    network_connections.Mutation,
    knowledge.Mutation,
    harvests.Mutation,
    peer_groups.Mutation,
    notifications.Mutation,
)
SUBSCRIPTIONS: tuple[type, ...] = (feeds.Subscription, peer_groups_live.Subscription, notifications.Subscription)


class CommonsSchema(Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        """ErrorMasking logs unexpected errors, with the request id and without client data."""


def build(settings: Settings | None = None) -> CommonsSchema:
    limits, known = settings or Settings(), KnownDocuments()
    return CommonsSchema(
        query=merge_types("Query", QUERIES),
        mutation=merge_types("Mutation", MUTATIONS),
        subscription=merge_types("Subscription", SUBSCRIPTIONS) if SUBSCRIPTIONS else None,
        extensions=[
            lambda: ValidatedDocuments(known),
            PlainText,
            ErrorMasking,
            FragmentExpansionLimit,
            lambda: QueryDepthLimiter(max_depth=limits.max_query_depth),
            lambda: MaxAliasesLimiter(max_alias_count=limits.max_aliases),
            lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        ],
    )
