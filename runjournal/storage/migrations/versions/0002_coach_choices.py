"""Coach choices: rules a person snoozed or turned off.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "coach_choices",
        sa.Column("rule_id", sa.String(32), primary_key=True),
        sa.Column("disabled", sa.Boolean, nullable=False, server_default="0"),
        sa.Column("snoozed_until", sa.Date, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("coach_choices")
