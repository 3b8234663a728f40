"""Opening a journal: check it read-only, copy it before a migration, then connect.

The order matters for "never lose an entry": nothing writes to a file until it has been
recognised as a whole RunJournal journal of a schema this version knows, and a journal
is copied aside before any migration touches it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from runjournal.paths import make_private_dir
from runjournal.storage import early_check
from runjournal.storage.backup.inspect import FileReport, JournalError, inspect_file, refuse_unless_regular
from runjournal.storage.durability import fsync_file, fsync_folder
from runjournal.storage.journal_lock import WriterLock, lock_for_writing, real_path
from runjournal.storage.schema import HEAD

_log = logging.getLogger(__name__)

SIDECARS = ("-wal", "-shm", "-journal")  # SQLite's files beside a database


@dataclass
class Database:
    path: Path  # the real file: links followed
    engine: Engine
    upgrade_copy: Path | None = None  # the copy taken before a migration, if one ran
    lock: WriterLock | None = None  # this process's claim to write; None when only reading

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


def _create_private_file(path: Path) -> None:
    """Creates an empty file readable by its owner only, from the first byte on."""
    make_private_dir(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # The driver's own transaction handling is switched off; the "begin" hook below
    # starts transactions itself, so a writer can take the lock up front.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA journal_mode = WAL")  # kept in the file; a no-op once set
    dbapi_connection.execute("PRAGMA foreign_keys = ON")
    dbapi_connection.execute("PRAGMA synchronous = FULL")
    dbapi_connection.execute("PRAGMA busy_timeout = 5000")


def _on_begin(connection: Any) -> None:
    write = connection.info.get("write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(path: Path, passphrase: str | None = None) -> Engine:
    """An engine on exactly the file `path`: never pasted into a URL string, where `?`, `#`
    or `%20` would change which file is meant. Statement parameters (entries' text) are
    kept out of every error message.

    A journal locked with a passphrase (storage.encryption) is opened through SQLCipher
    with `passphrase`, else with the passphrase typed in this process that opens it.
    """
    from runjournal.storage import encryption

    if passphrase is None and encryption.is_encrypted(path):
        passphrase = encryption.passphrase_for(path)
    if passphrase is None:
        url = URL.create("sqlite", database=os.fspath(path))
        engine = create_engine(url, hide_parameters=True)
    else:
        key = passphrase
        module = encryption.cipher_module()
        engine = create_engine(
            URL.create("sqlite"),
            module=module,
            creator=lambda: encryption.connect(path, key),
            # The URL names no file, which would make SQLAlchemy share one connection per
            # thread as for a memory database; a file gets a pool like a plain journal's.
            poolclass=QueuePool,
            hide_parameters=True,
        )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _check_writable(path: Path) -> None:
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise JournalError(
            f"{path} is read-only: RunJournal needs to write to the journal and its folder. "
            "Check their permissions, or copy the journal somewhere you can write."
        )


def open_database(
    path: Path, *, create: bool = True, write: bool = True, passphrase: str | None = None
) -> Database:
    """Opens (or, with `create`, starts) the journal at `path`, migrating it if needed.

    A journal locked with a passphrase needs `passphrase` (or one typed earlier in this
    process): PassphraseNeeded or WrongPassphrase (both JournalErrors) otherwise, with the
    file untouched. The passphrase is then remembered in memory for the journal's backups.

    The journal is its real file (links followed); with `write`, this process claims it
    (journal_lock) so no other process writes to it under any name meanwhile.
    Raises JournalError with a message for a person when the file cannot be used;
    the file is then left byte for byte as it was.
    """
    path = real_path(path)
    if passphrase is not None:
        from runjournal.storage import encryption

        encryption.remember(passphrase)
        if path.exists() and encryption.is_encrypted(path):
            try:
                encryption.connect(path, passphrase, query="mode=ro").close()  # a wrong one changes nothing
            except JournalError:
                encryption.forget(passphrase)
                raise
    if not path.exists():
        if not create:
            raise JournalError(f"There is no journal at {path}.")
        _create_journal(path)
    refuse_unless_regular(path, "a journal file")
    lock = lock_for_writing(path) if write else None
    try:
        return _open_claimed(path, lock)
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _open_claimed(path: Path, lock: WriterLock | None) -> Database:
    report = _checked(path)
    _check_writable(path)
    migration_lock = None
    if lock is None and (report.is_new or report.needs_upgrade):
        # Even a reader writes when the journal must be brought up to date: claim it for that.
        migration_lock = lock_for_writing(path)
        report = inspect_file(path)  # another writer may have brought it up to date meanwhile
    engine: Engine | None = None
    try:
        upgrade_copy = None
        if report.needs_upgrade:
            from runjournal.storage.backup.backup import copy_journal

            upgrade_copy = copy_journal(path, reason=f"before-upgrade-{report.revision}-to-{HEAD}")
        engine = make_engine(path)
        try:
            if report.is_new or report.needs_upgrade:
                _migrate(engine, report)
        except Exception:
            engine.dispose()
            raise
    finally:
        if migration_lock is not None:
            if engine is not None:
                engine.dispose()  # its connections let go of the file before the claim does
            migration_lock.release()
    assert engine is not None
    return Database(path=path, engine=engine, upgrade_copy=upgrade_copy, lock=lock)


def _checked(path: Path) -> FileReport:
    """`inspect_file(path)`, taking the finding of a quick check already run (early_check)."""
    early = early_check.take(path)
    if early is None:
        return inspect_file(path)
    report = inspect_file(path, integrity=False)  # the schema again, now that the file is ours
    return report if report.revision == early.revision else inspect_file(path)


def remove_with_sidecars(path: Path) -> None:
    for extra in ("", *SIDECARS):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def _create_journal(path: Path) -> None:
    """Starts a journal beside `path` under a hidden name and gives it its name only once
    it is whole, so a full disk or a failing write never leaves an empty journal behind."""
    try:
        make_private_dir(path.parent)
    except OSError as error:
        raise JournalError(f"A journal cannot be created at {path}: {error.strerror or error}.") from None
    import secrets  # only a new journal needs it

    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.creating")
    try:
        _create_private_file(temporary)
        engine = make_engine(temporary)
        try:
            _migrate(engine, FileReport(path, revision=None))
        finally:
            engine.dispose()
        fsync_file(temporary)
        _link_into_place(temporary, path)
        fsync_folder(path.parent)
    except OSError as error:
        raise JournalError(f"A journal cannot be created at {path}: {error.strerror or error}.") from None
    finally:
        remove_with_sidecars(temporary)


def _link_into_place(made: Path, path: Path) -> None:
    """Gives `made` the name `path` unless a journal appeared there meanwhile (then that one is used)."""
    try:
        os.link(made, path)
    except FileExistsError:
        return
    except OSError:  # a filesystem without hard links
        if not path.exists():
            os.replace(made, path)


def _migrate(engine: Engine, report: FileReport) -> None:
    from runjournal.storage.migrate import upgrade

    try:
        upgrade(engine)
    except Exception as error:  # the migration rolled back; say so in words
        _log.error("Bringing %s up to date failed", report.path, exc_info=error)
        if report.is_new:
            raise JournalError(
                f"A journal cannot be created at {report.path} ({_reason(error)}). Nothing was written."
            ) from error
        raise JournalError(
            f"{report.path} could not be brought up to date ({_reason(error)}). It was left as it was"
            + ("." if report.is_new else "; a copy was also kept in the backups folder.")
        ) from error


def _reason(error: BaseException) -> str:
    """What went wrong, without the statement that failed (the driver's own words)."""
    from runjournal.storage.errors import plain_message

    sentence = plain_message(error)
    if sentence is not None:
        return sentence.split(",")[0].lower()
    return str(getattr(error, "orig", None) or error)
