"""Unexpected errors: written to a log beside the journal, shown in plain words, survived.

A bug should cost a person at most the change they were making, never the app or their
trust in it. So an unexpected exception in the UI is caught by the excepthook, written
with the time and version to a rotating log in a `logs` folder beside the journal (the
log is what helps someone fix it), and shown in a dialog that says the saved entries are
safe and what to check. The app keeps running.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from runjournal import __version__
from runjournal.paths import make_private_dir

LOG_FILE = "runjournal.log"
LOG_BYTES = 1024 * 1024
LOG_COUNT = 5
LOGGER_NAME = "runjournal.errors"


def logs_dir(journal_path: Path) -> Path:
    """The `logs` folder beside the journal, so it moves with it and shares its privacy."""
    return Path(journal_path).parent / "logs"


def error_text(log_file: Path) -> tuple[str, str]:
    """The dialog's main text and the line after it."""
    return (
        "Something went wrong. Your saved entries are safe; the last change may not have "
        "been saved — please check it.",
        f"If it happens again, the log at {log_file} helps.",
    )


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are readable by their owner only."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        if os.name == "posix":
            os.chmod(self.baseFilename, 0o600)
        return stream


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
        self._logger = logging.getLogger(f"{LOGGER_NAME}.{id(self)}")
        self._logger.propagate = False
        self._logger.setLevel(logging.ERROR)
        self._handler: logging.Handler | None = None
        self._from_thread.connect(self._show_pending, Qt.ConnectionType.QueuedConnection)

    def _ensure_log(self) -> logging.Logger:
        if self._handler is None:
            make_private_dir(self.log_file.parent)
            handler = _PrivateRotatingFileHandler(
                self.log_file, maxBytes=LOG_BYTES, backupCount=LOG_COUNT, encoding="utf-8"
            )
            handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
            self._logger.addHandler(handler)
            self._handler = handler
        return self._logger

    def write_log(self, details: str) -> None:
        """Appends one error, with time and version, to the log; never raises."""
        try:
            self._ensure_log().error(
                "RunJournal %s, Python %s\n%s", __version__, sys.version.split()[0], details
            )
        except Exception:  # a full disc must not turn one error into two
            print(details, file=sys.stderr)

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
        except Exception:  # showing the error failed: it is in the log already
            self._pending.clear()
        finally:
            self._busy = False

    def _forget_box(self) -> None:
        self.box = None

    def _parent(self) -> QWidget | None:
        try:
            window = self.window_getter()
        except Exception:
            return None
        return window if window is not None and window.isVisible() else None

    def close(self) -> None:
        if self._handler is not None:
            self._logger.removeHandler(self._handler)
            self._handler.close()
            self._handler = None


_installed: ErrorReporter | None = None


def install_error_handler(window_getter: Callable[[], QWidget | None], log_dir: Path) -> ErrorReporter:
    """Routes every uncaught exception (UI thread and others) to a logging dialog."""
    global _installed
    if _installed is not None:
        _installed.close()
    reporter = ErrorReporter(window_getter, log_dir)
    sys.excepthook = reporter.report
    threading.excepthook = reporter.thread_hook
    _installed = reporter
    return reporter


def installed() -> ErrorReporter | None:
    return _installed
