"""The Insights tab: the insights view, built when the tab is first shown (see
ui/lazy_tab.py). Nothing of it is on screen when RunJournal starts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from runjournal.ui.bridge import JournalBridge
from runjournal.ui.lazy_tab import LazyTab

if TYPE_CHECKING:
    from runjournal.ui.views.insights.insights_view import InsightsView


class InsightsTab(LazyTab["InsightsView"]):
    """Holds the InsightsView; passes on its `insightsShown`."""

    insightsShown = Signal(object)  # the list of Insight shown, or None while paused

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__(
            bridge, "runjournal.ui.views.insights.insights_view", "InsightsView", "Insights", parent=parent
        )

    def view_built(self, view: InsightsView) -> None:
        view.insightsShown.connect(self.insightsShown)

    @property
    def message_label(self) -> QLabel:
        return self.ensure_view().message_label
