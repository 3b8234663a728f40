"""The one way the window writes a day.

When the person has chosen a locale (LANG, LC_TIME or LC_ALL set to something other than
C or POSIX), dates follow it through QLocale. Without one, Qt's C locale would write
"3 12 2026", which reads as either month first or day first, so the window writes the
unambiguous "Thu 3 Dec 2026" instead, with English names spelled out here.
"""

from __future__ import annotations

import os
import re
from datetime import date

from PySide6.QtCore import QDate, QLocale

from runjournal.domain.units import format_day

_NO_LOCALE = ("", "C", "POSIX")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Date boxes are typed into, digit by digit: without a locale they take ISO dates, which
# are as unambiguous as "Thu 3 Dec 2026" and can be typed without spelling a month.
UNAMBIGUOUS_EDIT_FORMAT = "yyyy-MM-dd"


def has_locale() -> bool:
    """Whether the person has chosen how dates are written (the first of LC_ALL, LC_TIME,
    LANG that is set decides, as in POSIX)."""
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return value.split(".")[0] not in _NO_LOCALE
    return False


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def short_day(day: date, *, with_weekday: bool = True) -> str:
    """ "Thu 3 Dec 2026" (or "3 Dec 2026"), or the locale's short date with the whole year
    ("12/3/2026"), which has no weekday of its own."""
    if not has_locale():
        words = format_day(day)
        return words if with_weekday else words.split(" ", 1)[1]
    return QLocale().toString(_qdate(day), edit_format())  # the locale's order, four-digit year


def long_day(day: date, *, with_year: bool = True, with_weekday: bool = True) -> str:
    """ "Thursday 3 December 2026", or the locale's long date ("Thursday, December 3, 2026");
    without the weekday "3 December 2026" ("December 3, 2026"), as beside a "last checked"."""
    if not has_locale():
        words = f"{day.day} {_MONTHS[day.month - 1]}"
        if with_weekday:
            words = f"{_WEEKDAYS[day.weekday()]} {words}"
        return f"{words} {day.year}" if with_year else words
    locale = QLocale()
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
    if not with_year:
        pattern = _without_year(pattern)
    if not with_weekday:
        pattern = re.sub(r"d{4}\W*", "", pattern).strip(" ,") or pattern
    return locale.toString(_qdate(day), pattern)


def table_day(day: date) -> str:
    """A day in a table's date column, weekday first: "Thu 3 Dec 2026", or the locale's
    short weekday and short date ("Thu 12/3/2026")."""
    if not has_locale():
        return format_day(day)
    weekday = QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{weekday} {short_day(day)}"


def _month_first() -> bool:
    short = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return has_locale() and 0 <= short.find("M") < short.find("d")


def _day_month(day: date) -> str:
    """ "3 Dec" ("Dec 3" where the locale puts the month first), no year."""
    if not has_locale():
        return f"{day.day} {_MONTHS[day.month - 1][:3]}"
    return QLocale().toString(_qdate(day), "MMM d" if _month_first() else "d MMM")


def day_in_week(day: date) -> str:
    """A day inside a week that is named beside it, so no year: "Thu 3 Dec" ("Thu Dec 3")."""
    if not has_locale():
        return f"{_WEEKDAYS[day.weekday()][:3]} {_day_month(day)}"
    weekday = QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{weekday} {_day_month(day)}"


def week_span(first: date, last: date, *, with_year: bool = True) -> str:
    """ "30 Nov – 6 Dec 2026" ("Nov 30 – Dec 6 2026"), or "30 Nov – 6 Dec" for this week;
    each end with its year whenever the week runs into the next year ("28 Dec 2026 – 3 Jan 2027")."""
    if first.year != last.year:
        return f"{_day_month(first)} {first.year} – {_day_month(last)} {last.year}"
    span = f"{_day_month(first)} – {_day_month(last)}"
    return f"{span} {last.year}" if with_year else span


def edit_format() -> str:
    """The display format for a date box: the locale's short date with a four-digit year,
    or ISO ("2026-12-03") without a locale."""
    if not has_locale():
        return UNAMBIGUOUS_EDIT_FORMAT
    return re.sub(r"(?<!y)yy(?!y)", "yyyy", QLocale().dateFormat(QLocale.FormatType.ShortFormat))


def _without_year(pattern: str) -> str:
    stripped = re.sub(r"[\s,.]*(?:'[^']*'[\s,.]*)?y+[\s,.]*$", "", pattern)  # "…, yyyy", "… 'de' yyyy"
    stripped = re.sub(r"^y+(?:年|[\s,./-])*", "", stripped)  # "yyyy年M月d日"
    stripped = re.sub(r"y+年?", "", stripped)
    return stripped.strip(" ,") or pattern


__all__ = [
    "UNAMBIGUOUS_EDIT_FORMAT",
    "day_in_week",
    "edit_format",
    "has_locale",
    "long_day",
    "short_day",
    "table_day",
    "week_span",
]
