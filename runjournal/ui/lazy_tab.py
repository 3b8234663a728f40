"""A tab that is light to create: its view is built when the tab is first shown.

A person starting RunJournal sees the Today view first, and the other tabs' modules,
models and widgets would otherwise be loaded and built before the first paint. So the
window holds one of these per tab; the view is built on the tab's first show, or as soon
as someone asks for it (`ensure_view`).

A tab whose module is slow to import (the charts: pyqtgraph and numpy) can `preload()` it
in a background thread once the window is painted; the interpreter hands the window its
turn every few milliseconds, so the window stays responsive. Opened before the import has
finished, such a tab says so (its loading text) and builds the view once the import is
done, instead of freezing. `prepare()` goes one step further while the window is idle:
after the import it builds the view hidden (see `build_hidden`), so opening the tab later
only reads the figures and draws them.
"""

from __future__ import annotations

import importlib
import threading
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from runjournal.ui.bridge import JournalBridge

V = TypeVar("V", bound=QWidget)
POLL_MS = 20


class LazyTab(QWidget, Generic[V]):
    """Holds the view `view_module.view_class(bridge, self)`, built on first show."""

    def __init__(
        self,
        bridge: JournalBridge,
        view_module: str,
        view_class: str,
        name: str,
        *,
        loading_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._view_module = view_module
        self._view_class = view_class
        self.view: V | None = None
        self._preload: threading.Thread | None = None
        self.setAccessibleName(name)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.loading_label = QLabel(loading_text)
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.hide()
        self._layout.addWidget(self.loading_label)

    # What a tab may add ------------------------------------------------------------------

    def import_view_module(self) -> None:
        """Imports the view's module; a tab whose libraries need settings first adds them."""
        importlib.import_module(self._view_module)

    def view_built(self, view: V) -> None:
        """Called once, right after the view is built: passes on the view's signals."""

    def build_hidden(self, view: V) -> None:
        """What `prepare()` does with a view built while the tab is hidden."""

    # The holder ---------------------------------------------------------------------------

    def preload(self) -> None:
        """Imports the view's module in the background, once."""
        if self._preload is None and self.view is None:
            name = f"{self.accessibleName().lower()}-preload"
            self._preload = threading.Thread(target=self.import_view_module, name=name, daemon=True)
            self._preload.start()

    def prepare(self) -> None:
        """Imports the view's module in the background, then builds the view, hidden."""
        self.preload()
        self._build_when_loaded()

    @property
    def is_loading(self) -> bool:
        return self._preload is not None and self._preload.is_alive()

    def ensure_view(self) -> V:
        """The view, built now if it has not been yet."""
        if self.view is None:
            if self._preload is not None:
                self._preload.join()  # usually long finished; else it would import twice
            self.import_view_module()
            module = importlib.import_module(self._view_module)
            view: V = getattr(module, self._view_class)(self._bridge, self)
            self.view = view
            self.loading_label.hide()
            self._layout.addWidget(view)
            self.view_built(view)
            if self.isVisible():  # built during the tab's own show: show it with the tab
                view.show()
        return self.view

    def _build_when_loaded(self) -> None:
        if self.view is not None:
            return
        if self.is_loading:
            QTimer.singleShot(POLL_MS, self._build_when_loaded)
            return
        view = self.ensure_view()
        if not self.isVisible():
            self.build_hidden(view)

    def showEvent(self, event: QShowEvent) -> None:
        if self.view is None and self.is_loading:
            self.loading_label.show()
            QTimer.singleShot(POLL_MS, self._build_when_loaded)
        else:
            self.ensure_view()
        super().showEvent(event)
