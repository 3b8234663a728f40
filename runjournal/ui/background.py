"""Work off the UI thread (reading figures, insights, activity files), handing back only
the newest answer.

Each `start()` bumps a generation number; an answer from work that a newer start (or a
`cancel()`) has overtaken is dropped, so switching ranges quickly or a burst of writes
never paints old figures over new ones. Every piece of work carries its own parentless
relay, so work still running when its view goes away emits into nothing instead of into a
deleted object. Work that takes a `Task` can report progress and stop early when cancelled.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Carries a worker's news back to the thread that owns the loader (queued signals)."""

    progress = Signal(int, object)  # generation, what the work reported
    finished = Signal(int, object)  # generation, result
    failed = Signal(int, str)  # generation, message for a person


class Task:
    """What a piece of work may use while it runs on a worker thread."""

    def __init__(self, relay: _Relay, generation: int) -> None:
        self._relay = relay
        self._generation = generation
        self._stop = threading.Event()

    @property
    def stopped(self) -> bool:
        """True once the work was cancelled or overtaken: it may give up at once."""
        return self._stop.is_set()

    def stop(self) -> None:
        self._stop.set()

    def report(self, progress: object) -> None:
        """Sends `progress` to the loader's `progress` signal (dropped once stopped)."""
        if not self.stopped:
            self.tell(self._relay.progress, progress)

    def tell(self, signal: object, payload: object) -> None:
        if not shiboken6.isValid(self._relay):
            return  # the loader went away while this ran: nobody is waiting for the answer
        with contextlib.suppress(RuntimeError):  # deleted between the check and the emit
            signal.emit(self._generation, payload)  # type: ignore[attr-defined]


class _Job(QRunnable):
    def __init__(self, work: Callable[[Task], object], task: Task, relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._task = task
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work(self._task)
        except Exception as error:  # any failure is told to the person rather than lost
            self._task.tell(self._relay.failed, str(error) or type(error).__name__)
        else:
            self._task.tell(self._relay.finished, result)


class BackgroundLoader(QObject):
    """Runs one piece of work at a time on the global thread pool.

    The work must be safe to call on a worker thread (the journal's service methods are:
    its engine gives each thread its own connection).
    """

    loaded = Signal(object)  # the newest result
    failed = Signal(str)  # why the newest work failed, in words for a person
    progress = Signal(object)  # what the newest work reported through its Task

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._loading = False
        self._relays: dict[int, _Relay] = {}
        self._task: Task | None = None

    @property
    def is_loading(self) -> bool:
        return self._loading

    def start(self, work: Callable[[], object]) -> None:
        """Starts `work`; any answer from earlier work still running will be dropped."""
        self.start_task(lambda _task: work())

    def start_task(self, work: Callable[[Task], object]) -> None:
        """As `start`, for work that reports progress or stops early through its Task."""
        self.cancel()
        self._generation += 1
        self._loading = True
        relay = _Relay()
        self._relays[self._generation] = relay
        # Bound methods of this QObject, not lambdas: PySide then queues the call to this
        # object's thread, where a lambda would run on the worker.
        relay.progress.connect(self._on_progress)
        relay.finished.connect(self._on_finished)
        relay.failed.connect(self._on_failed)
        self._task = Task(relay, self._generation)
        QThreadPool.globalInstance().start(_Job(work, self._task, relay))

    def cancel(self) -> None:
        """Drops the answer of any work still running and asks it to stop."""
        if self._task is not None:
            self._task.stop()
            self._task = None
        self._generation += 1
        self._loading = False

    def _release(self, generation: int) -> None:
        relay = self._relays.pop(generation, None)
        if relay is not None:
            relay.deleteLater()

    def _on_progress(self, generation: int, progress: object) -> None:
        if generation == self._generation:
            self.progress.emit(progress)

    def _on_finished(self, generation: int, result: object) -> None:
        self._release(generation)
        if generation != self._generation:
            return  # newer work has started since
        self._loading = False
        self._task = None
        self.loaded.emit(result)

    def _on_failed(self, generation: int, message: str) -> None:
        self._release(generation)
        if generation != self._generation:
            return
        self._loading = False
        self._task = None
        self.failed.emit(message)
