"""Putting a backup in the journal's place: build fresh, prove, keep the old, then swap.

The order is what makes a restore safe:

1. the journal is claimed for writing (journal_lock), so nothing else writes meanwhile;
2. a fresh journal is built and proved from the backup's rows (`rebuild`), beside the
   journal — the journal is not touched yet, so a refused backup changes nothing;
3. the journal as it was is kept: a checked before-restore backup when it can be read,
   else (damaged, or not readable by this version) a byte-for-byte copy beside it;
4. whoever has the journal open lets go of it (`close_current`);
5. the fresh file takes the journal's name in one rename (`os.replace`), after it and its
   folder are synced; the old -wal/-shm go with the old file, so SQLite can never read a
   log of the old journal as part of the new one.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from runjournal.paths import make_private_dir
from runjournal.storage.backup.aside import damaged_name, taken
from runjournal.storage.backup.backup import BackupInfo, backup_journal
from runjournal.storage.backup.inspect import JournalError, inspect_file, refuse_unless_regular
from runjournal.storage.backup.rebuild import Rebuilt, rebuild_from_backup
from runjournal.storage.database import SIDECARS, remove_with_sidecars
from runjournal.storage.durability import fsync_file, fsync_folder
from runjournal.storage.journal_lock import WriterLock, lock_for_writing, lock_new_file, real_path


@dataclass
class Restored:
    """What a restore did. `lock` claims the restored journal; release it once it is reopened."""

    journal: Path
    runs: int
    check_ins: int
    before: Path | None  # the journal as it was: a before-restore backup, or a copy beside it
    before_backup: BackupInfo | None  # the before-restore backup, when the journal could be read
    lock: WriterLock


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _settle(path: Path) -> None:
    """Folds the fresh journal's log into the file itself, so the file alone is the journal."""
    from runjournal.storage.backup.rebuild import writable

    with closing(writable(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for extra in SIDECARS:
        Path(f"{path}{extra}").unlink(missing_ok=True)


def copy_beside(path: Path, now: datetime | None = None) -> Path:
    """A byte-for-byte copy of `path` and its sidecars under a new `-damaged-` name beside it."""
    now = now or datetime.now()
    counter = 1
    target = damaged_name(path, now)
    while taken(target):
        counter += 1
        target = damaged_name(path, now, counter)
    made: list[Path] = []
    try:
        for extra in ("", *SIDECARS):
            source = Path(f"{path}{extra}")
            if not source.exists():
                continue
            destination = Path(f"{target}{extra}")
            descriptor = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            made.append(destination)
            with os.fdopen(descriptor, "wb") as out, source.open("rb") as src:
                shutil.copyfileobj(src, out, 1024 * 1024)
                out.flush()
                os.fsync(out.fileno())
    except OSError as error:
        for destination in made:
            destination.unlink(missing_ok=True)
        raise JournalError(
            f"A copy of {path.name} could not be kept ({error.strerror or error}), so nothing was changed."
        ) from None
    return target


def _keep_as_it_was(journal: Path, now: datetime | None) -> tuple[Path | None, BackupInfo | None]:
    """The journal as it is now, kept: where, and the backup's details when it is a checked
    backup rather than a byte-for-byte copy; (None, None) when there is nothing to keep."""
    if not journal.exists() or journal.stat().st_size == 0:
        return None, None
    try:
        report = inspect_file(journal)
    except JournalError:  # damaged, foreign, or from a newer RunJournal: keep its bytes
        return copy_beside(journal, now), None
    if report.is_new:
        return None, None
    try:
        info = backup_journal(journal, reason="before-restore")
    except JournalError as error:
        raise JournalError(f"{error} So nothing was restored, and the journal was not changed.") from None
    return info.path, info


def swap_into_place(fresh: Path, journal: Path) -> None:
    """Renames `fresh` over `journal` in one step; the old file's -wal/-shm are taken away first."""
    _settle(fresh)
    fsync_file(fresh)
    token = secrets.token_hex(4)
    moved: list[tuple[Path, Path]] = []
    try:
        for extra in SIDECARS:
            side = Path(f"{journal}{extra}")
            if side.exists():
                aside = side.with_name(f".{side.name}.{token}.old")
                os.replace(side, aside)
                moved.append((aside, side))
        os.replace(fresh, journal)
    except OSError as error:
        for aside, side in reversed(moved):
            os.replace(aside, side)
        raise JournalError(
            f"The restored journal could not take {journal.name}'s place ({error.strerror or error}). "
            "The journal was left as it was."
        ) from None
    fsync_folder(journal.parent)
    for aside, _ in moved:
        aside.unlink(missing_ok=True)


def restore_file(
    journal: Path,
    backup: Path,
    *,
    close_current: Callable[[], None] | None = None,
    now: datetime | None = None,
    rebuild: Callable[[Path, Path], Rebuilt] = rebuild_from_backup,
) -> Restored:
    """Replaces the journal at `journal` (whole, damaged or missing) with `backup`'s entries.

    Raises JournalError, having changed nothing, when the backup cannot be used.
    """
    journal, backup = real_path(journal), Path(backup)
    refuse_unless_regular(backup, "a backup")
    if _same_file(journal, backup):
        raise JournalError(f"{backup} is the journal itself, so there is nothing to restore from it.")
    if journal.exists():
        refuse_unless_regular(journal, "a journal file")
    if not journal.exists():
        try:
            make_private_dir(journal.parent)
        except OSError as error:
            raise JournalError(f"No journal can be made at {journal}: {error.strerror or error}.") from None
    old_lock = lock_for_writing(journal) if journal.exists() else None
    rebuilt: Rebuilt | None = None
    try:
        rebuilt = rebuild(backup, journal)
        new_lock = lock_new_file(rebuilt.path)
        before: Path | None = None
        before_backup: BackupInfo | None = None
        try:
            before, before_backup = _keep_as_it_was(journal, now)
            if close_current is not None:
                close_current()
            swap_into_place(rebuilt.path, journal)
        except BaseException:
            new_lock.release()
            if before is not None and before_backup is None:  # the journal stayed: so does no copy
                remove_with_sidecars(before)
            raise
    finally:
        if rebuilt is not None:
            remove_with_sidecars(rebuilt.path)  # gone already once it took the journal's place
        if old_lock is not None:
            old_lock.release()
    return Restored(journal, rebuilt.report.runs, rebuilt.report.check_ins, before, before_backup, new_lock)
