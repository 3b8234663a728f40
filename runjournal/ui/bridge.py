"""The journal's change notices as Qt signals, so each view refreshes itself after a write."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from runjournal.service.journal import Change, Journal


class JournalBridge(QObject):
    """Holds the open journal and turns its change notices into signals.

    Views keep a reference to the bridge rather than the journal, so a journal opened or
    restored later (File → Open journal…) reaches every view through `journal_replaced`.
    """

    runs_changed = Signal()
    check_ins_changed = Signal()
    settings_changed = Signal()
    coach_changed = Signal()
    journal_replaced = Signal()

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = lambda: None
        self.journal = journal
        self._attach(journal)

    def _attach(self, journal: Journal) -> None:
        self._unsubscribe()
        self.journal = journal
        self._unsubscribe = journal.changes.subscribe(self._relay)

    def replace(self, journal: Journal) -> Journal:
        """Switches to another journal and returns the previous one (still open)."""
        previous = self.journal
        self._attach(journal)
        self.journal_replaced.emit()
        self._relay(Change.EVERYTHING)
        return previous

    def _relay(self, change: Change) -> None:
        if Change.RUNS in change:
            self.runs_changed.emit()
        if Change.CHECK_INS in change:
            self.check_ins_changed.emit()
        if Change.SETTINGS in change:
            self.settings_changed.emit()
        if Change.COACH in change:
            self.coach_changed.emit()
