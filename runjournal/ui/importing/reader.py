"""Reading activity files off the UI thread, one at a time, so the window stays responsive
and the person can stop a long read between files.

Parsing a large FIT or GPX file takes a while; fifty of them would freeze the window for
many seconds. The read runs through a `BackgroundLoader` (ui/background.py), so a read
still finishing after its dialog has gone emits into nothing rather than into a deleted
object, and a cancelled one stops before its next file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, Signal

from runjournal.domain.model import DistanceUnit
from runjournal.formats.importers import FileResult
from runjournal.ui.background import BackgroundLoader, Task

_log = logging.getLogger(__name__)

Known = Callable[[str], bool]
"""Whether a file's hash is in the journal already."""


def whole_journal_result(path: Path) -> FileResult | None:
    """A refusal for a whole-journal export found among activity files, else None.

    `read_file` would only say ".json is not a file type RunJournal can read", which is
    wrong for RunJournal's own export; this says what to do with it instead.
    """
    from runjournal.formats.journal_json import is_whole_journal

    if not is_whole_journal(path):
        return None  # read_file explains what is wrong with any other file
    return FileResult(
        path=path,
        kind="",
        runs=(),
        error=(
            f"“{path.name}” is a whole RunJournal journal, not an activity file; "
            "import it on its own, into an empty journal."
        ),
    )


def read_one(path: Path, csv_units: DistanceUnit, known: Known | None = None) -> FileResult:
    """One file's runs, or why it can't be imported; never raises for a bad file. A file
    `known` says is in the journal already is recognised by its bytes, not parsed."""
    from runjournal.formats.importers import read_file  # gpxpy and fitdecode load only when needed

    return whole_journal_result(path) or read_file(path, csv_units=csv_units, known=known)


def read_all(
    paths: Sequence[Path], csv_units: DistanceUnit, task: Task, known: Known | None = None
) -> list[FileResult] | None:
    """Every file's result in the order given, reporting (done, total, name) before each
    file and (total, total, "") at the end; None when stopped between files."""
    total = len(paths)
    results: list[FileResult] = []
    for done, path in enumerate(paths):
        if task.stopped:
            return None  # cancelled: whoever cancelled has already moved on
        task.report((done, total, path.name or str(path)))
        try:
            results.append(read_one(path, csv_units, known))
        except Exception:  # read_file never raises for bad input: a bug, logged, and the batch goes on
            _log.exception("Reading an activity file failed")
            message = f"“{path.name}” could not be read; check the file and try again."
            results.append(FileResult(path, "", (), message))
    task.report((total, total, ""))
    return results


class FileReader(QObject):
    """Reads a batch of files on the thread pool; `cancel()` stops it before the next file.

    Signals arrive on the reader's thread: `progress(done, total, name)` before each file
    (and once more with done == total and no name), then `finished(outcome)`: the results,
    or what `then` made of them on the worker thread (the import's plan); `failed(message)`
    when `then` raised. After `cancel()`: `cancelled()` at once and nothing more from that batch.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = BackgroundLoader(self, doing="reading the files")
        self._loader.progress.connect(self._on_progress)
        self._loader.loaded.connect(self._on_loaded)
        self._loader.failed.connect(self.failed)

    @property
    def is_reading(self) -> bool:
        return self._loader.is_loading

    def start(
        self,
        paths: Sequence[Path],
        csv_units: DistanceUnit = DistanceUnit.KM,
        then: Callable[[list[FileResult]], object] | None = None,
        known: Known | None = None,
    ) -> None:
        """Starts reading `paths`; a read already under way is cancelled first."""
        self.cancel()
        batch = list(paths)

        def work(task: Task) -> object:
            results = read_all(batch, csv_units, task, known)
            if results is None or then is None or task.stopped:
                return results
            return then(results)

        self._loader.start_task(work)

    def cancel(self) -> None:
        """Stops the read before its next file; nothing from it is stored or reported."""
        if self._loader.is_loading:
            self._loader.cancel()
            self.cancelled.emit()

    def _on_progress(self, progress: object) -> None:
        done, total, name = cast(tuple[int, int, str], progress)
        self.progress.emit(done, total, name)

    def _on_loaded(self, outcome: object) -> None:
        if outcome is not None:
            self.finished.emit(outcome)
