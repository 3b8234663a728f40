"""Importing a check-ins table: what it will do, day by day, before anything is stored.

New days are added; days the journal already has with the same values are left alone; a
day the journal has with other values is kept as the journal has it unless the person
ticks "use the file's" on its row. Rows that can't be read are listed with their reason
and change nothing. Import stores the chosen days in one transaction, as one undoable
step; Cancel leaves the journal exactly as it was.

The table is read and compared with the journal on a worker (check_in_reader.py) while the
dialog shows what it is doing, so thirty years of check-ins never freeze the window, and
Cancel stops the read as well as the review. What only the review needs (the plan's
types, its table model, the command that stores it) is imported once the worker has
loaded it, so that even the first import of a session does not hold up the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from runjournal.domain.units import count
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.importing.check_in_reader import CheckInReader, TableReview
from runjournal.ui.importing.reading_page import ReadingPage

if TYPE_CHECKING:
    from runjournal.service.check_in_import import CheckInImportPlan
    from runjournal.ui.importing.check_in_import_command import CheckInImportCommand
    from runjournal.ui.importing.check_in_review_model import CheckInReviewModel

SHOWN_PROBLEMS = 5
PAGE_READING = 0
PAGE_REVIEW = 1


def import_button_text(days: int) -> str:
    """ "Import 1 day", "Import 12 days"; just "Import" when nothing would be written."""
    return f"Import {count(days, 'day')}" if days else "Import"


class CheckInImportDialog(QDialog):
    """Reading, then reviewing, one check-ins table; stores it only when the person agrees.

    Signals: `plan_ready()` once the review is shown; `read_failed(str)` with the sentence
    saying why the table can't be imported (the dialog then closes, having stored nothing);
    `read_cancelled()` when Cancel stopped the read; `imported(int)` with the number of days
    written (the dialog then closes).
    """

    plan_ready = Signal()
    read_failed = Signal(str)
    read_cancelled = Signal()
    imported = Signal(int)

    def __init__(
        self,
        bridge: JournalBridge,
        undo_stack: QUndoStack,
        path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.undo_stack = undo_stack
        self.path = Path(path)
        self.plan: CheckInImportPlan | None = None
        self.command: CheckInImportCommand | None = None
        self._start_due = False  # opened, and the read starts on the next turn of the event loop
        self.setWindowTitle(f"Import Check-ins from “{self.path.name}”")
        self.setSizeGripEnabled(True)
        self.resize(900, 480)

        self.reader = CheckInReader(self)
        self.reader.progress.connect(self._on_progress)
        self.reader.finished.connect(self._show_plan)
        self.reader.failed.connect(self._on_read_failed)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._reading_page())
        self.pages.addWidget(self._review_page())

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton("Import")
        self.import_button.setToolTip("Write the chosen days into your journal (Undo takes them away again)")
        self.import_button.setEnabled(False)  # until the review is there to read
        self.import_button.clicked.connect(self.confirm)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setToolTip("Close without changing your journal")
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)

    # Pages -----------------------------------------------------------------------------

    def _reading_page(self) -> QWidget:
        page = ReadingPage(
            f"Reading “{self.path.name}”…",
            "Nothing is changed in your journal until you have seen the days and pressed Import.",
        )
        self.progress_label, self.progress_bar = page.label, page.bar
        return page

    def _review_page(self) -> QWidget:
        page = QWidget()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)  # tag names are not markup
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setAccessibleName("What the import will do")

        self.model: CheckInReviewModel  # made with the review (_show_plan)
        self.table = QTableView()
        self.table.setAccessibleName("Days to import")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._widest_rows: dict[int, tuple[int, ...]] = {}

        self.use_all_button = QPushButton("Use the File's for &All Differing Days")
        self.use_all_button.setToolTip("Tick every day that differs from your journal, to use the file's")
        self.use_all_button.clicked.connect(lambda: self._choose_all(True))
        self.keep_all_button = QPushButton("&Keep All of Mine")
        self.keep_all_button.setToolTip("Keep every day your journal has as it is")
        self.keep_all_button.clicked.connect(lambda: self._choose_all(False))
        choices = QHBoxLayout()
        self.choices_hint = QLabel(
            "Days your journal already has differently are kept as they are; tick a differing "
            "day to replace it with the file's."
        )
        self.choices_hint.setWordWrap(True)
        choices.addWidget(self.choices_hint, 1)
        choices.addWidget(self.use_all_button)
        choices.addWidget(self.keep_all_button)

        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label.setAccessibleName("Rows that can't be imported")

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setAccessibleName("Import problem")
        self.error_label.setVisible(False)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(choices)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.error_label)
        return page

    # Reading ---------------------------------------------------------------------------

    def open(self) -> None:
        """Shows the dialog (window-modal, without blocking) and starts reading once it is
        on screen: a worker busy from the first moment would make the window wait for
        Python's lock at each step of its first paint."""
        super().open()
        self._start_due = True
        QTimer.singleShot(0, self, self._start_when_due)

    def _start_when_due(self) -> None:
        if self._start_due:  # not closed meanwhile
            self.start()

    def start(self) -> None:
        """Starts reading the table; called after `open()`, or by a caller that shows the dialog itself."""
        self._start_due = False
        if self.reader.is_reading or self.plan is not None:
            return
        self.pages.setCurrentIndex(PAGE_READING)
        self.reader.start(self.bridge.journal, self.path)

    @property
    def is_reading(self) -> bool:
        """Whether the table is being read (or about to be, the dialog having just opened)."""
        return self._start_due or self.reader.is_reading

    def _on_progress(self, step: int, steps: int, words: str) -> None:
        if step:  # the first step's length is not known until the table is read
            self.progress_bar.setRange(0, steps)
            self.progress_bar.setValue(step)
        self.progress_label.setText(words)

    def _on_read_failed(self, message: str) -> None:
        """The table can't be imported: close, having stored nothing, and let the opener say why."""
        super().reject()
        self.read_failed.emit(message)

    def _show_plan(self, review: TableReview) -> None:
        from runjournal.service.check_in_import import DayStatus
        from runjournal.ui.importing.check_in_review_model import (
            COL_DETAILS,
            FITTED_COLUMNS,
            CheckInReviewModel,
        )

        plan = self.plan = review.plan
        self._widest_rows = review.widest_rows
        self.model = CheckInReviewModel(self)
        self.model.set_rows(list(plan.items))
        self.model.choices_changed.connect(self._update)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        # Fitted to the rows that need the most room (_fit_columns), not by measuring every
        # row: thirty years of days would hold up the window each time the table is laid out.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_DETAILS, QHeaderView.ResizeMode.Stretch)
        self._fit_columns(FITTED_COLUMNS)
        differing = plan.count(DayStatus.DIFFERS)
        for widget in (self.choices_hint, self.use_all_button, self.keep_all_button):
            widget.setVisible(differing > 0)
        # Rows that can't be imported, each with its whole sentence (the table elides them).
        problems = plan.problems
        shown = problems[:SHOWN_PROBLEMS]
        hidden = len(problems) - len(shown)
        more = f"\n… and {count(hidden, 'more row')} (hover a row to read it)" if hidden else ""
        self.problems_label.setText("Left out, and why:\n" + "\n".join(shown) + more if problems else "")
        self.problems_label.setVisible(bool(problems))
        self._update()
        self.pages.setCurrentIndex(PAGE_REVIEW)
        self.table.setFocus()
        self.plan_ready.emit()

    # Reviewing -------------------------------------------------------------------------

    def _fit_columns(self, columns: tuple[int, ...]) -> None:
        """Each column as wide as its widest entry, as the person sees it now (a ticked row
        reads longer), and never narrower than its title."""
        from runjournal.ui.importing.check_in_review_model import COL_STATUS

        header = self.table.horizontalHeader()
        grid = 1 if self.table.showGrid() else 0
        for column in columns:
            rows = list(self._widest_rows.get(column, ()))
            ticked = self.model.first_ticked()
            if column == COL_STATUS and ticked is not None:
                rows.append(ticked)
            content = max(
                (self.table.sizeHintForIndex(self.model.index(row, column)).width() + grid for row in rows),
                default=0,
            )
            header.resizeSection(column, max(content, header.sectionSizeHint(column)))

    def edited_plan(self) -> CheckInImportPlan | None:
        """The plan as the person has left the review (None while the table is read)."""
        if self.plan is None:
            return None
        return self.plan.with_choices(self.model.use_file())

    def _choose_all(self, use_file: bool) -> None:
        if self.plan is not None:
            self.model.set_use_file_everywhere(use_file)

    def _update(self) -> None:
        plan = self.edited_plan()
        if plan is None:
            return
        from runjournal.ui.importing.check_in_review_model import COL_STATUS

        self._fit_columns((COL_STATUS,))
        self.summary_label.setText(f"“{plan.name}”: {plan.summary()}")
        self.import_button.setText(import_button_text(plan.chosen))
        self.import_button.setEnabled(plan.chosen > 0)
        self.import_button.setAccessibleName(self.import_button.text())

    def status_texts(self) -> list[str]:
        """The "What happens" column as shown, row by row (none while the table is read)."""
        from runjournal.ui.importing.check_in_review_model import COL_STATUS

        if self.plan is None:
            return []
        return [str(self.model.index(row, COL_STATUS).data()) for row in range(self.model.rowCount())]

    # Storing ---------------------------------------------------------------------------

    def confirm(self) -> None:
        """Writes the chosen days as one undoable step; on failure says why and stays open."""
        plan = self.edited_plan()
        if plan is None or plan.chosen == 0:
            return
        from runjournal.ui.importing.check_in_import_command import CheckInImportCommand

        command = CheckInImportCommand(self.bridge, plan)
        self.undo_stack.push(command)
        if command.error is not None:
            self.error_label.setText(f"Nothing was imported: {command.error}")
            self.error_label.setVisible(True)
            return
        self.command = command
        self.imported.emit(command.stored)
        self.accept()

    # Closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel: stops a read under way; nothing has been stored, so nothing is undone."""
        if self.is_reading:
            self._start_due = False
            self.reader.cancel()
            self.read_cancelled.emit()
        super().reject()

    def done(self, result: int) -> None:
        self._start_due = False
        self.reader.cancel()  # closing by any route stops the read
        super().done(result)


__all__ = ["CheckInImportDialog", "import_button_text"]
