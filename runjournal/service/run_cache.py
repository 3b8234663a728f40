"""Every run, oldest first, kept between writes: the coach and insights read them all after
each change, and this process is the journal's only writer (see storage/app_lock).

Reads may run on worker threads while the window's thread writes. A read that began before
a write must not store its copy after the write, and no read may be handed a copy from
before a write that its own transaction already sees. So:

- a write that touches the runs calls `begin_write()` before its first statement on them
  and `end_write()` after its commit or rollback; each moves a generation number on and
  drops the copy;
- a read takes the generation before its transaction begins (None while a write of runs
  is under way: such a read neither uses nor stores a copy), and hands it back to `runs`;
- `runs` uses the kept copy, or stores what it read, only if the generation is unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from runjournal.domain.model import Run


class RunCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._generation = 0
        self._writers = 0
        self._runs: tuple[Run, ...] | None = None

    @property
    def generation(self) -> int | None:
        """Taken by a read before its transaction begins, and handed back to `runs`."""
        with self._lock:
            return None if self._writers else self._generation

    def _move_on(self) -> None:
        self._generation += 1
        self._runs = None

    def begin_write(self) -> None:
        with self._lock:
            self._writers += 1
            self._move_on()

    def end_write(self) -> None:
        with self._lock:
            self._writers -= 1
            self._move_on()

    def forget(self) -> None:
        """Drops the copy and overtakes the reads under way (after a restore, say)."""
        with self._lock:
            self._move_on()

    def runs(self, generation: int | None, read: Callable[[], Iterable[Run]]) -> tuple[Run, ...]:
        """The kept copy, or what `read` returns; stored only if nothing was written since
        `generation` was taken."""
        with self._lock:
            kept = self._runs if generation is not None and generation == self._generation else None
        if kept is not None:
            return kept
        runs = tuple(read())
        with self._lock:
            if generation is not None and generation == self._generation:
                self._runs = runs
        return runs
