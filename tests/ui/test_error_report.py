"""An unexpected error is logged beside the journal, shown in plain words, and survived."""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton

from runjournal import __version__, logs
from runjournal.ui import error_report
from runjournal.ui.error_report import LOG_FILE, install_error_handler, logs_dir


@pytest.fixture
def window(qtbot) -> QMainWindow:
    window = QMainWindow()
    window.resize(800, 600)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def reporter(window: QMainWindow, journal_path: Path):
    hooks = sys.excepthook, threading.excepthook
    reporter = install_error_handler(lambda: window, logs_dir(journal_path))
    yield reporter
    if reporter.box is not None:
        reporter.box.close()
    reporter.close()
    sys.excepthook, threading.excepthook = hooks


def _raise_in_a_slot() -> tuple[type[BaseException], BaseException, TracebackType | None]:
    try:
        dict[str, int]()["week"]  # a bug somewhere in a view
    except KeyError:
        kind, error, trace = sys.exc_info()
        assert kind is not None and error is not None
        return kind, error, trace
    raise AssertionError("unreachable")


def test_an_unexpected_error_is_logged_and_shown_and_the_app_keeps_running(
    qtbot, reporter, window: QMainWindow, journal_path: Path
) -> None:
    sys.excepthook(*_raise_in_a_slot())

    log = journal_path.parent / "logs" / LOG_FILE
    text = log.read_text()
    assert f"RunJournal {__version__}" in text and "KeyError: 'week'" in text and "Traceback" in text
    if os.name == "posix":
        assert stat.S_IMODE(log.stat().st_mode) == 0o600
        assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700

    box = reporter.box
    assert box is not None and box.isVisible()
    assert box.parent() is window
    assert box.text().startswith("Something went wrong. Your saved entries are safe;")
    assert "please check it" in box.text()
    assert f"the log at {log} helps" in box.informativeText()
    assert "KeyError: 'week'" in box.detailedText()
    buttons = [b.text() for b in box.buttons()]
    assert "Open Log Folder" in buttons and any("OK" in b for b in buttons)

    # The app is still running: the window is there and takes input.
    assert window.isVisible()
    assert QApplication.instance() is not None
    box.close()
    qtbot.waitUntil(lambda: reporter.box is None)


def test_errors_while_the_dialog_is_open_join_it_instead_of_stacking(reporter) -> None:
    sys.excepthook(*_raise_in_a_slot())
    first = reporter.box
    try:
        raise RuntimeError("second problem")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert reporter.box is first and reporter.shown == 1
    assert "second problem" in first.detailedText()


def test_an_error_while_showing_the_dialog_does_not_loop(reporter, monkeypatch, journal_path: Path) -> None:
    calls = []

    def broken(*args: object) -> None:
        calls.append(1)
        raise RuntimeError("the dialog itself failed")

    monkeypatch.setattr(error_report, "build_error_box", broken)
    sys.excepthook(*_raise_in_a_slot())
    assert calls == [1] and reporter.box is None
    assert "KeyError" in (journal_path.parent / "logs" / LOG_FILE).read_text()


def test_open_log_folder_shows_the_logs(qtbot, reporter, monkeypatch, journal_path: Path) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(error_report, "open_log_folder", opened.append)
    sys.excepthook(*_raise_in_a_slot())
    button = next(b for b in reporter.box.buttons() if b.text() == "Open Log Folder")
    assert isinstance(button, QPushButton)
    qtbot.mouseClick(button, error_report.Qt.MouseButton.LeftButton)
    assert opened == [journal_path.parent / "logs"]


def test_an_error_in_another_thread_is_shown_on_the_ui_thread(qtbot, reporter) -> None:
    def work() -> None:
        raise ValueError("figures went wrong")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible())
    assert "ValueError: figures went wrong" in reporter.box.detailedText()


def test_the_log_rotates(monkeypatch, journal_path: Path) -> None:
    monkeypatch.setattr(logs, "LOG_BYTES", 2000)
    small = error_report.ErrorReporter(lambda: None, logs_dir(journal_path))
    try:
        for _ in range(10):
            small.write_log("x" * 500)
    finally:
        small.close()
    names = sorted(p.name for p in (journal_path.parent / "logs").iterdir())
    assert LOG_FILE in names and f"{LOG_FILE}.1" in names
    assert len(names) <= 1 + error_report.LOG_COUNT
