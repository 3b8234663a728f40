"""The run log: every run in a sortable table, filtered by activity and period, with the
weeks of that period totalled underneath.

The view only reads: logging, editing and deleting runs belong to the main window, which
listens to `runActivated` and `selectionChanged`. The view refreshes itself from the
bridge's change signals, so a run logged anywhere (dialog, import, command line in the
same process, undo) shows up without anyone telling it to.
"""

from __future__ import annotations

import gc
import time
from datetime import date, timedelta
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from runjournal.domain.model import Run, Settings, WeekTotals
from runjournal.domain.units import count, format_distance, format_minutes
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.runs.qt_dates import to_date
from runjournal.ui.views.runs.run_filter import RunFilterProxyModel
from runjournal.ui.views.runs.run_filter_bar import PERIOD_ALL, RunFilterBar
from runjournal.ui.views.runs.run_selection import KeptSelection, RunSelection
from runjournal.ui.views.runs.run_table import RunTable
from runjournal.ui.views.runs.run_table_model import (
    COL_ACTIVITY,
    COL_DATE,
    COL_DISTANCE,
    COL_DURATION,
    COL_EFFORT,
    COL_MOOD,
    COL_PACE,
    COL_WITH,
    RunTableModel,
)
from runjournal.ui.views.runs.week_totals_table import WeekTotalsTable

if TYPE_CHECKING:
    from runjournal.service.journal import Journal
    from runjournal.ui.background import BackgroundLoader, Task

DAYS_PER_PIECE = 183
"""The background read asks for the runs of half a year at a time: a few milliseconds of
Python each, even at 30,000 runs, between which the window's thread gets its turn."""


def read_in_pieces(journal: Journal, task: Task) -> list[Run] | None:
    """Every run of the journal, oldest first, read on a worker thread a span of days at a
    time, handing Python's lock to the window's thread between spans (one read of 30,000
    runs would hold it for tens of milliseconds); None once the task is stopped."""
    span = journal.counts()
    runs: list[Run] = []
    if span.first_day is None or span.last_day is None:
        return runs
    first = span.first_day
    while first <= span.last_day:
        if task.stopped:
            return None
        last = min(first + timedelta(days=DAYS_PER_PIECE - 1), span.last_day)
        runs.extend(journal.runs(first, last))
        first = last + timedelta(days=1)
        # The runs stay as long as the run log shows them: kept out of the garbage
        # collector's sweeps (as start-up's objects are), those sweeps stay a few
        # milliseconds instead of holding every thread for 40-60 ms at 30,000 runs.
        gc.freeze()
        time.sleep(0)  # gives the window's thread its turn
    return runs


class RunsView(QWidget):
    """The run log of the open journal; see the module docstring for who does what."""

    runActivated = Signal(object)  # the Run a person opened (double-click, Enter/Return)
    selectionChanged = Signal()  # the selected runs changed (for Edit/Delete/Duplicate actions)

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._quiet = False  # while refreshing, selection changes are announced once at the end
        self._journal_runs = 0
        self._settings = bridge.journal.settings()

        self.model = RunTableModel(self)
        self.proxy = RunFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self.filters = RunFilterBar()
        # The bar's controls, by the names the run log has always offered them under.
        self.activity_combo = self.filters.activity_combo
        self.period_combo = self.filters.period_combo
        self.from_edit = self.filters.from_edit
        self.to_edit = self.filters.to_edit
        self.filters.changed.connect(self._filters_changed)
        self._build_table()
        self._selection = RunSelection(self.table, self.proxy, self.model)
        self._build_weeks()
        self._build_layout()

        self.table.doubleClicked.connect(self._activate)
        self.table.rowActivated.connect(self._activate)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.filled.connect(self._all_rows_in)
        bridge.runs_changed.connect(self._changed)
        bridge.settings_changed.connect(self._changed)
        bridge.check_ins_changed.connect(self._tagged_days_changed)
        bridge.journal_replaced.connect(self._journal_replaced)

        self.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        # The runs are read when the view is first shown, not while the window starts:
        # ten years of them cost a quarter of a second that the Today view doesn't need.
        self._stale = True
        self._reader: BackgroundLoader | None = None  # the first read, while the window is idle
        # What to select and scroll to once runs arriving in pieces are all in the table.
        self._to_restore: KeptSelection | None = None
        self._weeks_reader: BackgroundLoader | None = None  # the weeks of a first open

    # Building ---------------------------------------------------------------------------

    def _build_table(self) -> None:
        self.table = RunTable()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Runs")
        self.table.setAccessibleDescription(
            "Your runs and other sessions. Press Enter or double-click to open one."
        )
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(False)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(40)
        self._size_columns()

    def _size_columns(self) -> None:
        """Widths from the widest text a column usually holds, so they don't jump on refresh."""
        metrics = self.table.fontMetrics()
        header_metrics = self.table.horizontalHeader().fontMetrics()
        samples = {
            COL_DATE: "Wed 2026-09-30",
            COL_ACTIVITY: "Other movement",
            COL_DURATION: "1:05:00",
            COL_DISTANCE: "Distance (km)",
            COL_PACE: "Pace (min/km)",
            COL_EFFORT: "10 · moderate",
            COL_WITH: "With a buddy",
            COL_MOOD: "10 → 10",
        }
        for column, sample in samples.items():
            header_text = str(self.model.header_label(column))
            width = max(metrics.horizontalAdvance(sample), header_metrics.horizontalAdvance(header_text))
            self.table.setColumnWidth(column, width + 28)  # padding plus the sort arrow

    def _build_weeks(self) -> None:
        self.weeks_label = QLabel("<b>Weekly totals</b> (all activities)")
        self.weeks_table = WeekTotalsTable()
        self.weeks_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def _build_layout(self) -> None:
        self.summary_label = QLabel()
        self.summary_label.setAccessibleName("Runs in view")
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(6)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.summary_label)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 6, 0, 0)
        bottom_layout.setSpacing(4)
        bottom_layout.addWidget(self.weeks_label)
        bottom_layout.addWidget(self.weeks_table, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(8)
        content_layout.addWidget(self.filters)
        content_layout.addWidget(self.splitter, 1)

        shortcut = QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)
        self.empty_label = QLabel(
            "<p style='font-size: large'><b>No runs yet.</b></p>"
            f"<p>Log your first run with File → Log run… ({shortcut or 'Ctrl+N'})</p>"
            "<p>Your runs will be listed here, with each week's minutes underneath.</p>"
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName("No runs yet")

        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.stack)

    # Public API -------------------------------------------------------------------------

    def selected_runs(self) -> list[Run]:
        """The selected runs in the order the table shows them."""
        return self._selection.selected_runs()

    def select_run(self, run_id: int) -> bool:
        """Selects one run, scrolls to it and makes it current; False if the journal has no
        such run. A run hidden by the filters is shown by widening them (a run just logged
        or duplicated should be seen, even if it is older than the period shown)."""
        self.ensure_loaded()
        source_row = self.model.row_of(run_id)
        if source_row is None:
            return False
        run = self.model.run_at(source_row)
        if self.proxy.activity is not None and run.activity is not self.proxy.activity:
            self.activity_combo.setCurrentIndex(0)
        if not self.proxy.accepts(run):
            self.filters.set_period_choice(PERIOD_ALL)
        index = self.proxy.mapFromSource(self.model.index(source_row, COL_DATE))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def _changed(self) -> None:
        self._stop_reading()  # what it read is older than this change
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale and not self.is_reading:  # else the runs being read are shown when read
            self.refresh()
        super().showEvent(event)

    @property
    def is_reading(self) -> bool:
        return self._reader is not None and self._reader.is_loading

    def read_in_background(self) -> None:
        """Reads the runs on a worker thread, while the window is idle, so that opening the
        view on a big journal does not freeze the window; shown when read."""
        from runjournal.ui.background import BackgroundLoader

        if not self._stale or self.is_reading:
            return
        if self._reader is None:
            self._reader = BackgroundLoader(self, doing="reading your runs")
            self._reader.loaded.connect(self._read)
            self._reader.failed.connect(lambda _why: self.refresh() if self.isVisible() else None)
        journal, model = self._bridge.journal, self.model
        column, order = model.sort_order()

        def read(task: Task) -> tuple[Settings, list[Run], tuple[int, Qt.SortOrder] | None] | None:
            settings = journal.settings()
            runs = read_in_pieces(journal, task)
            if runs is None:
                return None  # cancelled: a newer read or a refresh follows
            if column != COL_DATE:
                return settings, runs, None
            return settings, model.sorted_by_date(runs, order), (column, order)

        self._reader.start_task(read)

    def _read(self, result: object) -> None:
        if self._stale and isinstance(result, tuple):
            settings, runs, sorted_for = result
            presorted = sorted_for == self.model.sort_order()
            self._show_runs(settings, runs, presorted=presorted, in_pieces=presorted)

    def _stop_reading(self) -> None:
        if self._reader is not None:
            self._reader.cancel()

    def ensure_loaded(self) -> None:
        """Reads the runs now if they are out of date, and puts any still arriving into the
        table (for callers acting on the runs)."""
        if self._stale:
            self.refresh()
        else:
            self.model.finish_filling()

    def refresh(self) -> None:
        """Reloads the runs, keeping the selection, the current run and the scroll position."""
        self._stop_reading()
        journal = self._bridge.journal
        self._show_runs(journal.settings(), journal.runs())

    def _show_runs(
        self, settings: Settings, runs: list[Run], *, presorted: bool = False, in_pieces: bool = False
    ) -> None:
        """Shows the runs, keeping selection, current run and scroll position. `in_pieces`
        (for presorted runs) lets them join the table over a few turns of the event loop,
        so 30,000 of them never hold up the window; what depends on all of them (the
        selection, the totals) follows once they are in (`_all_rows_in`)."""
        self._stale = False
        self._settings = settings
        kept = self._selection.keep()
        self._quiet = True
        try:
            # The filters first, so the new rows are filtered once, as they arrive.
            span = (min(r.day for r in runs), max(r.day for r in runs)) if runs else None
            self.filters.set_context(self._settings.week_start, span)
            self.filters.set_tags(self._settings.tags)
            self._apply_filters()
            self._journal_runs = len(runs)
            self.stack.setCurrentIndex(1 if not runs else 0)
            if in_pieces and presorted:
                self._to_restore = kept
                self.summary_label.setText(f"Listing {count(len(runs), 'run')}…")
                self.model.fill(runs, self._settings.units)  # `_all_rows_in` follows
                return
            self._to_restore = None
            self.model.set_runs(runs, self._settings.units, presorted=presorted)
            self._selection.restore(kept)
        finally:
            self._quiet = False
        self._update_totals()
        self.selectionChanged.emit()

    def _all_rows_in(self) -> None:
        if self._to_restore is None:
            return  # filled by `set_runs` or already restored
        kept, self._to_restore = self._to_restore, None
        self._quiet = True
        try:
            self._selection.restore(kept)
        finally:
            self._quiet = False
        self._update_summary()
        self._update_weeks(in_background=True)
        self.selectionChanged.emit()

    # Filters ---------------------------------------------------------------------------

    def period_choice(self) -> str:
        return self.filters.period_choice()

    def _apply_filters(self) -> None:
        self.proxy.set_activity(self.filters.activity())
        self.proxy.set_period(*self.filters.period())
        tag = self.filters.tag()
        self.proxy.set_days(frozenset(self._bridge.journal.days_with_tag(tag)) if tag else None)

    def _tagged_days_changed(self) -> None:
        if self.filters.tag() is not None:  # a check-in's tags may have changed which runs show
            self._filters_changed()

    def _filters_changed(self) -> None:
        self._apply_filters()
        self._update_totals()
        self.selectionChanged.emit()

    # Totals -----------------------------------------------------------------------------

    def _visible_runs(self) -> list[Run]:
        # The proxy only filters (the model sorts), so the runs it accepts, in the model's
        # order, are the rows shown: quicker than mapping 30,000 proxy rows one by one.
        accepts = self.proxy.accepts
        return [run for run in self.model.runs() if accepts(run)]

    def _update_totals(self) -> None:
        self._update_summary()
        self._update_weeks()

    def _update_summary(self) -> None:
        units = self.model.units
        shown = self._visible_runs()
        if not shown:
            hint = "Choose “All activities” and “All time” to see them." if self.filters.is_narrowed() else ""
            self.summary_label.setText(
                f"No runs in view; the journal holds {count(self._journal_runs, 'run')}. {hint}".strip()
            )
            return
        seconds = sum(run.duration_s for run in shown)
        metres = sum(run.distance_m or 0.0 for run in shown)
        parts = [count(len(shown), "run"), format_minutes(seconds)]
        if metres > 0:
            parts.append(format_distance(metres, units, decimals=1))
        text = " · ".join(parts) + " in view"
        selected = len(self.table.selectionModel().selectedRows())
        if selected > 1:
            text += f" ({selected} selected)"
        self.summary_label.setText(text)

    def _update_weeks(self, *, in_background: bool = False) -> None:
        """The weekly totals of the period shown; `in_background` sums them on a worker
        thread (a first open of 30,000 runs), shown when summed."""
        if self._weeks_reader is not None:
            self._weeks_reader.cancel()  # this answer is newer than any still being summed
        if not self._journal_runs:
            self.weeks_table.setRowCount(0)
            return
        settings = self._settings
        today = date.today()
        # Weeks before the first run or after today hold nothing worth a row.
        days = [run.day for run in self.model.runs()]
        first = max(to_date(self.from_edit.date()), min(days))
        last = min(to_date(self.to_edit.date()), max([today, *days]))
        if first > last:
            self.weeks_table.setRowCount(0)
            return
        journal = self._bridge.journal
        if not in_background:
            weeks = journal.week_totals(first, last, settings.week_start)
            self.weeks_table.show_weeks(list(reversed(weeks)), settings, today)
            return
        from runjournal.ui.background import BackgroundLoader

        if self._weeks_reader is None:
            self._weeks_reader = BackgroundLoader(self, doing="adding up your weeks")
            self._weeks_reader.loaded.connect(self._weeks_summed)
            self._weeks_reader.failed.connect(lambda _why: self._update_weeks())
        self._weeks_reader.start(
            lambda: (journal.week_totals(first, last, settings.week_start), settings, today)
        )

    def _weeks_summed(self, result: object) -> None:
        weeks, settings, today = cast(tuple[list[WeekTotals], Settings, date], result)
        self.weeks_table.show_weeks(list(reversed(weeks)), settings, today)

    # Selection and activation -----------------------------------------------------------

    def _selection_changed(self, *_args: object) -> None:
        if not self._quiet:
            self._update_summary()
            self.selectionChanged.emit()

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            source = self.proxy.mapToSource(index)
            self.runActivated.emit(self.model.run_at(source.row()))

    def _journal_replaced(self) -> None:
        # Another journal's ids mean other runs: start from a clean slate.
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.table.scrollToTop()
        self._changed()
