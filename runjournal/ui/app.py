"""Starting the window: the QApplication, the journal, the first-start welcome.

Opening problems (a damaged or foreign file) are shown in a message box in plain words,
never as a traceback, and the file is left as it was.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from runjournal import __version__
from runjournal.journal import Journal, JournalError
from runjournal.ui.main_window import MainWindow
from runjournal.ui.theme import apply_theme

SAMPLE_FILE = "sample-journal.sqlite"
SAMPLE_YEARS = 2
SMOKE_TIMEOUT_S = 30


def make_application(argv: list[str] | None = None) -> QApplication:
    os.environ.setdefault("LANG", "C.UTF-8")  # Qt warns about a missing locale otherwise
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("RunJournal")
    app.setOrganizationName("RunJournal")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("runjournal")
    apply_theme(app, str(QSettings().value("appearance/theme", "system")))  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def open_sample(window: MainWindow) -> None:
    """Opens the sample journal: a file of its own beside the person's, never mixed with it."""
    from datetime import date

    from runjournal import demo

    path = window.home_path.parent / SAMPLE_FILE
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        with Journal.open(path) as sample:
            if sample.is_empty():
                made = demo.generate(SAMPLE_YEARS, end=date.today())
                sample.add_entries(
                    made.runs,
                    made.check_ins,
                    made.settings.replace(units=window.bridge.journal.settings().units),
                )
    except JournalError as error:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(window, "The sample journal cannot be opened", str(error))
        return
    QGuiApplication.restoreOverrideCursor()
    window.switch_to(path)


def welcome(window: MainWindow) -> None:
    from runjournal.ui.dialogs.welcome_dialog import WelcomeDialog

    dialog = WelcomeDialog(window.home_path, window)
    if dialog.exec() != WelcomeDialog.DialogCode.Accepted:
        return
    journal = window.bridge.journal
    journal.save_settings(journal.settings().replace(units=dialog.units()))
    QSettings().setValue("welcome/done", True)
    if dialog.wants_sample:
        open_sample(window)


def _show_unexpected_error(window: MainWindow | None):
    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, trace))
        print(details, file=sys.stderr)
        box = QMessageBox(QMessageBox.Icon.Warning, "Something went wrong", "", parent=window)
        box.setText(
            "RunJournal ran into an unexpected problem. Your saved entries are safe; "
            "the last change may not have been saved — please check it."
        )
        box.setInformativeText(str(error))
        box.setDetailedText(details)
        box.exec()

    return hook


def smoke_test(app: QApplication, window: MainWindow, started: float) -> None:
    """Exits 0 once the window is on screen and painted with its data, 1 if it never is."""

    def check() -> None:
        handle = window.windowHandle()
        if handle is None or not handle.isExposed():
            if time.perf_counter() - started > SMOKE_TIMEOUT_S:
                print("smoke test: the window was never shown", file=sys.stderr)
                app.exit(1)
            else:
                QTimer.singleShot(10, check)
            return
        window.repaint()  # a synchronous paint of everything on screen, with its data
        counts = window.bridge.journal.counts()
        print(
            f"smoke test: window painted with {counts.runs} runs and {counts.check_ins} check-ins "
            f"in {time.perf_counter() - started:.2f} s"
        )
        app.exit(0)

    QTimer.singleShot(0, check)


def run(path: Path, *, smoke: bool = False) -> int:
    started = time.perf_counter()
    app = make_application()
    try:
        journal = Journal.open(path)
    except JournalError as error:
        if smoke:
            print(f"smoke test: {error}", file=sys.stderr)
        else:
            QMessageBox.critical(None, "RunJournal cannot open the journal", str(error))
        return 3
    window = MainWindow(journal)
    window.show()
    if smoke:
        smoke_test(app, window, started)
    else:
        sys.excepthook = _show_unexpected_error(window)
        if not QSettings().value("welcome/done", False, type=bool) and journal.is_empty():
            QTimer.singleShot(0, lambda: welcome(window))
    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone(
            10_000
        )  # background figures finish before the journal closes
        window.bridge.journal.close()


def main() -> int:
    """Entry point of the `runjournal-gui` launcher."""
    from runjournal.cli import main as cli_main

    return cli_main(sys.argv[1:])
