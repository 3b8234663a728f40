"""Storage failures in words a person understands.

SQLite reports a full disk as "(sqlite3.OperationalError) database or disk is full [SQL: …]",
which tells a person neither what happened to their entry nor what to do. Every failure
of the journal's file is turned into a StorageError whose message says both: what went
wrong, that nothing was saved (the transaction was rolled back), and the next step.
"""

from __future__ import annotations

import logging
import sqlite3

from runjournal.storage.backup.inspect import JournalError

# SQLite's primary result codes (https://www.sqlite.org/rescode.html).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

KEPT = " — what you typed is still here."  # the window keeps the form; a command line has none
SAVE_AGAIN = "save again" + KEPT

DISK_FULL = "The disk is full, so this was not saved. Free some space, then " + SAVE_AGAIN
READ_ONLY = (
    "Your journal's folder is read-only, so this was not saved. Check that the disk is not locked "
    "or mounted read-only and that you may write to the journal's folder, then " + SAVE_AGAIN
)
BUSY = (
    "Another program is using the journal, so this was not saved. Close any other RunJournal "
    "window or program that has the journal open, then " + SAVE_AGAIN
)
DISK_ERROR = (
    "The journal could not be written (disk error), so this was not saved. Make a copy with "
    "File → Back Up Now (runjournal backup), then check the journal with runjournal check" + KEPT
)
CANNOT_OPEN = (
    "The journal's file could not be reached (was its disk removed?), so this was not saved. "
    "Reconnect the disk, then " + SAVE_AGAIN
)

READ_BUSY = (
    "Another program is using the journal, so it could not be read just now. Close any other "
    "RunJournal window or program that has the journal open, then try again."
)
READ_DISK_ERROR = (
    "The journal could not be read (disk error). Make a copy with File → Back Up Now "
    "(runjournal backup), then check the journal with runjournal check."
)
READ_DISK_FULL = "The disk is full, so the journal could not be read. Free some space, then try again."
READ_READ_ONLY = (
    "Your journal's folder is read-only, and RunJournal needs to write beside the journal even to "
    "read it. Check that you may write to the journal's folder, then try again."
)
READ_CANNOT_OPEN = (
    "The journal's file could not be reached (was its disk removed?). Reconnect the disk, then try again."
)


REFUSED = (
    "The journal refused this change, so it was not saved. Check the journal with runjournal check, "
    "and restore a backup if it is damaged" + KEPT
)
READ_REFUSED = (
    "The journal could not be read just now. Check it with runjournal check, "
    "and restore a backup if it is damaged."
)

_log = logging.getLogger(__name__)


class StorageError(JournalError):
    """A read or write of the journal's file failed; the message says what to do.

    A write that raises it changed nothing: its transaction was rolled back.
    """

    @property
    def for_terminal(self) -> str:
        """The same sentence for the command line, where there is no form that kept the input."""
        text = str(self)
        if text.endswith(SAVE_AGAIN):
            return text.removesuffix(SAVE_AGAIN) + "run the command again."
        return text.removesuffix(KEPT) + "." if text.endswith(KEPT) else text


def _sqlite_error(error: BaseException) -> sqlite3.Error | None:
    """The driver's own error behind SQLAlchemy's wrapper (or `error` itself)."""
    original = getattr(error, "orig", error)
    return original if isinstance(original, sqlite3.Error) else None


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF  # extended codes carry the primary code in their low byte
    text = str(error).lower()  # older Pythons: only the message says which failure it was
    for needle, primary in (
        ("disk is full", SQLITE_FULL),
        ("readonly database", SQLITE_READONLY),
        ("database is locked", SQLITE_BUSY),
        ("database table is locked", SQLITE_LOCKED),
        ("disk i/o error", SQLITE_IOERR),
        ("malformed", SQLITE_CORRUPT),
        ("not a database", SQLITE_NOTADB),
        ("unable to open", SQLITE_CANTOPEN),
    ):
        if needle in text:
            return primary
    return None


def plain_message(error: BaseException, *, write: bool = True) -> str | None:
    """The sentence for a person about a failed read or write, or None when `error` is not
    a failure of the journal's file (a bug, say, which should surface as it is)."""
    original = _sqlite_error(error)
    if original is None:
        return None
    code = _primary_code(original)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return BUSY if write else READ_BUSY
    if code in (SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_NOTADB):
        return DISK_ERROR if write else READ_DISK_ERROR
    if code == SQLITE_CANTOPEN:
        return CANNOT_OPEN if write else READ_CANNOT_OPEN
    if code == SQLITE_FULL:
        return DISK_FULL if write else READ_DISK_FULL
    if code == SQLITE_READONLY:
        return READ_ONLY if write else READ_READ_ONLY
    return None


def storage_error(error: BaseException, *, write: bool = True) -> StorageError | None:
    """A StorageError standing for `error`, or None when it is not a storage failure."""
    if isinstance(error, StorageError):
        return error
    message = plain_message(error, write=write)
    return None if message is None else StorageError(message)


def private_storage_error(error: BaseException, *, write: bool = True) -> StorageError:
    """Like `storage_error`, for any failure of the database: one that is not the file's
    (a constraint, a bug) gets a general sentence too, never the statement or its values,
    which hold what the person wrote. The failure itself goes to the log (statement
    parameters are hidden there too, see `database.make_engine`)."""
    translated = storage_error(error, write=write)
    if translated is not None:
        return translated
    _log.error("A %s of the journal failed", "write" if write else "read", exc_info=error)
    return StorageError(REFUSED if write else READ_REFUSED)


__all__ = ["StorageError", "plain_message", "private_storage_error", "storage_error"]
