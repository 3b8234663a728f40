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


def long_day(day: date, *, with_year: bool = True) -> str:
    """ "Thursday 3 December 2026", or the locale's long date ("Thursday, December 3, 2026")."""
    if not has_locale():
        words = f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
        return f"{words} {day.year}" if with_year else words
    locale = QLocale()
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
    if not with_year:
        pattern = _without_year(pattern)
    return locale.toString(_qdate(day), pattern)


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


__all__ = ["UNAMBIGUOUS_EDIT_FORMAT", "edit_format", "has_locale", "long_day", "short_day"]
