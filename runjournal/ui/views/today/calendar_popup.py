"""The day navigator's calendar popup, with its legend and the marks on days.

Loaded and built when the calendar is first opened, not while the window starts: the
calendar widget, its text formats and the legend's swatch cost more than the rest of
the navigator and are off screen until then.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QFont, QKeyEvent, QPainter, QPalette, QPixmap, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from runjournal.ui.views.today.day_marks import RUN_DAY_COLOUR, to_qdate


class CalendarPopup(QFrame):
    """The calendar and its legend in a popup that closes on a pick, Escape or a click away."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
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
        legend = QHBoxLayout()
        legend.setContentsMargins(4, 2, 4, 0)
        legend.setSpacing(4)
        for widget in (sample, check_in_text):
            legend.addWidget(widget)
        legend.addSpacing(16)
        for widget in (swatch, run_text):
            legend.addWidget(widget)
        legend.addStretch(1)
        for widget in (check_in_text, run_text):
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

    def set_marks(self, check_in_days: Iterable[date], run_days: Iterable[date]) -> None:
        """Marks days with a check-in (bold) and days with a run (tinted), replacing old marks."""
        check_ins, runs = set(check_in_days), set(run_days)
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # a null date clears all
        for day in check_ins | runs:
            text_format = QTextCharFormat()
            if day in check_ins:
                text_format.setFontWeight(QFont.Weight.Bold)
            if day in runs:
                text_format.setBackground(QBrush(RUN_DAY_COLOUR))
            text_format.setToolTip(_mark_words(day in check_ins, day in runs))
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
