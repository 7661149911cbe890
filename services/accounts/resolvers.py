"""GraphQL for accounts: sign up, sign in, sign out, me."""

import strawberry

from infra.context import Ctx, RequestContext
from services.accounts import commands, ownership, throttle
from services.accounts.api import CSRF_COOKIE, SESSION_COOKIE
from services.accounts.types import Account, SignedIn, SignUpReceived


def _set_cookies(context: RequestContext, opened: commands.OpenedSession) -> None:
    max_age = context.settings.session_days * 86400
    for name, value, http_only in ((SESSION_COOKIE, opened.token, True), (CSRF_COOKIE, opened.csrf_token, False)):
        context.cookies[name] = value or ""
        morsel = context.cookies[name]
        morsel.update({"path": "/", "max-age": str(max_age), "samesite": "Lax"})
        morsel["httponly"] = http_only
        morsel["secure"] = context.settings.production


def _signed_in(context: RequestContext, opened: commands.OpenedSession, for_api: bool) -> SignedIn:
    if not for_api:
        _set_cookies(context, opened)
    return SignedIn(account=Account.of(opened.account), token=opened.token if for_api else None)


@strawberry.type
class Query:
    @strawberry.field(description="The signed-in account, or null.")
    def me(self, info: Ctx) -> Account | None:
        viewer = info.context.viewer
        if viewer is None:
            return None
        return Account(
            id=strawberry.ID(viewer.account_id), email=viewer.email, name=viewer.name, is_admin=viewer.is_admin
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Creates an account and emails a link to verify its address; then sign in. Answers the same "
        "when the address has an account already (its owner is told by email)."
    )
    async def sign_up(self, info: Ctx, email: str, password: str, name: str) -> SignUpReceived:
        context = info.context
        await throttle.admit_sign_up(context.db, context.settings, context.client_address)
        await commands.sign_up(context.db, context.settings, email, password, name)
        return SignUpReceived(email=email.strip().lower())

    @strawberry.mutation(description="Confirms an address by the token of the link emailed to it (works once).")
    async def verify_email(self, info: Ctx, token: str) -> Account:
        return Account.of(await ownership.verify_email(info.context.db, token))

    @strawberry.mutation(
        description="Emails a link to reset the password, if the address has an account; answers true either way."
    )
    async def request_password_reset(self, info: Ctx, email: str) -> bool:
        context = info.context
        await throttle.admit_reset(context.db, context.settings, context.client_address)
        await ownership.request_password_reset(context.db, context.settings, email)
        return True

    @strawberry.mutation(
        description="Sets a new password by the token of a reset link (works once, expires), ends every session of "
        "the account and signs the caller in (a cookie, or with forApi a token)."
    )
    async def reset_password(self, info: Ctx, token: str, new_password: str, for_api: bool = False) -> SignedIn:
        context = info.context
        opened = await ownership.reset_password(context.db, context.settings, token, new_password, not for_api)
        return _signed_in(context, opened, for_api)

    @strawberry.mutation(description="Signs in; browsers get a session cookie, API clients (forApi) a token.")
    async def sign_in(self, info: Ctx, email: str, password: str, for_api: bool = False) -> SignedIn:
        context = info.context
        opened = await commands.sign_in(
            context.db, context.settings, email, password, context.client_address, browser=not for_api
        )
        return _signed_in(context, opened, for_api)

    @strawberry.mutation(
        description="Changes the password and ends every session of the account, this one included; the caller "
        "gets a fresh session (a cookie, or with forApi a token)."
    )
    async def change_password(
        self, info: Ctx, current_password: str, new_password: str, for_api: bool = False
    ) -> SignedIn:
        context = info.context
        change = commands.PasswordChange(
            context.member().account_id, current_password, new_password, context.client_address
        )
        opened = await commands.change_password(context.db, context.settings, change, browser=not for_api)
        return _signed_in(context, opened, for_api)

    @strawberry.mutation(description="Ends this session.")
    async def sign_out(self, info: Ctx) -> bool:
        context = info.context
        if context.viewer is None or context.session_token is None:
            return False
        await commands.sign_out(context.db, context.session_token)
        for name in (SESSION_COOKIE, CSRF_COOKIE):
            context.cookies[name] = ""
            context.cookies[name].update({"path": "/", "max-age": "0"})
        return True
