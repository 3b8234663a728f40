"""The Charts tab, light to create: pyqtgraph and numpy load only when it is first shown,
so the first window opens without them."""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from runjournal.ui.bridge import JournalBridge

if TYPE_CHECKING:
    from runjournal.ui.charts.charts_view import ChartsView


class ChartsTab(QWidget):
    """Holds the ChartsView, built on the first showEvent."""

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self.view: ChartsView | None = None
        self.setAccessibleName("Charts")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure_view(self) -> ChartsView:
        """Builds the charts now (tests and benchmarks call this; showing the tab does too)."""
        if self.view is None:
            os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
            module = importlib.import_module("runjournal.ui.charts.charts_view")
            self.view = module.ChartsView(self._bridge, self)
            self._layout.addWidget(self.view)
        return self.view

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_view()
        super().showEvent(event)
