"""Edits as undoable commands: every change a person makes can be taken back with Ctrl+Z.

A command does its work in `redo()`, which `QUndoStack.push()` calls at once. When that
first attempt fails (a full disk, say), the command records the error and marks itself
obsolete, so the stack drops it and the caller can show `error` — nothing half-done is
left on the stack or in the journal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand, QUndoStack

from runjournal.domain.model import CheckIn, CoachChoice, Run, Settings, SupportContact
from runjournal.domain.units import format_day
from runjournal.service.errors import JournalError, ValidationError
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge

log = logging.getLogger(__name__)
# What a save is expected to meet: a refused entry, a journal that cannot be written, a
# record that another step removed. Anything else is a bug, logged with its traceback.
EXPECTED = (JournalError, ValidationError, OSError, KeyError)


class JournalCommand(QUndoCommand):
    def __init__(self, bridge: JournalBridge, text: str) -> None:
        super().__init__(text)
        self.bridge = bridge
        self.error: Exception | None = None
        self._done_once = False

    def _attempt(self, action: Callable[[], object]) -> None:
        try:
            action()
        except Exception as error:  # shown to the person by whoever pushed the command
            if not isinstance(error, EXPECTED):
                log.exception("%s failed", self.text() or type(self).__name__)
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
        run_id = self.run.id
        if run_id is not None:
            self._attempt(lambda: self.bridge.journal.delete_run(run_id))


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


def push(stack: QUndoStack, command: JournalCommand) -> None:
    """Pushes `command` and raises the error its first attempt met, if any (the stack has
    dropped the command then, and the journal is as it was)."""
    stack.push(command)
    if command.error is not None:
        raise command.error


class CoachChoiceCommand(JournalCommand):
    """A snooze or a turned-off rule. Undo puts back exactly the choice there was before
    (an earlier snooze included); Redo the one that was made."""

    def __init__(
        self, bridge: JournalBridge, rule_id: str, choose: Callable[[Journal], CoachChoice], text: str
    ) -> None:
        super().__init__(bridge, text)
        self.rule_id = rule_id
        self._choose = choose
        self.before: CoachChoice | None = None
        self.after: CoachChoice | None = None

    def redo(self) -> None:
        def apply() -> None:
            journal = self.bridge.journal
            if self.after is not None:
                journal.save_coach_choice(self.after)
                return
            before = journal.coach_choice(self.rule_id)
            self.after = self._choose(journal)
            self.before = before

        self._attempt(apply)

    def undo(self) -> None:
        before = self.before
        if before is not None:
            self._attempt(lambda: self.bridge.journal.save_coach_choice(before))


class PreferencesCommand(JournalCommand):
    """One OK in Preferences: the journal's settings, the rules turned back on, and the
    look of the window (kept outside the journal, set through `set_theme`)."""

    def __init__(
        self,
        bridge: JournalBridge,
        before: tuple[Settings, Sequence[CoachChoice], str],
        after: tuple[Settings, Sequence[CoachChoice], str],
        set_theme: Callable[[str], None],
    ) -> None:
        super().__init__(bridge, "Preferences")
        self.before, self.after = before, after
        self._set_theme = set_theme

    def _apply(self, state: tuple[Settings, Sequence[CoachChoice], str]) -> None:
        settings, choices, theme = state
        self.bridge.journal.save_preferences(settings, choices)
        self._set_theme(theme)

    def redo(self) -> None:
        self._attempt(lambda: self._apply(self.after))

    def undo(self) -> None:
        self._attempt(lambda: self._apply(self.before))


class SaveContactsCommand(JournalCommand):
    """One save of the person's own support contacts."""

    def __init__(
        self, bridge: JournalBridge, before: list[SupportContact], after: list[SupportContact]
    ) -> None:
        super().__init__(bridge, "Support contacts")
        self.before, self.after = before, after

    def redo(self) -> None:
        self._attempt(lambda: self.bridge.journal.save_support_contacts(self.after))

    def undo(self) -> None:
        self._attempt(lambda: self.bridge.journal.save_support_contacts(self.before))


def save_contacts(bridge: JournalBridge, stack: QUndoStack, contacts: list[SupportContact]) -> None:
    """Saves the contacts as an undoable change; raises what stopped the save, if anything."""
    push(stack, SaveContactsCommand(bridge, bridge.journal.support_contacts(), contacts))
