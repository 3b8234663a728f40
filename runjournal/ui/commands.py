"""Edits as undoable commands: every change a person makes can be taken back with Ctrl+Z.

A command does its work in `redo()`, which `QUndoStack.push()` calls at once. When that
first attempt fails (a full disk, say), the command records the error and marks itself
obsolete, so the stack drops it and the caller can show `error` — nothing half-done is
left on the stack or in the journal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from runjournal.domain.model import CheckIn, Run
from runjournal.domain.units import format_day
from runjournal.service.journal import JournalError, ValidationError
from runjournal.ui.bridge import JournalBridge

_log = logging.getLogger(__name__)
# A run deleted meanwhile (KeyError) or a refused or unsaved record: said to the person.
EXPECTED = (JournalError, ValidationError, OSError, KeyError)


class JournalCommand(QUndoCommand):
    def __init__(self, bridge: JournalBridge, text: str) -> None:
        super().__init__(text)
        self.bridge = bridge
        self.error: Exception | None = None
        self._done_once = False

    def _attempt(self, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception as error:  # shown to the person by whoever pushed the command
            if not isinstance(error, EXPECTED):
                _log.exception("An edit could not be made")  # a bug: its traceback is kept
            self.error = error
            if not self._done_once:
                self.setObsolete(True)
            return
        self.error = None
        self._done_once = True


class LogRunCommand(JournalCommand):
    def __init__(self, bridge: JournalBridge, run: Run, text: str = "Log run") -> None:
        super().__init__(bridge, text)
        self.run = run

    def redo(self) -> None:
        def log() -> None:
            self.run = self.bridge.journal.log_run(self.run)  # keeps its id after the first time

        self._attempt(log)

    def undo(self) -> None:
        if self.run.id is not None:
            self._attempt(lambda: self.bridge.journal.delete_run(self.run.id))


class EditRunCommand(JournalCommand):
    def __init__(self, bridge: JournalBridge, before: Run, after: Run) -> None:
        super().__init__(bridge, "Edit run")
        self.before, self.after = before, after

    def redo(self) -> None:
        self._attempt(lambda: self.bridge.journal.update_run(self.after))

    def undo(self) -> None:
        self._attempt(lambda: self.bridge.journal.update_run(self.before))


class DeleteRunsCommand(JournalCommand):
    def __init__(self, bridge: JournalBridge, runs: list[Run]) -> None:
        super().__init__(bridge, "Delete run" if len(runs) == 1 else f"Delete {len(runs)} runs")
        self.runs = runs

    def redo(self) -> None:
        self._attempt(lambda: self.bridge.journal.delete_runs([r.id for r in self.runs if r.id is not None]))

    def undo(self) -> None:
        self._attempt(lambda: self.bridge.journal.restore_runs(self.runs))


class SaveCheckInCommand(JournalCommand):
    """One save of a day's check-in (the panel saves shortly after the last change)."""

    def __init__(self, bridge: JournalBridge, before: CheckIn | None, after: CheckIn) -> None:
        super().__init__(bridge, f"Check-in of {format_day(after.day)}")
        self.before, self.after = before, after

    def redo(self) -> None:
        self._attempt(lambda: self.bridge.journal.save_check_in(self.after))

    def undo(self) -> None:
        # Saving an empty check-in removes the day, which is what "before" was when None.
        before = self.before or CheckIn(day=self.after.day)
        self._attempt(lambda: self.bridge.journal.save_check_in(before))
