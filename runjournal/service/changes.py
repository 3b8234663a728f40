"""Which kind of record changed: the journal tells its listeners after every write, so each
view refreshes itself without knowing who wrote. The UI wraps this in Qt signals; the core
knows no Qt."""

from __future__ import annotations

import enum
from collections.abc import Callable


class Change(enum.Flag):
    RUNS = enum.auto()
    CHECK_INS = enum.auto()
    SETTINGS = enum.auto()
    COACH = enum.auto()
    EVERYTHING = RUNS | CHECK_INS | SETTINGS | COACH


Listener = Callable[[Change], None]


class ChangeHub:
    """A tiny observer list."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
