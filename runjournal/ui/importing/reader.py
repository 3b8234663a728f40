"""Reading activity files off the UI thread, one at a time, so the window stays responsive
and the person can stop a long read between files.

Parsing a large FIT or GPX file takes a while; fifty of them would freeze the window for
many seconds. The job runs on the global thread pool and reports through its own
parentless relay (the pattern of `ui/charts/loader.py`), so a job still finishing after
its dialog has gone emits into nothing rather than into a deleted object.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from runjournal.domain.model import DistanceUnit
from runjournal.importers import FileResult

_HEAD_BYTES = 4096


def whole_journal_result(path: Path) -> FileResult | None:
    """A refusal for a whole-journal export found among activity files, else None.

    `read_file` would only say ".json is not a file type RunJournal can read", which is
    wrong for RunJournal's own export; this says what to do with it instead.
    """
    from runjournal.journal_document import looks_like_document

    if path.suffix.lower() != ".json":
        return None
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return None  # read_file explains what is wrong with the file
    if not looks_like_document(head):
        return None
    return FileResult(
        path=path,
        kind="",
        runs=(),
        error=(
            f"“{path.name}” is a whole RunJournal journal, not an activity file; "
            "import it on its own, into an empty journal."
        ),
    )


def read_one(path: Path, csv_units: DistanceUnit) -> FileResult:
    """One file's runs, or why it can't be imported; never raises for a bad file."""
    from runjournal.importers import read_file  # gpxpy and fitdecode load only when needed

    return whole_journal_result(path) or read_file(path, csv_units=csv_units)


class _Relay(QObject):
    """Carries the job's news to the thread that owns the reader (queued signals).

    Each carries the job's generation, so news from a cancelled job that was already on
    its way is recognised and dropped.
    """

    progress = Signal(int, int, int, str)  # generation, files done, files in all, file being read
    finished = Signal(int, list)  # generation, list[FileResult] in the order the paths were given


class _ReadJob(QRunnable):
    def __init__(
        self,
        paths: Sequence[Path],
        csv_units: DistanceUnit,
        stop: threading.Event,
        generation: int,
        relay: _Relay,
    ) -> None:
        super().__init__()
        self._paths = list(paths)
        self._csv_units = csv_units
        self._stop = stop
        self._generation = generation
        self._relay = relay

    def run(self) -> None:
        total = len(self._paths)
        results: list[FileResult] = []
        for done, path in enumerate(self._paths):
            if self._stop.is_set():
                return  # cancelled: whoever cancelled has already moved on
            self._tell(self._relay.progress, self._generation, done, total, path.name or str(path))
            try:
                results.append(read_one(path, self._csv_units))
            except Exception:  # read_file never raises for bad input; this is a last resort
                message = f"“{path.name}” could not be read; check the file and try again."
                results.append(FileResult(path, "", (), message))
        if self._stop.is_set():
            return
        self._tell(self._relay.progress, self._generation, total, total, "")
        self._tell(self._relay.finished, self._generation, results)

    def _tell(self, signal: object, *payload: object) -> None:
        if not shiboken6.isValid(self._relay):
            return  # the reader went away while this ran: nobody is waiting
        with contextlib.suppress(RuntimeError):  # deleted between the check and the emit
            signal.emit(*payload)  # type: ignore[attr-defined]


class FileReader(QObject):
    """Reads a batch of files on the thread pool; `cancel()` stops it before the next file.

    Signals arrive on the reader's thread: `progress(done, total, name)` before each file
    (and once more with done == total and no name), then `finished(results)`; or, after
    `cancel()`, `cancelled()` at once and nothing more from that batch.
    """

    progress = Signal(int, int, str)
    finished = Signal(list)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._generation = 0
        self._reading = False
        self._relays: dict[int, _Relay] = {}

    @property
    def is_reading(self) -> bool:
        return self._reading

    def start(self, paths: Sequence[Path], csv_units: DistanceUnit = DistanceUnit.KM) -> None:
        """Starts reading `paths`; a read already under way is cancelled first."""
        self.cancel()
        self._generation += 1
        self._stop = threading.Event()
        self._reading = True
        relay = _Relay()
        self._relays[self._generation] = relay
        # Bound methods of this QObject, not lambdas, so PySide queues them to this thread.
        relay.progress.connect(self._on_progress)
        relay.finished.connect(self._on_finished)
        QThreadPool.globalInstance().start(_ReadJob(paths, csv_units, self._stop, self._generation, relay))

    def cancel(self) -> None:
        """Stops the read before its next file; nothing from it is stored or reported."""
        self._stop.set()
        self._release(self._generation)
        if self._reading:
            self._reading = False
            self.cancelled.emit()

    def _release(self, generation: int) -> None:
        relay = self._relays.pop(generation, None)
        if relay is not None:
            relay.deleteLater()

    def _on_progress(self, generation: int, done: int, total: int, name: str) -> None:
        if generation == self._generation and self._reading:
            self.progress.emit(done, total, name)

    def _on_finished(self, generation: int, results: list[FileResult]) -> None:
        self._release(generation)
        if generation != self._generation or not self._reading:
            return  # cancelled, or a newer batch has started since
        self._reading = False
        self.finished.emit(results)
