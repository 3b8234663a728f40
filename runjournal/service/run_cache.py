"""Every run, oldest first, kept between writes: the coach and insights read them all after
each change, and this process is the journal's only writer (see storage/app_lock).

Reads may run on worker threads while the window's thread writes. A read that began before
a write must not store its copy after the write, so every write moves a generation number
on, and a read stores what it read only if the generation is still the one it started
under. The number is taken before the read's transaction begins, so the copy kept is never
older than the journal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from runjournal.domain.model import Run


class RunCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._generation = 0
        self._runs: tuple[Run, ...] | None = None

    @property
    def generation(self) -> int:
        """Taken by a read before its transaction begins, and handed back to `runs`."""
        with self._lock:
            return self._generation

    def forget(self) -> None:
        """Called after every write of runs: drops the copy and overtakes reads under way."""
        with self._lock:
            self._generation += 1
            self._runs = None

    def runs(self, generation: int, read: Callable[[], Iterable[Run]]) -> tuple[Run, ...]:
        """The kept copy, or what `read` returns; stored only if nothing was written since
        `generation` was taken."""
        with self._lock:
            kept = self._runs if generation == self._generation else None
        if kept is not None:
            return kept
        runs = tuple(read())
        with self._lock:
            if generation == self._generation:
                self._runs = runs
        return runs
