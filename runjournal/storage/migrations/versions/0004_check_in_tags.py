"""Check-in tags: what shaped each day (therapy, time outside, …), as a JSON list of names.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Adding a column with a constant default keeps every existing check-in as it was.
    op.add_column("check_ins", sa.Column("tags", sa.Text, nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("check_ins") as batch:
        batch.drop_column("tags")
