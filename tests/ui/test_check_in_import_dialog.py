"""Importing a check-ins table in the window: File → Import Check-ins (CSV)… (or Import…
with the table alone) shows what it will do day by day; a day the person already has
differently is kept unless they tick it; one Undo takes the import away."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMenu

from runjournal.domain.model import CheckIn
from runjournal.formats.csv_files import check_ins_table
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.importing import controller as controller_module
from runjournal.ui.importing.check_in_import_dialog import CheckInImportDialog
from runjournal.ui.importing.check_in_review_model import COL_DETAILS, COL_STATUS
from runjournal.ui.importing.controller import ImportController

MINE = CheckIn(date(2026, 11, 29), mood=6, tags=("therapy",))
FILE_DAYS = [
    CheckIn(date(2026, 11, 28), mood=7, tags=("time outside", "yoga class")),
    CheckIn(date(2026, 11, 29), mood=4, tags=("slept badly",)),
    CheckIn(date(2026, 11, 30), stress=8),
]


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(
        controller_module, "tell", lambda _parent, title, message, **_: messages.append(message)
    )
    return messages


def _controller(qtbot, journal: Journal, stack: QUndoStack) -> ImportController:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    return ImportController(JournalBridge(journal), stack, parent)


def _review(qtbot, importer: ImportController) -> CheckInImportDialog:
    """The review, once the table has been read in the background."""
    dialog = importer.check_in_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    return dialog


def _table(tmp_path: Path, days: list[CheckIn]) -> Path:
    path = tmp_path / "check-ins.csv"
    path.write_text(check_ins_table(days), encoding="utf-8")
    return path


def test_the_review_shows_each_day_and_keeps_a_differing_day_unless_ticked(
    qtbot, journal: Journal, stack: QUndoStack, tmp_path: Path
) -> None:
    journal.save_check_in(MINE)
    importer = _controller(qtbot, journal, stack)
    importer.import_paths([_table(tmp_path, FILE_DAYS)])  # File → Import… with the table alone
    dialog = _review(qtbot, importer)
    assert dialog.status_texts() == ["✓ new", "≠ differs: yours is kept", "✓ new"]
    assert dialog.import_button.text() == "Import 2 days"
    assert "New tags added to your list: yoga class" in dialog.summary_label.text()

    dialog.model.setData(
        dialog.model.index(1, COL_STATUS), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert dialog.status_texts()[1] == "≠ differs: the file's replaces yours"
    assert dialog.import_button.text() == "Import 3 days"
    with qtbot.waitSignal(dialog.imported) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args == [3]
    assert journal.check_ins() == FILE_DAYS
    assert "yoga class" in journal.settings().tags

    stack.undo()
    assert journal.check_ins() == [MINE]
    assert "yoga class" not in journal.settings().tags
    stack.redo()
    assert journal.check_ins() == FILE_DAYS


def test_cancel_leaves_the_journal_as_it_was(
    qtbot, journal: Journal, stack: QUndoStack, tmp_path: Path
) -> None:
    journal.save_check_in(MINE)
    importer = _controller(qtbot, journal, stack)
    importer.import_check_ins(_table(tmp_path, FILE_DAYS))
    dialog = _review(qtbot, importer)
    dialog.reject()
    assert journal.check_ins() == [MINE]
    assert stack.count() == 0


def test_a_table_that_is_no_check_ins_table_is_explained_and_changes_nothing(
    qtbot, journal: Journal, stack: QUndoStack, tmp_path: Path, told: list[str]
) -> None:
    path = tmp_path / "check-ins.csv"
    path.write_text("date,mood,weather\n2026-11-30,8,sunny\n", encoding="utf-8")
    importer = _controller(qtbot, journal, stack)
    importer.import_check_ins(path)
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert importer.check_in_dialog is None
    assert told and "columns a check-ins table doesn't have (“weather”)" in told[0]
    assert told[0].endswith("Your journal was not changed.")
    assert journal.check_ins() == []


def test_bad_rows_are_listed_with_their_reason_and_the_rest_can_be_imported(
    qtbot, journal: Journal, stack: QUndoStack, tmp_path: Path
) -> None:
    path = tmp_path / "check-ins.csv"
    path.write_text("date,mood\n2026-11-30,8\n30/11/2026,5\n", encoding="utf-8")
    importer = _controller(qtbot, journal, stack)
    importer.import_check_ins(path)
    dialog = _review(qtbot, importer)
    assert dialog.status_texts()[1] == "✕ can't import"
    details = dialog.model.index(1, COL_DETAILS).data()
    assert details.startswith("Row 3: the date “30/11/2026” is not written as year-month-day")
    dialog.confirm()
    assert journal.check_ins() == [CheckIn(date(2026, 11, 30), mood=8)]


def test_the_file_menu_offers_the_check_ins_import(
    qtbot, journal: Journal, monkeypatch, tmp_path: Path
) -> None:
    from runjournal.ui.main_window import MainWindow

    window = MainWindow(journal)
    qtbot.addWidget(window)
    path = _table(tmp_path, FILE_DAYS)
    monkeypatch.setattr(controller_module, "ask_check_ins_file", lambda _parent, _folder: path)
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert window.import_check_ins_action in file_menu.actions()
    window.import_check_ins_action.trigger()
    dialog = _review(qtbot, window.importer)
    dialog.confirm()
    assert journal.check_ins() == FILE_DAYS


def test_every_left_out_row_is_named_in_full_below_the_list(
    qtbot, journal: Journal, stack: QUndoStack, tmp_path: Path
) -> None:
    path = tmp_path / "check-ins.csv"
    path.write_text("date,mood\n2026-11-30,8\n2026-11-31,5\n2026-11-29,11\n", encoding="utf-8")
    importer = _controller(qtbot, journal, stack)
    importer.import_check_ins(path)
    dialog = _review(qtbot, importer)
    assert dialog.problems_label.text() == (
        "Left out, and why:\n"
        "Row 3: the date “2026-11-31” is not a day of the calendar.\n"
        "Row 4: mood “11” is outside 1 to 10 (a whole number, or an empty cell)."
    )


def test_a_check_ins_table_among_activity_files_is_explained_and_the_activities_reviewed(
    qtbot, journal: Journal, stack: QUndoStack, tmp_path: Path, told: list[str]
) -> None:
    from runjournal.domain.model import Run
    from runjournal.formats.csv_files import runs_table

    runs = tmp_path / "runs.csv"
    runs.write_text(runs_table([Run(day=date(2026, 11, 30), duration_s=1800)]), encoding="utf-8")
    importer = _controller(qtbot, journal, stack)
    importer.import_paths([runs, _table(tmp_path, FILE_DAYS)])
    assert told == [
        "“check-ins.csv” holds check-ins, not activities. Import each with File → Import Check-ins "
        "(CSV)…; the activity files are reviewed now."
    ]
    assert importer.check_in_dialog is None
    assert importer.dialog is not None and importer.dialog.paths == [runs]
    qtbot.addWidget(importer.dialog)
    importer.dialog.reject()
    assert journal.check_ins() == []
