"""The main window opened at a given size, for tests that look at what fits on screen."""

from __future__ import annotations

from runjournal.service.journal import Journal
from runjournal.ui.main_window import MainWindow


def open_window(qtbot, journal: Journal, width: int, height: int) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(journal)
    qtbot.addWidget(window)
    window.show()
    window.resize(width, height)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    return window
