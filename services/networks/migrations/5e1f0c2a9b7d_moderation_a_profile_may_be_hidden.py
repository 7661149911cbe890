"""moderation: a member's profile may be hidden by a reviewer

Revision ID: 5e1f0c2a9b7d
Revises: 733c8fe4b549
Create Date: 2026-12-02 19:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5e1f0c2a9b7d"
down_revision: str | Sequence[str] | None = "733c8fe4b549"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("networks_profiles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hidden", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("networks_profiles", schema=None) as batch_op:
        batch_op.drop_column("hidden")
