"""The week panel's days: for each day of this week its weekday and date, the mood of its
check-in (a number and the calendar's mood dot) and its sessions with their minutes.

Every number comes from the service's `week_days` (summed by the week's own rules), so
the days add up to the panel's bars and the coach's "this week"; this widget only shows
them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QPainter, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from runjournal.domain.units import count
from runjournal.service.week_days import WeekDay, WeekDays
from runjournal.ui.dates import day_in_week, long_day
from runjournal.ui.views.today.day_marks import mood_dot

DOT_SIZE = 12
ROW_SPACING = 3
LARGEST_SCALE = 1.6  # how much more room the days take on a big screen
LARGEST_TEXT_SCALE = 1.15  # the text stays near the panel's own size
EXTRA_ROW_SPACING = 40  # added between rows at LARGEST_SCALE
COL_DAY, COL_DOT, COL_MOOD, COL_SESSIONS = range(4)


def sessions_text(day: WeekDay) -> str:
    """ "Run 32 min · Walk 15 min"; "–" for a day gone by with none, "" for one ahead."""
    if day.is_ahead:
        return ""
    if not day.sessions:
        return "–"
    return " · ".join(f"{s.activity} {s.minutes} min" for s in day.sessions)


def day_summary(day: WeekDay) -> str:
    """The row in one sentence, for its tooltip and for a screen reader."""
    words = long_day(day.day, with_year=False)
    if day.is_ahead:
        return f"{words}: still ahead"
    mood = f"mood {day.mood} of 10" if day.mood is not None else "no mood recorded"
    if not day.sessions:
        return f"{words}: {mood}, no sessions"
    sessions = count(day.session_count, "session")
    return f"{words}: {mood}, {sessions} of 10 minutes or more, {day.minutes} min in all"


def _dot(mood: int | None, ratio: float, scale: float) -> QPixmap:
    """The calendar's mood dot (bigger and greener for a better mood), `scale` times its size."""
    size = DOT_SIZE * scale
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    if mood is not None:
        radius, colour = mood_dot(mood)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(size / 2, size / 2), (radius + 1) * scale, (radius + 1) * scale)
        painter.end()
    return pixmap


class WeekDaysList(QWidget):
    """Seven rows, the person's week from its first day; today's row in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("This week day by day")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(3)
        self.grid.setColumnStretch(COL_SESSIONS, 1)
        self.rows: list[tuple[QLabel, QLabel, QLabel, QLabel]] = []
        self.scale = 1.0
        self._base_point_size = self.font().pointSizeF()
        self._week: WeekDays | None = None
        self.headers = (QLabel("Day"), QLabel("Mood"), QLabel("Sessions"))
        for label, column, span in zip(
            self.headers, (COL_DAY, COL_DOT, COL_SESSIONS), (1, 2, 1), strict=True
        ):
            label.setToolTip("Each day of this week: the mood of its check-in (1–10) and its sessions")
            self.grid.addWidget(label, 0, column, 1, span)
        for row in range(1, 8):
            labels = (QLabel(), QLabel(), QLabel(), QLabel())
            _day, _dot_label, mood, sessions = labels
            mood.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            mood.setMinimumWidth(mood.fontMetrics().horizontalAdvance("10"))
            sessions.setWordWrap(True)
            sessions.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            for column, label in enumerate(labels):
                self.grid.addWidget(label, row, column)
            self.rows.append(labels)

    def set_scale(self, scale: float) -> None:
        """Rows spread out (and text and dots a little larger) where the panel has the room
        (a big screen), from 1 (the window's first size) to LARGEST_SCALE."""
        scale = min(max(scale, 1.0), LARGEST_SCALE)
        if abs(scale - self.scale) < 0.05:
            return
        self.scale = scale
        self.grid.setVerticalSpacing(round(ROW_SPACING + EXTRA_ROW_SPACING * (scale - 1)))
        for label in self.headers:
            label.setFont(self._font())
        if self._week is not None:
            self.show_week(self._week)

    def show_week(self, week: WeekDays) -> None:
        self._week = week
        ratio = self.devicePixelRatioF()
        for (day_label, dot, mood, sessions), day in zip(self.rows, week.days, strict=True):
            day_label.setText(day_in_week(day.day))
            mood.setText("" if day.mood is None else str(day.mood))
            dot.setPixmap(_dot(day.mood, ratio, self._text_scale()))
            sessions.setText(sessions_text(day))
            summary = day_summary(day)
            for label in (day_label, dot, mood, sessions):
                label.setFont(self._font(bold=day.is_today))
                label.setToolTip(summary)
            day_label.setAccessibleName(summary)

    def _text_scale(self) -> float:
        return min(self.scale, LARGEST_TEXT_SCALE)

    def _font(self, *, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(self._base_point_size * self._text_scale())
        font.setBold(bold)
        return font

    def row_texts(self) -> list[tuple[str, str, str]]:
        """(day, mood, sessions) as shown, row by row."""
        return [(d.text(), m.text(), s.text()) for d, _dot_label, m, s in self.rows]


__all__ = ["WeekDaysList", "day_summary", "sessions_text"]
