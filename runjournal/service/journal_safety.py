"""The Journal's safety: checked backups, their rotation, the integrity check and restore."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from runjournal.service.changes import Change
from runjournal.service.journal_core import JournalCore
from runjournal.storage.backup.inspect import CheckReport, check_journal

if TYPE_CHECKING:
    # Imported when first used, so that opening the window does not wait for them.
    from runjournal.storage.backup.backup import BackupEntry, BackupInfo


class JournalSafety(JournalCore):
    def backup(self, target: Path | None = None, *, reason: str = "") -> BackupInfo:
        """A checked copy of the journal, by default in the backups folder beside it.

        A copy in the backups folder is followed by the rotation (`backup_rotation`);
        a copy written to a chosen `target` leaves the folder alone.
        """
        from runjournal.storage.backup.backup import backup_journal

        info = backup_journal(self.path, target, reason=reason)
        if target is None:
            self._prune()
        return info

    def backups(self) -> list[BackupEntry]:
        """The backups in the backups folder, newest first, each checked again (read-only)."""
        from runjournal.storage.backup.backup import list_backups

        return list_backups(self.path)

    def last_backup(self) -> BackupEntry | None:
        """The newest backup that passes its check, or None."""
        from runjournal.storage.backup.backup import last_backup

        return last_backup(self.path)

    def backup_if_due(self, now: datetime | None = None) -> BackupInfo | None:
        """The start-up backup: a checked "daily" copy when the newest good backup is over a
        day old, then the rotation. None when none was due, or the journal holds no entries yet.

        Raises JournalError when the copy cannot be written; the journal is unchanged then.
        """
        from runjournal.storage.backup.backup import backup_due, backup_journal
        from runjournal.storage.backup.rotation import DAILY

        now = now or datetime.now()
        if self.is_empty() or not backup_due(self.path, now):
            return None
        info = backup_journal(self.path, reason=DAILY, when=now)
        self._prune(now)
        return info

    def _prune(self, now: datetime | None = None) -> None:
        # Pruning only tidies: a file that cannot be read or deleted is left where it is.
        from runjournal.storage.backup.backup import prune_backups

        prune_backups(self.path, now or datetime.now())

    def check(self) -> CheckReport:
        return check_journal(self.path)

    def restore(self, backup: Path) -> BackupInfo:
        """Replaces the journal with a fresh one built from a backup's entries, after saving
        the current journal; a backup that cannot be used changes nothing.

        Returns the copy of the journal as it was before the restore. The rotation runs only
        after the restore, so it can never take away the backup being restored from.
        """
        from runjournal.service.restoring import restore_open_journal

        before, self._db = restore_open_journal(self._db, Path(backup))
        self._prune()
        self.changes.emit(Change.EVERYTHING)
        return before
