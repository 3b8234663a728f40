"""Restoring builds a fresh journal from a backup's rows, through the app's own schema.

A backup is a file from outside: it may have been edited, damaged, or made to do harm.
So nothing of its schema is ever adopted: no trigger, view, index, column default or
schema version of it reaches the journal. Instead:

1. a new, empty journal is made beside the target with this version's own migrations,
   up to the backup's revision (so an older backup's rows fit as they are);
2. the rows of the tables that revision knows are copied column by column from the
   backup, opened read-only; a table or column the app needs and the backup lacks
   refuses the backup, naming it;
3. this version's migrations bring the copy up to date;
4. the copy is proved: SQLite's integrity and foreign key checks, the same number of
   rows as in the backup, table by table, and every entry read back by the app;
5. only then does `swap_into_place` put it where the journal was, in one rename.

Any failure before the rename leaves the journal exactly as it was.
"""

from __future__ import annotations

import logging
import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from runjournal.storage.backup.inspect import FileReport, JournalError, inspect_file, read_only
from runjournal.storage.schema import HEAD, KNOWN_REVISIONS

_log = logging.getLogger(__name__)

BATCH = 500  # rows read from the backup at a time
VERSION_TABLE = "alembic_version"


@dataclass(frozen=True)
class Rebuilt:
    """A proved journal under a hidden name beside the journal, ready to take its place."""

    path: Path
    report: FileReport
    rows: dict[str, int]


def _refused(backup: Path, why: str) -> JournalError:
    return JournalError(f"The backup {backup.name} cannot be restored: {why}. Nothing was changed.")


def _tables(db: sqlite3.Connection) -> set[str]:
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows if not name.startswith("sqlite_")}


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]


def _rows(source: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[list[tuple[object, ...]]]:
    listed = ", ".join(f'"{c}"' for c in columns)
    cursor = source.execute(f'SELECT {listed} FROM "{table}"')
    while batch := cursor.fetchmany(BATCH):
        yield batch


def _copy_rows(backup: Path, source: sqlite3.Connection, target: Path) -> dict[str, int]:
    """Copies every row of the tables `target` has (at the backup's revision) from `source`."""
    copied: dict[str, int] = {}
    with closing(writable(target)) as fresh:
        fresh.execute("PRAGMA foreign_keys = OFF")  # checked as a whole once every table is in
        wanted = sorted(_tables(fresh) - {VERSION_TABLE})
        present = _tables(source)
        fresh.execute("BEGIN IMMEDIATE")
        try:
            for table in wanted:
                if table not in present:
                    raise _refused(backup, f"it has no {table} table")
                columns = _columns(fresh, table)
                missing = [c for c in columns if c not in set(_columns(source, table))]
                if missing:
                    raise _refused(backup, f"its {table} table has no {missing[0]} column")
                marks = ", ".join("?" for _ in columns)
                listed = ", ".join(f'"{c}"' for c in columns)
                count = 0
                for batch in _rows(source, table, columns):
                    fresh.executemany(f'INSERT INTO "{table}" ({listed}) VALUES ({marks})', batch)
                    count += len(batch)
                copied[table] = count
            fresh.execute("COMMIT")
        except BaseException:
            fresh.execute("ROLLBACK")
            raise
    return copied


def _migrate(path: Path, revision: str) -> None:
    from runjournal.storage import migrate
    from runjournal.storage.database import make_engine

    engine = make_engine(path)
    try:
        migrate.upgrade(engine, revision)
    finally:
        engine.dispose()


def _source_rows(source: sqlite3.Connection, tables: dict[str, int]) -> dict[str, int]:
    return {table: source.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


def _read_back(path: Path) -> None:
    """Reads every entry as the app does, so a value the app cannot read refuses the backup now."""
    from runjournal.storage.database import make_engine
    from runjournal.storage.unit_of_work import UnitOfWork

    engine = make_engine(path)
    try:
        with UnitOfWork(engine) as uow:
            uow.runs.between(None, None)
            uow.check_ins.between(None, None)
            uow.settings.load()
            uow.coach_choices.all()
    finally:
        engine.dispose()


def _prove(backup: Path, path: Path, source_rows: dict[str, int]) -> FileReport:
    report = inspect_file(path, thorough=True)
    if report.revision != HEAD or report.problems:
        problem = report.problems[0] if report.problems else f"it ended at schema {report.revision}"
        raise _refused(backup, f"the restored copy did not pass its check ({problem})")
    with closing(read_only(path)) as db:
        for table, expected in source_rows.items():
            found = db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            if found != expected:
                raise _refused(backup, f"{expected} rows of {table} were read but {found} arrived")
    try:
        _read_back(path)
    except (JournalError, ValueError, TypeError, KeyError) as error:
        _log.error("A restored copy of %s could not be read back", backup.name, exc_info=error)
        raise _refused(backup, "some of its entries cannot be read by RunJournal") from None
    return report


def writable(path: Path) -> sqlite3.Connection:
    """A connection that writes to `path`, through SQLCipher when the file is locked."""
    from runjournal.storage import encryption

    if encryption.is_encrypted(path):
        connection: sqlite3.Connection = encryption.open_with_known(path)
        return connection
    return sqlite3.connect(path, isolation_level=None)


def _lock_like(backup: Path, beside: Path) -> str | None:
    """The passphrase the restored journal is locked with: the backup's when it has one, else
    the journal's own when a passphrase typed here opens it, so restoring never leaves a
    locked journal readable. A journal nothing opens (noise in its place) is not asked about."""
    from runjournal.storage import encryption

    if encryption.is_encrypted(backup):
        return encryption.passphrase_for(backup)
    if beside.exists() and encryption.is_encrypted(beside):
        try:
            return encryption.passphrase_for(beside)
        except JournalError:
            return None
    return None


def _start_locked(path: Path, passphrase: str) -> None:
    """Gives the empty new file its key: from its first page on, nothing in it is readable."""
    from runjournal.storage import encryption

    with closing(encryption.connect(path, passphrase, check=False)) as fresh:
        fresh.execute("CREATE TABLE keyed (x)")
        fresh.execute("DROP TABLE keyed")


def _private_new_file(folder: Path, stem: str) -> Path:
    path = folder / f".{stem}.{secrets.token_hex(4)}.restoring"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)
    return path


def rebuild_from_backup(backup: Path, beside: Path) -> Rebuilt:
    """A fresh, proved journal holding `backup`'s rows, under a hidden name beside `beside`.

    Raises JournalError (saying why, and that nothing was changed) when the backup cannot
    be used; nothing is then left behind.
    """
    from runjournal.storage.database import remove_with_sidecars

    backup = Path(backup)
    checked = inspect_file(backup, thorough=True, what="a backup")
    if checked.is_new:
        raise _refused(backup, "it holds no journal")
    if checked.problems:
        raise _refused(backup, f"it did not pass its check ({checked.problems[0]})")
    revision = checked.revision
    assert revision in KNOWN_REVISIONS  # inspect_file refused any other
    passphrase = _lock_like(backup, beside)
    try:
        fresh = _private_new_file(beside.parent, beside.name)
    except OSError as error:
        raise _refused(
            backup, f"no new file can be made beside the journal ({error.strerror or error})"
        ) from None
    try:
        if passphrase is not None:
            _start_locked(fresh, passphrase)
        _migrate(fresh, revision)
        with closing(read_only(backup)) as source:
            source.execute("PRAGMA trusted_schema = OFF")
            copied = _copy_rows(backup, source, fresh)
            expected = _source_rows(source, copied)
        _migrate(fresh, HEAD)
        report = _prove(backup, fresh, expected)
    except JournalError:
        remove_with_sidecars(fresh)
        raise
    except BaseException as error:
        remove_with_sidecars(fresh)
        if not isinstance(error, Exception):
            raise
        _log.error("Restoring from %s failed", backup.name, exc_info=error)
        raise _refused(backup, _reason(error)) from None
    return Rebuilt(fresh, report, copied)


def _reason(error: BaseException) -> str:
    from runjournal.storage.errors import plain_message

    sentence = plain_message(error)
    if sentence is not None:
        return sentence.split(",")[0].lower()
    if isinstance(error, OSError):
        return str(error.strerror or error)
    from runjournal.storage.encryption import database_errors

    original = getattr(error, "orig", None)
    if isinstance(original, database_errors()):
        return f"its rows do not fit this version's journal ({original})"
    if isinstance(error, database_errors()):
        return f"its rows do not fit this version's journal ({error})"
    return f"it could not be brought up to date ({error})"
