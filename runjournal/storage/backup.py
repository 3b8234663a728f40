"""Backups with SQLite's online backup API, each checked right after it is written.

A backup that was never read back is a hope, not a backup: every copy is opened again,
checked with `integrity_check` and its rows counted before it is given its final name.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from runjournal.paths import backups_dir, make_private_dir
from runjournal.storage.inspect import JournalError, inspect_file, read_only


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    runs: int
    check_ins: int


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def default_backup_path(journal: Path, reason: str = "") -> Path:
    suffix = f"-{reason}" if reason else ""
    folder = backups_dir(journal)
    candidate = folder / f"{journal.stem}-{_stamp()}{suffix}.sqlite"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{journal.stem}-{_stamp()}{suffix}-{counter}.sqlite"
        counter += 1
    return candidate


def _online_copy(source: Path, target: Path) -> None:
    with (
        closing(read_only(source)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
        # A backup is one self-contained file: no -wal beside it to lose.
        dst.execute("PRAGMA journal_mode = DELETE")


def copy_journal(journal: Path, target: Path | None = None, *, reason: str = "") -> Path:
    """Writes a checked copy of `journal` to `target` (default: the backups folder)."""
    return backup_journal(journal, target, reason=reason).path


def backup_journal(journal: Path, target: Path | None = None, *, reason: str = "") -> BackupInfo:
    target = Path(target) if target else default_backup_path(journal, reason)
    if target.resolve() == journal.resolve():
        raise JournalError("A backup cannot be written over the journal itself. Choose another file.")
    make_private_dir(target.parent)
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(descriptor)
        _online_copy(journal, partial)
        report = inspect_file(partial, thorough=True)
        if report.problems:
            raise JournalError(f"The backup did not pass its check ({report.problems[0]}).")
        os.replace(partial, target)
    except OSError as error:
        raise JournalError(
            f"The backup could not be written to {target}: {error.strerror or error}."
        ) from None
    except sqlite3.Error as error:
        raise JournalError(f"The backup could not be written to {target}: {error}.") from None
    finally:
        partial.unlink(missing_ok=True)
    return BackupInfo(target, target.stat().st_size, report.runs, report.check_ins)


def restore_into(backup: Path, journal: Path) -> None:
    """Replaces the journal's contents with the backup's, in one SQLite transaction.

    The caller has checked the backup and saved the current journal first.
    """
    with (
        closing(read_only(backup)) as src,
        closing(sqlite3.connect(journal)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = WAL")
