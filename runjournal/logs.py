"""The log beside the journal: where unexpected errors leave their traceback.

A handler that catches more than the expected failures (JournalError, ValidationError,
OSError, a file format's own error) writes the traceback here before it shows words, so a
bug is never turned into a friendly sentence and lost. The log lives in a `logs` folder
beside the journal, so it moves with it and shares its privacy: the folder is 0700 and the
files 0600. Only what went wrong is written, never what a person wrote in their entries.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from runjournal.paths import make_private_dir

LOG_FILE = "runjournal.log"
LOG_BYTES = 1024 * 1024
LOG_COUNT = 5
LOGGER_NAME = "runjournal"  # every module's `logging.getLogger(__name__)` reaches it

_handler: RotatingFileHandler | None = None


def logs_dir(journal_path: Path) -> Path:
    """The `logs` folder beside the journal."""
    return Path(journal_path).parent / "logs"


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose folder and files are readable by their owner only. The file is
    made at the first error, not before."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=LOG_BYTES, backupCount=LOG_COUNT, encoding="utf-8", delay=True)

    def _open(self):  # type: ignore[no-untyped-def]
        path = Path(self.baseFilename)
        make_private_dir(path.parent)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        stream = super()._open()
        if os.name == "posix":
            os.chmod(path, 0o600)
        return stream


def log_to(folder: Path) -> Path:
    """Sends the app's log records to `folder` (replacing where they went before); returns
    the log file."""
    global _handler
    stop_logging()
    handler = PrivateRotatingFileHandler(Path(folder) / LOG_FILE)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    logging.getLogger(LOGGER_NAME).addHandler(handler)
    _handler = handler
    return Path(handler.baseFilename)


def log_beside(journal_path: Path) -> Path:
    """Sends the app's log records to the log beside the journal at `journal_path`."""
    return log_to(logs_dir(journal_path))


def stop_logging() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger(LOGGER_NAME).removeHandler(_handler)
        _handler.close()
        _handler = None


def log_file() -> Path | None:
    """The file unexpected errors are written to, if logging was started."""
    return Path(_handler.baseFilename) if _handler is not None else None


def unexpected(logger: logging.Logger, doing: str) -> str:
    """Logs the exception being handled, with its traceback, and returns a sentence for a
    person: what was being done, that their saved entries are safe, and where the log is.

    Call it only inside an `except` block.
    """
    logger.error("Unexpected error while %s", doing, exc_info=True)
    where = log_file()
    tail = f" If it happens again, the log at {where} helps." if where is not None else ""
    return f"Something went wrong while {doing}. Your saved entries are safe.{tail}"
