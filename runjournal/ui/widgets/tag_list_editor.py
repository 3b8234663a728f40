"""The person's list of tags, edited in Preferences: add, rename (double-click or F2), remove.

A name that cannot be a tag (empty, over 40 characters, already in the list, one too many)
is refused with a sentence under the list, and the list stays as it was.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from runjournal.domain.model import MAX_TAG_LENGTH
from runjournal.domain.validation import validate_tags


class TagListEditor(QWidget):
    def __init__(self, tags: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName("Your tags")
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 7)
        self.new_name = QLineEdit()
        self.new_name.setAccessibleName("New tag")
        self.new_name.setPlaceholderText("A new tag, e.g. yoga")
        self.new_name.setMaxLength(MAX_TAG_LENGTH)
        self.add_button = QPushButton("Add")
        self.rename_button = QPushButton("Rename")
        self.remove_button = QPushButton("Remove")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setForegroundRole(QPalette.ColorRole.WindowText)
        hint = QLabel("Tick them in the check-in on days they were part of; none is required.")
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.list, 0, 0, 3, 1)
        grid.addWidget(self.rename_button, 0, 1)
        grid.addWidget(self.remove_button, 1, 1)
        grid.addWidget(self.new_name, 3, 0)
        grid.addWidget(self.add_button, 3, 1)
        grid.addWidget(self.problem, 4, 0, 1, 2)
        grid.addWidget(hint, 5, 0, 1, 2)

        self._shown: tuple[str, ...] = ()
        self._show(tags)
        self.add_button.clicked.connect(self.add)
        self.new_name.returnPressed.connect(self.add)
        self.rename_button.clicked.connect(self._rename)
        self.remove_button.clicked.connect(self.remove)
        self.list.itemChanged.connect(self._renamed)
        self.list.currentRowChanged.connect(self._enable)
        self._enable()

    def tags(self) -> tuple[str, ...]:
        return self._shown

    def add(self) -> None:
        name = self.new_name.text().strip()
        if self._accept((*self._shown, name)):
            self.new_name.clear()
            self.list.setCurrentRow(self.list.count() - 1)

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self._accept(self._shown[:row] + self._shown[row + 1 :])
            self.list.setCurrentRow(min(row, self.list.count() - 1))

    def _rename(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def _renamed(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        names = list(self._shown)
        names[row] = item.text().strip()
        self._accept(tuple(names))
        self.list.setCurrentRow(row)

    def _accept(self, names: tuple[str, ...]) -> bool:
        """Shows `names` if they make a good list; otherwise says why and keeps the old one."""
        problems = validate_tags(names)
        if problems:
            self.problem.setText(problems[0].message)
            self._show(self._shown)  # puts back a refused rename
            return False
        self.problem.clear()
        self._show(names)
        return True

    def _show(self, names: tuple[str, ...]) -> None:
        self._shown = names
        self.list.blockSignals(True)
        self.list.clear()
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._enable()

    def _enable(self, *_args: object) -> None:
        chosen = self.list.currentRow() >= 0
        self.rename_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
