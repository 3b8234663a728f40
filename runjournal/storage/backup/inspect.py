"""Looking at a journal file without changing a byte of it.

Before anything writes to a file, these checks decide whether it is a RunJournal journal
at all, whether it is whole, and which schema it has. They open SQLite read-only, so a
file that is refused is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from runjournal.storage import encryption
from runjournal.storage.encryption import SQLITE_HEADER
from runjournal.storage.refusals import JournalError, NewerJournalError
from runjournal.storage.schema import HEAD, KNOWN_REVISIONS

__all__ = ["SQLITE_HEADER", "FileReport", "JournalError", "NewerJournalError", "inspect_file", "read_only"]


@dataclass(frozen=True)
class FileReport:
    """What a read-only look at a journal file found."""

    path: Path
    revision: str | None  # None for a brand-new, empty file
    runs: int = 0
    check_ins: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def is_new(self) -> bool:
        return self.revision is None

    @property
    def needs_upgrade(self) -> bool:
        return self.revision is not None and self.revision != HEAD


_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def _not_regular(path: Path, mode: int, what: str) -> JournalError:
    if stat.S_ISDIR(mode):
        return JournalError(f"{path} is a folder, not {what}. Give the path of {what}.")
    kind = next((name for test, name in _KINDS if test(mode)), "not a file")
    return JournalError(
        f"{path} is not a regular file (it is {kind}), so it cannot be {what}. Give the path of {what}."
    )


def refuse_unless_regular(path: Path, what: str = "a journal file") -> None:
    """Raises JournalError unless `path` is a regular file (a link to one is fine).

    Looks with stat only, so a named pipe or a device is refused without ever being
    opened: opening a pipe waits for a writer that never comes.
    """
    try:
        mode = os.stat(path).st_mode
    except PermissionError:
        raise JournalError(
            f"{path} cannot be read: permission denied. Check the file's permissions."
        ) from None
    except OSError as error:
        raise JournalError(f"{path} cannot be read: {error.strerror or error}.") from None
    if not stat.S_ISREG(mode):
        raise _not_regular(path, mode, what)


def _read_header(path: Path, what: str) -> bytes:
    """The file's first bytes, opened without waiting (a pipe swapped in after the check)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(path, mode, what)
        return os.read(descriptor, len(SQLITE_HEADER))
    finally:
        os.close(descriptor)


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file, and leaves no -wal/-shm litter beside it.

    With no write-ahead log beside the file, everything is in the file itself, and
    `immutable` reads it without creating the -shm index a read-only WAL reader needs.
    A file locked with a passphrase is opened with the passphrase typed in this process
    (storage.encryption); without one it is refused with a sentence.
    """
    query = "mode=ro" if Path(f"{path}-wal").exists() else "mode=ro&immutable=1"
    if encryption.is_encrypted(path):
        connection: sqlite3.Connection = encryption.open_with_known(path, query=query)
        return connection
    return sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True)


def _database_errors() -> tuple[type[BaseException], ...]:
    import sys

    if "sqlcipher3" not in sys.modules:  # no encrypted file was opened: only sqlite3's errors
        return (sqlite3.DatabaseError,)
    return encryption.database_errors()


def inspect_file(
    path: Path, *, thorough: bool = False, what: str = "a journal file", integrity: bool = True
) -> FileReport:
    """Checks `path` is a usable journal, read-only; raises JournalError if not.

    `thorough` runs SQLite's full integrity check instead of the quick one; `what` names
    the file in the sentence refusing anything that is not a regular file; `integrity=False`
    leaves SQLite's check out (for a file whose check has just passed: `early_check`).
    """
    refuse_unless_regular(path, what)
    try:
        header = _read_header(path, what)
    except PermissionError:
        raise JournalError(
            f"{path} cannot be read: permission denied. Check the file's permissions."
        ) from None
    except OSError as error:
        raise JournalError(f"{path} cannot be read: {error.strerror or error}.") from None
    if not header:
        return FileReport(path, revision=None)
    if header != SQLITE_HEADER and not encryption.is_encrypted(path):
        raise JournalError(
            f"{path} is not a RunJournal journal (it is not a database file). "
            "Check the path; the file was not changed."
        )
    try:
        with closing(read_only(path)) as db:
            check = "integrity_check" if thorough else "quick_check"
            problems = [row[0] for row in db.execute(f"PRAGMA {check}").fetchall()] if integrity else ["ok"]
            if problems != ["ok"]:
                raise JournalError(
                    f"{path} is damaged ({problems[0]}). Restore it from a backup "
                    "(runjournal restore FILE); the damaged file was not changed."
                )
            names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            names = {n for n in names if not n.startswith("sqlite_")}
            if not names:
                return FileReport(path, revision=None)
            if "alembic_version" not in names or "runs" not in names:
                raise JournalError(
                    f"{path} is a database, but not a RunJournal journal. "
                    "Check the path; the file was not changed."
                )
            row = db.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
            if revision not in KNOWN_REVISIONS:
                raise NewerJournalError(
                    f"{path} was written by a newer version of RunJournal (schema {revision}); "
                    f"this version knows schemas up to {HEAD}. Install the newer RunJournal to "
                    "open it; the file was not changed."
                )
            runs = db.execute("SELECT count(*) FROM runs").fetchone()[0]
            check_ins = (
                db.execute("SELECT count(*) FROM check_ins").fetchone()[0] if "check_ins" in names else 0
            )
            fk_problems = db.execute("PRAGMA foreign_key_check").fetchall() if thorough else []
    except _database_errors() as error:
        raise JournalError(
            f"{path} is damaged or not a journal ({error}). Restore it from a backup "
            "(runjournal restore FILE); the file was not changed."
        ) from None
    return FileReport(
        path,
        revision=revision,
        runs=runs,
        check_ins=check_ins,
        problems=[f"foreign key problem in {row[0]}" for row in fk_problems],
    )


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    problems: list[str]
    runs: int
    check_ins: int
    revision: str | None


def check_journal(path: Path) -> CheckReport:
    """A full integrity check that only reads, so a damaged journal stays as it is."""
    try:
        report = inspect_file(Path(path), thorough=True)
    except JournalError as error:
        return CheckReport(False, [str(error)], 0, 0, None)
    return CheckReport(not report.problems, report.problems, report.runs, report.check_ins, report.revision)
