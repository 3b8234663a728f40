"""Tags in the check-in: the person's own tags as chips, ticked by mouse or keyboard, saved
like every other field and undone like every other change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QScrollArea

from runjournal.domain.model import SUGGESTED_TAGS, CheckIn
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.main_window import MainWindow
from runjournal.ui.views.today.check_in_panel import CheckInPanel

TODAY = date.today()

pytestmark = pytest.mark.usefixtures("fresh_qsettings")


@pytest.fixture
def panel(check_in_panel: Callable[[int], CheckInPanel]) -> CheckInPanel:
    return check_in_panel(1000)


def chip(panel: CheckInPanel, name: str):
    [found] = [c for c in panel.tags.chips if c.text() == name]
    return found


def test_the_persons_tags_are_chips_and_a_click_saves_the_tag(
    qtbot, panel: CheckInPanel, journal: Journal
) -> None:
    assert [c.text() for c in panel.tags.chips] == list(SUGGESTED_TAGS)
    assert not any(c.isChecked() for c in panel.tags.chips)
    qtbot.mouseClick(chip(panel, "time outside"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.saved, timeout=3000):
        pass
    assert journal.check_in(TODAY) == CheckIn(day=TODAY, tags=("time outside",))


def test_undo_takes_the_tag_off_the_day_and_the_chip(
    qtbot, panel: CheckInPanel, journal: Journal, stack: QUndoStack
) -> None:
    journal.save_check_in(CheckIn(day=TODAY, mood=6))
    panel.setDay(TODAY)
    qtbot.mouseClick(chip(panel, "therapy"), Qt.MouseButton.LeftButton)
    assert panel.flush()
    assert journal.check_in(TODAY).tags == ("therapy",)
    stack.undo()
    assert journal.check_in(TODAY) == CheckIn(day=TODAY, mood=6)
    qtbot.waitUntil(lambda: not chip(panel, "therapy").isChecked())
    stack.redo()
    qtbot.waitUntil(lambda: chip(panel, "therapy").isChecked())


def test_the_keyboard_reaches_the_chips_after_ill_moves_with_arrows_and_ticks_with_space(
    qtbot, panel: CheckInPanel, journal: Journal
) -> None:
    panel.ill.setFocus()
    qtbot.keyClick(panel.ill, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is chip(panel, SUGGESTED_TAGS[0])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert QApplication.focusWidget() is chip(panel, SUGGESTED_TAGS[1])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.note  # the row is one stop, not nine
    assert panel.flush()
    assert journal.check_in(TODAY).tags == (SUGGESTED_TAGS[1],)
    qtbot.keyClick(panel.note, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is chip(panel, SUGGESTED_TAGS[1])  # back where the person was


def test_a_days_tag_no_longer_in_the_list_still_shows_ticked(qtbot, journal: Journal, stack) -> None:
    journal.save_settings(journal.settings().replace(tags=("therapy",)))
    journal.save_check_in(CheckIn(day=TODAY, tags=("old habit",)))
    widget = CheckInPanel(JournalBridge(journal), stack)
    qtbot.addWidget(widget)
    assert [(c.text(), c.isChecked()) for c in widget.tags.chips] == [("therapy", False), ("old habit", True)]


def test_the_chips_follow_the_list_in_preferences(qtbot, journal: Journal, stack) -> None:
    bridge = JournalBridge(journal)
    widget = CheckInPanel(bridge, stack)
    qtbot.addWidget(widget)
    journal.save_settings(journal.settings().replace(tags=("yoga", "therapy")))
    bridge.settings_changed.emit()
    assert [c.text() for c in widget.tags.chips] == ["yoga", "therapy"]
    journal.save_settings(journal.settings().replace(tags=()))
    bridge.settings_changed.emit()
    assert widget.tags.chips == [] and not widget.tags.isVisibleTo(widget)


@pytest.mark.parametrize("size", [(1100, 720), (1366, 768)])
def test_the_chips_are_on_screen_without_scrolling(qtbot, journal: Journal, size) -> None:
    window = MainWindow(journal)
    qtbot.addWidget(window)
    window.show()
    window.resize(*size)
    qtbot.waitExposed(window)
    panel = window.today.check_in
    scroll = panel.parentWidget()
    while not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    viewport = scroll.viewport()

    def all_seen() -> bool:
        seen = QRect(QPoint(0, 0), viewport.size())
        widgets = [*panel.tags.chips, panel.note]
        return all(seen.contains(QRect(w.mapTo(viewport, QPoint(0, 0)), w.size())) for w in widgets)

    qtbot.waitUntil(all_seen)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_a_ticked_chip_reads_at_4_5_to_1_in_light_and_dark(qtbot, mode: str) -> None:
    from collections import Counter

    from PySide6.QtGui import QColor

    from runjournal.ui import theme
    from runjournal.ui.views.today.tag_chips import TagChips, contrast

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, mode)
    try:
        chips = TagChips()
        qtbot.addWidget(chips)
        chips.set_tags(("medication taken",), ("medication taken",))
        chips.show()
        qtbot.waitExposed(chips)
        chip = chips.chips[0]
        image = chip.grab().toImage()
        pixels = Counter(
            image.pixel(x, y) for x in range(6, image.width() - 6) for y in range(4, image.height() - 4)
        )
        fill = QColor(pixels.most_common(1)[0][0])
        text = max((QColor(p) for p in pixels), key=lambda c: contrast(c, fill))
        assert contrast(fill, text) >= 4.5
    finally:
        theme.apply_theme(app, "light")
