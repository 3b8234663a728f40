"""A check-ins import as one undoable step: one Ctrl+Z takes every imported day away, puts
back each day it replaced, and takes the tags it added off the list again."""

from __future__ import annotations

from runjournal.domain.units import count
from runjournal.service.check_in_import import (
    CheckInImportDone,
    CheckInImportPlan,
    redo_check_in_import,
    store_check_in_import,
    undo_check_in_import,
)
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.commands import JournalCommand


class CheckInImportCommand(JournalCommand):
    """Stores the reviewed plan the first time; a redo after an undo puts back exactly what
    was stored then (it does not plan again)."""

    def __init__(self, bridge: JournalBridge, plan: CheckInImportPlan) -> None:
        super().__init__(bridge, f"Import {count(plan.chosen, 'check-in')}")
        self.plan = plan
        self.done: CheckInImportDone | None = None

    def redo(self) -> None:
        def store() -> None:
            if self.done is None:
                self.done = store_check_in_import(self.bridge.journal, self.plan)
            else:
                redo_check_in_import(self.bridge.journal, self.done)

        self._attempt(store)

    def undo(self) -> None:
        done = self.done
        if done is not None:
            self._attempt(lambda: undo_check_in_import(self.bridge.journal, done))

    @property
    def stored(self) -> int:
        """How many days the import wrote (0 when it failed)."""
        return self.done.days if self.done is not None else 0
