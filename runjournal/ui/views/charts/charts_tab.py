"""The Charts tab, light to create: pyqtgraph and numpy load only after the first window
is on screen, so it opens without them.

Importing them takes a third of a second or more. `preload()` (called by the window once
it is painted) does that in a background thread, where the interpreter hands the window
its turn every few milliseconds, so the window stays responsive; when the person opens
the tab before that is done, it says "Loading charts…" and builds the view as soon as
the import has finished, instead of freezing. Without a preload, showing the tab builds
the view at once.

`prepare()` goes one step further while the window is idle: after the import it builds the
view and its chart panels, hidden and one panel per turn of the event loop, so opening the
tab later only reads the figures and draws them.
"""

from __future__ import annotations

import importlib
import os
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from runjournal.ui.bridge import JournalBridge

if TYPE_CHECKING:
    from runjournal.ui.views.charts.charts_view import ChartsView

VIEW_MODULE = "runjournal.ui.views.charts.charts_view"
POLL_MS = 20


def _import_charts() -> None:
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    importlib.import_module(VIEW_MODULE)


class ChartsTab(QWidget):
    """Holds the ChartsView, built when the tab is first shown."""

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self.view: ChartsView | None = None
        self._preload: threading.Thread | None = None
        self.setAccessibleName("Charts")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.loading_label = QLabel("Loading charts…")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.hide()
        self._layout.addWidget(self.loading_label)

    def preload(self) -> None:
        """Imports the charting libraries in the background, once."""
        if self._preload is None and self.view is None:
            self._preload = threading.Thread(target=_import_charts, name="charts-preload", daemon=True)
            self._preload.start()

    def prepare(self) -> None:
        """Imports the charting libraries in the background, then builds the charts, hidden."""
        self.preload()
        self._build_when_loaded()

    @property
    def is_loading(self) -> bool:
        return self._preload is not None and self._preload.is_alive()

    def ensure_view(self) -> ChartsView:
        """Builds the charts now (tests and benchmarks call this; showing the tab does too)."""
        if self.view is None:
            if self._preload is not None:
                self._preload.join()  # usually long finished; else it would import twice
            _import_charts()
            module = importlib.import_module(VIEW_MODULE)
            self.view = module.ChartsView(self._bridge, self)
            self.loading_label.hide()
            self._layout.addWidget(self.view)
        return self.view

    def _build_when_loaded(self) -> None:
        if self.view is not None:
            return
        if self.is_loading:
            QTimer.singleShot(POLL_MS, self._build_when_loaded)
            return
        view = self.ensure_view()
        if self.isVisible():
            view.show()
        else:
            view.build_panels_while_idle()

    def showEvent(self, event: QShowEvent) -> None:
        if self.view is None and self.is_loading:
            self.loading_label.show()
            QTimer.singleShot(POLL_MS, self._build_when_loaded)
        else:
            self.ensure_view()
        super().showEvent(event)
