"""A whole import as one undoable step, so one Ctrl+Z takes every imported run away again."""

from __future__ import annotations

from runjournal.domain.units import count
from runjournal.service.import_plan import ImportDone, ImportPlan
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.commands import JournalCommand


class ImportCommand(JournalCommand):
    """Stores a reviewed plan's new runs the first time; later redos put back the same runs.

    Redo after an undo must not plan again: the journal keeps the ids the first store gave,
    so anything else on the undo stack that names those runs stays correct.
    """

    def __init__(self, bridge: JournalBridge, plan: ImportPlan) -> None:
        super().__init__(bridge, f"Import {count(len(plan.new_runs), 'run')}")
        self.plan = plan
        self.done: ImportDone | None = None

    def redo(self) -> None:
        def store() -> None:
            if self.done is None:
                self.done = self.bridge.journal.store_import(self.plan)
            else:
                self.bridge.journal.redo_import(self.done)

        self._attempt(store)

    def undo(self) -> None:
        done = self.done
        if done is not None:
            self._attempt(lambda: self.bridge.journal.undo_import(done))

    @property
    def stored(self) -> int:
        """How many runs the import stored (0 when it failed)."""
        return len(self.done.runs) if self.done is not None else 0
