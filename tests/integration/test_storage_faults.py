"""A full disk, read-only storage and a journal held by another program, at the Journal's door.

Each write must fail with a StorageError whose message a person can act on, leave no part
of the entry behind (a many-row write that fails half way leaves none of its rows), and
leave the journal readable and whole.

How the faults are made here (the tests run as root, where chmod stops no write, and no
tiny filesystem can be mounted):
- a full disk: SQLite's `max_page_count` capped at the journal's current size on the
  journal's own connections, so any write that needs one more page fails exactly as on a
  full disk (SQLITE_FULL). A write that fits in space already inside the file still
  succeeds, as it would on a real full disk; the entries below are sized to need a page.
- read-only storage: `query_only` on the journal's connections, which fails every write
  with the same error a read-only file or folder gives (SQLITE_READONLY); where the tests
  do not run as root, a real read-only file is tried as well.
- another program: a second connection holding SQLite's write lock.
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from runjournal.domain.model import CheckIn, Run, Settings, Source
from runjournal.formats.importers import FileResult
from runjournal.service.journal import Journal
from runjournal.storage import errors
from runjournal.storage.errors import StorageError, plain_message

DAY = date(2026, 11, 3)
LONG_NOTE = "A long, happy note about the run. " * 150  # ≈ 5 kB: more than one page


def limit_connections(journal: Journal, **pragmas: object) -> None:
    """Applies `pragmas` to every connection the journal opens from now on.

    `max_page_count="current"` caps the journal at the size it has now.
    """
    engine = journal._db.engine

    def apply(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        for name, value in pragmas.items():
            if value == "current":
                value = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA {name} = {value}")

    event.listen(engine, "connect", apply)
    engine.dispose()  # connections already open would not have the limit


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def a_run(minutes: float = 30, note: str = "", day: date = DAY) -> Run:
    return Run(day=day, duration_s=minutes * 60, distance_m=5000, effort=4, note=note)


def an_import(journal: Journal, runs: int, size: int = 10_000):
    """The plan for importing one file of `runs` outings (the file's bytes are kept too)."""
    data = random.Random(runs).randbytes(size)  # files are kept compressed: these do not shrink
    digest = hashlib.sha256(data).hexdigest()
    outings = tuple(
        Run(
            day=DAY - timedelta(days=i),
            started_at=datetime.combine(DAY - timedelta(days=i), time(7, 0), UTC),
            utc_offset_min=60,
            duration_s=1800 + i,
            distance_m=5000,
            source=Source.FIT,
            content_hash=f"{digest}:{i}" if runs > 1 else digest,
        )
        for i in range(runs)
    )
    plan = journal.plan_import([FileResult(path=Path("watch.fit"), kind="fit", runs=outings, data=data)])
    assert len(plan.new_runs) == runs
    return plan


@pytest.fixture
def filled(journal: Journal) -> Journal:
    journal.add_entries(
        [a_run(20 + i, day=DAY - timedelta(days=i)) for i in range(5)],
        [CheckIn(day=DAY - timedelta(days=i), mood=6) for i in range(5)],
    )
    return journal


def snapshot(journal: Journal) -> tuple:
    return journal.counts(), journal.runs(), journal.check_ins(), journal.settings(), journal.source_files()


# A full disk ----------------------------------------------------------------------------


FULL_WRITES = {
    "log_run": lambda j: j.log_run(a_run(note=LONG_NOTE)),
    "save_check_in": lambda j: j.save_check_in(CheckIn(day=DAY + timedelta(days=1), mood=7, note=LONG_NOTE)),
    "store_import": lambda j: j.store_import(an_import(j, runs=3)),
}


@pytest.mark.parametrize("write", ["log_run", "save_check_in", "store_import"])
def test_a_full_disk_says_so_plainly_and_stores_nothing(filled: Journal, write: str) -> None:
    before = snapshot(filled)
    limit_connections(filled, max_page_count="current")

    with pytest.raises(StorageError) as raised:
        FULL_WRITES[write](filled)

    assert str(raised.value) == errors.DISK_FULL
    assert "sqlite" not in str(raised.value).lower() and "SQL" not in str(raised.value)
    assert snapshot(filled) == before  # reading still works, and nothing partial is there
    assert integrity(filled.path) == "ok"


def test_many_runs_that_fill_the_disk_half_way_leave_none_of_them(filled: Journal) -> None:
    limit_connections(filled, max_page_count="current")
    filled.log_run(a_run(31))  # a small entry still fits in the file's free space…
    before = snapshot(filled)

    # …and so do the first of these, but not all 100: the batch must leave none behind.
    with pytest.raises(StorageError, match="The disk is full"):
        filled.add_entries([a_run(10 + i, day=DAY - timedelta(days=i % 300)) for i in range(100)], [])

    assert snapshot(filled) == before
    assert integrity(filled.path) == "ok"


def test_a_large_import_that_fills_the_disk_leaves_none_of_its_runs(filled: Journal) -> None:
    plan = an_import(filled, runs=100, size=256)
    before = snapshot(filled)
    limit_connections(filled, max_page_count="current")

    with pytest.raises(StorageError, match="The disk is full"):
        filled.store_import(plan)

    assert snapshot(filled) == before
    assert integrity(filled.path) == "ok"


def test_after_space_is_freed_the_same_entry_saves(filled: Journal) -> None:
    limit_connections(filled, max_page_count="current")
    run = a_run(note=LONG_NOTE)
    with pytest.raises(StorageError):
        filled.log_run(run)

    limit_connections(filled, max_page_count=1_000_000)  # space freed
    stored = filled.log_run(run)

    assert stored.id is not None
    assert filled.run(stored.id) == stored


# Read-only storage ----------------------------------------------------------------------

SMALL_WRITES = {
    "log_run": lambda j: j.log_run(a_run(33)),
    "save_check_in": lambda j: j.save_check_in(CheckIn(day=DAY, mood=2)),
    "store_import": lambda j: j.store_import(an_import(j, runs=1, size=256)),
    "save_settings": lambda j: j.save_settings(Settings(weekly_minutes_goal=90)),
    "delete_run": lambda j: j.delete_run(j.runs()[0].id),
}


@pytest.mark.parametrize("write", sorted(SMALL_WRITES))
def test_read_only_storage_says_so_plainly_and_changes_nothing(filled: Journal, write: str) -> None:
    before = snapshot(filled)
    limit_connections(filled, query_only=1)

    with pytest.raises(StorageError) as raised:
        SMALL_WRITES[write](filled)

    assert str(raised.value) == errors.READ_ONLY
    assert snapshot(filled) == before
    assert integrity(filled.path) == "ok"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_journal_file_says_so_plainly(filled: Journal) -> None:
    before = snapshot(filled)
    filled._db.engine.dispose()
    filled.path.chmod(0o400)
    try:
        with pytest.raises(StorageError) as raised:
            filled.log_run(a_run(34))
        assert str(raised.value) == errors.READ_ONLY
        assert snapshot(filled) == before
    finally:
        filled.path.chmod(0o600)


# Another program holding the journal ----------------------------------------------------


def test_a_journal_held_by_another_program_says_so_and_stores_nothing(filled: Journal) -> None:
    before = snapshot(filled)
    limit_connections(filled, busy_timeout=50)
    other = sqlite3.connect(filled.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StorageError) as raised:
            filled.save_settings(Settings(weekly_minutes_goal=90))
        assert str(raised.value) == errors.BUSY
        assert snapshot(filled) == before  # reading still works while the other program writes
    finally:
        other.execute("ROLLBACK")
        other.close()
    filled.save_settings(Settings(weekly_minutes_goal=90))  # and writing once it lets go
    assert filled.settings().weekly_minutes_goal == 90


# The sentences --------------------------------------------------------------------------


def _error(cls: type[sqlite3.Error], text: str, code: int) -> sqlite3.Error:
    error = cls(text)
    error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (_error(sqlite3.OperationalError, "database or disk is full", 13), errors.DISK_FULL),
        (_error(sqlite3.OperationalError, "attempt to write a readonly database", 8), errors.READ_ONLY),
        (
            _error(sqlite3.OperationalError, "attempt to write a readonly database", 8 | (5 << 8)),
            errors.READ_ONLY,
        ),
        (_error(sqlite3.OperationalError, "database is locked", 5), errors.BUSY),
        (_error(sqlite3.OperationalError, "disk I/O error", 10 | (3 << 8)), errors.DISK_ERROR),
        (_error(sqlite3.DatabaseError, "database disk image is malformed", 11), errors.DISK_ERROR),
        (sqlite3.OperationalError("database or disk is full"), errors.DISK_FULL),  # no code: the words
        (
            _error(sqlite3.IntegrityError, "UNIQUE constraint failed: runs.id", 19),
            None,
        ),  # a bug, not the disk
        (ValueError("not from SQLite"), None),
    ],
)
def test_every_storage_failure_has_a_sentence_that_says_what_to_do(
    error: Exception, message: str | None
) -> None:
    assert plain_message(error) == message


def test_every_sentence_says_nothing_was_saved_and_what_to_do() -> None:
    for sentence in (errors.DISK_FULL, errors.READ_ONLY, errors.BUSY, errors.DISK_ERROR, errors.CANNOT_OPEN):
        assert "not saved" in sentence
        assert "still here" in sentence  # what was typed is not lost


@pytest.mark.parametrize(
    "message", [errors.DISK_FULL, errors.READ_ONLY, errors.BUSY, errors.DISK_ERROR, errors.CANNOT_OPEN]
)
def test_the_command_line_says_a_failed_save_without_the_window_s_words(message: str) -> None:
    failed = errors.StorageError(message)
    assert "what you typed" in str(failed)  # the window keeps the form filled in
    terminal = failed.for_terminal
    assert "what you typed" not in terminal and terminal.endswith(".")
    assert terminal.split(",")[0] == message.split(",")[0]  # the same cause, first


# Entries stay private when a write fails ---------------------------------------------------

SECRET = "my-private-note-5b0e1c"


def _refusing_trigger(path: Path) -> None:
    """Makes the journal refuse every new run, as a write failure the app does not expect."""
    import sqlite3 as raw

    with raw.connect(path) as db:
        db.execute("CREATE TRIGGER refuse BEFORE INSERT ON runs BEGIN SELECT RAISE(ABORT, 'refused'); END")


def test_a_failed_write_never_shows_the_entry_in_its_message(journal_path: Path) -> None:
    Journal.open(journal_path).close()
    _refusing_trigger(journal_path)
    with Journal.open(journal_path) as journal:
        with pytest.raises(StorageError) as failed:
            journal.log_run(Run(day=DAY, duration_s=600, note=SECRET, title=SECRET))
        message = str(failed.value)
        assert SECRET not in message and "INSERT" not in message and "[SQL" not in message
        assert "not saved" in message
        assert journal.runs() == []


def test_a_failed_write_on_the_command_line_says_one_sentence_without_the_note(
    journal_path: Path, capsys
) -> None:
    from runjournal.cli import main

    Journal.open(journal_path).close()
    _refusing_trigger(journal_path)
    assert main(["log-run", "--minutes", "30", "--note", SECRET]) == 3
    captured = capsys.readouterr()
    assert SECRET not in captured.err + captured.out
    assert "INSERT" not in captured.err and "Traceback" not in captured.err
    assert len(captured.err.strip().splitlines()) == 1


def test_a_journal_that_cannot_be_created_leaves_no_empty_file(tmp_path: Path, monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError

    from runjournal.storage import migrate
    from runjournal.storage.backup.inspect import JournalError

    def disk_full(engine, revision: str = "head") -> None:
        raise OperationalError("CREATE TABLE runs", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(migrate, "upgrade", disk_full)
    path = tmp_path / "new" / "journal.sqlite"
    with pytest.raises(JournalError):
        Journal.open(path)
    assert not path.exists()
    assert [p for p in path.parent.iterdir()] == []
