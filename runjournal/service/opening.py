"""What can be done about a journal that cannot be opened, before any journal is open.

A damaged journal is never written over: restoring a backup moves it aside (with the time
in its name) and puts a checked copy of the backup in its place, or leaves the folder as it
was. Each opening error is sorted by what a person can do about it (`OpenProblem`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from runjournal.storage.backup.aside import damaged_name
from runjournal.storage.backup.inspect import (
    CheckReport,
    FileReport,
    JournalError,
    check_journal,
    inspect_file,
)
from runjournal.storage.backup.quarantine import OpenProblem, classify, restore_over_damaged

__all__ = [
    "CheckReport",
    "FileReport",
    "JournalError",
    "OpenProblem",
    "check_file",
    "check_journal",
    "classify",
    "damaged_name",
    "restore_over_damaged",
]


def check_file(path: Path) -> FileReport:
    """A thorough read-only look at a journal or backup file; raises JournalError when it
    cannot be read at all."""
    return inspect_file(Path(path), thorough=True)


def aside_name(path: Path, now: datetime) -> Path:
    """Where a damaged journal at `path` would be moved to, were a backup put in its place."""
    return damaged_name(path, now)
