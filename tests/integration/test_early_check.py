"""The journal's quick integrity check runs on a thread while the window's or a command's
modules load, and opening the journal takes its finding: still one check per opening, a
damaged journal still refused with the same sentence, and a journal that changed after its
check began checked again."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from runjournal.cli import main
from runjournal.samples.demo import generate
from runjournal.service.journal import Journal, JournalError
from runjournal.storage import database, early_check
from runjournal.storage.backup import inspect

DAY = date(2026, 11, 2)


@pytest.fixture
def filled(journal_path: Path) -> Path:
    demo = generate(1, end=DAY, seed=2)
    with Journal.open(journal_path) as journal:
        journal.add_entries(demo.runs, demo.check_ins, today=DAY)
    return journal_path


def _damage(path: Path) -> None:
    """Garbles pages in the middle of the file: only SQLite's check notices."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 4096] = b"\xa5" * 4096
    path.write_bytes(bytes(data))


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Every look at a journal file: (the thread's name, whether SQLite's check ran)."""
    seen: list[tuple[str, bool]] = []
    real = inspect.inspect_file

    def counting(path: Path, **options: object) -> inspect.FileReport:
        seen.append((threading.current_thread().name, bool(options.get("integrity", True))))
        return real(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(early_check, "inspect_file", counting)
    monkeypatch.setattr(database, "inspect_file", counting)
    return seen


def test_a_command_checks_its_journal_once_while_it_loads(
    filled: Path, checks: list[tuple[str, bool]]
) -> None:
    assert main(["check-in", "--db", str(filled), "--date", str(DAY), "--mood", "6"]) == 0

    integrity_checks = [name for name, integrity in checks if integrity]
    assert integrity_checks == ["journal check"]  # on its own thread, not the command's
    with Journal.open(filled) as journal:
        saved = journal.check_in(DAY)
        assert saved is not None and saved.mood == 6


def test_a_damaged_journal_found_ahead_is_refused_with_the_same_sentence(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _damage(filled)
    before = filled.read_bytes()

    assert main(["check-in", "--db", str(filled), "--date", str(DAY), "--mood", "6"]) == 3

    assert "is damaged" in capsys.readouterr().err
    assert filled.read_bytes() == before


def test_a_journal_damaged_after_its_check_began_is_checked_again(filled: Path) -> None:
    early_check.start(filled)
    early_check._pending[filled.resolve()].thread.join()  # the early check found it whole
    _damage(filled)

    with pytest.raises(JournalError, match="is damaged"):
        Journal.open(filled)


def test_a_check_nobody_took_is_forgotten(filled: Path, checks: list[tuple[str, bool]]) -> None:
    early_check.start(filled)
    early_check.forget()

    Journal.open(filled).close()

    assert [name for name, integrity in checks if integrity][-1] != "journal check"


def test_a_new_or_locked_journal_is_not_checked_ahead(tmp_path: Path) -> None:
    early_check.start(tmp_path / "not-there.sqlite")
    assert early_check.take((tmp_path / "not-there.sqlite").resolve()) is None
