"""How the day navigator and its calendar mark days: shared by both, owned by neither."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor

# A translucent teal: over a white cell it is a pale tint, over a dark one a deep tint,
# and the palette's own text colour stays readable on both.
RUN_DAY_COLOUR = QColor(0, 160, 150, 95)

_LOW_MOOD, _HIGH_MOOD = QColor(150, 90, 190), QColor(0, 150, 140)


def mood_dot(mood: int) -> tuple[float, QColor]:
    """The radius (in pixels) and colour of the dot that shows a day's mood of 1–10."""
    share = (min(max(mood, 1), 10) - 1) / 9
    colour = QColor(
        round(_LOW_MOOD.red() + (_HIGH_MOOD.red() - _LOW_MOOD.red()) * share),
        round(_LOW_MOOD.green() + (_HIGH_MOOD.green() - _LOW_MOOD.green()) * share),
        round(_LOW_MOOD.blue() + (_HIGH_MOOD.blue() - _LOW_MOOD.blue()) * share),
    )
    return 2.0 + 2.5 * share, colour


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
