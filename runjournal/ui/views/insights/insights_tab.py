"""The Insights tab, light to create: the insights view is built when the tab is first shown.

Nothing of it is on screen when RunJournal starts, and its module (cards, interval
charts) would otherwise be loaded and built before the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from runjournal.ui.bridge import JournalBridge

if TYPE_CHECKING:
    from runjournal.ui.views.insights.insights_view import InsightsView


class InsightsTab(QWidget):
    """Holds the InsightsView, built on first show; passes on its `insightsShown`."""

    insightsShown = Signal(object)  # the list of Insight shown, or None while paused

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self.view: InsightsView | None = None
        self.setAccessibleName("Insights")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure_view(self) -> InsightsView:
        """The insights view, built now if it has not been yet."""
        if self.view is None:
            from runjournal.ui.views.insights.insights_view import InsightsView

            self.view = InsightsView(self._bridge, self)
            self.view.insightsShown.connect(self.insightsShown)
            self._layout.addWidget(self.view)
            if self.isVisible():  # built during the tab's own show: show it with the tab
                self.view.show()
        return self.view

    @property
    def message_label(self) -> QLabel:
        return self.ensure_view().message_label

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_view()
        super().showEvent(event)
