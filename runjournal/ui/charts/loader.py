"""Reads figures off the UI thread and hands back only the newest answer.

Each `start()` bumps a generation number; a job that finishes after a newer one started is
dropped, so switching ranges quickly or a burst of writes never paints old figures over new
ones. Every job carries its own parentless relay, so a job still running when the view goes
away emits into nothing instead of into a deleted object (the pattern of the Insights view).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Carries a worker's outcome back to the thread that owns the loader (a queued signal)."""

    finished = Signal(int, object)  # generation, result
    failed = Signal(int, str)  # generation, message for a person


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], generation: int, relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._generation = generation
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # any failure is told to the person rather than lost
            self._tell(self._relay.failed, str(error) or type(error).__name__)
        else:
            self._tell(self._relay.finished, result)

    def _tell(self, signal: object, payload: object) -> None:
        if not shiboken6.isValid(self._relay):
            return  # the loader went away while this ran: nobody is waiting for the answer
        with contextlib.suppress(RuntimeError):  # deleted between the check and the emit
            signal.emit(self._generation, payload)  # type: ignore[attr-defined]


class BackgroundLoader(QObject):
    """Runs one piece of reading work at a time on the global thread pool.

    `work` must be safe to call on a worker thread (the journal's service methods are: its
    engine gives each thread its own connection).
    """

    loaded = Signal(object)  # the newest result
    failed = Signal(str)  # why the newest work failed, in words for a person

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._loading = False
        self._relays: dict[int, _Relay] = {}

    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def generation(self) -> int:
        return self._generation

    def start(self, work: Callable[[], object]) -> int:
        """Starts `work`; any answer from earlier work still running will be dropped."""
        self._generation += 1
        self._loading = True
        relay = _Relay()
        self._relays[self._generation] = relay
        # Bound methods of this QObject, not lambdas: PySide then queues the call to this
        # object's thread, where a lambda would run on the worker.
        relay.finished.connect(self._on_finished)
        relay.failed.connect(self._on_failed)
        QThreadPool.globalInstance().start(_Job(work, self._generation, relay))
        return self._generation

    def cancel(self) -> None:
        """Drops the answer of any work still running (the figures came from elsewhere)."""
        self._generation += 1
        self._loading = False

    def _release(self, generation: int) -> None:
        relay = self._relays.pop(generation, None)
        if relay is not None:
            relay.deleteLater()

    def _on_finished(self, generation: int, result: object) -> None:
        self._release(generation)
        if generation != self._generation:
            return  # newer work has started since
        self._loading = False
        self.loaded.emit(result)

    def _on_failed(self, generation: int, message: str) -> None:
        self._release(generation)
        if generation != self._generation:
            return
        self._loading = False
        self.failed.emit(message)
