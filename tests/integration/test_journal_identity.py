"""The journal is its real file: one writer at a time however it is named, and a path is
used exactly as the person typed it (no `?` or `%20` read as part of a URL)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from runjournal.cli import main
from runjournal.domain.model import Run
from runjournal.service.journal import Journal
from runjournal.storage import journal_lock
from runjournal.storage.app_lock import lock_path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="links and locks as POSIX has them")

HOLDER = """
import sys
from runjournal.service.journal import Journal
journal = Journal.open(sys.argv[1])
print("open", flush=True)
sys.stdin.read()
journal.close()
"""


@pytest.fixture
def window_lock(journal_path: Path):
    """The lock the window holds beside the journal it has open (taken from this live process)."""
    with Journal.open(journal_path):
        pass
    lock = QLockFile(str(lock_path(journal_path)))
    lock.setStaleLockTime(0)
    assert lock.tryLock(100)
    yield lock
    lock.unlock()


@pytest.fixture
def other_process(journal_path: Path):
    """Another RunJournal process with the journal open, as a window on it would have."""
    with Journal.open(journal_path):
        pass
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(journal_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    yield child
    child.communicate("", timeout=30)


def _runs(path: Path) -> int:
    with Journal.open(path) as journal:
        return len(journal.runs())


def test_a_symlink_to_the_journal_is_the_same_journal(window_lock, journal_path: Path, capsys) -> None:
    alias = journal_path.with_name("alias.sqlite")
    alias.symlink_to(journal_path)
    assert main(["log-run", "--minutes", "30", "--db", str(alias)]) == 3
    assert "RunJournal's window has this journal open" in capsys.readouterr().err
    assert _runs(journal_path) == 0


def test_a_journal_reached_through_a_linked_folder_is_the_same_journal(
    window_lock, journal_path: Path, tmp_path: Path, capsys
) -> None:
    folder_alias = tmp_path.parent / f"{tmp_path.name}-alias"
    folder_alias.symlink_to(tmp_path, target_is_directory=True)
    try:
        assert main(["check-in", "--mood", "6", "--db", str(folder_alias / journal_path.name)]) == 3
        assert "RunJournal's window has this journal open" in capsys.readouterr().err
    finally:
        folder_alias.unlink()


def test_a_second_window_through_a_symlink_finds_the_first_ones_lock(journal_path: Path) -> None:
    Journal.open(journal_path).close()
    alias = journal_path.with_name("alias.sqlite")
    alias.symlink_to(journal_path)
    assert lock_path(alias) == lock_path(journal_path)


def test_a_journal_opened_through_a_symlink_keeps_its_log_beside_the_real_file(journal_path: Path) -> None:
    Journal.open(journal_path).close()
    alias = journal_path.parent / "elsewhere" / "alias.sqlite"
    alias.parent.mkdir()
    alias.symlink_to(journal_path)
    with Journal.open(alias) as journal:
        assert journal.path == journal_path
        journal.log_run(Run(day=date(2026, 11, 3), duration_s=600))
        assert Path(f"{journal_path}-wal").exists()
        assert not Path(f"{alias}-wal").exists()


def test_a_hard_link_cannot_write_while_another_process_has_the_journal(
    other_process, journal_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setattr(journal_lock, "WAIT_S", 0.3)
    hard = journal_path.with_name("hard.sqlite")
    os.link(journal_path, hard)
    assert main(["log-run", "--minutes", "30", "--note", "mine", "--db", str(hard)]) == 3
    err = capsys.readouterr().err
    assert "Another RunJournal window or command has this journal open" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not Path(f"{hard}-wal").exists()


def test_a_second_process_cannot_open_the_journal_through_a_hard_link_to_write(
    other_process, journal_path: Path, monkeypatch
) -> None:
    from runjournal.storage.backup.inspect import JournalError

    monkeypatch.setattr(journal_lock, "WAIT_S", 0.3)
    hard = journal_path.with_name("hard.sqlite")
    os.link(journal_path, hard)
    with pytest.raises(JournalError, match="has this journal open"):
        Journal.open(hard)


def test_writers_in_one_after_the_other_all_get_their_turn(journal_path: Path) -> None:
    hard = journal_path.with_name("hard.sqlite")
    Journal.open(journal_path).close()
    os.link(journal_path, hard)
    for name in (journal_path, hard, journal_path):
        assert main(["log-run", "--minutes", "30", "--db", str(name)]) == 0
    assert _runs(journal_path) == 3


@pytest.mark.parametrize("name", ["a?b.sqlite", "My%20Docs/j.sqlite", "50%/j#1.sqlite"])
def test_a_path_is_used_exactly_as_typed(tmp_path: Path, name: str, capsys) -> None:
    path = tmp_path / name
    assert main(["log-run", "--minutes", "30", "--db", str(path)]) == 0
    assert path.is_file()
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [name]
    assert _runs(path) == 1


def test_a_journal_reached_through_a_link_has_the_same_backups(journal_path: Path) -> None:
    from runjournal.storage.backup.backup import last_backup

    with Journal.open(journal_path) as journal:
        journal.log_run(Run(day=date(2026, 11, 3), duration_s=600))
    alias = journal_path.parent / "elsewhere" / "alias.sqlite"
    alias.parent.mkdir()
    alias.symlink_to(journal_path)
    with Journal.open(alias) as journal:
        made = journal.backup()
    assert made.path.parent == journal_path.parent / "backups"
    found = last_backup(alias)
    assert found is not None and found.path == made.path


FLOCK_HOLDER = """
import fcntl, sys
handle = open(sys.argv[1], "rb")
fcntl.flock(handle, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.read()
"""


def test_a_reader_does_not_bring_a_journal_up_to_date_while_another_process_writes_it(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from runjournal.storage.database import make_engine
    from runjournal.storage.migrate import upgrade

    path = tmp_path / "old.sqlite"
    engine = make_engine(path)
    upgrade(engine, "0002")
    engine.dispose()
    before = path.read_bytes()
    monkeypatch.setattr(journal_lock, "WAIT_S", 0.3)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    holder = subprocess.Popen(
        [sys.executable, "-c", FLOCK_HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert main(["export", "-o", str(tmp_path / "out.json"), "--db", str(path)]) == 3
        assert "has this journal open" in capsys.readouterr().err
        assert path.read_bytes() == before
    finally:
        holder.communicate("", timeout=30)
