"""Accounts: who can sign in, their open sessions, their emailed links, and the counters of rate limits."""

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from infra.columns import UTCDateTime, new_id, utcnow
from infra.database import Base


class Account(Base):
    __tablename__ = "accounts_accounts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(200))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set when its owner followed the verification link (or a reset link): only then is the address theirs.
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AccountSession(Base):
    """A signed-in browser (cookie) or API client (bearer token); only the token's hash is stored."""

    __tablename__ = "accounts_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts_accounts.id", ondelete="CASCADE"))
    csrf_token: Mapped[str | None] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class EmailLink(Base):
    """A link emailed to an account's address (verify it, reset the password): single use, expiring; only the
    token's hash is stored."""

    __tablename__ = "accounts_email_links"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts_accounts.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(20))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RateCounter(Base):
    """One rate limit's hits in its current window (the `limits` package's fixed window), counted atomically."""

    __tablename__ = "accounts_rate_counters"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    hits: Mapped[int] = mapped_column(Integer)
    # Seconds since the epoch, as `limits` reckons window ends.
    expires_at: Mapped[float] = mapped_column(Float)
