"""The window's side of backups: Back Up Now, the daily backup made on a worker thread once
the window is on screen, and Restore from Backup, each saying in the status bar what it did."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from runjournal.service.journal import JournalError

if TYPE_CHECKING:
    from runjournal.ui.background import BackgroundLoader
    from runjournal.ui.dialogs.restore_dialog import RestoreDialog
    from runjournal.ui.main_window import MainWindow


class WindowBackups(QObject):
    """Backups for `window`'s open journal."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._daily_backup: BackgroundLoader | None = None  # made when first due
        self.restore_dialog: RestoreDialog | None = None  # the last one opened

    def back_up(self) -> None:
        try:
            info = self._window.bridge.journal.backup()
        except JournalError as error:
            QMessageBox.warning(self._window, "Backup failed", str(error))
            return
        self._window.statusBar().showMessage(f"Backed up and checked: {info.path}", 10000)

    def backup_if_due(self) -> None:
        """The daily backup: made after the window is on screen, when the last is a day old,
        on a worker thread (copying and checking a big journal would freeze the window)."""
        from runjournal.ui.background import BackgroundLoader

        if self._daily_backup is None:
            self._daily_backup = BackgroundLoader(self, doing="making the daily backup")
            self._daily_backup.loaded.connect(self._daily_backup_made)
            self._daily_backup.failed.connect(self._daily_backup_failed)
        elif self._daily_backup.is_loading:
            return  # one daily backup at a time
        self._daily_backup.start(self._window.bridge.journal.backup_if_due)

    @property
    def making_daily_backup(self) -> bool:
        return self._daily_backup is not None and self._daily_backup.is_loading

    def _daily_backup_made(self, info: object) -> None:
        path = getattr(info, "path", None)
        if isinstance(path, Path):
            self._window.statusBar().showMessage(f"Daily backup made and checked: {path.name}", 8000)

    def _daily_backup_failed(self, why: str) -> None:
        self._window.statusBar().showMessage(f"The daily backup could not be made: {why}", 15000)

    def restore_from_backup(self) -> None:
        from runjournal.ui.dialogs.restore_dialog import RestoreDialog

        self._window.today.check_in.flush()
        dialog = RestoreDialog(self._window.bridge, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self._restored)
        self.restore_dialog = dialog
        dialog.open()

    def _restored(self, before: object) -> None:
        self._window.undo_stack.clear()  # undo steps belong to the journal as it was
        path = getattr(before, "path", "")
        self._window.notify(f"Restored. The journal as it was is kept at {path}")
