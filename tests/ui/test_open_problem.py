"""A journal that cannot be opened at start-up: plain words, a restore offer, nothing lost."""

from __future__ import annotations

import os
import random
import re
import sqlite3
import stat
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from runjournal.domain.model import Run
from runjournal.service.journal import Journal, JournalError
from runjournal.storage.backup import quarantine
from runjournal.storage.backup.inspect import NewerJournalError
from runjournal.storage.backup.quarantine import OpenProblem, classify, move_aside
from runjournal.ui import app as app_module
from runjournal.ui.dialogs import open_problem_dialog
from runjournal.ui.dialogs.open_problem_dialog import (
    OpenChoice,
    OpenOutcome,
    OpenProblemDialog,
    newest_good_backup,
)

DAMAGED_NAME = re.compile(r"^journal-damaged-\d{8}-\d{6}\.sqlite$")


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
        journal.backup()
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _zero_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 6] = bytes(4096 * 4)
    path.write_bytes(bytes(data))


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.randbytes(8192))  # seeded by conftest


def _text_file(path: Path) -> None:
    path.write_text("my running notes\n")


DAMAGE = {
    "truncated": _truncate,
    "zeroed pages": _zero_pages,
    "random bytes": _random_bytes,
    "a text file": _text_file,
}


def _open_error(path: Path) -> JournalError:
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    return caught.value


def _answer_with(monkeypatch, qtbot, act) -> list[OpenProblemDialog]:
    """Replaces run()'s dialog call: builds the real dialog, lets `act` click in it."""
    shown: list[OpenProblemDialog] = []

    def show(path: Path, error: JournalError) -> OpenOutcome:
        dialog = OpenProblemDialog(path, error, newest_good_backup(path))
        qtbot.addWidget(dialog)
        dialog.show()
        shown.append(dialog)
        act(dialog)
        return dialog.outcome()

    monkeypatch.setattr(app_module, "show_open_problem", show)
    return shown


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_journal_offers_the_newest_backup_and_keeps_the_damaged_file(
    qapp, qtbot, monkeypatch, journal_path: Path, damage
) -> None:
    _journal_with_runs(journal_path)
    damage(journal_path)
    damaged = journal_path.read_bytes()
    shown = _answer_with(monkeypatch, qtbot, lambda d: _click(qtbot, d.restore_button))

    opened = app_module.open_journal(journal_path, None)

    assert isinstance(opened, app_module.Opened)
    dialog = shown[0]
    assert dialog.heading.text() == "Your journal cannot be read"
    assert "Restore Newest Backup" in dialog.restore_button.text()
    assert "400 runs" in dialog.restore_button.text()
    assert "never overwritten or deleted" in dialog.next.text()
    assert "Traceback" not in dialog.what.text()
    assert dialog.choice is OpenChoice.RESTORE
    # The damaged file sits beside the journal, byte for byte, with the time in its name.
    moved = dialog.moved_to
    assert moved is not None and moved.parent == journal_path.parent
    assert DAMAGED_NAME.match(moved.name)
    assert moved.read_bytes() == damaged
    if os.name == "posix":
        assert stat.S_IMODE(moved.stat().st_mode) == 0o600
    assert "kept as " + moved.name in opened.note
    # The restored journal is open, with its entries.
    with opened.journal as journal:
        assert journal.path == journal_path
        assert len(journal.runs()) == 400


def test_a_damaged_journal_without_a_good_backup_offers_no_restore(qapp, qtbot, journal_path: Path) -> None:
    journal_path.write_text("my running notes\n")
    dialog = OpenProblemDialog(journal_path, _open_error(journal_path), newest_good_backup(journal_path))
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None
    assert "No backup that passes its check was found" in dialog.next.text()
    assert sorted(b.text() for b in dialog.buttons.buttons()) == ["Open Another Journal…", "Quit"]


def test_a_journal_from_a_newer_version_is_left_alone(qapp, qtbot, monkeypatch, journal_path: Path) -> None:
    _journal_with_runs(journal_path, 3)
    with closing(sqlite3.connect(journal_path)) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        db.commit()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = journal_path.read_bytes()
    files_before = sorted(journal_path.parent.iterdir())
    shown = _answer_with(monkeypatch, qtbot, lambda d: _click(qtbot, d.quit_button))

    assert app_module.open_journal(journal_path, None) == 3

    dialog = shown[0]
    assert isinstance(dialog.error, NewerJournalError)
    assert dialog.restore_button is None  # a good backup exists, but this file is fine
    assert dialog.heading.text() == "This journal is from a newer RunJournal"
    assert "newer version of RunJournal" in dialog.what.text()
    assert "Update RunJournal" in dialog.next.text()
    assert journal_path.read_bytes() == before
    assert sorted(journal_path.parent.iterdir()) == files_before


def test_open_another_journal_from_the_dialog(
    qapp, qtbot, monkeypatch, journal_path: Path, tmp_path: Path
) -> None:
    journal_path.write_text("my running notes\n")
    other = tmp_path / "other.sqlite"
    _journal_with_runs(other, 5)
    monkeypatch.setattr(open_problem_dialog, "choose_journal_file", lambda parent, start: other)
    _answer_with(monkeypatch, qtbot, lambda d: _click(qtbot, d.open_button))

    opened = app_module.open_journal(journal_path, None)

    assert isinstance(opened, app_module.Opened)
    with opened.journal as journal:
        assert journal.path == other and len(journal.runs()) == 5
    assert journal_path.read_text() == "my running notes\n"  # the first file is untouched


def test_cancelling_the_file_chooser_keeps_the_dialog_open(
    qapp, qtbot, monkeypatch, journal_path: Path
) -> None:
    journal_path.write_text("my running notes\n")
    monkeypatch.setattr(open_problem_dialog, "choose_journal_file", lambda parent, start: None)
    dialog = OpenProblemDialog(journal_path, _open_error(journal_path), None)
    qtbot.addWidget(dialog)
    dialog.show()
    _click(qtbot, dialog.open_button)
    assert dialog.isVisible() and dialog.result_path is None


def test_escape_means_quit(qapp, qtbot, journal_path: Path) -> None:
    journal_path.write_text("my running notes\n")
    dialog = OpenProblemDialog(journal_path, _open_error(journal_path), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.outcome() == OpenOutcome(OpenChoice.QUIT, None)


def test_a_read_only_journal_offers_try_again_and_is_not_moved(
    qapp, qtbot, monkeypatch, journal_path: Path
) -> None:
    _journal_with_runs(journal_path, 3)
    real_access = os.access
    read_only = [True]  # as if the file were read-only until the person fixes it
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK and read_only[0] else real_access(p, mode)
    )

    def fix_then_retry(dialog: OpenProblemDialog) -> None:
        assert sorted(b.text() for b in dialog.buttons.buttons()) == [
            "Open Another Journal…",
            "Quit",
            "Try Again",
        ]
        read_only[0] = False
        _click(qtbot, dialog.retry_button)

    shown = _answer_with(monkeypatch, qtbot, fix_then_retry)

    opened = app_module.open_journal(journal_path, None)

    assert shown[0].kind is OpenProblem.NO_ACCESS and shown[0].restore_button is None
    assert "read-only" in shown[0].what.text()
    assert not list(journal_path.parent.glob("journal-damaged-*"))
    assert isinstance(opened, app_module.Opened)
    with opened.journal as journal:
        assert len(journal.runs()) == 3


def test_a_failed_restore_puts_everything_back(qapp, qtbot, monkeypatch, journal_path: Path) -> None:
    _journal_with_runs(journal_path, 3)
    _random_bytes(journal_path)
    damaged = journal_path.read_bytes()

    def broken(backup: Path, journal: Path) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(quarantine, "restore_into", broken)
    dialog = OpenProblemDialog(journal_path, _open_error(journal_path), newest_good_backup(journal_path))
    qtbot.addWidget(dialog)
    dialog.show()
    _click(qtbot, dialog.restore_button)
    assert dialog.isVisible() and dialog.failure.isVisible()
    assert "disk I/O error" in dialog.failure.text()
    assert journal_path.read_bytes() == damaged
    assert not list(journal_path.parent.glob("journal-damaged-*"))


def test_the_smoke_test_reports_and_exits_without_a_dialog(monkeypatch, journal_path: Path, capsys) -> None:
    journal_path.write_text("my running notes\n")
    monkeypatch.setattr(
        app_module, "show_open_problem", lambda *a: pytest.fail("no dialog in the smoke test")
    )
    assert app_module.open_journal(journal_path, None, smoke=True) == 3
    assert "not a RunJournal journal" in capsys.readouterr().err


# Moving aside, without Qt --------------------------------------------------------------


def test_move_aside_never_overwrites_and_takes_the_sidecars(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    now = datetime(2026, 11, 22, 9, 30, 5)
    for _ in range(3):
        path.write_bytes(b"damaged")
        Path(f"{path}-wal").write_bytes(b"wal")
        moved = move_aside(path, now)
        assert not path.exists() and not Path(f"{path}-wal").exists()
        assert Path(f"{moved}-wal").read_bytes() == b"wal"
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith("-wal"))
    assert names == [
        "journal-damaged-20261122-093005-2.sqlite",
        "journal-damaged-20261122-093005-3.sqlite",
        "journal-damaged-20261122-093005.sqlite",
    ]


def test_problems_are_sorted_by_what_can_be_done() -> None:
    assert classify(NewerJournalError("x was written by a newer version")) is OpenProblem.NEWER
    assert classify(JournalError("x is damaged or not a journal (database is locked).")) is OpenProblem.LOCKED
    assert classify(JournalError("x is read-only: RunJournal needs to write")) is OpenProblem.NO_ACCESS
    assert classify(JournalError("x cannot be read: permission denied.")) is OpenProblem.NO_ACCESS
    assert classify(JournalError("x is damaged (page 3).")) is OpenProblem.DAMAGED
    assert classify(JournalError("x is not a RunJournal journal")) is OpenProblem.DAMAGED
    assert classify(JournalError("x is a folder, not a journal file.")) is OpenProblem.OTHER
