"""The day navigator's calendar popup, with its legend and the marks on days.

Loaded and built when the calendar is first opened, not while the window starts: the
calendar widget, its text formats and the legend's swatch cost more than the rest of
the navigator and are off screen until then.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from PySide6.QtCore import QDate, QPointF, QRect, Qt
from PySide6.QtGui import QBrush, QFont, QKeyEvent, QPainter, QPalette, QPixmap, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from runjournal.ui.views.today.day_marks import RUN_DAY_COLOUR, mood_dot, to_qdate


# Mood 1 (low) to 10 (great) from a muted violet to a clear teal: a ramp that stays
# distinguishable for the common colour-vision differences, with the dot's size saying
# the same thing again, so colour is never the only sign.
class MoodCalendar(QCalendarWidget):
    """A calendar that draws a dot under each day with a recorded mood."""

    def __init__(self) -> None:
        super().__init__()
        self._moods: dict[date, int] = {}

    def moods(self) -> dict[date, int]:
        return dict(self._moods)

    def set_moods(self, moods: Mapping[date, int]) -> None:
        self._moods = dict(moods)
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, day: QDate) -> None:
        super().paintCell(painter, rect, day)
        mood = self._moods.get(date(day.year(), day.month(), day.day()))
        if mood is None:
            return
        radius, colour = mood_dot(mood)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(rect.center().x() + 0.5, rect.bottom() - 5.5), radius, radius)
        painter.restore()


class CalendarPopup(QFrame):
    """The calendar and its legend in a popup that closes on a pick, Escape or a click away."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = MoodCalendar()
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setGridVisible(False)
        self.calendar.setAccessibleName("Pick a day")
        line = self.calendar.fontMetrics().height()
        self.calendar.setMinimumSize(line * 19, line * 14)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.calendar)
        layout.addLayout(self._legend())

    def _legend(self) -> QHBoxLayout:
        sample = QLabel("21")
        bold = QFont(sample.font())
        bold.setBold(True)
        sample.setFont(bold)
        check_in_text = QLabel("check-in")
        swatch = QLabel()
        swatch.setPixmap(self._swatch(sample.fontMetrics().height()))
        run_text = QLabel("run")
        low_dot, high_dot = QLabel(), QLabel()
        low_dot.setPixmap(self._dot(1, sample.fontMetrics().height()))
        high_dot.setPixmap(self._dot(10, sample.fontMetrics().height()))
        mood_text = QLabel("mood low → great")
        mood_text.setToolTip("The dot under a day: the bigger and greener, the better the mood")
        legend = QHBoxLayout()
        legend.setContentsMargins(4, 2, 4, 0)
        legend.setSpacing(4)
        for widget in (sample, check_in_text):
            legend.addWidget(widget)
        legend.addSpacing(16)
        for widget in (swatch, run_text):
            legend.addWidget(widget)
        legend.addSpacing(16)
        for widget in (low_dot, high_dot, mood_text):
            legend.addWidget(widget)
        legend.addStretch(1)
        for widget in (check_in_text, run_text, mood_text):
            widget.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        return legend

    def _swatch(self, size: int) -> QPixmap:
        pixmap = QPixmap(size + 6, size)
        pixmap.fill(self.palette().color(QPalette.ColorRole.Base))
        painter = QPainter(pixmap)
        painter.fillRect(pixmap.rect(), RUN_DAY_COLOUR)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1))
        painter.end()
        return pixmap

    def _dot(self, mood: int, size: int) -> QPixmap:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        radius, colour = mood_dot(mood)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(size / 2, size / 2), radius, radius)
        painter.end()
        return pixmap

    def set_marks(
        self, check_in_days: Iterable[date], run_days: Iterable[date], moods: Mapping[date, int] | None = None
    ) -> None:
        """Marks days with a check-in (bold), a run (tinted) and a mood (a dot), replacing old marks."""
        check_ins, runs, moods = set(check_in_days), set(run_days), dict(moods or {})
        self.calendar.set_moods(moods)
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # a null date clears all
        for day in check_ins | runs:
            text_format = QTextCharFormat()
            if day in check_ins:
                text_format.setFontWeight(QFont.Weight.Bold)
            if day in runs:
                text_format.setBackground(QBrush(RUN_DAY_COLOUR))
            words = _mark_words(day in check_ins, day in runs)
            if day in moods:
                words += f", mood {moods[day]} of 10"
            text_format.setToolTip(words)
            self.calendar.setDateTextFormat(to_qdate(day), text_format)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


def _mark_words(check_in: bool, run: bool) -> str:
    if check_in and run:
        return "Check-in and a run"
    return "Check-in" if check_in else "A run"
