"""File → Restore from Backup…: a checked list of backups, and restoring one after asking."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel

from runjournal.domain.model import CheckIn, Run
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.dialogs import restore_dialog
from runjournal.ui.dialogs.about_dialog import about_text
from runjournal.ui.dialogs.preferences_dialog import PreferencesDialog
from runjournal.ui.dialogs.restore_dialog import (
    COL_CHECK,
    COL_CHECK_INS,
    COL_MADE,
    COL_RUNS,
    COL_SIZE,
    COL_WHY,
    NO_BACKUP_TEXT,
    RestoreDialog,
    age_text,
    last_backup_text,
)

DAY = date(2026, 11, 2)


@pytest.fixture(autouse=True)
def _c_locale():
    previous = QLocale()
    QLocale.setDefault(QLocale.c())
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers Yes to the confirmation and remembers what it said."""
    questions: list[str] = []

    def answer(_parent, message: str) -> bool:
        questions.append(message)
        return True

    monkeypatch.setattr(restore_dialog, "ask_to_restore", answer)
    return questions


def _fill(journal: Journal, runs: int, check_ins: int) -> None:
    for i in range(runs):
        journal.log_run(Run(day=DAY + timedelta(days=i), duration_s=1800))
    for i in range(check_ins):
        journal.save_check_in(CheckIn(day=DAY + timedelta(days=i), mood=6))


def _dialog(qtbot, journal: Journal) -> RestoreDialog:
    dialog = RestoreDialog(JournalBridge(journal))
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def _cell(dialog: RestoreDialog, row: int, column: int) -> str:
    return dialog.model.index(row, column).data()


def _click_row(qtbot, dialog: RestoreDialog, row: int) -> None:
    rect = dialog.table.visualRect(dialog.model.index(row, COL_MADE))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_lists_backups_newest_first_with_why_size_and_counts(qtbot, journal: Journal) -> None:
    _fill(journal, 2, 1)
    journal.backup()
    _fill(journal, 1, 0)
    journal.backup_if_due(datetime.now() + timedelta(days=2))
    dialog = _dialog(qtbot, journal)

    assert dialog.model.rowCount() == 2
    assert _cell(dialog, 0, COL_WHY) == "Daily" and _cell(dialog, 1, COL_WHY) == "By you"
    assert (_cell(dialog, 0, COL_RUNS), _cell(dialog, 0, COL_CHECK_INS)) == ("3", "1")
    assert (_cell(dialog, 1, COL_RUNS), _cell(dialog, 1, COL_CHECK_INS)) == ("2", "1")
    assert _cell(dialog, 0, COL_CHECK) == "✓ Checked"
    assert "KB" in _cell(dialog, 0, COL_SIZE) or "kB" in _cell(dialog, 0, COL_SIZE)
    made = journal.backups()[0].made_at
    assert _cell(dialog, 0, COL_MADE) == f"{made.day} {made:%b %Y %H:%M}"
    assert dialog.selected_entry() == journal.backups()[0]
    assert dialog.restore_button.isEnabled() and not dialog.empty.isVisible()


def test_restoring_asks_saves_the_journal_first_and_brings_the_entries_back(
    qtbot, journal: Journal, asked: list[str]
) -> None:
    _fill(journal, 2, 1)
    journal.backup()
    _fill(journal, 3, 2)  # later entries: 3 runs more, and the same days' check-ins again
    bridge = JournalBridge(journal)
    heard: list[str] = []
    bridge.runs_changed.connect(lambda: heard.append("runs"))
    dialog = RestoreDialog(bridge)
    qtbot.addWidget(dialog)
    dialog.show()

    with qtbot.waitSignal(dialog.restored) as signal:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert asked == [
        "Your journal now holds 5 runs and 2 check-ins. It will be saved as a backup first, "
        f"then replaced by the one from {restore_dialog.made_at_text(journal.backups()[1].made_at)} "
        "with 2 runs and 1 check-in."
    ]
    assert len(journal.runs()) == 2 and len(journal.check_ins()) == 1
    before = signal.args[0]
    assert "before-restore" in before.path.name and (before.runs, before.check_ins) == (5, 2)
    assert heard == ["runs"]
    assert "Restored the backup" in dialog.status.text() and "2 runs and 1 check-in" in dialog.status.text()
    assert dialog.model.rowCount() == 2 and _cell(dialog, 0, COL_WHY) == "Before a restore"
    assert (_cell(dialog, 0, COL_RUNS), _cell(dialog, 0, COL_CHECK_INS)) == ("5", "2")


def test_saying_no_changes_nothing(qtbot, journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(journal, 1, 0)
    journal.backup()
    _fill(journal, 1, 0)
    monkeypatch.setattr(restore_dialog, "ask_to_restore", lambda *_args: False)
    dialog = _dialog(qtbot, journal)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(journal.runs()) == 2 and len(journal.backups()) == 1 and dialog.status.text() == ""


def test_a_damaged_backup_is_shown_and_cannot_be_restored(qtbot, journal: Journal, asked: list[str]) -> None:
    _fill(journal, 1, 1)
    good = journal.backup().path
    damaged = good.with_name("journal-20200101-030000-daily.sqlite")
    shutil.copyfile(good, damaged)
    data = bytearray(damaged.read_bytes())
    data[4096:7096] = b"\xa5" * 3000
    damaged.write_bytes(bytes(data))
    dialog = _dialog(qtbot, journal)

    assert _cell(dialog, 1, COL_CHECK).startswith("✗ This backup is damaged")
    assert _cell(dialog, 1, COL_RUNS) == "–"
    _click_row(qtbot, dialog, 1)
    assert dialog.selected_entry().path == damaged  # type: ignore[union-attr]
    assert not dialog.restore_button.isEnabled()
    assert "cannot be restored" in dialog.restore_button.toolTip()
    assert dialog.detail.isVisible() and "This backup is damaged" in dialog.detail.text()
    dialog.restore_selected()  # a double-click on the row does the same
    assert asked == []
    _click_row(qtbot, dialog, 0)
    assert dialog.restore_button.isEnabled() and not dialog.detail.isVisible()


def test_a_refused_restore_is_said_in_words(
    qtbot, journal: Journal, asked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(journal, 1, 0)
    backup = journal.backup().path
    dialog = _dialog(qtbot, journal)
    backup.write_bytes(b"gone bad after the list was shown")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    text = dialog.status.text()
    assert text.startswith("<b>Nothing was restored.") and "Traceback" not in text
    assert len(journal.runs()) == 1
    assert not dialog.restore_button.isEnabled()  # the list was checked again


def test_no_backups_yet(qtbot, journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path] = []

    def open_folder(folder: Path) -> bool:
        opened.append(folder)
        return True

    monkeypatch.setattr(restore_dialog, "open_folder", open_folder)
    dialog = _dialog(qtbot, journal)
    assert dialog.model.rowCount() == 0 and dialog.empty.isVisible()
    assert dialog.empty.text() == NO_BACKUP_TEXT
    assert not dialog.restore_button.isEnabled() and not dialog.folder_button.isEnabled()
    _fill(journal, 1, 0)
    journal.backup()
    dialog.refresh()
    assert dialog.folder_button.isEnabled()
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [journal.path.parent / "backups"]


def test_the_keyboard_reaches_every_backup(qtbot, journal: Journal) -> None:
    _fill(journal, 1, 0)
    journal.backup()
    journal.backup_if_due(datetime.now() + timedelta(days=3))
    dialog = _dialog(qtbot, journal)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.selected_entry() == journal.backups()[1]
    assert dialog.table.accessibleName() == "Backups"


def test_ages_read_as_a_person_says_them() -> None:
    now = datetime(2026, 11, 22, 10, 15)
    assert age_text(now - timedelta(seconds=20), now) == "just now"
    assert age_text(now - timedelta(minutes=1), now) == "1 minute ago"
    assert age_text(now - timedelta(hours=3), now) == "3 hours ago"
    assert age_text(datetime(2026, 11, 21, 7, 0), now) == "yesterday"
    assert age_text(datetime(2026, 11, 18, 23, 0), now) == "4 days ago"


def test_about_and_preferences_say_where_the_journal_and_its_backups_are(qtbot, journal: Journal) -> None:
    assert NO_BACKUP_TEXT in about_text(journal.path)
    _fill(journal, 1, 0)
    made = journal.backup_if_due(datetime(2026, 11, 22, 7, 15))
    assert made is not None
    now = datetime(2026, 11, 22, 10, 15)
    text = about_text(journal.path, now=now)
    assert str(journal.path) in text and str(journal.path.parent / "backups") in text
    assert "Last checked backup: 22 Nov 2026 07:15 (3 hours ago)" in text
    assert (
        last_backup_text(journal.last_backup(), now) == "Last checked backup: 22 Nov 2026 07:15 (3 hours ago)"
    )

    dialog = PreferencesDialog(journal.settings(), "system", journal_path=journal.path)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = {key: label.text() for key, label in dialog.where.items()}
    assert shown["journal"] == str(journal.path)
    assert shown["backups"] == str(journal.path.parent / "backups")
    assert shown["last"].startswith("22 Nov 2026 07:15 (")
    assert all(isinstance(label, QLabel) for label in dialog.where.values())
    # Without a journal path the dialog is as it was.
    plain = PreferencesDialog(journal.settings(), "system")
    qtbot.addWidget(plain)
    assert plain.where == {}
