"""Restoring a backup: from the window, over the journal it has open, and from the command
line, over whatever the journal is (whole, damaged, or missing), without opening it first.

Both go through `storage.backup.restore`: a fresh journal is built from the backup's rows
and proved before anything is changed, the journal as it was is kept, and the new one takes
its place in one rename.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from runjournal.storage.backup.backup import BackupInfo, prune_backups
from runjournal.storage.backup.inspect import JournalError
from runjournal.storage.backup.restore import restore_file
from runjournal.storage.database import Database, open_database
from runjournal.storage.journal_lock import lock_for_writing

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreDone:
    journal: Path
    runs: int
    check_ins: int
    before: Path | None  # where the journal as it was is kept; None when there was none
    before_was_damaged: bool  # kept byte for byte beside the journal, as it could not be read


def _tidy(journal: Path) -> None:
    try:
        prune_backups(journal, datetime.now())
    except (JournalError, OSError) as error:  # tidying only: the restore itself is done
        _log.warning("The backups were not tidied after a restore: %s", error)


def restore_journal_file(journal: Path, backup: Path) -> RestoreDone:
    """Puts `backup`'s entries in place of the journal at `journal`, whatever state it is in.

    Raises JournalError, having changed nothing, when the backup cannot be used or another
    RunJournal has the journal open.
    """
    restored = restore_file(Path(journal), Path(backup))
    restored.lock.release()
    _tidy(restored.journal)
    return RestoreDone(
        restored.journal,
        restored.runs,
        restored.check_ins,
        restored.before,
        restored.before is not None and restored.before_backup is None,
    )


def restore_open_journal(database: Database, backup: Path) -> tuple[BackupInfo, Database]:
    """Restores over a journal this process has open; returns the before-restore backup and
    the restored journal, opened. On failure the journal is open again, as it was."""
    closed = False

    def close_current() -> None:
        nonlocal closed
        database.close()
        closed = True

    had_lock = database.lock is not None
    try:
        restored = restore_file(database.path, backup, close_current=close_current)
    except BaseException:
        if closed and had_lock:  # the engine opens again when next used; claim the file again
            database.lock = lock_for_writing(database.path)
        raise
    try:
        reopened = open_database(restored.journal, create=False, write=had_lock)
    finally:
        restored.lock.release()
    before = restored.before_backup
    assert before is not None  # an open journal is whole: it is kept as a checked backup
    return before, reopened
