"""Reading a check-ins table and working out its review off the window's thread.

Thirty years of daily check-ins take long enough to read and compare with the journal that
the window would freeze meanwhile. The work runs through a `BackgroundLoader`
(ui/background.py), as activity files do (reader.py): it reports each step, stops between
steps once cancelled, and an answer arriving after its dialog has gone goes nowhere.

A table that can't be imported comes back as one sentence saying what is wrong and that
the journal was not changed, the same words whichever way the table was chosen.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Signal

from runjournal.domain.units import count
from runjournal.service.journal import JournalError
from runjournal.ui import start_collector
from runjournal.ui.background import BackgroundLoader, Task

if TYPE_CHECKING:
    from runjournal.service.check_in_import import CheckInImportPlan
    from runjournal.service.journal import Journal

STEPS = 2  # reading the table, then comparing its days with the journal's


@dataclass(frozen=True)
class TableReview:
    """What the review shows: the plan, and the rows its columns are fitted to."""

    plan: CheckInImportPlan
    widest_rows: dict[int, tuple[int, ...]]  # by column (see check_in_review_model.widest_rows)


class TableRefused(Exception):
    """The table can't be imported; the message is the whole sentence a person reads."""


def refusal(path: Path, error: Exception) -> str:
    """Why a table can't be imported, in words for the person who chose it."""
    from runjournal.service.check_in_import import CheckInTableError

    if isinstance(error, OSError):
        return f"“{path.name}” could not be read ({error.strerror or error})."
    if isinstance(error, CheckInTableError):
        return f"{error} Your journal was not changed."
    return f"Your journal could not be read: {error}"


@contextmanager
def collector_resting() -> Iterator[None]:
    """Pauses the cyclic garbage collector while a table is read, then keeps what was read
    out of its sweeps (as the run log does with its runs).

    Reading thirty years of check-ins makes a hundred thousand objects and next to no
    garbage; left running, the collector sweeps them all, and every other object, several
    times, holding up every thread, the window's too, for tens of milliseconds each time.
    Reference counting frees the read days as usual once the review has gone. A collector
    paused by someone else (start-up) is left as it is."""
    if not gc.isenabled():
        yield
        return
    start_collector.pause()
    try:
        yield
    finally:
        start_collector.resume()


def read_and_plan(journal: Journal, path: Path, task: Task) -> TableReview | None:
    """The review of the table at `path` against the journal, reporting (step, steps, words)
    before each step; None when stopped between steps. Raises TableRefused."""
    with collector_resting():
        return _read_and_plan(journal, path, task)


def _read_and_plan(journal: Journal, path: Path, task: Task) -> TableReview | None:
    from runjournal.service.check_in_import import (
        CheckInTableError,
        plan_check_in_import,
        read_check_ins_file,
    )
    from runjournal.ui.importing.check_in_review_model import widest_rows

    task.report((0, STEPS, f"Reading “{path.name}”…"))
    try:
        table = read_check_ins_file(path)
    except (OSError, CheckInTableError) as error:
        raise TableRefused(refusal(path, error)) from error
    if task.stopped:
        return None  # cancelled: whoever cancelled has already moved on
    task.report((1, STEPS, f"Comparing {count(len(table.rows), 'row')} with your journal…"))
    try:
        plan = plan_check_in_import(journal, table)
    except JournalError as error:
        raise TableRefused(refusal(path, error)) from error
    if task.stopped:
        return None
    return TableReview(plan, widest_rows(plan.items))


class CheckInReader(QObject):
    """Reads one check-ins table on the thread pool; `cancel()` drops it.

    Signals arrive on the reader's thread: `progress(step, steps, words)` before each step,
    then `finished(review)` (a TableReview), or `failed(sentence)` when the table can't be
    imported. After `cancel()`: `cancelled()` at once and nothing more from that read.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)  # a TableReview
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = BackgroundLoader(self, doing="reading the check-ins table", expected=(TableRefused,))
        self._loader.progress.connect(self._on_progress)
        self._loader.loaded.connect(self._on_loaded)
        self._loader.failed.connect(self.failed)

    @property
    def is_reading(self) -> bool:
        return self._loader.is_loading

    def start(self, journal: Journal, path: Path) -> None:
        """Starts reading `path`; a read already under way is cancelled first."""
        self.cancel()
        self._loader.start_task(lambda task: read_and_plan(journal, Path(path), task))

    def cancel(self) -> None:
        """Drops the read under way; nothing from it is stored or reported."""
        if self._loader.is_loading:
            self._loader.cancel()
            self.cancelled.emit()

    def _on_progress(self, progress: object) -> None:
        step, steps, words = cast(tuple[int, int, str], progress)
        self.progress.emit(step, steps, words)

    def _on_loaded(self, outcome: object) -> None:
        if outcome is not None:
            self.finished.emit(outcome)
