"""Moving a damaged journal out of the way without losing a byte of it.

When a journal cannot be read and the person chooses to restore a backup, the damaged
file is not lost: it is copied beside itself, byte for byte, with the time in its name, so
it can still be sent to someone who can rescue what is in it; then the restored journal
takes its name in one rename (see `restore`). Only a damaged or foreign
file is moved; a journal from a newer RunJournal, or one that is read-only, is fine as
it is and stays where it was.
"""

from __future__ import annotations

import enum
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from runjournal.storage.backup.aside import damaged_name, taken
from runjournal.storage.backup.inspect import JournalError, NewerJournalError
from runjournal.storage.backup.rebuild import rebuild_from_backup as restore_into

SIDECARS = ("-wal", "-shm", "-journal")  # SQLite's files beside a database


def _keep_private(path: Path) -> None:
    if os.name == "posix":
        os.chmod(path, 0o600)


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Renames `path` and its -wal/-shm sidecars to a new, unused name; returns that name.

    Nothing is ever overwritten: if the name is taken, `-2`, `-3`… is added. The file
    and its sidecars move together, so SQLite would read them back as one database.
    """
    path = Path(path)
    if not path.exists():
        raise JournalError(f"There is no file at {path} to move aside.")
    now = now or datetime.now()
    counter = 1
    target = damaged_name(path, now)
    while taken(target):
        counter += 1
        target = damaged_name(path, now, counter)
    moved: list[tuple[Path, Path]] = []
    try:
        for extra in ("", *SIDECARS):
            source = Path(f"{path}{extra}")
            if not source.exists():
                continue
            destination = Path(f"{target}{extra}")
            if destination.exists():  # appeared since the check: never write over it
                raise FileExistsError(destination)
            source.rename(destination)
            moved.append((destination, source))
            _keep_private(destination)
    except OSError as error:
        for destination, source in reversed(moved):  # put back what was already moved
            destination.rename(source)
        raise JournalError(
            f"{path} could not be moved aside ({error.strerror or error}). It was left as it was."
        ) from None
    return target


def put_back(moved: Path, original: Path) -> None:
    """Undoes `move_aside`: the file and its sidecars get their old names again."""
    for extra in ("", *SIDECARS):
        source = Path(f"{moved}{extra}")
        if source.exists() and not Path(f"{original}{extra}").exists():
            source.rename(Path(f"{original}{extra}"))


class OpenProblem(enum.Enum):
    """Why a journal could not be opened, as far as what to offer the person goes."""

    DAMAGED = "damaged"  # unreadable or foreign contents: a backup can take its place
    NEWER = "newer"  # whole, but from a newer RunJournal: leave it, update the app
    LOCKED = "locked"  # another program holds it: try again once that has finished
    NO_ACCESS = "no-access"  # read-only or not readable: fix the permissions
    OTHER = "other"  # a folder, a failed upgrade, a file that cannot be created


def classify(error: JournalError) -> OpenProblem:
    """Sorts an opening error by what can be done about it (the message says what happened)."""
    text = str(error)
    if isinstance(error, NewerJournalError):
        return OpenProblem.NEWER
    if "database is locked" in text or "database table is locked" in text or "has this journal open" in text:
        return OpenProblem.LOCKED
    if "read-only" in text or "cannot be read" in text:
        return OpenProblem.NO_ACCESS
    if "damaged" in text or "not a RunJournal journal" in text:
        return OpenProblem.DAMAGED
    return OpenProblem.OTHER


def restore_over_damaged(path: Path, backup: Path, now: datetime | None = None) -> Path | None:
    """Puts a fresh journal built from `backup` in the damaged journal's place.

    Returns where the damaged file's copy is kept. If anything fails, the folder is as it
    was before: no copy, no new file, the damaged journal untouched.
    """
    from runjournal.storage.backup import restore

    try:
        restored = restore.restore_file(Path(path), Path(backup), now=now, rebuild=restore_into)
    except (OSError, sqlite3.Error, JournalError) as error:
        detail = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise JournalError(
            f"The backup could not be put in place ({detail}). The journal was left as it was."
        ) from None
    restored.lock.release()  # the window opens the restored journal next, and claims it then
    return restored.before
