"""The knowledge service's part of the GraphQL schema: stories, resources, and the comments and reactions on
stories, resources and harvests."""

import strawberry
from strawberry.tools import merge_types

from infra.context import Ctx
from services.knowledge import resource_resolvers, responses, story_resolvers
from services.knowledge.responses import Target
from services.knowledge.types import Comment, CommentKind, ReactionCount, ReactionKind, comments_on, reactions_to

TARGETS = "Name one: a story, a resource or a (published) harvest."


async def _target(info: Ctx, story_id: str | None, resource_id: str | None, harvest_id: str | None) -> Target:
    ids = {"story": story_id, "resource": resource_id, "harvest": harvest_id}
    return await responses.target(info.context.db, info.context.member(), ids)


@strawberry.type(
    description="The comments and reactions on one story, resource or harvest, as the viewer may see them."
)
class Conversation:
    target: strawberry.Private[Target]

    @strawberry.field(description="Comments that reach you, oldest first.")
    async def comments(self, info: Ctx) -> list[Comment]:
        return await comments_on(info, self.target.id, self.target.audience)

    @strawberry.field(description="Reactions counted over those that reach you.")
    async def reactions(self, info: Ctx) -> list[ReactionCount]:
        return await reactions_to(info, self.target.id, self.target.audience)


@strawberry.type
class ResponseQuery:
    @strawberry.field(description=f"The conversation on something you may see. {TARGETS}")
    async def conversation(
        self,
        info: Ctx,
        story_id: strawberry.ID | None = None,
        resource_id: strawberry.ID | None = None,
        harvest_id: strawberry.ID | None = None,
    ) -> Conversation:
        return Conversation(target=await _target(info, story_id, resource_id, harvest_id))


@strawberry.type
class ResponseMutation:
    @strawberry.mutation(description=f"Comments on something you may see; its audience sees the comment. {TARGETS}")
    async def comment(
        self,
        info: Ctx,
        body: str,
        kind: CommentKind = CommentKind.COMMENT,
        story_id: strawberry.ID | None = None,
        resource_id: strawberry.ID | None = None,
        harvest_id: strawberry.ID | None = None,
    ) -> Comment:
        on = await _target(info, story_id, resource_id, harvest_id)
        async with info.context.db.transaction() as session:
            return Comment.of(await responses.add_comment(session, info.context.member(), on, kind.value, body))

    @strawberry.mutation(description=f"Adds (or with on: false takes back) your reaction. {TARGETS}")
    async def react(
        self,
        info: Ctx,
        reaction: ReactionKind,
        on: bool = True,
        story_id: strawberry.ID | None = None,
        resource_id: strawberry.ID | None = None,
        harvest_id: strawberry.ID | None = None,
    ) -> list[ReactionCount]:
        target = await _target(info, story_id, resource_id, harvest_id)
        async with info.context.db.transaction() as session:
            await responses.react(session, info.context.member(), target, reaction.value, on)
        return await reactions_to(info, target.id, target.audience)


Query = merge_types("KnowledgeQuery", (story_resolvers.Query, resource_resolvers.Query, ResponseQuery))
Mutation = merge_types("KnowledgeMutation", (story_resolvers.Mutation, resource_resolvers.Mutation, ResponseMutation))
