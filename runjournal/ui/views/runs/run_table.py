"""The run log's table view, which opens a run on Enter/Return as on a double-click."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTableView


class RunTable(QTableView):
    """The table, with Enter/Return opening the current run, as a double-click does."""

    rowActivated = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # QTableView's own `activated` also fires on single clicks under some desktop
        # settings; the run log opens a run only on Enter or a double-click.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.rowActivated.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)
