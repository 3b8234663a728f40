"""When a run in the form started, as stored: a UTC instant and the offset of the clock it
was read from. A run opened for editing keeps its own start (to the second, in its own zone)
until the person changes its date or time; a run that never had a start time gets none
unless one is typed."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from runjournal.domain.model import Run


def start_instant(
    day: date, clock: time, original: Run | None, initial_day: date, initial_time: time
) -> tuple[datetime | None, int | None]:
    """The start the form's `day` and `clock` stand for (`initial_*`: what the form first showed)."""
    unchanged = day == initial_day and clock == initial_time
    if original is not None:
        local = original.local_start
        if unchanged and (local is None or local.date() == original.day):
            return original.started_at, original.utc_offset_min
        if local is None and clock == initial_time:
            return None, None  # no start time was known, and none was given now
    local_start = datetime.combine(day, clock).astimezone()  # this computer's zone
    offset = local_start.utcoffset() or timedelta(0)
    return local_start.astimezone(UTC), round(offset.total_seconds() / 60)
