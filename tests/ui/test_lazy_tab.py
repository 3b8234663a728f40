"""One lazy tab holder for every tab: the view is built on first show (or when asked), once,
shown with its tab; a preloaded tab builds its view hidden while the window is idle."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from runjournal.ui.bridge import JournalBridge
from runjournal.ui.lazy_tab import LazyTab

built: list[QWidget] = []


class CountingView(QLabel):
    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__("the view", parent)
        self.bridge = bridge
        built.append(self)


class PreparedTab(LazyTab[CountingView]):
    def __init__(self, bridge: JournalBridge) -> None:
        super().__init__(bridge, __name__, "CountingView", "Counting", loading_text="Loading…")
        self.hidden_builds: list[CountingView] = []
        self.passed_on: list[CountingView] = []

    def view_built(self, view: CountingView) -> None:
        self.passed_on.append(view)

    def build_hidden(self, view: CountingView) -> None:
        self.hidden_builds.append(view)


def test_the_view_is_built_on_first_show_once_and_shown_with_its_tab(qtbot, journal) -> None:
    built.clear()
    bridge = JournalBridge(journal)
    tab = PreparedTab(bridge)
    qtbot.addWidget(tab)
    assert tab.view is None and built == []

    tab.show()
    qtbot.waitExposed(tab)
    assert tab.view is not None and tab.view.isVisible()
    assert tab.view.bridge is bridge and tab.passed_on == [tab.view]
    assert tab.accessibleName() == "Counting" and not tab.loading_label.isVisible()

    tab.hide()
    tab.show()
    assert tab.ensure_view() is tab.view and len(built) == 1


def test_a_prepared_tab_builds_its_view_hidden_while_idle(qtbot, journal) -> None:
    built.clear()
    tab = PreparedTab(JournalBridge(journal))
    qtbot.addWidget(tab)
    tab.prepare()
    qtbot.waitUntil(lambda: tab.view is not None)
    assert tab.hidden_builds == [tab.view] and not tab.view.isVisible()
    assert not tab.is_loading and len(built) == 1
