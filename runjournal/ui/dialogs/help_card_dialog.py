"""The "Need support now?" card: helplines to turn to, and the person's own contacts.

The card only shows words and numbers. RunJournal never dials, texts or opens a web page
by itself, so every line is plain selectable text the person can copy; nothing here is a
link that starts a browser. The person's own contacts are kept in the journal and change
only when they press Save, so a slip of the keyboard never loses or alters a number.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from runjournal.domain import support_lines
from runjournal.domain.model import SupportContact
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.commands import save_contacts
from runjournal.ui.dates import long_day

COLUMNS = ("Name", "Number", "Note")

Row = tuple[str, str, str]


class HelpCardDialog(QDialog):
    """Shows the support lines and lets the person keep their own list of contacts."""

    def __init__(
        self, bridge: JournalBridge, parent: QWidget | None = None, *, undo_stack: QUndoStack | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        # The window's stack, so Edit → Undo takes a save of the contacts back.
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._saved: list[Row] = []
        self.setWindowTitle(support_lines.TITLE)
        self.setAccessibleName(support_lines.TITLE)

        heading = QLabel(support_lines.TITLE)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        heading.setAccessibleName(support_lines.TITLE)

        intro = QLabel(support_lines.INTRO)
        intro.setWordWrap(True)
        intro.setAccessibleName("Introduction")

        self.lines_label = QLabel(self._lines_html())
        self.lines_label.setTextFormat(Qt.TextFormat.RichText)
        self.lines_label.setWordWrap(True)
        self.lines_label.setOpenExternalLinks(False)
        self.lines_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.lines_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.lines_label.setAccessibleName("Support lines")
        self.lines_label.setAccessibleDescription("\n".join(support_lines.LINES))
        self.lines_label.setToolTip("Select a number to copy it.")

        self.copy_button = QPushButton("&Copy numbers")
        self.copy_button.setAccessibleName("Copy the numbers")
        self.copy_button.setToolTip(
            "Copy every line and your own contacts, to paste into a message or a note"
        )
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_numbers)

        self.checked_label = QLabel(
            "Numbers last checked: " + long_day(support_lines.LAST_CHECKED, with_weekday=False)
        )
        self.checked_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checked_label.setAccessibleName(self.checked_label.text())

        never = QLabel(support_lines.NEVER_CONTACTS)
        never.setWordWrap(True)
        bold = never.font()
        bold.setBold(True)
        never.setFont(bold)
        never.setAccessibleName(support_lines.NEVER_CONTACTS)

        contacts_heading = QLabel("Your own contacts")
        contacts_heading.setFont(bold)
        contacts_hint = QLabel("People you can turn to. They stay on this computer.")
        contacts_hint.setWordWrap(True)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move within it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 160)
        self.table.setColumnWidth(1, 150)
        self.table.setAccessibleName("Your own contacts")
        self.table.setAccessibleDescription(
            "Name, number and note of each contact. Press F2 or start typing to edit a cell."
        )
        self.table.setToolTip(
            "Press F2 or start typing to edit a cell; Delete removes the selected contacts."
        )
        contacts_heading.setBuddy(self.table)
        self.table.itemChanged.connect(self._update_state)
        self.table.itemSelectionChanged.connect(self._update_remove)

        remove_key = QAction("Remove contact", self.table)
        remove_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.triggered.connect(self.remove_selected)
        self.table.addAction(remove_key)

        self.add_button = QPushButton("&Add contact")
        self.add_button.setAccessibleName("Add contact")
        self.add_button.setToolTip("Add a row for someone you can turn to")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_contact)
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setAccessibleName("Remove contact")
        self.remove_button.setToolTip("Remove the selected contacts (Delete)")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName("Contacts status")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save contacts")
        self.save_button.setToolTip(
            "Keep your contacts in the journal ("
            + QKeySequence(QKeySequence.StandardKey.Save).toString(QKeySequence.SequenceFormat.NativeText)
            + ")"
        )
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close")
        self.close_button.setToolTip("Close the card (Esc)")
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        save_key = QAction("Save contacts", self)
        save_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save_key.triggered.connect(self.save)
        self.addAction(save_key)

        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.add_button)
        row_buttons.addWidget(self.remove_button)
        row_buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addWidget(self.lines_label)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(4)
        layout.addWidget(self.checked_label)
        layout.addWidget(never)
        layout.addSpacing(10)
        layout.addWidget(contacts_heading)
        layout.addWidget(contacts_hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.lines_label, self.copy_button)
        QWidget.setTabOrder(self.copy_button, self.table)
        QWidget.setTabOrder(self.table, self.add_button)
        QWidget.setTabOrder(self.add_button, self.remove_button)
        QWidget.setTabOrder(self.remove_button, self.save_button)
        QWidget.setTabOrder(self.save_button, self.close_button)

        bridge.journal_replaced.connect(self._journal_replaced)
        self.load()
        self.resize(600, 580)
        self.lines_label.setFocus()

    # Reading and writing -----------------------------------------------------------------

    def load(self) -> None:
        """Shows the contacts as stored in the journal, dropping any edits."""
        self._saved = [
            (c.name.strip(), c.phone.strip(), c.note.strip()) for c in self.bridge.journal.support_contacts()
        ]
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row in self._saved:
            self._append_row(row)
        self.table.blockSignals(False)
        self.status_label.clear()
        self._update_state()

    def contacts(self) -> list[SupportContact]:
        """The contacts as they stand in the table now (saved or not)."""
        return [SupportContact(*row) for row in self._rows()]

    def has_unsaved_changes(self) -> bool:
        self._commit_open_editor()
        return self._table_rows() != self._saved

    def save(self) -> bool:
        """Stores the table in the journal; on failure the edits stay for another try."""
        self._commit_open_editor()
        rows = self._rows()
        for index in range(self.table.rowCount()):
            name, phone, note = self._row_values(index)
            if not name and (phone or note):
                self.status_label.setText("Each contact needs a name before it can be saved.")
                self.table.setCurrentCell(index, 0)
                self.table.setFocus()
                return False
        try:
            save_contacts(self.bridge, self.undo_stack, [SupportContact(*row) for row in rows])
        except Exception as error:  # a full disk, a locked file: tell the person, keep the edits
            QMessageBox.warning(self, "Contacts not saved", f"Your contacts could not be saved.\n\n{error}")
            self.status_label.setText("Not saved yet — your edits are still here.")
            return False
        self.load()
        self.status_label.setText("Your contacts are saved.")
        return True

    def copy_numbers(self) -> None:
        """Puts the support lines and the person's contacts on the clipboard, as plain text."""
        QApplication.clipboard().setText(
            support_lines.as_text(
                [(c.name, c.phone, c.note) for c in self.contacts()],
                long_day(support_lines.LAST_CHECKED, with_weekday=False),
            )
        )
        self.status_label.setText("Copied the numbers and your contacts.")

    # Editing ------------------------------------------------------------------------------

    def add_contact(self) -> None:
        """Adds an empty row and puts the cursor in its name cell, ready for typing."""
        self._commit_open_editor()
        self._append_row(("", "", ""))
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        name = self.table.item(row, 0)
        if name is not None:  # always: the row was just filled
            self.table.editItem(name)
        self.status_label.clear()

    def remove_selected(self) -> None:
        self._commit_open_editor()
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)
        self.status_label.clear()
        self._update_state()

    # Closing ------------------------------------------------------------------------------

    def reject(self) -> None:
        """Close and Esc land here: ask about unsaved edits, say nothing otherwise."""
        if self.has_unsaved_changes():
            answer = QMessageBox.question(
                self,
                "Save your contacts?",
                "Save your contacts?\n\nYou have changes that are not saved yet.",
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        super().reject()

    # Inner workings -----------------------------------------------------------------------

    def _append_row(self, values: Row) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(f"{COLUMNS[column]} — press F2 to edit")
            self.table.setItem(row, column, item)

    def _table_rows(self) -> list[Row]:
        """Every non-blank row as typed, trimmed; blank rows are left out."""
        rows = (self._row_values(row) for row in range(self.table.rowCount()))
        return [values for values in rows if any(values)]

    def _row_values(self, row: int) -> Row:
        name, phone, note = (
            (item.text() if (item := self.table.item(row, column)) else "").strip()
            for column in range(len(COLUMNS))
        )
        return name, phone, note

    def _rows(self) -> list[Row]:
        """The rows the journal would keep: those with a name."""
        return [row for row in self._table_rows() if row[0]]

    def _commit_open_editor(self) -> None:
        """Keeps what is being typed in a cell, so Save and Close see the latest text."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.table.indexWidget(self.table.currentIndex()) or QApplication.focusWidget()
        if editor is not None and self.table.isAncestorOf(editor):
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _update_state(self, *_: object) -> None:
        dirty = self._table_rows() != self._saved
        self.save_button.setDefault(dirty)
        self.close_button.setDefault(not dirty)
        self._update_remove()

    def _update_remove(self) -> None:
        self.remove_button.setEnabled(self.table.rowCount() > 0 and self.table.currentRow() >= 0)

    def _journal_replaced(self) -> None:
        if not self.has_unsaved_changes():
            self.load()

    @staticmethod
    def _lines_html() -> str:
        items = "".join(
            f"<li style='margin-bottom:6px'>{html.escape(line)}</li>" for line in support_lines.LINES
        )
        return f"<ul style='margin-left:0px; -qt-list-indent:1'>{items}</ul>"
