"""The journal's tables, as SQLAlchemy Core metadata.

This is the shape the newest migration produces; the migrations themselves spell out
each step so that an old journal can be brought up to it. A test checks the two agree.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("day", Date, nullable=False),
    Column("started_at", DateTime, nullable=True),  # naive UTC
    Column("utc_offset_min", Integer, nullable=True),
    Column("activity", String(16), nullable=False),
    Column("duration_s", Float, nullable=False),
    Column("moving_s", Float, nullable=True),
    Column("distance_m", Float, nullable=True),
    Column("effort", Integer, nullable=True),
    Column("company", String(16), nullable=False, server_default="solo"),
    Column("outdoor", Boolean, nullable=False, server_default="1"),
    Column("mindful", Boolean, nullable=False, server_default="0"),
    Column("mood_before", Integer, nullable=True),
    Column("mood_after", Integer, nullable=True),
    Column("stress_before", Integer, nullable=True),
    Column("stress_after", Integer, nullable=True),
    Column("avg_hr", Integer, nullable=True),
    Column("max_hr", Integer, nullable=True),
    Column("ascent_m", Float, nullable=True),
    Column("title", Text, nullable=False, server_default=""),
    Column("note", Text, nullable=False, server_default=""),
    Column("note_private", Boolean, nullable=False, server_default="0"),
    Column("source", String(16), nullable=False, server_default="manual"),
    Column("content_hash", String(64), nullable=True),
    CheckConstraint("duration_s > 0", name="ck_runs_duration_positive"),
    CheckConstraint("effort IS NULL OR effort BETWEEN 1 AND 10", name="ck_runs_effort_scale"),
    Index("ix_runs_day", "day"),
    Index("ix_runs_activity_day", "activity", "day"),  # the runs among every session (0005)
    Index("ix_runs_content_hash", "content_hash"),
)

check_ins = Table(
    "check_ins",
    metadata,
    Column("day", Date, primary_key=True),
    Column("mood", Integer, nullable=True),
    Column("stress", Integer, nullable=True),
    Column("anxiety", Integer, nullable=True),
    Column("energy", Integer, nullable=True),
    Column("sleep_hours", Float, nullable=True),
    Column("sleep_quality", Integer, nullable=True),
    Column("bedtime", String(5), nullable=True),  # "HH:MM", local
    Column("ill", Boolean, nullable=False, server_default="0"),
    Column("note", Text, nullable=False, server_default=""),
    Column("tags", Text, nullable=False, server_default="[]"),  # JSON list of names
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),  # JSON
)

coach_choices = Table(
    "coach_choices",
    metadata,
    Column("rule_id", String(32), primary_key=True),
    Column("disabled", Boolean, nullable=False, server_default="0"),
    Column("snoozed_until", Date, nullable=True),
)

source_files = Table(
    "source_files",
    metadata,
    Column("hash", String(64), primary_key=True),  # sha256 of the original bytes
    Column("name", Text, nullable=False),
    Column("kind", String(8), nullable=False),
    Column("size", Integer, nullable=False),
    Column("imported_at", DateTime, nullable=False),  # naive UTC
    Column("data", LargeBinary, nullable=False),  # zlib-compressed original
)
