"""The Charts tab: pyqtgraph and numpy load only after the first window is on screen, so
it opens without them. The window preloads them in the background once it is painted and
prepares the charts while it is idle (see ui/lazy_tab.py)."""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from runjournal.ui.bridge import JournalBridge
from runjournal.ui.lazy_tab import LazyTab

if TYPE_CHECKING:
    from runjournal.ui.views.charts.charts_view import ChartsView

VIEW_MODULE = "runjournal.ui.views.charts.charts_view"


class ChartsTab(LazyTab["ChartsView"]):
    """Holds the ChartsView, built when the tab is first shown."""

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__(
            bridge, VIEW_MODULE, "ChartsView", "Charts", loading_text="Loading charts…", parent=parent
        )

    def import_view_module(self) -> None:
        os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # before pyqtgraph is imported
        importlib.import_module(VIEW_MODULE)

    def build_hidden(self, view: ChartsView) -> None:
        view.build_panels_while_idle()  # one panel per turn of the event loop
