"""Opening a journal: check it read-only, copy it before a migration, then connect.

The order matters for "never lose an entry": nothing writes to a file until it has been
recognised as a whole RunJournal journal of a schema this version knows, and a journal
is copied aside before any migration touches it.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from runjournal.paths import make_private_dir
from runjournal.storage.backup.inspect import FileReport, JournalError, inspect_file
from runjournal.storage.schema import HEAD


@dataclass
class Database:
    path: Path
    engine: Engine
    upgrade_copy: Path | None = None  # the copy taken before a migration, if one ran

    def close(self) -> None:
        self.engine.dispose()


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


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _check_writable(path: Path) -> None:
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise JournalError(
            f"{path} is read-only: RunJournal needs to write to the journal and its folder. "
            "Check their permissions, or copy the journal somewhere you can write."
        )


def open_database(path: Path, *, create: bool = True) -> Database:
    """Opens (or, with `create`, starts) the journal at `path`, migrating it if needed.

    Raises JournalError with a message for a person when the file cannot be used;
    the file is then left byte for byte as it was.
    """
    path = Path(path)
    if not path.exists():
        if not create:
            raise JournalError(f"There is no journal at {path}.")
        try:
            _create_private_file(path)
        except OSError as error:
            raise JournalError(f"A journal cannot be created at {path}: {error.strerror or error}.") from None
    report = inspect_file(path)
    _check_writable(path)
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
    return Database(path=path, engine=engine, upgrade_copy=upgrade_copy)


def _migrate(engine: Engine, report: FileReport) -> None:
    from runjournal.storage.migrate import upgrade

    try:
        upgrade(engine)
    except Exception as error:  # the migration rolled back; say so in words
        raise JournalError(
            f"{report.path} could not be brought up to date ({error}). It was left as it was"
            + ("." if report.is_new else "; a copy was also kept in the backups folder.")
        ) from error
