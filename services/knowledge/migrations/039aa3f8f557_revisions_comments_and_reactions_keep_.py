"""revisions, comments and reactions keep the audience they were written under

Revision ID: 039aa3f8f557
Revises: 9dd7dbbb1a5f
Create Date: 2026-12-02 06:08:27.017044
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "039aa3f8f557"
down_revision: str | Sequence[str] | None = "9dd7dbbb1a5f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PARTS = ("knowledge_story_revisions", "knowledge_comments", "knowledge_reactions")
_stories = sa.table("knowledge_stories", sa.column("id"), sa.column("written_in"))
_resources = sa.table("knowledge_resources", sa.column("id"), sa.column("audience", sa.JSON))
_harvests = sa.table("harvests_harvests", sa.column("id"), sa.column("audience", sa.JSON))


def _audiences(connection: sa.Connection) -> dict[str, list[str]]:
    """What each earlier part is kept to: a story's own first circle (what it shared later may not have
    included this part), a resource's or a published harvest's audience (harvests' never changes once published).
    Reading the harvests table once here is the only way to know who saw an old comment on a harvest."""
    found = {row.id: [row.written_in] for row in connection.execute(sa.select(_stories))}
    found |= {row.id: list(row.audience or []) for row in connection.execute(sa.select(_resources))}
    if sa.inspect(connection).has_table("harvests_harvests"):
        found |= {row.id: list(row.audience or []) for row in connection.execute(sa.select(_harvests))}
    return found


def _backfill(connection: sa.Connection, name: str, parent: str, keys: tuple[str, ...]) -> None:
    """Gives each row of `name` (whose primary key is `keys`) the audience of its `parent`."""
    audiences = _audiences(connection)
    table = sa.table(name, *map(sa.column, dict.fromkeys((*keys, parent))), sa.column("audience", sa.JSON))
    for row in connection.execute(sa.select(*(table.c[k] for k in dict.fromkeys((*keys, parent))))).all():
        where = [table.c[k] == row._mapping[k] for k in keys]
        connection.execute(table.update().where(*where).values(audience=audiences.get(row._mapping[parent], [])))


def upgrade() -> None:
    for name in PARTS:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.add_column(sa.Column("audience", sa.JSON(), nullable=True))
    connection = op.get_bind()
    _backfill(connection, "knowledge_story_revisions", "story_id", ("id",))
    _backfill(connection, "knowledge_comments", "target_id", ("id",))
    _backfill(connection, "knowledge_reactions", "target_id", ("target_id", "member_id", "reaction"))
    for name in PARTS:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.alter_column("audience", existing_type=sa.JSON(), nullable=False)


def downgrade() -> None:
    for name in reversed(PARTS):
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_column("audience")
