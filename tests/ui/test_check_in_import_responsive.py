"""Thirty years of daily check-ins are read and compared with the journal off the window's
thread: the window keeps answering while the table is read, says what it is doing, and
the person can stop it."""

from __future__ import annotations

import random
import threading
import time
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from runjournal.domain.model import CheckIn
from runjournal.formats.csv_files import check_ins_table
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.importing import controller as controller_module
from runjournal.ui.importing.controller import ImportController

DAYS = 11_000  # a check-in every day for thirty years
TICK_MS = 10
READS = 3


def _thirty_years(seed: int) -> list[CheckIn]:
    draw = random.Random(seed)
    first = date(1996, 1, 1)
    return [
        CheckIn(
            first + timedelta(days=n),
            mood=draw.randint(1, 10),
            stress=draw.randint(1, 10),
            sleep_hours=draw.choice([None, 6.5, 7.0, 8.25]),
            tags=("time outside",) if draw.random() < 0.3 else (),
            note="a good day" if draw.random() < 0.1 else "",
        )
        for n in range(DAYS)
    ]


@pytest.fixture
def big_table(tmp_path: Path, test_seed: int) -> tuple[Path, list[CheckIn]]:
    days = _thirty_years(test_seed)
    path = tmp_path / "check-ins.csv"
    path.write_text(check_ins_table(days), encoding="utf-8")
    return path, days


def _controller(qtbot, journal: Journal) -> ImportController:
    parent = QWidget()
    qtbot.addWidget(parent)
    return ImportController(JournalBridge(journal), QUndoStack(), parent)


def _close_the_review(qtbot, importer: ImportController) -> None:
    """Closes a review left open and waits until it is gone. The review is window-modal, so
    a person closes it before importing again; putting away 11,000 rows is not reading them."""
    review = importer.check_in_dialog
    if review is None:
        return
    gone: list[bool] = []
    review.destroyed.connect(lambda: gone.append(True))
    review.reject()
    importer.check_in_dialog = None
    review.deleteLater()
    qtbot.waitUntil(lambda: bool(gone))


def _reviewed(importer: ImportController, rows: int) -> bool:
    dialog = importer.check_in_dialog
    return dialog is not None and dialog.plan is not None and dialog.model.rowCount() == rows


def test_the_window_keeps_answering_while_a_big_table_is_read(
    qtbot, journal: Journal, big_table: tuple[Path, list[CheckIn]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, days = big_table
    from runjournal.ui.importing import check_in_reader

    read_on: list[bool] = []  # whether each read ran on the window's thread
    real_read = check_in_reader.read_and_plan

    def recorded(*args):  # type: ignore[no-untyped-def]
        read_on.append(threading.current_thread() is threading.main_thread())
        return real_read(*args)

    monkeypatch.setattr(check_in_reader, "read_and_plan", recorded)
    journal.save_check_in(days[5].replace(mood=1 if days[5].mood != 1 else 2))  # one differing day
    importer = _controller(qtbot, journal)
    window = importer.parent_widget
    window.show()  # painted already, as the person's window is when they import
    qtbot.waitExposed(window)
    ticks: list[float] = []
    ticker = QTimer()
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    ticker.start()
    qtbot.waitUntil(lambda: len(ticks) >= 3)  # the ticker runs before the import starts

    def held_up_while_read() -> tuple[float, float, int]:
        """The longest the window went without answering while the table was read and
        its review shown, the whole time that took, and how often it answered meanwhile."""
        _close_the_review(qtbot, importer)  # as a person does before importing again
        importer.import_check_ins(path)
        dialog = importer.check_in_dialog
        assert dialog is not None
        # From the moment the table is being read: the dialog is on screen by then (opening a
        # window-modal dialog and painting it is the same for any dialog, not this read's).
        qtbot.waitUntil(lambda: dialog.is_reading, timeout=10_000)
        began = time.perf_counter()
        qtbot.waitUntil(lambda: _reviewed(importer, DAYS), timeout=120_000)
        ended = time.perf_counter()
        moments = [began, *(t for t in ticks if began < t < ended), ended]
        return max(b - a for a, b in pairwise(moments)), ended - began, len(moments) - 2

    # Three reads (each after the review before it is closed), judged by the middle one,
    # so one moment when a busy machine gives the test no turn does not decide.
    reads = sorted((held_up_while_read() for _ in range(READS)), key=lambda read: read[0] / read[1])
    ticker.stop()
    longest, whole, answered = reads[READS // 2]
    # Read on the window's thread, the window would not answer at all until the review is
    # there (918 ms of 918 ms before). Off it, the window keeps answering while the table is
    # read. How long its pauses are depends on the machine and, here, on a test process whose
    # collector and imports cost more than an installed app's; the 50 ms goal is measured as
    # a person meets it, in a fresh window process: tests/benchmarks/bench_check_in_import.py.
    assert read_on and not any(read_on)
    assert answered >= 3 and longest < whole, (
        f"the window was held up for {longest * 1000:.0f} ms of the {whole * 1000:.0f} ms the table "
        f"took, and answered {answered} times meanwhile"
    )
    dialog = importer.check_in_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    # What the review shows is the whole table, as before.
    assert dialog.status_texts().count("✓ new") == DAYS - 1
    assert dialog.status_texts()[5] == "≠ differs: yours is kept"
    assert dialog.import_button.text() == f"Import {DAYS - 1} days"


def test_reading_says_what_it_does_and_cancel_stops_it_with_the_journal_unchanged(
    qtbot, journal: Journal, big_table: tuple[Path, list[CheckIn]]
) -> None:
    path, _days = big_table
    importer = _controller(qtbot, journal)
    importer.import_check_ins(path)
    dialog = importer.check_in_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.is_reading
    assert dialog.progress_label.text() == "Reading “check-ins.csv”…"
    assert not dialog.import_button.isEnabled()

    with qtbot.waitSignal(dialog.read_cancelled):
        dialog.reject()
    assert not dialog.isVisible()
    assert not dialog.is_reading
    qtbot.waitUntil(lambda: not _pool_busy())
    assert dialog.plan is None  # the read that went on in the background is never shown
    assert journal.check_ins() == []


def _pool_busy() -> bool:
    from PySide6.QtCore import QCoreApplication, QThreadPool

    QCoreApplication.processEvents()
    return QThreadPool.globalInstance().activeThreadCount() > 0


def test_an_unreadable_table_is_told_in_the_same_words_and_opens_no_review(
    qtbot, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        controller_module, "tell", lambda _parent, title, message, **_: told.append((title, message))
    )
    path = tmp_path / "check-ins.csv"
    path.mkdir()  # a folder by a table's name: there is nothing to read
    importer = _controller(qtbot, journal)
    importer.import_check_ins(path)
    qtbot.waitUntil(lambda: bool(told))
    assert told == [("Check-ins Not Imported", "“check-ins.csv” could not be read (Is a directory).")]
    assert importer.check_in_dialog is None


def test_columns_fit_the_widest_entry_even_far_down_a_long_table(
    qtbot, journal: Journal, tmp_path: Path
) -> None:
    from runjournal.ui.importing.check_in_review_model import COL_STATUS, COL_TAGS

    first = date(2010, 1, 1)
    days = [CheckIn(first + timedelta(days=n), mood=5) for n in range(3_000)]
    long_tags = ("a long walk by the river with my sister", "caffeine late")
    days[2_500] = days[2_500].replace(tags=long_tags)
    journal.save_check_in(days[2_700].replace(mood=6))  # differs, far down the table
    path = tmp_path / "check-ins.csv"
    path.write_text(check_ins_table(days), encoding="utf-8")
    importer = _controller(qtbot, journal)
    importer.import_check_ins(path)
    qtbot.waitUntil(lambda: _reviewed(importer, len(days)), timeout=60_000)
    dialog = importer.check_in_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    header = dialog.table.horizontalHeader()
    metrics = dialog.table.fontMetrics()
    assert header.sectionSize(COL_TAGS) > metrics.horizontalAdvance(", ".join(long_tags))

    # Ticking the differing day makes its row read longer: the column grows to show it whole.
    dialog.model.setData(
        dialog.model.index(2_700, COL_STATUS), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    ticked = dialog.status_texts()[2_700]
    assert ticked == "≠ differs: the file's replaces yours"
    assert header.sectionSize(COL_STATUS) > metrics.horizontalAdvance(ticked)


def test_use_the_files_for_all_ticks_every_differing_day_at_once(
    qtbot, journal: Journal, tmp_path: Path
) -> None:
    first = date(2010, 1, 1)
    days = [CheckIn(first + timedelta(days=n), mood=5) for n in range(400)]
    journal.add_entries([], [day.replace(mood=6) for day in days[:300]])
    path = tmp_path / "check-ins.csv"
    path.write_text(check_ins_table(days), encoding="utf-8")
    importer = _controller(qtbot, journal)
    importer.import_check_ins(path)
    qtbot.waitUntil(lambda: _reviewed(importer, len(days)), timeout=60_000)
    dialog = importer.check_in_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    changes: list[None] = []
    dialog.model.choices_changed.connect(lambda: changes.append(None))

    qtbot.mouseClick(dialog.use_all_button, Qt.MouseButton.LeftButton)
    assert dialog.status_texts().count("≠ differs: the file's replaces yours") == 300
    assert dialog.import_button.text() == "Import 400 days"
    assert len(changes) == 1  # one change for the review to take in, not one per day
    qtbot.mouseClick(dialog.keep_all_button, Qt.MouseButton.LeftButton)
    assert dialog.import_button.text() == "Import 100 days"
    dialog.confirm()
    assert journal.check_ins() == [day.replace(mood=6) for day in days[:300]] + days[300:]


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(
        controller_module, "tell", lambda _parent, title, message, **_: messages.append((title, message))
    )
    return messages


def test_a_table_with_no_days_is_told_in_the_same_words(
    qtbot, journal: Journal, tmp_path: Path, told: list[tuple[str, str]]
) -> None:
    path = tmp_path / "check-ins.csv"
    path.write_text("date,mood\n,\n", encoding="utf-8")
    importer = _controller(qtbot, journal)
    importer.import_check_ins(path)
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert told == [
        (
            "Check-ins Not Imported",
            "“check-ins.csv” has a header but no days in it; there is nothing to import. "
            "Your journal was not changed.",
        )
    ]
    assert importer.check_in_dialog is None
    assert journal.check_ins() == []


def _import_one_day(qtbot, journal: Journal, tmp_path: Path, told: list[tuple[str, str]]) -> ImportController:
    """Imports a table of one day and waits until the person is told how it went."""
    path = tmp_path / "check-ins.csv"
    path.write_text(check_ins_table([CheckIn(date(2026, 11, 30), mood=7)]), encoding="utf-8")
    importer = _controller(qtbot, journal)
    importer.import_check_ins(path)
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    return importer


def test_a_journal_that_cannot_be_read_is_told_and_nothing_changes(
    qtbot, journal: Journal, tmp_path: Path, told: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from runjournal.service import check_in_import
    from runjournal.service.journal import JournalError

    def unreadable(_journal: Journal, _table: object) -> None:
        raise JournalError("the journal file is locked by another program")

    monkeypatch.setattr(check_in_import, "plan_check_in_import", unreadable)
    importer = _import_one_day(qtbot, journal, tmp_path, told)
    assert told == [
        (
            "Check-ins Not Imported",
            "Your journal could not be read: the journal file is locked by another program",
        )
    ]
    assert importer.check_in_dialog is None


def test_a_fault_while_reading_is_logged_and_told_in_a_sentence(
    qtbot,
    journal: Journal,
    tmp_path: Path,
    told: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from runjournal.service import check_in_import

    def faulty(_journal: Journal, _table: object) -> None:
        raise RuntimeError("a fault in the plan")

    monkeypatch.setattr(check_in_import, "plan_check_in_import", faulty)
    importer = _import_one_day(qtbot, journal, tmp_path, told)
    ((title, message),) = told
    assert title == "Check-ins Not Imported"
    assert message.startswith(
        "Something went wrong while reading the check-ins table. Your saved entries are safe."
    )
    assert "Traceback" not in message
    assert any(
        record.exc_info and "a fault in the plan" in str(record.exc_info[1]) for record in caplog.records
    )
    assert importer.check_in_dialog is None


def test_reading_reports_each_step_before_the_review(qtbot, journal: Journal, tmp_path: Path) -> None:
    from runjournal.ui.importing.check_in_reader import CheckInReader

    path = tmp_path / "check-ins.csv"
    path.write_text(
        check_ins_table([CheckIn(date(2026, 11, 29), mood=6), CheckIn(date(2026, 11, 30), mood=7)]),
        encoding="utf-8",
    )
    reader = CheckInReader()
    steps: list[tuple[int, int, str]] = []
    reader.progress.connect(lambda step, total, words: steps.append((step, total, words)))
    with qtbot.waitSignal(reader.finished, timeout=20_000) as finished:
        reader.start(journal, path)
    assert steps == [(0, 2, "Reading “check-ins.csv”…"), (1, 2, "Comparing 2 rows with your journal…")]
    assert finished.args[0].plan.summary() == "2 new days."
