"""File → Restore from Backup…: the checked backups in a list, and a way back to one.

Every backup is checked again (read-only) when the list is shown, so a copy damaged on
disk since it was written is shown as damaged and cannot be chosen. Restoring always
saves the journal as it is first; that copy appears at the top of the list, so a restore
can itself be undone from here.
"""

from __future__ import annotations

import html
import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from runjournal import logs
from runjournal.domain.units import count
from runjournal.paths import backups_dir
from runjournal.service.backups import (
    BEFORE_IMPORT,
    BEFORE_RESTORE,
    BEFORE_UPGRADE,
    DAILY,
    MANUAL,
    BackupEntry,
    BackupInfo,
)
from runjournal.service.journal import Journal, JournalError
from runjournal.ui.bridge import JournalBridge

log = logging.getLogger(__name__)

COL_MADE = 0
COL_WHY = 1
COL_SIZE = 2
COL_RUNS = 3
COL_CHECK_INS = 4
COL_CHECK = 5
COLUMN_COUNT = 6

HEADERS = ("Made", "Why", "Size", "Runs", "Check-ins", "Check")
WHY_LABELS = {
    DAILY: "Daily",
    BEFORE_RESTORE: "Before a restore",
    BEFORE_UPGRADE: "Before an upgrade",
    BEFORE_IMPORT: "Before an import",
    MANUAL: "By you",
}
CHECKED_TEXT = "✓ Checked"
NO_BACKUP_TEXT = "No backup yet — File → Back Up Now makes one."

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_Index = QModelIndex | QPersistentModelIndex


def made_at_text(made_at: datetime, locale: QLocale | None = None) -> str:
    """ "22 Nov 2026 07:15", in the locale's month names and clock."""
    locale = locale or QLocale()
    day = locale.toString(QDate(made_at.year, made_at.month, made_at.day), "d MMM yyyy")
    clock = locale.toString(QTime(made_at.hour, made_at.minute), QLocale.FormatType.ShortFormat)
    return f"{day} {clock}"


def age_text(made_at: datetime, now: datetime) -> str:
    """How long ago, in the words a person would use: "3 hours ago", "yesterday"."""
    seconds = (now - made_at).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{count(int(seconds // 60), 'minute')} ago"
    if seconds < 86400:
        return f"{count(int(seconds // 3600), 'hour')} ago"
    days = (now.date() - made_at.date()).days
    return "yesterday" if days <= 1 else f"{count(days, 'day')} ago"


def last_backup_text(last: BackupEntry | None, now: datetime | None = None) -> str:
    """The line About and Preferences show: when the newest good backup was made."""
    if last is None:
        return NO_BACKUP_TEXT
    now = now or datetime.now()
    return f"Last checked backup: {made_at_text(last.made_at)} ({age_text(last.made_at, now)})"


def size_text(size: int, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    precision = 0 if size < 1024 * 1024 else 1
    return locale.formattedDataSize(size, precision, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def ask_to_restore(parent: QWidget, message: str) -> bool:
    """Whether the person confirms the restore; tests replace this."""
    answer = QMessageBox.question(
        parent,
        "Restore from Backup?",
        message,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def open_folder(folder: Path) -> bool:
    """Shows the folder in the system's file manager; tests replace this."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class BackupTableModel(QAbstractTableModel):
    """The backups, newest first, one row each; thin, as the run table's model."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BackupEntry] = []
        self._locale = QLocale()

    def set_rows(self, rows: list[BackupEntry]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def entry(self, row: int) -> BackupEntry:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_SIZE, COL_RUNS, COL_CHECK_INS):
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.problem if column == COL_CHECK and not entry.ok else str(entry.path)
        if role == Qt.ItemDataRole.ForegroundRole and not entry.ok:
            return QPalette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def _text(self, entry: BackupEntry, column: int) -> str:
        if column == COL_MADE:
            return made_at_text(entry.made_at, self._locale)
        if column == COL_WHY:
            return WHY_LABELS.get(entry.kind, WHY_LABELS[MANUAL])
        if column == COL_SIZE:
            return size_text(entry.size, self._locale)
        if column == COL_CHECK:
            return CHECKED_TEXT if entry.ok else f"✗ {entry.problem}"
        if not entry.ok:
            return "–"
        return self._locale.toString(entry.runs if column == COL_RUNS else entry.check_ins)


class RestoreDialog(QDialog):
    """Lists the journal's backups and restores the chosen one after asking.

    `restored` carries the copy of the journal saved just before a restore, so the window
    can clear its undo steps (they belong to the journal as it was) and say where it is.
    """

    restored = Signal(object)  # BackupInfo of the journal as it was before the restore

    def __init__(self, source: JournalBridge | Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.setWindowTitle("Restore from Backup")
        journal = self._journal()

        self.intro = QLabel(
            f"Backups of <b>{html.escape(journal.path.name)}</b> are kept in "
            f"<code>{html.escape(str(backups_dir(journal.path)))}</code>. "
            "Each one was checked when it was written and is checked again here. "
            "Restoring saves your journal as it is first, so a restore can be undone from this list."
        )
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = BackupTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName("Backups")
        self.table.setAccessibleDescription("Newest first; the last column says whether the backup is usable")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)

        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName("Why the chosen backup cannot be restored")
        self.empty = QLabel(NO_BACKUP_TEXT)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName("Restore result")

        self.restore_button = QPushButton("&Restore…")
        self.restore_button.setToolTip("Replace the journal with the chosen backup, after saving it as it is")
        self.restore_button.setAccessibleName("Restore the chosen backup")
        self.restore_button.setAutoDefault(False)
        self.folder_button = QPushButton("Open Backups &Folder")
        self.folder_button.setToolTip("Show the backups folder in your file manager")
        self.folder_button.setAutoDefault(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setShortcut(QKeySequence.StandardKey.Close)

        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.open_backups_folder)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.empty)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(760, 420)
        self.refresh()

    def _journal(self) -> Journal:
        return self._source.journal if isinstance(self._source, JournalBridge) else self._source

    def refresh(self) -> None:
        """Lists and checks the backups again, selecting the newest good one."""
        entries = self._journal().backups()
        self.model.set_rows(entries)
        self.empty.setVisible(not entries)
        self.folder_button.setEnabled(backups_dir(self._journal().path).is_dir())
        good = next((row for row, e in enumerate(entries) if e.ok), 0 if entries else None)
        if good is not None:
            self.table.selectRow(good)
        self._selection_changed()

    def selected_entry(self) -> BackupEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: object) -> None:
        entry = self.selected_entry()
        self.restore_button.setEnabled(entry is not None and entry.ok)
        damaged = entry is not None and not entry.ok
        self.detail.setVisible(damaged)
        if entry is not None and damaged:
            self.detail.setText(f"{entry.problem} It cannot be restored.")
            self.restore_button.setToolTip(f"This backup cannot be restored: {entry.problem}")
        else:
            self.restore_button.setToolTip(
                "Replace the journal with the chosen backup, after saving it as it is"
            )

    def confirmation_text(self, entry: BackupEntry) -> str:
        counts = self._journal().counts()
        return (
            f"Your journal now holds {count(counts.runs, 'run')} and {count(counts.check_ins, 'check-in')}. "
            f"It will be saved as a backup first, then replaced by the one from "
            f"{made_at_text(entry.made_at)} with {count(entry.runs, 'run')} and "
            f"{count(entry.check_ins, 'check-in')}."
        )

    def restore_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or not entry.ok:
            return
        if not ask_to_restore(self, self.confirmation_text(entry)):
            return
        try:
            before: BackupInfo = self._journal().restore(entry.path)
        except JournalError as error:
            self._say(f"Nothing was restored. {error}", problem=True)
            self.refresh()
            return
        except OSError as error:  # the disk refused the copy: say it in words, keep going
            self._say(f"Nothing was restored: {error.strerror or error}", problem=True)
            self.refresh()
            return
        except Exception:  # a bug: logged with its traceback, said in words
            self._say("Nothing was restored. " + logs.unexpected(log, "restoring the backup"), problem=True)
            self.refresh()
            return
        counts = self._journal().counts()
        self.refresh()
        self._say(
            f"Restored the backup from {made_at_text(entry.made_at)}: your journal now holds "
            f"{count(counts.runs, 'run')} and {count(counts.check_ins, 'check-in')}. "
            f"The journal as it was is kept as a backup ({before.path.name}), at the top of the list."
        )
        self.restored.emit(before)

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.status.setText(f"<b>{html.escape(text)}</b>" if problem else html.escape(text))
        self.status.setAccessibleDescription(text)

    def open_backups_folder(self) -> None:
        folder = backups_dir(self._journal().path)
        if not open_folder(folder):
            self._say(f"The backups folder could not be opened. It is {folder}.", problem=True)
