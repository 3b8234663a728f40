"""Backups with SQLite's online backup API, each checked right after it is written.

A backup that was never read back is a hope, not a backup: every copy is opened again,
checked with `integrity_check` and its rows counted before it is given its final name.
Listing the backups checks each one again (read-only), so a copy damaged on disk since
is shown as damaged rather than offered as a way back; `backup_rotation` decides which
copies the automatic backups may delete.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import stat
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from runjournal.paths import backups_dir, make_private_dir
from runjournal.storage.backup.inspect import FileReport, JournalError, inspect_file, read_only
from runjournal.storage.backup.rotation import BackupName, keep, local_naive, parse_name

_log = logging.getLogger(__name__)

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

PARTIAL = ".partial"
# Without advisory locks (Windows), a hidden half-written backup counts as abandoned
# once it is this old.
ABANDONED_AFTER_S = 3600


def backups_folder(journal: Path) -> Path:
    """The backups folder beside the journal, refused when it is a link to another place:
    backups are written and tidied only in a real folder, never in a link's target."""
    folder = backups_dir(Path(journal))
    if folder.is_symlink():
        raise JournalError(
            f"The backups folder {folder} is a link to another place, and RunJournal does not follow "
            "it: nothing was written or deleted there. Replace the link with a real folder "
            "(or move the journal), then back up again."
        )
    return folder


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    runs: int
    check_ins: int


def _stamp(when: datetime | None = None) -> str:
    return local_naive(when or datetime.now()).strftime("%Y%m%d-%H%M%S")


def default_backup_path(journal: Path, reason: str = "", when: datetime | None = None) -> Path:
    """`<stem>-YYYYMMDD-HHMMSS[-reason][-N].sqlite` in the backups folder, local time.

    The rotation recognises its own backups by this name, so keep the two in step.
    """
    suffix = f"-{reason}" if reason else ""
    journal = Path(os.path.realpath(journal))
    folder = backups_folder(journal)
    candidate = folder / f"{journal.stem}-{_stamp(when)}{suffix}.sqlite"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{journal.stem}-{_stamp(when)}{suffix}-{counter}.sqlite"
        counter += 1
    return candidate


def _target_connection(source: Path, target: Path) -> sqlite3.Connection:
    """The copy is locked with the journal's own passphrase when the journal has one."""
    from runjournal.storage import encryption

    passphrase = encryption.passphrase_for(source)
    if passphrase is None:
        return sqlite3.connect(target)
    connection: sqlite3.Connection = encryption.connect(target, passphrase, check=False)
    return connection


def _online_copy(source: Path, target: Path) -> None:
    with (
        closing(read_only(source)) as src,
        closing(_target_connection(source, target)) as dst,
    ):
        src.backup(dst)
        # A backup is one self-contained file: no -wal beside it to lose.
        dst.execute("PRAGMA journal_mode = DELETE")


def copy_journal(journal: Path, target: Path | None = None, *, reason: str = "") -> Path:
    """Writes a checked copy of `journal` to `target` (default: the backups folder)."""
    return backup_journal(journal, target, reason=reason).path


def backup_journal(
    journal: Path, target: Path | None = None, *, reason: str = "", when: datetime | None = None
) -> BackupInfo:
    """Writes and checks a copy; `when` (default now) only names a copy in the backups folder."""
    target = Path(target) if target else default_backup_path(journal, reason, when)
    if target.resolve() == journal.resolve():
        raise JournalError("A backup cannot be written over the journal itself. Choose another file.")
    started = time.time()
    partial = target.with_name(f".{target.name}{PARTIAL}")
    descriptor: int | None = None
    try:
        make_private_dir(target.parent)
        partial.unlink(missing_ok=True)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        if fcntl is not None:  # marks it as being written, for `_clear_abandoned` elsewhere
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if target.parent == backups_dir(journal):
            _clear_abandoned(target.parent, journal, started)
        _online_copy(journal, partial)
        report = inspect_file(partial, thorough=True)
        if report.problems:
            raise JournalError(f"The backup did not pass its check ({report.problems[0]}).")
        os.replace(partial, target)
    except OSError as error:
        raise JournalError(
            f"The backup could not be written to {target}: {error.strerror or error}."
        ) from None
    except _database_errors() as error:
        raise JournalError(f"The backup could not be written to {target}: {error}.") from None
    finally:
        partial.unlink(missing_ok=True)
        if descriptor is not None:
            os.close(descriptor)
    return BackupInfo(target, target.stat().st_size, report.runs, report.check_ins)


def _database_errors() -> tuple[type[BaseException], ...]:
    from runjournal.storage.encryption import database_errors

    return database_errors()


def _abandoned(path: Path, started: float) -> bool:
    """A hidden half-written backup that no backup is writing any more (one killed midway)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode) or found.st_mtime >= started:
            return False
        if hasattr(os, "getuid") and found.st_uid != os.getuid():
            return False
        if fcntl is None:
            return found.st_mtime < started - ABANDONED_AFTER_S
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # another backup is writing it right now
        return True
    finally:
        os.close(descriptor)


def _clear_abandoned(folder: Path, journal: Path, started: float) -> None:
    """Deletes the hidden `.partial` files that killed backups of this journal left, and only
    those: named as this journal's backups, older than the backup now running, written by
    no one any more. Any other file is left alone."""
    try:
        names = [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(PARTIAL)]
    except OSError:
        return
    for path in names:
        inner = path.name[1 : -len(PARTIAL)]
        if parse_name(inner, Path(journal).stem) is None or not _abandoned(path, started):
            continue
        try:
            path.unlink()
        except OSError:
            continue
        _log.info("Deleted %s, left by a backup that was stopped before it finished", path.name)


@dataclass(frozen=True)
class BackupEntry:
    """One backup in the backups folder, as a fresh read-only check found it."""

    path: Path
    made_at: datetime  # local time
    size: int
    runs: int
    check_ins: int
    reason: str  # as in the name: "", "daily", "before-restore", "before-upgrade-0002-to-0003", …
    kind: str  # backup_rotation.DAILY, BEFORE_RESTORE, BEFORE_UPGRADE, BEFORE_IMPORT or MANUAL
    ok: bool
    problem: str = ""  # why it is not ok, in words


# Checks already made in this process, by (path, size, modification time): a backup is
# never written again once named, so listing the folder twice checks each file once.
_checked: dict[tuple[str, int, int], tuple[int, int, str]] = {}


def _for_a_backup(message: str, path: Path) -> str:
    """inspect_file's words are about a journal; said of a backup, "restore it from a
    backup" would be no help."""
    message = message.replace(str(path), "This backup")
    return re.sub(r"\.?\s*Restore it from a backup \(runjournal restore FILE\);.*$", ".", message)


def _check(path: Path, size: int, mtime_ns: int) -> tuple[int, int, str]:
    key = (str(path), size, mtime_ns)
    if key not in _checked:
        try:
            report: FileReport = inspect_file(path, thorough=True)
        except JournalError as error:
            found = (0, 0, _for_a_backup(str(error), path))
        else:
            if report.is_new:
                found = (0, 0, "This backup is empty: it holds no journal.")
            elif report.problems:
                found = (report.runs, report.check_ins, f"It did not pass its check ({report.problems[0]}).")
            else:
                found = (report.runs, report.check_ins, "")
        _checked[key] = found
    return _checked[key]


def _named_backups(journal: Path) -> list[tuple[Path, BackupName]]:
    """The app's own backups of this journal, newest first (the name's time, then the file's)."""
    journal = Path(os.path.realpath(journal))  # named after the real file, as they were made
    try:
        folder = backups_folder(Path(journal))
    except JournalError as refused:
        _log.warning("%s", refused)
        return []
    try:
        files = [p for p in folder.iterdir() if not p.name.startswith(".")]
    except OSError:  # no backups folder yet, or it cannot be read
        return []
    named = [(p, n) for p in files if (n := parse_name(p.name, Path(journal).stem)) and p.is_file()]
    named.sort(key=lambda item: (item[1].made_at, _mtime(item[0]), item[0].name), reverse=True)
    return named


def _mtime(path: Path) -> int:
    """Orders two backups named within the same second: the one written last comes first."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _entry(path: Path, name: BackupName) -> BackupEntry | None:
    try:
        stat = path.stat()
    except OSError:  # deleted meanwhile
        return None
    runs, check_ins, problem = _check(path, stat.st_size, stat.st_mtime_ns)
    return BackupEntry(
        path=path,
        made_at=name.made_at,
        size=stat.st_size,
        runs=runs,
        check_ins=check_ins,
        reason=name.reason,
        kind=name.kind,
        ok=not problem,
        problem=problem,
    )


def backup_files(journal: Path) -> list[Path]:
    """The files of the app's own backups of `journal`, newest first, without checking them."""
    return [path for path, _name in _named_backups(journal)]


def list_backups(journal: Path) -> list[BackupEntry]:
    """Every backup of `journal` in its backups folder, newest first, each checked read-only.

    Damaged ones are listed too (not ok, with the problem): a person should see them.
    Files written elsewhere with `-o` are not in the folder, so not listed.
    """
    return [e for path, name in _named_backups(journal) if (e := _entry(path, name))]


def last_backup(journal: Path, now: datetime | None = None) -> BackupEntry | None:
    """The newest backup that passes its check; checks only as far back as needed.

    With `now`, a backup named with a later time (made while the clock was wrong) does not
    count, and the log says so: one such file must not stop the daily backups for good.
    """
    for path, name in _named_backups(journal):
        if now is not None and name.made_at > local_naive(now):
            _log.warning(
                "%s is dated in the future (%s); the daily backups go on as if it were not there. "
                "Check the computer's clock and date.",
                path.name,
                name.made_at,
            )
            continue
        entry = _entry(path, name)
        if entry is not None and entry.ok:
            return entry
    return None


def backup_due(journal: Path, now: datetime, max_age: timedelta = timedelta(days=1)) -> bool:
    """True when no good backup is younger than `max_age`."""
    last = last_backup(journal, now)
    return last is None or local_naive(now) - last.made_at > max_age


def _made_here(path: Path, journal: Path) -> bool:
    """Only a regular file of this user's, in the real backups folder, may be deleted: never a
    link (whatever it points to), a folder, or a file of someone else's."""
    if path.parent != backups_dir(Path(journal)):
        return False
    try:
        found = path.lstat()
    except OSError:
        return False
    if not stat.S_ISREG(found.st_mode):
        return False
    return not hasattr(os, "getuid") or found.st_uid == os.getuid()


def prune_backups(journal: Path, now: datetime) -> list[Path]:
    """Deletes the app's backups of `journal` that the rotation does not keep; returns them.

    Nothing is deleted unless a backup that stays has passed its check, so the only good
    copy is never the one to go. A file that cannot be deleted is left and not returned.
    """
    entries = list_backups(journal)
    kept = keep([(e.path, e.made_at) for e in entries], now, good=[e.path for e in entries if e.ok])
    if not any(e.ok and e.path in kept for e in entries):
        return []
    deleted: list[Path] = []
    for entry in entries:
        if entry.path in kept or not _made_here(entry.path, journal):
            continue
        try:
            entry.path.unlink()
        except OSError:
            continue
        deleted.append(entry.path)
    return deleted
