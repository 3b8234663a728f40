"""Starting the window: the QApplication, the journal, the first-start welcome.

One window per journal: a second start on the same journal brings the first window to
the front and exits (single_instance). Opening problems (a damaged, foreign, newer or
read-only file) are shown in plain words with what can be done (restore the newest good
backup, open another journal, try again, quit), never as a traceback; a damaged file is
only ever moved aside, never overwritten. Unexpected errors are logged beside the journal
and shown in a dialog; the app keeps running (error_report).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from runjournal import __version__
from runjournal.paths import resource
from runjournal.service.journal import Journal, JournalError
from runjournal.service.protection import asks_for_passphrase
from runjournal.ui import start_collector
from runjournal.ui.display import refuse_without_display
from runjournal.ui.main_window import MainWindow
from runjournal.ui.single_instance import CHECK_IN_MESSAGE, RAISE_MESSAGE, SingleInstance, bring_to_front
from runjournal.ui.theme import apply_theme
from runjournal.ui.widgets.sample_banner import SAMPLE_FILE

if TYPE_CHECKING:
    from runjournal.ui.dialogs.open_problem_dialog import OpenOutcome
    from runjournal.ui.locking import Unlocked

SAMPLE_YEARS = 2
SMOKE_TIMEOUT_S = 30
FIRST_PAINT_WAIT_S = 3
EXIT_UNUSABLE = 3


def make_application(argv: list[str] | None = None) -> QApplication:
    os.environ.setdefault("LANG", "C.UTF-8")  # Qt warns about a missing locale otherwise
    # The stubs give instance() as the QCoreApplication it is declared on; here it is a QApplication.
    app = cast(QApplication, QApplication.instance() or QApplication(argv or sys.argv[:1]))
    app.setApplicationName("RunJournal")
    app.setOrganizationName("RunJournal")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("runjournal")  # groups the window under its launcher
    app.setWindowIcon(QIcon(str(resource("ui", "icons", "runjournal.svg"))))
    apply_theme(app, str(QSettings().value("appearance/theme", "system")))
    return app


def open_sample(window: MainWindow) -> None:
    """Opens the sample journal: a file of its own beside the person's, never mixed with it."""
    from datetime import date

    from runjournal.service.samples import fill_with_sample

    path = window.home_path.parent / SAMPLE_FILE
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        with Journal.open(path) as sample:
            if sample.is_empty():
                units = window.bridge.journal.settings().units
                fill_with_sample(sample, SAMPLE_YEARS, end=date.today(), units=units)
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
    problem = dialog.reminder.apply(window.home_path)
    if problem:
        QMessageBox.warning(window, "The daily reminder", problem)
    if dialog.protect.isChecked():
        from runjournal.ui.locking import change_protection

        change_protection(window)  # the protect dialog: typed twice, with its warning
    if dialog.wants_sample:
        open_sample(window)


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


def after_first_paint(window: MainWindow, action: Callable[[], object]) -> None:
    """Runs `action` just after the window is first on screen and painted (or after a few
    seconds if it never is, e.g. started minimised), keeping it off the first paint."""
    deadline = time.perf_counter() + FIRST_PAINT_WAIT_S

    def check() -> None:
        handle = window.windowHandle()
        if (handle is None or not handle.isExposed()) and time.perf_counter() < deadline:
            QTimer.singleShot(10, check)
            return
        QTimer.singleShot(0, action)  # queued behind the paint of the newly exposed window

    QTimer.singleShot(0, check)


def show_open_problem(path: Path, error: JournalError) -> OpenOutcome:
    """Asks what to do about a journal that cannot be opened (tests replace this function)."""
    from runjournal.ui.dialogs.open_problem_dialog import OpenProblemDialog, newest_good_backup

    start_collector.resume()  # no window to paint yet; the person may take their time
    dialog = OpenProblemDialog(path, error, newest_good_backup(path))
    dialog.exec()
    return dialog.outcome()


def ask_passphrase(path: Path) -> Unlocked:
    """Asks for a locked journal's passphrase (tests replace this function)."""
    from runjournal.ui.locking import unlock

    start_collector.resume()  # no window to paint yet; the person may take their time
    return unlock(path)


@dataclass
class Opened:
    journal: Journal
    note: str = ""  # what happened on the way, for the status bar


def open_journal(path: Path, instance: SingleInstance | None, *, smoke: bool = False) -> Opened | int:
    """Opens `path`, asking the person what to do for as long as it cannot be opened.

    Returns the open journal, or the exit code when there is none to show: 3 when the
    person quits (or, in the smoke test, at the first problem), 0 when the journal they
    chose is already open in another RunJournal window, which was brought to the front.
    """
    note = ""
    while True:
        try:
            passphrase = None
            if not smoke and asks_for_passphrase(path):  # the passphrase before anything else
                unlocked = ask_passphrase(path)
                if unlocked.path is None:
                    return EXIT_UNUSABLE
                if unlocked.path != path:
                    if instance is not None and not instance.switch_to(unlocked.path):
                        print(instance.message)
                        return 0 if instance.raised_other else EXIT_UNUSABLE
                    path = unlocked.path
                    continue
                passphrase = unlocked.passphrase
            return Opened(Journal.open(path, passphrase=passphrase), note)
        except JournalError as error:
            if smoke:
                print(f"smoke test: {error}", file=sys.stderr)
                return EXIT_UNUSABLE
            outcome = show_open_problem(path, error)
        # Loaded only when a journal cannot be opened: a normal start never needs it.
        from runjournal.ui.dialogs.open_problem_dialog import OpenChoice

        if outcome.choice is OpenChoice.QUIT or outcome.path is None:
            return EXIT_UNUSABLE
        if instance is not None and not instance.switch_to(outcome.path):
            print(instance.message)
            return 0 if instance.raised_other else EXIT_UNUSABLE
        path = outcome.path
        if outcome.choice is OpenChoice.RESTORE and outcome.moved_to is not None:
            note = f"Restored the newest backup. The damaged file is kept as {outcome.moved_to.name}."


def _follow_switches(window: MainWindow, instance: SingleInstance) -> None:
    """Keeps the claim on whichever journal the window has open (File → Open Journal…)."""

    def moved() -> None:
        if not instance.switch_to(window.bridge.journal.path):
            window.statusBar().showMessage(instance.message, 15000)

    window.bridge.journal_replaced.connect(moved)


def run(path: Path, *, smoke: bool = False, check_in: bool = False) -> int:
    if (refused := refuse_without_display()) is not None:  # before Qt, which would abort
        return refused
    started = time.perf_counter()
    app = make_application()
    instance = SingleInstance(path)
    # The lock now; answering later starts (which loads Qt's network module) after the first paint.
    request = CHECK_IN_MESSAGE if check_in else RAISE_MESSAGE
    if not instance.acquire(notify=not smoke, listen=False, request=request):
        if smoke:
            print(f"smoke test: {instance.message}", file=sys.stderr)
            return EXIT_UNUSABLE
        print(instance.message)
        if not instance.raised_other:
            QMessageBox.warning(None, "RunJournal is already open", instance.message)
        return 0 if instance.raised_other else EXIT_UNUSABLE
    window: MainWindow | None = None
    reporter = None
    if not smoke:  # the smoke test reports on stderr; a person's errors go to a log and a dialog
        from runjournal.ui.error_report import install_error_handler, logs_dir

        reporter = install_error_handler(lambda: window, logs_dir(path))
    try:
        opened = open_journal(path, instance, smoke=smoke)
        if isinstance(opened, int):
            return opened
        journal = opened.journal
        window = MainWindow(journal, single_instance=instance)
        instance.raiseRequested.connect(lambda: bring_to_front(window))
        instance.checkInRequested.connect(window.start_check_in)
        _follow_switches(window, instance)
        window.show()
        if check_in:
            window.start_check_in()
        after_first_paint(window, start_collector.resume)
        after_first_paint(window, instance.listen)
        if opened.note:
            window.statusBar().showMessage(opened.note, 30000)
        if smoke:
            smoke_test(app, window, started)
        elif not QSettings().value("welcome/done", False, type=bool) and journal.is_empty():
            QTimer.singleShot(0, lambda: welcome(window))
        try:
            return app.exec()
        finally:
            # Background figures finish before the journal closes.
            QThreadPool.globalInstance().waitForDone(10_000)
            window.bridge.journal.close()
    finally:
        start_collector.resume()
        instance.release()
        if reporter is not None:
            reporter.close()
