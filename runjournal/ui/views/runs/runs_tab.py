"""The Runs tab, light to create: the run log is built when the tab is first shown.

The run log's modules, models and filter widgets take tens of milliseconds to load and
build, and a person starting RunJournal sees the Today view first. So the window holds
this holder, which builds the RunsView on its first show, or as soon as someone acts on
the runs (selecting a run just logged, reading the selection for Edit/Delete).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from runjournal.ui.bridge import JournalBridge

if TYPE_CHECKING:
    from runjournal.domain.model import Run
    from runjournal.ui.views.runs.run_table import RunTable
    from runjournal.ui.views.runs.run_table_model import RunTableModel
    from runjournal.ui.views.runs.runs_view import RunsView


class RunsTab(QWidget):
    """Holds the RunsView and passes on its signals; see the module docstring for why."""

    runActivated = Signal(object)  # the Run a person opened (double-click, Enter/Return)
    selectionChanged = Signal()  # the selected runs changed (for Edit/Delete/Duplicate actions)

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self.view: RunsView | None = None
        self.setAccessibleName("Runs")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure_view(self) -> RunsView:
        """The run log, built now if it has not been yet."""
        if self.view is None:
            from runjournal.ui.views.runs.runs_view import RunsView

            self.view = RunsView(self._bridge, self)
            self.view.runActivated.connect(self.runActivated)
            self.view.selectionChanged.connect(self.selectionChanged)
            self._layout.addWidget(self.view)
            if self.isVisible():  # built during the tab's own show: show it with the tab
                self.view.show()
        return self.view

    @property
    def table(self) -> RunTable:
        return self.ensure_view().table

    @property
    def model(self) -> RunTableModel:
        return self.ensure_view().model

    def selected_runs(self) -> list[Run]:
        """The selected runs in the order the table shows them; none before it is built."""
        return [] if self.view is None else self.view.selected_runs()

    def select_run(self, run_id: int) -> bool:
        """Selects one run in the run log (see RunsView.select_run)."""
        return self.ensure_view().select_run(run_id)

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_view()
        super().showEvent(event)
