"""The days a nudge counted over, in words a person reads in its "Why?"."""

from __future__ import annotations

from datetime import date

from runjournal.domain.units import format_day


def day_words(day: date, today: date) -> str:
    """ "today", "yesterday" or "Thu 3 Dec" (with the year only when it is not this year's)."""
    if day == today:
        return "today"
    if (today - day).days == 1:
        return "yesterday"
    return _short_day(day, today)


def span_words(first: date, last: date, today: date) -> str:
    """ "Fri 20 Nov – Thu 3 Dec": both ends of a window, inclusive."""
    return f"{_short_day(first, today)} – {_short_day(last, today)}"


def _short_day(day: date, today: date) -> str:
    words = format_day(day)  # "Thu 3 Dec 2026"
    return words.rsplit(" ", 1)[0] if day.year == today.year else words
