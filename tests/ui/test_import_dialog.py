"""File → Import… in the window: read off the UI thread, review, store as one Undo step."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from runjournal.domain.model import Activity, CheckIn, Run
from runjournal.service.export import export
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.importing import controller as controller_module
from runjournal.ui.importing.controller import ImportController
from runjournal.ui.importing.import_dialog import ImportDialog
from runjournal.ui.importing.review_model import COL_ACTIVITY, COL_DATE, COL_DISTANCE, COL_FILE, COL_STATUS

DATA = Path(__file__).parents[1] / "data" / "activities"
RIDE_FIT = "2020-06-01-16-52-40.fit"  # a two-minute ride, 1 June 2020
RUN_TCX = "3173437224.tcx"  # a run with a pause, 29 January 2019


def _unpack(folder: Path, name: str) -> Path:
    target = folder / name
    target.write_bytes(gzip.decompress((DATA / f"{name}.gz").read_bytes()))
    return target


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "files"
    folder.mkdir()
    not_fit = folder / "notes.fit"
    not_fit.write_text("My training notes, not a watch file.\n", encoding="utf-8")
    empty = folder / "empty.gpx"
    empty.write_bytes(b"")
    return {
        "ride": _unpack(folder, RIDE_FIT),
        "run": _unpack(folder, RUN_TCX),
        "not_fit": not_fit,
        "empty": empty,
    }


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    return widget


@pytest.fixture
def undo_stack(window: QWidget) -> QUndoStack:
    return QUndoStack(window)


@pytest.fixture
def controller(journal: Journal, undo_stack: QUndoStack, window: QWidget) -> ImportController:
    return ImportController(JournalBridge(journal, window), undo_stack, window)


def _review(qtbot, controller: ImportController, paths: list[Path]) -> ImportDialog:
    """Opens the dialog as File → Import… would and waits for the review list."""
    controller.import_paths(paths)
    dialog = controller.dialog
    assert dialog is not None
    if dialog.plan is None:
        with qtbot.waitSignal(dialog.plan_ready, timeout=20_000):
            pass
    return dialog


def _rows(dialog: ImportDialog) -> dict[str, str]:
    """File name → text of the Status column, as the table shows them."""
    model = dialog.table.model()
    return {
        model.index(row, COL_FILE).data(): model.index(row, COL_STATUS).data()
        for row in range(model.rowCount())
    }


def test_review_list_shows_statuses_and_stores_nothing_before_import(
    qtbot, controller: ImportController, journal: Journal, files: dict[str, Path]
) -> None:
    dialog = _review(qtbot, controller, [files["ride"], files["run"], files["not_fit"], files["empty"]])

    rows = _rows(dialog)
    assert rows[RIDE_FIT] == "✓ new"
    assert rows[RUN_TCX] == "✓ new"
    assert rows["notes.fit"].startswith("✕ can't import: ")
    assert "named like a FIT file" in rows["notes.fit"]
    assert rows["empty.gpx"].startswith("✕ can't import: ")
    assert "empty" in rows["empty.gpx"]
    model = dialog.table.model()
    bad_row = next(r for r in range(model.rowCount()) if model.index(r, COL_FILE).data() == "notes.fit")
    assert "named like a FIT file" in model.index(bad_row, COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    run_row = next(r for r in range(model.rowCount()) if model.index(r, COL_FILE).data() == RUN_TCX)
    assert "2019" in model.index(run_row, COL_DATE).data()
    assert model.index(run_row, COL_DISTANCE).data() == "4.51 km"
    assert "2 new, 2 can't be imported" in dialog.summary_label.text()
    assert dialog.import_button.text() == "Import 2 activities"
    assert dialog.import_button.isEnabled()
    assert dialog.isVisible()
    assert journal.runs() == []  # nothing stored while the person reviews


def test_selecting_a_refused_row_shows_its_reason_without_a_mouse(
    qtbot, controller: ImportController, files: dict[str, Path]
) -> None:
    dialog = _review(qtbot, controller, [files["run"], files["empty"]])
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert "empty.gpx: can't import" in dialog.reason_text()
    assert "0 bytes" in dialog.reason_text()


def test_import_stores_the_new_runs_and_one_undo_takes_them_all_away(
    qtbot, controller: ImportController, journal: Journal, undo_stack: QUndoStack, files: dict[str, Path]
) -> None:
    dialog = _review(qtbot, controller, [files["ride"], files["run"], files["not_fit"], files["empty"]])
    with qtbot.waitSignal(controller.imported) as stored:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert stored.args == [2]
    assert not dialog.isVisible()
    runs = journal.runs()
    assert sorted(r.activity for r in runs) == sorted([Activity.BIKE, Activity.RUN])
    assert undo_stack.count() == 1
    assert undo_stack.undoText() == "Import 2 runs"

    undo_stack.undo()
    assert journal.runs() == []
    assert journal.source_files() == []

    undo_stack.redo()
    assert sorted(r.id or 0 for r in journal.runs()) == sorted(r.id or 0 for r in runs)


def test_importing_the_same_files_again_shows_duplicates_and_disables_import(
    qtbot, controller: ImportController, journal: Journal, files: dict[str, Path]
) -> None:
    dialog = _review(qtbot, controller, [files["ride"], files["run"]])
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(journal.runs()) == 2

    again = _review(qtbot, controller, [files["ride"], files["run"]])
    assert again is not dialog
    assert set(_rows(again).values()) == {"= duplicate"}
    assert not again.import_button.isEnabled()
    assert "0 new, 2 already in your journal" in again.summary_label.text()
    assert again.cancel_button.text() == "Close"
    qtbot.mouseClick(again.cancel_button, Qt.MouseButton.LeftButton)
    assert len(journal.runs()) == 2


def test_cancel_on_the_review_list_stores_nothing(
    qtbot, controller: ImportController, journal: Journal, files: dict[str, Path]
) -> None:
    dialog = _review(qtbot, controller, [files["ride"], files["run"]])
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert journal.runs() == []


def test_cancel_while_reading_leaves_the_journal_unchanged(
    qtbot,
    controller: ImportController,
    journal: Journal,
    undo_stack: QUndoStack,
    files: dict[str, Path],
    settle,
) -> None:
    many = []
    for index in range(40):
        copy = files["run"].with_name(f"run_{index:02d}.tcx")
        copy.write_bytes(files["run"].read_bytes())
        many.append(copy)
    controller.import_paths(many)
    dialog = controller.dialog
    assert dialog.is_reading
    assert dialog.progress_bar.isVisible()
    with qtbot.waitSignal(dialog.read_cancelled):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert not dialog.is_reading
    settle()  # the worker has stopped, and anything it still sent has arrived: it changed nothing
    assert dialog.plan is None
    assert journal.runs() == []
    assert undo_stack.count() == 0


def test_progress_names_the_file_being_read(
    qtbot, controller: ImportController, files: dict[str, Path]
) -> None:
    controller.import_paths([files["run"], files["ride"]])
    dialog = controller.dialog
    qtbot.waitUntil(
        lambda: dialog.progress_label.text().startswith("Reading 1 of 2: ") or dialog.plan is not None
    )
    if dialog.plan is None:
        assert dialog.progress_label.text() == f"Reading 1 of 2: {RUN_TCX}"
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)


def test_a_journal_that_cannot_be_checked_for_duplicates_imports_nothing(
    qtbot, controller: ImportController, journal: Journal, files: dict[str, Path], monkeypatch
) -> None:
    from runjournal.storage import errors

    def busy(results):
        raise errors.StorageError(errors.READ_BUSY)

    monkeypatch.setattr(journal, "plan_import", busy)  # worked out on the reading thread
    dialog = _review(qtbot, controller, [files["run"]])
    assert dialog.error_row.isVisible()
    assert "could not be checked for duplicates" in dialog.error_label.text()
    assert "Another program is using the journal" in dialog.error_label.text()
    assert not dialog.import_button.isEnabled()
    assert journal.runs() == []


def test_a_failed_store_is_shown_and_the_dialog_stays_open(
    qtbot,
    controller: ImportController,
    journal: Journal,
    undo_stack: QUndoStack,
    files: dict[str, Path],
    monkeypatch,
) -> None:
    dialog = _review(qtbot, controller, [files["run"]])

    def full_disk(plan):
        raise OSError("No space left on device")

    monkeypatch.setattr(journal, "store_import", full_disk)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_row.isVisible()
    assert "No space left on device" in dialog.error_label.text()
    assert undo_stack.count() == 0
    assert journal.runs() == []


def test_choose_files_opens_the_review_for_the_picked_files(
    qtbot, controller: ImportController, files: dict[str, Path], monkeypatch
) -> None:
    monkeypatch.setattr(controller_module, "ask_file_names", lambda parent, folder: [files["run"]])
    controller.choose_files()
    qtbot.waitUntil(
        lambda: controller.dialog is not None and controller.dialog.plan is not None, timeout=20_000
    )
    assert controller.dialog is not None
    assert _rows(controller.dialog) == {RUN_TCX: "✓ new"}


def test_import_folder_reviews_the_activity_files_in_it(
    qtbot, controller: ImportController, files: dict[str, Path], monkeypatch
) -> None:
    folder = files["run"].parent
    (folder / "readme.txt").write_text("not an activity")
    monkeypatch.setattr(controller_module, "ask_folder", lambda parent, start: folder)
    controller.choose_folder()
    qtbot.waitUntil(
        lambda: controller.dialog is not None and controller.dialog.plan is not None, timeout=20_000
    )
    assert controller.dialog is not None
    rows = _rows(controller.dialog)
    assert rows[RUN_TCX] == "✓ new" and rows[RIDE_FIT] == "✓ new"
    assert "readme.txt" not in rows  # only activity files are read from a folder
    assert set(rows) == {RUN_TCX, RIDE_FIT, "notes.fit", "empty.gpx"}  # named as activities: explained


def test_choosing_nothing_opens_nothing(controller: ImportController, monkeypatch) -> None:
    monkeypatch.setattr(controller_module, "ask_file_names", lambda parent, folder: [])
    controller.choose_files()
    assert controller.dialog is None


def test_drops_accept_local_files_only(controller: ImportController, files: dict[str, Path]) -> None:
    local = QMimeData()
    local.setUrls([QUrl.fromLocalFile(str(files["run"])), QUrl("https://example.org/run.gpx")])
    assert controller.accepts(local)
    assert controller.paths_from(local) == [files["run"]]
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/run.gpx")])
    assert not controller.accepts(web)
    text = QMimeData()
    text.setText("a run")
    assert not controller.accepts(text)


def _exported_journal(tmp_path: Path) -> Path:
    from datetime import date

    with Journal.open(tmp_path / "other.sqlite") as other:
        other.log_run(Run(day=date(2026, 11, 2), duration_s=1800, distance_m=5000))
        other.log_run(Run(day=date(2026, 11, 4), duration_s=2400))
        other.save_check_in(CheckIn(day=date(2026, 11, 4), mood=7))
        path = tmp_path / "everything.json"
        export(other, path)
    return path


def test_a_whole_journal_export_fills_an_empty_journal_after_confirming(
    qtbot, controller: ImportController, journal: Journal, tmp_path: Path, monkeypatch
) -> None:
    document = _exported_journal(tmp_path)
    asked: list[tuple[str, int, int]] = []

    def agree(parent, name, runs, check_ins):
        asked.append((name, runs, check_ins))
        return True

    monkeypatch.setattr(controller_module, "ask_to_load_document", agree)
    with qtbot.waitSignal(controller.document_loaded) as loaded:
        controller.import_paths([document])
    assert asked == [("everything.json", 2, 1)]
    assert loaded.args == [2, 1]
    assert len(journal.runs()) == 2
    assert controller.dialog is None  # no review list for a whole journal


def test_declining_a_whole_journal_stores_nothing(
    controller: ImportController, journal: Journal, tmp_path: Path, monkeypatch
) -> None:
    document = _exported_journal(tmp_path)
    monkeypatch.setattr(controller_module, "ask_to_load_document", lambda *args: False)
    controller.import_paths([document])
    assert journal.is_empty()


def test_a_whole_journal_is_explained_when_the_journal_is_not_empty(
    controller: ImportController, journal: Journal, tmp_path: Path, monkeypatch
) -> None:
    from datetime import date

    document = _exported_journal(tmp_path)
    journal.log_run(Run(day=date(2026, 10, 1), duration_s=1200))
    told: list[str] = []
    monkeypatch.setattr(controller_module, "ask_to_load_document", lambda *args: pytest.fail("must not ask"))
    monkeypatch.setattr(controller_module, "tell", lambda parent, title, message, **kw: told.append(message))
    controller.import_paths([document])
    assert len(told) == 1
    assert "empty journal" in told[0]
    assert "File → Open Journal…" in told[0]
    assert len(journal.runs()) == 1


def test_a_whole_journal_among_activity_files_is_refused_with_a_reason(
    qtbot, controller: ImportController, tmp_path: Path, files: dict[str, Path]
) -> None:
    document = _exported_journal(tmp_path)
    dialog = _review(qtbot, controller, [files["run"], document])
    rows = _rows(dialog)
    assert rows[RUN_TCX] == "✓ new"
    assert "whole RunJournal journal" in rows["everything.json"]


def test_a_refused_files_reason_spans_the_empty_cells_even_after_sorting(
    qtbot, controller: ImportController, files: dict[str, Path]
) -> None:
    dialog = _review(qtbot, controller, [files["empty"], files["run"], files["ride"]])
    header = dialog.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, COL_DATE))
    model = dialog.table.model()
    names = [model.index(row, COL_FILE).data() for row in range(model.rowCount())]
    assert names == [RUN_TCX, RIDE_FIT, "empty.gpx"]  # oldest first; no date last
    assert dialog.table.columnSpan(2, COL_DATE) == COL_STATUS - COL_DATE + 1
    assert dialog.table.columnSpan(0, COL_DATE) == 1
    assert model.index(2, COL_DATE).data().startswith("✕ can't import: ")


def _section_centre(header, section: int):
    from PySide6.QtCore import QPoint

    return QPoint(
        header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2
    )


def test_files_dropped_on_the_main_window_are_imported_with_one_undo(
    qtbot, journal: Journal, files: dict[str, Path]
) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    from runjournal.ui.main_window import MainWindow

    main = MainWindow(journal)
    qtbot.addWidget(main)
    main.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files["ride"])), QUrl.fromLocalFile(str(files["run"]))])
    drop = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    main.dropEvent(drop)
    dialog = main.importer.dialog
    assert dialog is not None
    if dialog.plan is None:
        with qtbot.waitSignal(dialog.plan_ready, timeout=20_000):
            pass
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(journal.runs()) == 2
    assert main.statusBar().currentMessage().startswith("Imported 2 runs.")
    main.undo_action.trigger()
    assert journal.runs() == []


# The review can be edited (issue 21, problem 7) ------------------------------------------


def _row_of(dialog: ImportDialog, name: str) -> int:
    model = dialog.table.model()
    return next(r for r in range(model.rowCount()) if model.index(r, COL_FILE).data() == name)


def test_unticking_a_row_leaves_it_out_and_the_button_counts_in_words(
    qtbot, controller: ImportController, journal: Journal, files: dict[str, Path]
) -> None:
    dialog = _review(qtbot, controller, [files["ride"], files["run"]])
    model = dialog.table.model()
    ride = model.index(_row_of(dialog, RIDE_FIT), COL_FILE)
    assert ride.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked.value
    assert model.setData(ride, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.import_button.text() == "Import 1 activity"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    (stored,) = journal.runs()
    assert stored.activity is Activity.RUN  # only the run: the ride was unticked


def test_unticking_every_row_disables_import(
    qtbot, controller: ImportController, files: dict[str, Path]
) -> None:
    dialog = _review(qtbot, controller, [files["run"]])
    model = dialog.table.model()
    model.setData(model.index(0, COL_FILE), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.import_button.text() == "Import" and not dialog.import_button.isEnabled()


def test_changing_the_activity_of_several_rows_at_once(
    qtbot, controller: ImportController, journal: Journal, files: dict[str, Path]
) -> None:
    dialog = _review(qtbot, controller, [files["ride"], files["run"]])
    dialog.table.selectAll()
    dialog.activity_choice.setCurrentIndex(dialog.activity_choice.findData(Activity.WALK.value))
    qtbot.mouseClick(dialog.apply_activity_button, Qt.MouseButton.LeftButton)
    model = dialog.table.model()
    assert {model.index(r, COL_ACTIVITY).data() for r in range(model.rowCount())} == {"Walk"}
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert {run.activity for run in journal.runs()} == {Activity.WALK}


def test_a_long_reason_is_readable_in_full(
    qtbot, controller: ImportController, files: dict[str, Path], tmp_path: Path
) -> None:
    long_name = "a-very-long-file-name-from-a-bulk-export-" * 3 + ".gpx"
    path = tmp_path / long_name
    path.write_bytes(b"")
    dialog = _review(qtbot, controller, [files["run"], path])
    row = _row_of(dialog, long_name)
    dialog.table.selectRow(row)
    reason = dialog.model.item_at(row).reason
    assert reason in dialog.reason_text()  # the details pane, word-wrapped
    assert dialog.reason_label.wordWrap()
    assert reason in dialog.table.model().index(row, COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)


def test_space_ticks_and_unticks_the_selected_entry(
    qtbot, controller: ImportController, files: dict[str, Path]
) -> None:
    dialog = _review(qtbot, controller, [files["run"]])
    dialog.table.setCurrentIndex(dialog.table.model().index(0, COL_FILE))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.import_button.text() == "Import" and "left out" in dialog.reason_text()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.import_button.text() == "Import 1 activity"
