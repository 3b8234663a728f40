"""Today: the daily check-in beside a short summary of the week."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QWidget

from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.today.check_in_panel import CheckInPanel
from runjournal.ui.views.today.week_summary import WeekSummary


class TodayView(QWidget):
    def __init__(self, bridge: JournalBridge, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check_in = CheckInPanel(bridge, undo_stack)
        self.summary = WeekSummary(bridge)
        scroll = QScrollArea()
        scroll.setWidget(self.check_in)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QHBoxLayout(self)
        # The check-in gets two thirds, so its two columns fit beside the week at the
        # window's first size; on a big screen the week's third grows with it.
        layout.addWidget(scroll, 2)
        layout.addWidget(self.summary, 1)
