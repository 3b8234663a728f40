"""The Runs tab: the run log, built when the tab is first shown (see ui/lazy_tab.py), or as
soon as someone acts on the runs (selecting a run just logged, reading the selection for
Edit/Delete)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from runjournal.ui.bridge import JournalBridge
from runjournal.ui.lazy_tab import LazyTab

if TYPE_CHECKING:
    from runjournal.domain.model import Run
    from runjournal.ui.views.runs.run_table import RunTable
    from runjournal.ui.views.runs.run_table_model import RunTableModel
    from runjournal.ui.views.runs.runs_view import RunsView


class RunsTab(LazyTab["RunsView"]):
    """Holds the RunsView and passes on its signals."""

    runActivated = Signal(object)  # the Run a person opened (double-click, Enter/Return)
    selectionChanged = Signal()  # the selected runs changed (for Edit/Delete/Duplicate actions)

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, "runjournal.ui.views.runs.runs_view", "RunsView", "Runs", parent=parent)

    def view_built(self, view: RunsView) -> None:
        view.runActivated.connect(self.runActivated)
        view.selectionChanged.connect(self.selectionChanged)

    @property
    def table(self) -> RunTable:
        return self.ensure_view().table

    @property
    def model(self) -> RunTableModel:
        return self.ensure_view().model

    def selected_runs(self) -> list[Run]:
        """The selected runs in the order the table shows them; none before it is built."""
        return [] if self.view is None else self.view.selected_runs()

    def prepare_runs(self) -> None:
        """Builds the run log while the window is idle and reads its runs on a worker
        thread, so that opening Runs on a big journal shows them without a freeze."""
        self.ensure_view().read_in_background()

    @property
    def is_listing(self) -> bool:
        """True while the run log's runs are being read or are still joining its table."""
        view = self.view
        return view is not None and (view.is_reading or view.model.is_filling)

    def select_run(self, run_id: int) -> bool:
        """Selects one run in the run log (see RunsView.select_run)."""
        return self.ensure_view().select_run(run_id)
