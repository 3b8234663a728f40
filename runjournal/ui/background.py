"""Work off the window's thread (reading figures, insights, activity files), handing back
only the newest answer.

Each `start()` bumps a generation number; an answer from work that a newer start (or a
`cancel()`) has overtaken is dropped, so switching ranges quickly or a burst of writes
never paints old figures over new ones. Work that takes a `Task` can report progress and
stop early when cancelled.

Safe by construction: a worker touches no Qt object that can go away. It speaks only to
one mailbox, made once on the window's thread and never deleted, whose queued signal
carries the news to the window's thread; there the news goes to its loader if the loader
still exists, or nowhere. No QObject or QRunnable is made per piece of work, so none can be
deleted (by Qt or by Python's garbage collector) while a worker still uses it.

A failure the app expects (JournalError, ValidationError, OSError, or one of the types the
caller names) is told in its own words. Anything else is a bug: its traceback goes to the
log beside the journal, and the person reads a sentence saying what could not be done.
"""

from __future__ import annotations

import itertools
import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

from runjournal import logs
from runjournal.service.journal import JournalError, ValidationError

_log = logging.getLogger(__name__)

EXPECTED: tuple[type[Exception], ...] = (JournalError, ValidationError, OSError)


class _Kind(Enum):
    PROGRESS = "progress"
    FINISHED = "finished"
    FAILED = "failed"


@dataclass(frozen=True)
class _Letter:
    loader: int  # the loader's key in the mailbox
    generation: int
    kind: _Kind
    payload: object


class _Mailbox(QObject):
    """The one object workers emit on: it lives as long as the app, on the window's thread."""

    arrived = Signal(object)  # a _Letter

    def __init__(self) -> None:
        super().__init__()
        self._keys = itertools.count(1)
        self._loaders: dict[int, weakref.ref[BackgroundLoader]] = {}
        self.arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def register(self, loader: BackgroundLoader) -> int:
        key = next(self._keys)
        self._loaders[key] = weakref.ref(loader, lambda _gone: self._loaders.pop(key, None))
        return key

    def forget(self, key: int) -> None:
        self._loaders.pop(key, None)

    @Slot(object)
    def _deliver(self, letter: _Letter) -> None:
        found = self._loaders.get(letter.loader)
        loader = found() if found is not None else None
        if loader is not None and shiboken6.isValid(loader):
            loader._receive(letter)


_mailbox: _Mailbox | None = None


def _the_mailbox() -> _Mailbox:
    """Made by the first loader, on the window's thread (loaders belong to widgets)."""
    global _mailbox
    if _mailbox is None:
        _mailbox = _Mailbox()
    return _mailbox


class Task:
    """What a piece of work may use while it runs on a worker thread."""

    def __init__(self, mailbox: _Mailbox, loader: int, generation: int) -> None:
        self._mailbox = mailbox
        self._loader = loader
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
            self._send(_Kind.PROGRESS, progress)

    def _send(self, kind: _Kind, payload: object) -> None:
        if not shiboken6.isValid(self._mailbox):
            return  # the app has quit while this ran: nobody is waiting for the answer
        self._mailbox.arrived.emit(_Letter(self._loader, self._generation, kind, payload))


def _run(
    work: Callable[[Task], object], task: Task, expected: tuple[type[Exception], ...], doing: str
) -> None:
    """The body of one piece of work, on a worker thread."""
    try:
        result = work(task)
    except expected as error:
        task._send(_Kind.FAILED, str(error) or type(error).__name__)
    except Exception:  # a bug: logged with its traceback, then told in a sentence
        task._send(_Kind.FAILED, logs.unexpected(_log, doing))
    else:
        task._send(_Kind.FINISHED, result)


class BackgroundLoader(QObject):
    """Runs one piece of work at a time on the global thread pool.

    The work must be safe to call on a worker thread (the journal's service methods are:
    its engine gives each thread its own connection) and must not hold widgets.
    `doing` names the work for the sentence a person reads if it fails with a bug, e.g.
    "working out your insights"; `expected` adds failure types told in their own words.
    """

    loaded = Signal(object)  # the newest result
    failed = Signal(str)  # why the newest work failed, in words for a person
    progress = Signal(object)  # what the newest work reported through its Task

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        doing: str = "working in the background",
        expected: tuple[type[Exception], ...] = (),
    ) -> None:
        super().__init__(parent)
        self._mailbox = _the_mailbox()
        self._key = self._mailbox.register(self)
        self._doing = doing
        self._expected = EXPECTED + expected
        self._generation = 0
        self._loading = False
        self._task: Task | None = None
        self.destroyed.connect(lambda _=None, key=self._key, box=self._mailbox: box.forget(key))

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
        task = self._task = Task(self._mailbox, self._key, self._generation)
        expected, doing = self._expected, self._doing
        QThreadPool.globalInstance().start(lambda: _run(work, task, expected, doing))

    def cancel(self) -> None:
        """Drops the answer of any work still running and asks it to stop."""
        if self._task is not None:
            self._task.stop()
            self._task = None
        self._generation += 1
        self._loading = False

    def _receive(self, letter: _Letter) -> None:
        if letter.generation != self._generation:
            return  # newer work has started since, or the work was cancelled
        if letter.kind is _Kind.PROGRESS:
            self.progress.emit(letter.payload)
            return
        self._loading = False
        self._task = None
        if letter.kind is _Kind.FINISHED:
            self.loaded.emit(letter.payload)
        else:
            self.failed.emit(str(letter.payload))
