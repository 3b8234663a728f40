"""The terminal never writes to a journal while RunJournal's window has it open."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from runjournal.cli import main
from runjournal.service.journal import Journal
from runjournal.storage.app_lock import lock_path


@pytest.fixture
def open_in_window(journal_path: Path):
    """Holds the journal's lock from this (live) process, as the window does."""
    with Journal.open(journal_path):
        pass
    lock = QLockFile(str(lock_path(journal_path)))
    lock.setStaleLockTime(0)
    assert lock.tryLock(100)
    yield lock
    lock.unlock()


@pytest.mark.parametrize(
    "command",
    [
        ["log-run", "--minutes", "30"],
        ["check-in", "--mood", "7"],
        ["demo", "--years", "1"],
        ["restore", "backup.sqlite"],
        ["import", "run.gpx"],
    ],
)
def test_writing_commands_refuse_while_the_window_has_the_journal(
    open_in_window, journal_path: Path, command: list[str], capsys
) -> None:
    assert main(command) == 3
    err = capsys.readouterr().err
    assert "RunJournal's window has this journal open (process" in err
    assert "Close it, or make the change in the window." in err
    with Journal.open(journal_path) as journal:
        assert journal.is_empty()


def test_reading_commands_still_work_while_the_window_has_the_journal(
    open_in_window, journal_path: Path, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "out.json"
    assert main(["export", "-o", str(target)]) == 0
    assert json.loads(target.read_text())
    assert main(["check"]) == 0
    assert main(["backup"]) == 0


def test_a_stale_lock_from_a_crash_does_not_block_the_terminal(journal_path: Path, capsys) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    lock_path(journal_path).parent.mkdir(parents=True, exist_ok=True)
    lock_path(journal_path).write_text(f"{int(dead.stdout)}\npython3\n{socket.gethostname()}\n")
    assert main(["log-run", "--minutes", "30"]) == 0
    with Journal.open(journal_path) as journal:
        assert len(journal.runs()) == 1


def test_a_window_on_another_computer_is_respected(journal_path: Path, capsys) -> None:
    lock_path(journal_path).parent.mkdir(parents=True, exist_ok=True)
    lock_path(journal_path).write_text("4242\nrunjournal\nsomeone-elses-laptop\n")
    assert main(["check-in", "--mood", "6"]) == 3
    assert "RunJournal on someone-elses-laptop has this journal open" in capsys.readouterr().err


def test_a_damaged_journal_still_exits_3_with_the_same_message(journal_path: Path, capsys) -> None:
    journal_path.write_text("my running notes\n")
    assert main(["log-run", "--minutes", "30"]) == 3
    err = capsys.readouterr().err
    assert "not a RunJournal journal" in err and "Traceback" not in err
    assert journal_path.read_text() == "my running notes\n"
