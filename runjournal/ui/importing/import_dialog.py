"""The import dialog: reads the chosen files with a progress bar, then shows what would
be added before anything is stored.

Nothing reaches the journal until the person presses Import; then the whole batch goes
in as one `ImportCommand`, so one Undo takes it all away again. Cancel, at any point
before that, leaves the journal exactly as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from runjournal.domain.model import Activity, DistanceUnit
from runjournal.domain.units import count
from runjournal.service.import_plan import ImportPlan, Status
from runjournal.service.journal import JournalError
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.importing.import_command import ImportCommand
from runjournal.ui.importing.reader import FileReader
from runjournal.ui.importing.reading_page import ReadingPage
from runjournal.ui.importing.review_model import (
    COL_ACTIVITY,
    COL_DATE,
    COL_DISTANCE,
    COL_DURATION,
    COL_FILE,
    COL_START,
    COL_STATUS,
    SORT_ROLE,
    ReviewModel,
    spans_reason,
)

PAGE_READING = 0
PAGE_REVIEW = 1


def import_button_text(new: int) -> str:
    """ "Import 1 activity", "Import 12 activities" (rides and swims are not runs); just
    "Import" when nothing would be imported."""
    return f"Import {count(new, 'activity', 'activities')}" if new else "Import"


class ImportDialog(QDialog):
    """Reading, then reviewing, one batch of files; stores it only when the person agrees.

    Signals: `plan_ready()` once the review list is shown, `imported(int)` with the number
    of runs stored (the dialog then closes), `read_cancelled()` when Cancel stopped the read.
    """

    plan_ready = Signal()
    imported = Signal(int)
    read_cancelled = Signal()

    def __init__(
        self,
        bridge: JournalBridge,
        undo_stack: QUndoStack,
        paths: Sequence[Path],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.undo_stack = undo_stack
        self.paths = [Path(p) for p in paths]
        self.plan: ImportPlan | None = None
        self.command: ImportCommand | None = None
        self.setWindowTitle("Import Activities")
        self.setSizeGripEnabled(True)
        self.resize(900, 480)

        self.reader = FileReader(self)
        self.reader.progress.connect(self._on_progress)
        self.reader.finished.connect(self._show_plan)
        self.reader.failed.connect(self._on_plan_failed)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._reading_page())
        self.pages.addWidget(self._review_page())

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton("Import")
        self.import_button.setAccessibleName("Import the new runs")
        self.import_button.setToolTip(
            "Add the runs marked ✓ new to your journal (Undo takes them away again)"
        )
        self.import_button.setEnabled(False)  # until the list is there to review
        self.import_button.clicked.connect(self.confirm)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setToolTip("Close without adding anything to your journal")
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)

    # Pages -----------------------------------------------------------------------------

    def _reading_page(self) -> QWidget:
        page = ReadingPage(
            f"Reading {count(len(self.paths), 'file')}…",
            "Nothing is added to your journal until you have seen the list and pressed Import.",
            steps=max(1, len(self.paths)),
        )
        self.progress_label, self.progress_bar = page.label, page.bar
        return page

    def _review_page(self) -> QWidget:
        page = QWidget()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = ReviewModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Files to import")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # after the indicator, so the files' order is kept at first
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().selectionChanged.connect(self._show_reason)
        self.table.selectionModel().selectionChanged.connect(self._follow_selection)
        self.proxy.layoutChanged.connect(self._span_reasons)  # sorting moves the rows

        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)  # file names are not markup
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason_label.setAccessibleName("Why")
        # A long file name must wrap too, not widen the dialog past its buttons.
        self.reason_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.reason_label.setMinimumWidth(1)

        self.error_row = QWidget()
        error_icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        error_icon.setPixmap(warning.pixmap(size, size))
        error_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setAccessibleName("Import problem")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        error_layout = QHBoxLayout(self.error_row)
        error_layout.setContentsMargins(0, 0, 0, 0)
        error_layout.addWidget(error_icon)
        error_layout.addWidget(self.error_label, 1)
        self.error_row.setVisible(False)

        self.model.choices_changed.connect(self._count_chosen)
        self.model.choices_changed.connect(self._show_current_reason)

        self.activity_choice = QComboBox()
        for activity in Activity:
            self.activity_choice.addItem(activity.label, activity.value)
        self.activity_choice.setAccessibleName("Activity for the selected rows")
        activity_label = QLabel("&Activity of the selected rows:")
        activity_label.setBuddy(self.activity_choice)
        self.apply_activity_button = QPushButton("C&hange")
        self.apply_activity_button.setToolTip(
            "Give the selected new entries this activity (select several with Shift or Ctrl)"
        )
        self.apply_activity_button.clicked.connect(self._change_activity)
        edit_row = QHBoxLayout()
        edit_row.addWidget(QLabel("Untick an entry to leave it out."), 1)
        edit_row.addWidget(activity_label)
        edit_row.addWidget(self.activity_choice)
        edit_row.addWidget(self.apply_activity_button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.error_row)
        return page

    # Reading ---------------------------------------------------------------------------

    def open(self) -> None:
        """Shows the dialog (window-modal, without blocking) and starts reading."""
        super().open()
        self.start()

    def start(self) -> None:
        """Starts reading the files; called by `open()`, or by a caller that shows the dialog itself."""
        if self.reader.is_reading or self.plan is not None:
            return
        self.pages.setCurrentIndex(PAGE_READING)
        # The plan is worked out on the worker too: a big export against years of runs
        # would otherwise hold up the window while the duplicates are looked for.
        self.reader.start(
            self.paths, self._units(), then=self.bridge.journal.plan_import, known=self._imported_before
        )

    def _imported_before(self, file_hash: str) -> bool:
        """Asked on the reading thread before each file is parsed; a journal that cannot be
        asked shows its problem when the plan is made, so the file is simply read."""
        try:
            return self.bridge.journal.imported_before(file_hash)
        except JournalError:
            return False

    def _units(self) -> DistanceUnit:
        try:
            return self.bridge.journal.settings().units
        except JournalError:  # an unusable journal shows its problem when planning; km until then
            return DistanceUnit.KM

    @property
    def is_reading(self) -> bool:
        return self.reader.is_reading

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress_bar.setMaximum(max(1, total))
        self.progress_bar.setValue(done)
        if name:
            self.progress_label.setText(f"Reading {done + 1} of {total}: {name}")
        else:
            self.progress_label.setText(f"Read {count(total, 'file')}; checking your journal for duplicates…")

    def _on_plan_failed(self, message: str) -> None:
        """The journal could not be read: say so, store nothing."""
        self._show_plan(ImportPlan((), ()))
        self._show_error(
            f"Your journal could not be checked for duplicates, so nothing can be imported.\n{message}"
        )

    def edited_plan(self) -> ImportPlan | None:
        """The plan as the person has edited it: rows ticked or not, activities changed."""
        if self.plan is None:
            return None
        return self.plan.with_choices(self.model.included(), self.model.activities())

    def _count_chosen(self) -> None:
        plan = self.edited_plan()
        chosen = plan.chosen if plan is not None else 0
        self.import_button.setText(import_button_text(chosen))
        self.import_button.setEnabled(chosen > 0)
        self.apply_activity_button.setEnabled(plan is not None and plan.count(Status.NEW) > 0)

    def _follow_selection(self, *_args: object) -> None:
        """The activity choice shows the selected rows' activity when they share one."""
        rows = [self.proxy.mapToSource(index).row() for index in self.table.selectionModel().selectedRows()]
        shown = {item.run.activity for item in map(self.model.item_at, rows) if item.run is not None}
        if len(shown) == 1:
            self.activity_choice.setCurrentIndex(self.activity_choice.findData(shown.pop().value))

    def _change_activity(self) -> None:
        rows = [self.proxy.mapToSource(index).row() for index in self.table.selectionModel().selectedRows()]
        activity = Activity(self.activity_choice.currentData())
        self.model.set_activity(sorted(rows), activity)
        self._fit_columns()

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.model.set_rows(list(plan.items), self._units())
        new = plan.chosen
        after = (
            f"Nothing is added to your journal until you press {import_button_text(new)}."
            if new
            else "There is nothing new to add to your journal."
        )
        self.summary_label.setText(f"<b>{plan.summary()}.</b> {after}")
        self._count_chosen()
        if new:
            self.import_button.setDefault(True)
            self.import_button.setAutoDefault(True)
        else:
            self.cancel_button.setText("Close")
        self._fit_columns()
        self.pages.setCurrentIndex(PAGE_REVIEW)
        if plan.items:
            self.table.selectRow(0)
        self.table.setFocus()
        self.plan_ready.emit()

    def _span_reasons(self) -> None:
        """A file that can't be read shows its reason across the empty Date…Status cells."""
        self.table.clearSpans()
        for row in range(self.proxy.rowCount()):
            if spans_reason(self.model.item_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())):
                self.table.setSpan(row, COL_DATE, 1, COL_STATUS - COL_DATE + 1)

    def _fit_columns(self) -> None:
        """Every column but Status as wide as its widest entry (reasons aside); Status takes the rest."""
        self.table.clearSpans()  # so a long reason does not widen the Date column
        header = self.table.horizontalHeader()
        padding = self.fontMetrics().horizontalAdvance("MM")
        for column in (COL_FILE, COL_DATE, COL_START, COL_ACTIVITY, COL_DURATION, COL_DISTANCE):
            width = max(
                (self._cell_width(row, column) for row in range(self.proxy.rowCount())),
                default=0,
            )
            header_width = self.fontMetrics().horizontalAdvance(
                str(self.model.headerData(column, Qt.Orientation.Horizontal))
            )
            header.resizeSection(column, max(width, header_width) + padding)
        widest_file = self.fontMetrics().horizontalAdvance("M" * 22)
        if header.sectionSize(COL_FILE) > widest_file:
            header.resizeSection(COL_FILE, widest_file)  # a long name is elided; its tooltip has all of it
        header.resizeSection(COL_STATUS, max(header.sectionSize(COL_STATUS), 160))
        self._span_reasons()

    def _cell_width(self, row: int, column: int) -> int:
        item = self.model.item_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
        if spans_reason(item) and column != COL_FILE:
            return 0
        return self.table.fontMetrics().horizontalAdvance(self.model.text(item, column))

    def _set_reason(self, text: str) -> None:
        """The full reason below the list, where a long unbroken file name may wrap after
        its dashes, dots and underscores (a zero-width space after each)."""
        self.reason_label.setText(re.sub(r"([-_./\\])", "\\1\u200b", text))
        self.reason_label.setAccessibleDescription(text)  # read out as written

    def reason_text(self) -> str:
        """The reason below the list as written, without the places it may wrap."""
        return self.reason_label.text().replace("\u200b", "")

    def _show_current_reason(self) -> None:
        self._show_reason(QItemSelection(), QItemSelection())

    def _show_reason(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        """The selected row's full reason, readable without hovering (tooltips need a mouse)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.reason_label.clear()
            return
        item = self.model.item_at(self.proxy.mapToSource(rows[0]).row())
        if item.status is Status.NEW and item.reason:
            words = item.label if item.replaces is not None else f"to check — {item.reason}"
            self._set_reason(f"{item.path.name}: {words}")
        elif item.status is Status.NEW and not item.included:
            self._set_reason(f"{item.path.name}: left out — tick it to import it.")
        elif item.status is Status.NEW and item.incomplete:
            self._set_reason(
                f"{item.path.name}: new, incomplete — the file ends early (a watch whose battery "
                "died, or a copy cut short); what was recorded before the cut will be added."
            )
        elif item.status is Status.NEW:
            self._set_reason(f"{item.path.name}: new — it will be added when you press Import.")
        elif item.status is Status.DUPLICATE:
            self._set_reason(f"{item.path.name}: duplicate — {item.reason}")
        else:
            self._set_reason(f"{item.path.name}: can't import — {item.reason}")

    # Storing ---------------------------------------------------------------------------

    def confirm(self) -> None:
        """Stores the new runs as one undoable step; on failure says why and stays open."""
        plan = self.edited_plan()
        if plan is None or not plan.new_runs:
            return
        command = ImportCommand(self.bridge, plan)
        self.undo_stack.push(command)
        if command.error is not None:
            self._show_error(f"Nothing was imported: {command.error}")
            return
        self.command = command
        self.imported.emit(command.stored)
        self.accept()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_row.setVisible(True)

    # Closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel: stops a read under way; nothing has been stored, so nothing is undone."""
        if self.reader.is_reading:
            self.reader.cancel()
            self.read_cancelled.emit()
        super().reject()

    def done(self, result: int) -> None:
        self.reader.cancel()  # closing by any route stops the read
        super().done(result)


__all__ = [
    "COL_ACTIVITY",
    "COL_DATE",
    "COL_DISTANCE",
    "COL_DURATION",
    "COL_FILE",
    "COL_START",
    "COL_STATUS",
    "ImportDialog",
    "import_button_text",
]
