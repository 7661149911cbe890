"""GraphQL object types of accounts."""

import strawberry

from services.accounts.tables import Account as AccountRow


@strawberry.type
class Account:
    id: strawberry.ID
    email: str
    name: str
    is_admin: bool

    @classmethod
    def of(cls, row: AccountRow) -> "Account":
        return cls(id=strawberry.ID(row.id), email=row.email, name=row.name, is_admin=row.is_admin)


@strawberry.type
class SignUpReceived:
    email: str
    message: str = "Check your email: follow the link we sent to verify your address, then sign in."


@strawberry.type
class SignedIn:
    account: Account
    token: str | None = strawberry.field(description="A bearer token, only when asked for with forApi.")
