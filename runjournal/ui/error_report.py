"""Unexpected errors: written to a log beside the journal, shown in plain words, survived.

A bug should cost a person at most the change they were making, never the app or their
trust in it. So an unexpected exception in the UI is caught by the excepthook, written
with the time and version to a rotating log in a `logs` folder beside the journal (the
log is what helps someone fix it), and shown in a dialog that says the saved entries are
safe and what to check. The app keeps running.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from runjournal import __version__, logs
from runjournal.logs import LOG_COUNT, LOG_FILE, logs_dir

__all__ = ["LOG_COUNT", "LOG_FILE", "ErrorReporter", "install_error_handler", "installed", "logs_dir"]

_log = logging.getLogger(__name__)


def error_text(log_file: Path) -> tuple[str, str]:
    """The dialog's main text and the line after it."""
    return (
        "Something went wrong. Your saved entries are safe; the last change may not have "
        "been saved — please check it.",
        f"If it happens again, the log at {log_file} helps.",
    )


def open_log_folder(folder: Path) -> None:
    """Shows the logs folder in the file manager; a module function so tests can replace it."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def build_error_box(
    error: BaseException, details: str, log_file: Path, parent: QWidget | None
) -> QMessageBox:
    """The dialog for one unexpected error, built without showing it (tests read it)."""
    text, informative = error_text(log_file)
    box = QMessageBox(QMessageBox.Icon.Warning, "Something went wrong", text, parent=parent)
    box.setObjectName("unexpectedErrorBox")
    box.setTextFormat(Qt.TextFormat.PlainText)
    summary = f"{type(error).__name__}: {error}" if str(error).strip() else type(error).__name__
    box.setInformativeText(f"{informative}\n\nWhat happened: {summary}")
    box.setDetailedText(details)
    box.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal)
    folder_button = box.addButton("Open Log Folder", QMessageBox.ButtonRole.ActionRole)
    folder_button.setToolTip(f"Show {log_file.parent} in the file manager")
    folder_button.setAccessibleName("Open log folder")
    folder_button.clicked.connect(lambda: open_log_folder(log_file.parent))
    ok = box.addButton(QMessageBox.StandardButton.Ok)
    box.setDefaultButton(ok)
    box.setEscapeButton(ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


class ErrorReporter(QObject):
    """Logs unexpected errors and shows them, one dialog at a time, on the UI thread."""

    _from_thread = Signal()

    def __init__(self, window_getter: Callable[[], QWidget | None], log_dir: Path) -> None:
        super().__init__()
        self.window_getter = window_getter
        self.log_file = Path(log_dir) / LOG_FILE
        self.box: QMessageBox | None = None  # the dialog on screen, if one is
        self.shown = 0  # how many dialogs were opened; later errors add to the open one
        self._busy = False
        self._pending: list[tuple[BaseException, str]] = []
        self._from_thread.connect(self._show_pending, Qt.ConnectionType.QueuedConnection)

    def start_log(self) -> None:
        """Sends every unexpected error of the app (this hook's and every handler's that
        logs one) to the log beside the journal."""
        if logs.log_file() != self.log_file:
            logs.log_to(self.log_file.parent)

    def follow(self, journal_path: Path) -> None:
        """Moves the log beside another journal the window opened (File → Open Journal…)."""
        was_logging = logs.log_file() == self.log_file
        self.log_file = logs_dir(journal_path) / LOG_FILE
        if was_logging:
            self.start_log()

    def write_log(self, details: str) -> None:
        """Appends one error, with time and version, to the log; never raises (a full disc
        must not turn one error into two: logging reports its own failures on stderr)."""
        self.start_log()
        _log.error("RunJournal %s, Python %s\n%s", __version__, sys.version.split()[0], details)

    def report(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        """The excepthook: log, then show (on the UI thread); never exits."""
        if issubclass(kind, KeyboardInterrupt):
            app = QApplication.instance()
            if app is not None:
                app.quit()
            return
        details = "".join(traceback.format_exception(kind, error, trace))
        print(details, file=sys.stderr)
        self.write_log(details)
        self._pending.append((error, details))
        if threading.current_thread() is threading.main_thread():
            self._show_pending()
        else:
            self._from_thread.emit()

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.report(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot()
    def _show_pending(self) -> None:
        if self._busy or not self._pending:
            return  # an error while the dialog is being built is logged, not shown again
        self._busy = True
        try:
            error, details = self._pending[-1]
            if self.box is not None and self.box.isVisible():
                # One dialog at a time: later errors join its details instead of stacking.
                self.box.setDetailedText(f"{self.box.detailedText()}\n{details}")
            else:
                self.box = build_error_box(error, details, self.log_file, self._parent())
                self.box.destroyed.connect(self._forget_box)
                self.box.open()
                self.shown += 1
            self._pending.clear()
        except Exception:  # showing the error failed: the error is in the log, and so is this
            _log.exception("The dialog for an unexpected error could not be shown")
            self._pending.clear()
        finally:
            self._busy = False

    def _forget_box(self) -> None:
        self.box = None

    def _parent(self) -> QWidget | None:
        try:
            window = self.window_getter()
            return window if window is not None and window.isVisible() else None
        except RuntimeError:  # the window was deleted while the error arrived
            return None

    def close(self) -> None:
        if logs.log_file() == self.log_file:
            logs.stop_logging()


_installed: ErrorReporter | None = None


def install_error_handler(window_getter: Callable[[], QWidget | None], log_dir: Path) -> ErrorReporter:
    """Routes every uncaught exception (UI thread and others) to a logging dialog."""
    global _installed
    if _installed is not None:
        _installed.close()
    reporter = ErrorReporter(window_getter, log_dir)
    reporter.start_log()
    sys.excepthook = reporter.report
    threading.excepthook = reporter.thread_hook
    _installed = reporter
    return reporter


def installed() -> ErrorReporter | None:
    return _installed
