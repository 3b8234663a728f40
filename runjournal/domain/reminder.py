"""The daily reminder's schedule and words, as plain values.

A reminder is a time of day and a set of weekdays. It is quiet on a day whose check-in
already exists. Its words carry nothing of the person's entries (a notification can show
on a locked screen) and no guilt or streak talk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

DEFAULT_TIME = time(20, 0)
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # index = date.weekday()
EVERY_DAY = frozenset(range(7))

TITLE = "How was today?"
BODY = "A ten-second check-in, whenever you like."
ACTION_LABEL = "Check in"


class ReminderInputError(ValueError):
    """A time or a list of days that cannot be read; the message says what to type."""


@dataclass(frozen=True)
class ReminderSchedule:
    at: time = DEFAULT_TIME
    days: frozenset[int] = EVERY_DAY

    def __post_init__(self) -> None:
        if not self.days or not self.days <= EVERY_DAY:
            raise ReminderInputError("A reminder needs at least one day of the week.")

    def next_due(self, now: datetime) -> datetime:
        """The first reminder time after `now` (same tz as `now`) on one of the chosen days."""
        for ahead in range(8):
            day = now.date() + timedelta(days=ahead)
            due = datetime.combine(day, self.at, tzinfo=now.tzinfo)
            if day.weekday() in self.days and due > now:
                return due
        raise AssertionError("a week always holds a chosen day")  # pragma: no cover

    def is_reminder_day(self, day: date) -> bool:
        return day.weekday() in self.days

    def describe(self) -> str:
        if self.days == EVERY_DAY:
            when = "every day"
        elif self.days == frozenset(range(5)):
            when = "on weekdays"
        elif self.days == frozenset({5, 6}):
            when = "at weekends"
        else:
            when = "on " + ", ".join(DAY_NAMES[d].capitalize() for d in sorted(self.days))
        return f"{when} at {self.at:%H:%M}"


def parse_time(text: str) -> time:
    """'20:00', '8:30', '07:05' (seconds allowed: '20:00:30') → a time; else ReminderInputError."""
    parts = text.strip().split(":")
    wrong = ReminderInputError(f"'{text}' is not a time of day. Give it as HH:MM, e.g. 20:00.")
    if len(parts) not in (2, 3) or not all(p.isdigit() for p in parts):
        raise wrong
    if len(parts[0]) > 2 or any(len(p) != 2 for p in parts[1:]):
        raise wrong
    hour, minute, second = (int(p) for p in [*parts, "0"][:3])
    if hour > 23 or minute > 59 or second > 59:
        raise wrong
    return time(hour, minute, second)


def parse_days(text: str) -> frozenset[int]:
    """'mon,tue,fri', 'weekdays', 'weekends', 'every day' → weekday numbers (Monday 0)."""
    cleaned = text.strip().lower().replace(" ", "")
    named = {
        "everyday": EVERY_DAY,
        "daily": EVERY_DAY,
        "all": EVERY_DAY,
        "weekdays": frozenset(range(5)),
        "weekends": frozenset({5, 6}),
    }
    if cleaned in named:
        return named[cleaned]
    days: set[int] = set()
    for part in filter(None, cleaned.split(",")):
        key = part[:3]
        if key not in DAY_NAMES:
            raise ReminderInputError(
                f"'{part}' is not a day of the week. Give days as mon,tue,wed,thu,fri,sat,sun "
                "(or weekdays, weekends, every day)."
            )
        days.add(DAY_NAMES.index(key))
    if not days:
        raise ReminderInputError("Give at least one day, e.g. --days mon,wed,fri.")
    return frozenset(days)


def format_days(days: frozenset[int]) -> str:
    return ",".join(DAY_NAMES[d] for d in sorted(days))
