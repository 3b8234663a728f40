"""Logging, editing, duplicating and deleting runs: dialogs in, undoable commands out.

If a save fails (a full disk, say), the person is told why and the dialog comes back
with everything they typed, so nothing is lost.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from runjournal.domain.model import DistanceUnit, Run, Source
from runjournal.domain.units import count, format_day
from runjournal.service.journal import JournalError
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.commands import DeleteRunsCommand, EditRunCommand, JournalCommand, LogRunCommand


class RunActions(QObject):
    """What the Log run, Edit, Duplicate and Delete actions do."""

    message = Signal(str)  # a short line for the status bar
    run_saved = Signal(int)  # the id of a run just logged or edited, to select it

    def __init__(self, bridge: JournalBridge, undo_stack: QUndoStack, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.bridge = bridge
        self.undo_stack = undo_stack
        self.parent_widget = parent_widget

    def _units(self) -> DistanceUnit:
        return self.bridge.journal.settings().units

    def _push(self, command: JournalCommand) -> bool:
        text = command.text()  # read first: the stack deletes a command whose first attempt failed
        self.undo_stack.push(command)
        if command.error is None:
            return True
        if isinstance(command.error, JournalError):  # already says what happened and what to do
            body = f"{text} could not be saved.\n\n{command.error}"
        else:
            body = (
                f"{text} could not be saved:\n\n{command.error}\n\n"
                "Nothing was changed in your journal. Check that the disk has space and try again."
            )
        QMessageBox.warning(self.parent_widget, "Not saved", body)
        return False

    def _ask(self, run: Run | None, title: str | None = None) -> Run | None:
        from runjournal.ui.dialogs.run_dialog import RunDialog  # loaded when first needed

        dialog = RunDialog(self._units(), run, self.parent_widget, title=title)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_run()

    def log_run(self) -> None:
        self._log(self._ask(None), "Log run")

    def _log(self, run: Run | None, title: str) -> None:
        while run is not None:
            command = LogRunCommand(self.bridge, run, title)
            if self._push(command):
                self.message.emit(f"Run of {format_day(run.day)} logged")
                if command.run.id is not None:
                    self.run_saved.emit(command.run.id)
                return
            run = self._ask(run, title)  # back with everything typed

    def edit_run(self, run: Run) -> None:
        after = self._ask(run)
        while after is not None:
            if after == run:
                return
            if self._push(EditRunCommand(self.bridge, run, after)):
                self.message.emit(f"Run of {format_day(after.day)} saved")
                if after.id is not None:
                    self.run_saved.emit(after.id)
                return
            after = self._ask(after)

    def duplicate_run(self, run: Run) -> None:
        """A copy for today, as a starting point for a similar run."""
        template = run.replace(
            id=None, day=date.today(), started_at=None, utc_offset_min=None,
            source=Source.MANUAL, content_hash=None,
        )  # fmt: skip
        self._log(self._ask(template, "Duplicate run"), "Duplicate run")

    def delete_runs(self, runs: list[Run]) -> None:
        if runs and self._push(DeleteRunsCommand(self.bridge, runs)):
            self.message.emit(f"Deleted {count(len(runs), 'run')}. Undo with Ctrl+Z.")
