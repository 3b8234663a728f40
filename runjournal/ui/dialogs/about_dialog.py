"""About RunJournal, and the list of keyboard shortcuts."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from runjournal import __version__
from runjournal.paths import backups_dir
from runjournal.service.backups import last_backup
from runjournal.ui.dialogs.restore_dialog import last_backup_text


def about_text(journal_path: Path, *, now: datetime | None = None) -> str:
    """About RunJournal, with where the journal and its backups are and how fresh the newest
    good backup is: the three things a person needs before moving or restoring a journal."""
    last = last_backup_text(last_backup(journal_path), now)
    return (
        f"<h2>RunJournal {__version__}</h2>"
        "<p>A journal for people who run to feel better.</p>"
        "<p><b>Your data never leaves this computer.</b> RunJournal makes no network connections. "
        f"Your journal is kept in:<br><code>{escape(str(journal_path))}</code><br>"
        f"and its backups in:<br><code>{escape(str(backups_dir(journal_path)))}</code></p>"
        f"<p>{escape(last)}<br>A checked backup is made each day you open RunJournal, "
        "and before every restore, upgrade and large import.</p>"
        "<p>RunJournal is a wellness journal, <b>not a medical device</b>. If you are struggling, "
        "talking to a GP or a mental-health professional can help.</p>"
    )


class ShortcutsDialog(QDialog):
    """Lists every menu action that has a shortcut, read from the actions themselves."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        native = QKeySequence.SequenceFormat.NativeText
        rows = [
            (a.text().replace("&", ""), ", ".join(k.toString(native) for k in a.shortcuts()))
            for a in actions
            if a.shortcuts()
        ]
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels(["Action", "Shortcut"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (name, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(name))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        hint = QLabel("In the check-in, arrow keys move a slider and Delete clears it.")
        hint.setAlignment(Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(460, 520)
