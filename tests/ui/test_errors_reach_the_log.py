"""A bug in background work never vanishes: its traceback reaches the log beside the
journal, and the person reads a sentence instead of the bug's name. An expected failure
(a disk problem) is said in words and is no bug to log."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from runjournal import logs
from runjournal.ui.background import BackgroundLoader
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.insights import InsightsView

TIMEOUT_MS = 20000


@pytest.fixture
def log_file(journal_path: Path):
    yield logs.log_beside(journal_path)
    logs.stop_logging()


def test_a_bug_while_working_out_insights_is_logged_and_told_in_a_sentence(
    qtbot, journal, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def insights_with_a_bug(today):  # type: ignore[no-untyped-def]
        return {}["week"]

    monkeypatch.setattr(journal, "insights", insights_with_a_bug)
    view = InsightsView(JournalBridge(journal))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loader.failed, timeout=TIMEOUT_MS):
        view.show()

    text = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "insights_with_a_bug" in text and "KeyError: 'week'" in text
    if os.name == "posix":
        assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700

    status = view.status_label.text()
    assert view.status_label.isVisible()
    assert status.startswith("Your insights could not be worked out: Something went wrong")
    assert "Your saved entries are safe." in status and str(log_file) in status
    assert "'week'" not in status


def test_an_expected_failure_is_told_as_it_is_and_not_logged(qtbot, log_file: Path) -> None:
    loader = BackgroundLoader()

    def disk_gone() -> object:
        raise OSError("the disk went away")

    with qtbot.waitSignal(loader.failed, timeout=TIMEOUT_MS) as told:
        loader.start(disk_gone)
    assert told.args == ["the disk went away"]
    assert not log_file.exists()


def test_after_opening_another_journal_errors_are_logged_beside_that_one(
    qtbot, journal, journal_path: Path, tmp_path: Path
) -> None:
    import sys
    import threading

    from PySide6.QtCore import QSettings

    from runjournal.ui import app as app_module
    from runjournal.ui.error_report import install_error_handler
    from runjournal.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    app_module.make_application()
    hooks = sys.excepthook, threading.excepthook
    window = MainWindow(journal)
    qtbot.addWidget(window)
    reporter = install_error_handler(lambda: window, logs.logs_dir(journal_path))
    try:
        other = tmp_path / "elsewhere" / "other.sqlite"
        assert window.switch_to(other)
        loader = BackgroundLoader()
        with qtbot.waitSignal(loader.failed, timeout=TIMEOUT_MS) as told:
            loader.start(lambda: dict[str, int]()["week"])
        moved = other.parent / "logs" / logs.LOG_FILE
        assert "KeyError: 'week'" in moved.read_text(encoding="utf-8")
        assert str(moved) in told.args[0] and reporter.log_file == moved
        assert not (journal_path.parent / "logs" / logs.LOG_FILE).exists()
    finally:
        reporter.close()
        sys.excepthook, threading.excepthook = hooks
        QSettings().clear()
