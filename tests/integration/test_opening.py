"""Files that are not a usable journal are refused in plain words and never changed."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

from runjournal.domain.model import Run
from runjournal.service.journal import Journal, JournalError
from runjournal.storage.backup.inspect import inspect_file


def _journal_with_runs(path: Path, count: int = 400) -> None:
    with Journal.open(path) as journal:
        first = date(2025, 1, 1)
        journal.add_entries(
            [
                Run(day=first + timedelta(days=i % 300), duration_s=1800 + i, note="x" * 200)
                for i in range(count)
            ],
            [],
        )
    # Fold the write-ahead log into the file so the damage below hits real pages.
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _refused(path: Path, match: str) -> None:
    before = path.read_bytes()
    files_before = sorted(path.parent.iterdir())
    with pytest.raises(JournalError, match=match) as caught:
        Journal.open(path)
    assert "Traceback" not in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(path.parent.iterdir()) == files_before  # no -wal/-shm litter either


def test_a_text_file_is_not_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my running notes\n")
    _refused(path, "not a RunJournal journal")


def test_random_bytes_are_not_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "noise.sqlite"
    path.write_bytes(random.randbytes(8192))  # seeded by conftest
    _refused(path, "not a RunJournal journal")


def test_another_programs_database_is_not_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
        db.commit()
    _refused(path, "database, but not a RunJournal journal")


def test_zeroed_pages_are_reported_as_damage(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    _journal_with_runs(path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2 : page * 6] = bytes(page * 4)
    path.write_bytes(bytes(data))
    _refused(path, "damaged")


def test_a_truncated_journal_is_reported_as_damage(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    _journal_with_runs(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _refused(path, "damaged")


def test_a_folder_is_not_a_journal(tmp_path: Path) -> None:
    with pytest.raises(JournalError, match="is a folder"):
        Journal.open(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write to read-only files")
def test_a_read_only_journal_is_refused_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    _journal_with_runs(path, 3)
    path.chmod(0o400)
    _refused(path, "read-only")


def test_a_journal_that_cannot_be_written_is_refused_with_a_reason(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "journal.sqlite"
    _journal_with_runs(path, 3)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    _refused(path, "read-only")


def test_an_empty_file_becomes_a_new_journal(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    path.touch()
    with Journal.open(path) as journal:
        assert journal.is_empty()
    assert inspect_file(path).revision is not None


def test_opening_without_create_refuses_a_missing_journal(tmp_path: Path) -> None:
    with pytest.raises(JournalError, match="There is no journal"):
        Journal.open(tmp_path / "missing.sqlite", create=False)
    assert not (tmp_path / "missing.sqlite").exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_new_journal_and_its_new_folders_are_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "journal.sqlite"
    with Journal.open(path) as journal:
        journal.log_run(Run(day=date(2026, 11, 20), duration_s=600))
        backup = journal.backup()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700
    assert stat.S_IMODE(backup.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.path.parent.stat().st_mode) == 0o700
    for sidecar in path.parent.glob("journal.sqlite-*"):
        assert stat.S_IMODE(sidecar.stat().st_mode) == 0o600


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_given_as_the_journal_is_refused_without_waiting(tmp_path: Path) -> None:
    import subprocess
    import sys

    pipe = tmp_path / "journal.sqlite"
    os.mkfifo(pipe)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for command in (["log-run", "--minutes", "30"], ["export", "-o", str(tmp_path / "out.json")]):
        done = subprocess.run(
            [sys.executable, "-m", "runjournal", *command, "--db", str(pipe)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 3
        assert "is not a regular file (it is a named pipe)" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
