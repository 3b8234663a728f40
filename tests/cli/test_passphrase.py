"""A locked journal on the command line: asked for at a terminal, read from a private file
for scripts, never taken from the environment or an argument, exit 3 with one sentence
when it cannot be had."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from runjournal.cli import main
from runjournal.domain.model import CheckIn
from runjournal.service import protection
from runjournal.service.journal import Journal
from runjournal.storage import encryption

PASSPHRASE = "evening loop by the river"
NOTE = "note only the passphrase opens 51c0"


@pytest.fixture(autouse=True)
def _forget_passphrases() -> Iterator[None]:
    encryption.forget_all()
    yield
    encryption.forget_all()


@pytest.fixture
def locked(journal_path: Path) -> Path:
    with Journal.open(journal_path) as journal:
        journal.save_check_in(CheckIn(day=date(2025, 5, 2), mood=6, note=NOTE))
    protection.protect(journal_path, PASSPHRASE, PASSPHRASE)
    encryption.forget_all()
    return journal_path


def _passphrase_file(folder: Path, text: str, mode: int) -> Path:
    path = folder / "passphrase.txt"
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(mode)
    return path


def _runjournal(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-m", "runjournal", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


def _files(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_without_a_terminal_or_a_file_the_command_stops_with_exit_3_and_one_sentence(locked: Path) -> None:
    before = _files(locked.parent)
    done = _runjournal("export", "-o", str(locked.parent / "out.json"))
    assert done.returncode == 3
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "--passphrase-file" in lines[0] and "Traceback" not in done.stderr
    assert _files(locked.parent) == before


def test_a_passphrase_file_others_can_read_is_refused(locked: Path, tmp_path: Path) -> None:
    shared = _passphrase_file(tmp_path, PASSPHRASE, 0o644)
    before = _files(locked.parent)
    done = _runjournal("export", "-o", str(locked.parent / "out.json"), "--passphrase-file", str(shared))
    assert done.returncode == 3
    assert "chmod 600" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert _files(locked.parent) == before


def test_a_private_passphrase_file_opens_the_journal_and_export_says_the_copy_is_not_encrypted(
    locked: Path, tmp_path: Path
) -> None:
    private = _passphrase_file(tmp_path, PASSPHRASE, 0o600)
    output = tmp_path / "copy.json"
    done = _runjournal("export", "-o", str(output), "--passphrase-file", str(private))
    assert done.returncode == 0, done.stderr
    assert "not encrypted" in done.stderr
    assert NOTE in json.dumps(json.loads(output.read_text(encoding="utf-8")))


def test_the_wrong_passphrase_in_a_file_is_one_sentence_and_changes_nothing(
    locked: Path, tmp_path: Path
) -> None:
    wrong = _passphrase_file(tmp_path, "not the one at all", 0o600)
    before = _files(locked.parent)
    done = _runjournal("log-run", "--passphrase-file", str(wrong), "--minutes", "30")
    assert done.returncode == 3
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "passphrase does not open" in done.stderr and "ERROR CORE" not in done.stderr
    assert _files(locked.parent) == before


def test_at_a_terminal_the_passphrase_is_asked_for(
    locked: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked: list[str] = []

    def typed(prompt: str) -> str:
        asked.append(prompt)
        return PASSPHRASE

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", typed)
    assert main(["coach"]) == 0
    assert asked == [f"Passphrase for {locked.name}: "]


def test_the_passphrase_is_never_an_argument_or_an_environment_variable(
    locked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["export", "-o", "x.json", "--passphrase", PASSPHRASE])
    assert stopped.value.code == 2
    said = capsys.readouterr().err
    assert "never given as an argument" in said and PASSPHRASE not in said
    done = subprocess.run(
        [sys.executable, "-m", "runjournal", "export", "-o", str(locked.parent / "x.json")],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "RUNJOURNAL_PASSPHRASE": PASSPHRASE},
        timeout=60,
    )
    assert done.returncode == 3


def test_check_and_restore_open_a_locked_journal_and_its_backups_with_the_passphrase_file(
    locked: Path, tmp_path: Path
) -> None:
    with Journal.open(locked, passphrase=PASSPHRASE) as journal:
        backup = journal.backup().path
        journal.delete_check_in(date(2025, 5, 2))
    encryption.forget_all()
    private = _passphrase_file(tmp_path, PASSPHRASE, 0o600)

    checked = _runjournal("check", "--passphrase-file", str(private))
    assert checked.returncode == 0, checked.stderr
    assert "the journal is whole" in checked.stdout

    without = _runjournal("restore", str(backup))
    assert without.returncode == 3 and "--passphrase-file" in without.stderr

    restored = _runjournal("restore", str(backup), "--passphrase-file", str(private))
    assert restored.returncode == 0, restored.stderr
    assert protection.is_protected(locked)
    with Journal.open(locked, passphrase=PASSPHRASE) as journal:
        assert journal.check_in(date(2025, 5, 2)).note == NOTE
