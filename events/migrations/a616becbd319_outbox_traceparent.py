"""outbox rows keep the writing request's W3C traceparent

Revision ID: a616becbd319
Revises: 8e4234b54dff
Create Date: 2026-12-02 13:22:54
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a616becbd319"
down_revision: str | Sequence[str] | None = "8e4234b54dff"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("events_outbox", sa.Column("traceparent", sa.String(length=55), nullable=True))


def downgrade() -> None:
    op.drop_column("events_outbox", "traceparent")
