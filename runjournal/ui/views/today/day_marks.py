"""How the day navigator and its calendar mark days: shared by both, owned by neither."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor

# A translucent teal: over a white cell it is a pale tint, over a dark one a deep tint,
# and the palette's own text colour stays readable on both.
RUN_DAY_COLOUR = QColor(0, 160, 150, 95)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
