"""Runs, daily check-ins and settings: the first journal.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=True),
        sa.Column("utc_offset_min", sa.Integer, nullable=True),
        sa.Column("activity", sa.String(16), nullable=False),
        sa.Column("duration_s", sa.Float, nullable=False),
        sa.Column("moving_s", sa.Float, nullable=True),
        sa.Column("distance_m", sa.Float, nullable=True),
        sa.Column("effort", sa.Integer, nullable=True),
        sa.Column("company", sa.String(16), nullable=False, server_default="solo"),
        sa.Column("outdoor", sa.Boolean, nullable=False, server_default="1"),
        sa.Column("mindful", sa.Boolean, nullable=False, server_default="0"),
        sa.Column("mood_before", sa.Integer, nullable=True),
        sa.Column("mood_after", sa.Integer, nullable=True),
        sa.Column("stress_before", sa.Integer, nullable=True),
        sa.Column("stress_after", sa.Integer, nullable=True),
        sa.Column("avg_hr", sa.Integer, nullable=True),
        sa.Column("max_hr", sa.Integer, nullable=True),
        sa.Column("ascent_m", sa.Float, nullable=True),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("note_private", sa.Boolean, nullable=False, server_default="0"),
        sa.Column("source", sa.String(16), nullable=False, server_default="manual"),
        sa.Column("content_hash", sa.String(64), nullable=True),
        sa.CheckConstraint("duration_s > 0", name="ck_runs_duration_positive"),
        sa.CheckConstraint("effort IS NULL OR effort BETWEEN 1 AND 10", name="ck_runs_effort_scale"),
    )
    op.create_index("ix_runs_day", "runs", ["day"])
    op.create_index("ix_runs_content_hash", "runs", ["content_hash"])
    op.create_table(
        "check_ins",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("mood", sa.Integer, nullable=True),
        sa.Column("stress", sa.Integer, nullable=True),
        sa.Column("anxiety", sa.Integer, nullable=True),
        sa.Column("energy", sa.Integer, nullable=True),
        sa.Column("sleep_hours", sa.Float, nullable=True),
        sa.Column("sleep_quality", sa.Integer, nullable=True),
        sa.Column("bedtime", sa.String(5), nullable=True),
        sa.Column("ill", sa.Boolean, nullable=False, server_default="0"),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("settings")
    op.drop_table("check_ins")
    op.drop_index("ix_runs_content_hash", "runs")
    op.drop_index("ix_runs_day", "runs")
    op.drop_table("runs")
