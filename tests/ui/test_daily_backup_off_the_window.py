"""The daily backup copies and checks the whole journal: at thirty years of entries (or with
many stored originals) that takes long enough to freeze the window, so it is made on a worker
thread and only its outcome reaches the status bar."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from runjournal.domain.model import Run
from runjournal.service.journal import Journal, JournalError
from runjournal.ui.main_window import MainWindow

TODAY = date.today()


@pytest.fixture
def window(qtbot, journal: Journal) -> MainWindow:
    window = MainWindow(journal)
    qtbot.addWidget(window)
    return window


def test_the_daily_backup_is_made_off_the_windows_thread(
    qtbot, window: MainWindow, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.log_run(Run(day=TODAY, duration_s=1800))
    threads: list[threading.Thread] = []
    made_for_real = journal.backup_if_due

    def on_a_thread():  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return made_for_real()

    monkeypatch.setattr(journal, "backup_if_due", on_a_thread)
    window.backups.backup_if_due()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Daily backup made and checked"))
    assert threads and threads[0] is not threading.main_thread()
    made = journal.last_backup()
    assert made is not None and made.runs == 1


def test_a_daily_backup_that_cannot_be_made_is_said_in_the_status_bar(
    qtbot, window: MainWindow, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.log_run(Run(day=TODAY, duration_s=1800))

    def disk_full():  # type: ignore[no-untyped-def]
        raise JournalError("The backups folder is full; free some space and start RunJournal again.")

    monkeypatch.setattr(journal, "backup_if_due", disk_full)
    window.backups.backup_if_due()
    qtbot.waitUntil(lambda: "could not be made" in window.statusBar().currentMessage())
    assert "free some space" in window.statusBar().currentMessage()
    assert journal.runs()[0].duration_s == 1800
