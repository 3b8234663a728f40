"""An index of the sessions by activity and day: the coach counts the runs among thirty
years of walks and rides (MILESTONE, the first run, ROUTINE's weeks) from it alone,
without reading each session's row.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Only adds an index: every session stays exactly as it was.
    op.create_index("ix_runs_activity_day", "runs", ["activity", "day"])


def downgrade() -> None:
    op.drop_index("ix_runs_activity_day", table_name="runs")
