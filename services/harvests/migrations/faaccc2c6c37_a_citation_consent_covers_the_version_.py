"""a citation consent covers the version consented to

Revision ID: faaccc2c6c37
Revises: 6b049c6b0aee
Create Date: 2026-12-02 06:12:52.493893
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "faaccc2c6c37"
down_revision: str | Sequence[str] | None = "6b049c6b0aee"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("harvests_citation_requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("consented_title", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("consented_excerpt", sa.Text(), nullable=True))
    # Which text an earlier consent covered was not kept: its author is asked again, and until they answer the
    # story shows to no one outside its circle.
    requests = sa.table("harvests_citation_requests", sa.column("status"), sa.column("answered_at"))
    op.execute(requests.update().where(requests.c.status == "given").values(status="pending", answered_at=None))


def downgrade() -> None:
    with op.batch_alter_table("harvests_citation_requests", schema=None) as batch_op:
        batch_op.drop_column("consented_excerpt")
        batch_op.drop_column("consented_title")
        batch_op.drop_column("version")
