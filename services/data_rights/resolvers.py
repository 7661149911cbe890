"""GraphQL for data rights: take an archive of one's data; delete one's account."""

from datetime import datetime

import strawberry
from strawberry.types import Info

from infra.columns import utcnow
from infra.context import RequestContext
from services.accounts.api import CSRF_COOKIE, SESSION_COOKIE
from services.data_rights.erasure import Erasure, erase
from services.data_rights.exports import take_export

Ctx = Info[RequestContext, None]


@strawberry.type(description="Where to download an archive of your data, signed in as yourself, until it expires.")
class ExportLink:
    url: str
    expires_at: datetime


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Prepares an archive (a zip: JSON per kind of record, your stories as Markdown) of everything "
        "the platform holds about you, and answers with a link that only you can use, until it expires."
    )
    async def export_my_data(self, info: Ctx) -> ExportLink:
        context = info.context
        link = await take_export(context.db, context.settings, context.member(), utcnow())
        return ExportLink(url=f"{context.settings.site_url}{link.path}", expires_at=link.expires_at)

    @strawberry.mutation(
        description="Deletes your account and your personal data, after you re-enter your password. What you wrote "
        "in shared spaces stays, by 'a former member', unless eraseMyWriting; what others wrote stays."
    )
    async def delete_my_account(self, info: Ctx, password: str, erase_my_writing: bool = False) -> bool:
        context = info.context
        await erase(
            context.db, context.settings, Erasure(context.member(), password, erase_my_writing, context.client_address)
        )
        for name in (SESSION_COOKIE, CSRF_COOKIE):
            context.cookies[name] = ""
            context.cookies[name].update({"path": "/", "max-age": "0"})
        return True
