"""The journal's backups as the window lists them, readable before a journal is open.

A backup's kind says why it was made (the rotation keeps each kind for its own time);
`last_backup` is the newest one that passes a fresh read-only check.
"""

from __future__ import annotations

from pathlib import Path

from runjournal.storage.backup import backup as _backup
from runjournal.storage.backup.backup import BackupEntry, BackupInfo
from runjournal.storage.backup.rotation import BEFORE_IMPORT, BEFORE_RESTORE, BEFORE_UPGRADE, DAILY, MANUAL

__all__ = [
    "BEFORE_IMPORT",
    "BEFORE_RESTORE",
    "BEFORE_UPGRADE",
    "DAILY",
    "MANUAL",
    "BackupEntry",
    "BackupInfo",
    "last_backup",
]


def last_backup(journal: Path) -> BackupEntry | None:
    """The newest backup of the journal at `journal` that passes its check, or None."""
    return _backup.last_backup(journal)
