"""Importing a check-ins table: what it will do, day by day, before anything is stored.

New days are added; days the journal already has with the same values are left alone; a
day the journal has with other values is kept as the journal has it unless the person
ticks "use the file's" on its row. Rows that can't be read are listed with their reason
and change nothing. Import stores the chosen days in one transaction, as one undoable
step; Cancel leaves the journal exactly as it was.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from runjournal.domain.units import count
from runjournal.service.check_in_import import CheckInImportPlan, DayStatus
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.importing.check_in_import_command import CheckInImportCommand
from runjournal.ui.importing.check_in_review_model import COL_DETAILS, COL_STATUS, CheckInReviewModel

SHOWN_PROBLEMS = 5


def import_button_text(days: int) -> str:
    """ "Import 1 day", "Import 12 days"; just "Import" when nothing would be written."""
    return f"Import {count(days, 'day')}" if days else "Import"


class CheckInImportDialog(QDialog):
    """Signals: `imported(int)` with the number of days written (the dialog then closes)."""

    imported = Signal(int)

    def __init__(
        self,
        bridge: JournalBridge,
        undo_stack: QUndoStack,
        plan: CheckInImportPlan,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.undo_stack = undo_stack
        self.plan = plan
        self.command: CheckInImportCommand | None = None
        self.setWindowTitle(f"Import Check-ins from “{plan.name}”")
        self.setSizeGripEnabled(True)
        self.resize(900, 480)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)  # tag names are not markup
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setAccessibleName("What the import will do")

        self.model = CheckInReviewModel(self)
        self.model.set_rows(list(plan.items))
        self.model.choices_changed.connect(self._update)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Days to import")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DETAILS, QHeaderView.ResizeMode.Stretch)

        differing = plan.count(DayStatus.DIFFERS)
        self.use_all_button = QPushButton("Use the File's for &All Differing Days")
        self.use_all_button.setToolTip("Tick every day that differs from your journal, to use the file's")
        self.use_all_button.clicked.connect(lambda: self._choose_all(True))
        self.keep_all_button = QPushButton("&Keep All of Mine")
        self.keep_all_button.setToolTip("Keep every day your journal has as it is")
        self.keep_all_button.clicked.connect(lambda: self._choose_all(False))
        choices = QHBoxLayout()
        hint = QLabel(
            "Days your journal already has differently are kept as they are; tick a differing "
            "day to replace it with the file's."
        )
        hint.setWordWrap(True)
        choices.addWidget(hint, 1)
        choices.addWidget(self.use_all_button)
        choices.addWidget(self.keep_all_button)
        for widget in (hint, self.use_all_button, self.keep_all_button):
            widget.setVisible(differing > 0)

        # Rows that can't be imported, each with its whole sentence (the table elides them).
        problems = plan.problems
        shown = problems[:SHOWN_PROBLEMS]
        hidden = len(problems) - len(shown)
        more = f"\n… and {count(hidden, 'more row')} (hover a row to read it)" if hidden else ""
        self.problems_label = QLabel("Left out, and why:\n" + "\n".join(shown) + more if problems else "")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label.setAccessibleName("Rows that can't be imported")
        self.problems_label.setVisible(bool(problems))

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setAccessibleName("Import problem")
        self.error_label.setVisible(False)

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton("Import")
        self.import_button.setToolTip("Write the chosen days into your journal (Undo takes them away again)")
        self.import_button.clicked.connect(self.confirm)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setToolTip("Close without changing your journal")
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(choices)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._update()

    def edited_plan(self) -> CheckInImportPlan:
        """The plan as the person has left the review."""
        return self.plan.with_choices(self.model.use_file())

    def _choose_all(self, use_file: bool) -> None:
        for row, item in enumerate(self.plan.items):
            if item.status is DayStatus.DIFFERS:
                self.model.set_use_file(row, use_file)

    def _update(self) -> None:
        plan = self.edited_plan()
        self.summary_label.setText(f"“{plan.name}”: {plan.summary()}")
        self.import_button.setText(import_button_text(plan.chosen))
        self.import_button.setEnabled(plan.chosen > 0)
        self.import_button.setAccessibleName(self.import_button.text())

    def status_texts(self) -> list[str]:
        """The "What happens" column as shown, row by row."""
        return [str(self.model.index(row, COL_STATUS).data()) for row in range(self.model.rowCount())]

    def confirm(self) -> None:
        """Writes the chosen days as one undoable step; on failure says why and stays open."""
        plan = self.edited_plan()
        if plan.chosen == 0:
            return
        command = CheckInImportCommand(self.bridge, plan)
        self.undo_stack.push(command)
        if command.error is not None:
            self.error_label.setText(f"Nothing was imported: {command.error}")
            self.error_label.setVisible(True)
            return
        self.command = command
        self.imported.emit(command.stored)
        self.accept()


__all__ = ["CheckInImportDialog", "import_button_text"]
