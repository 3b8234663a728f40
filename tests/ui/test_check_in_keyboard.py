"""The ten-second check-in: the window opens ready for it, digits fill the scales one after
another, Tab follows the screen, and a whole day fits in a dozen keys or seven clicks."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QSlider, QStyle, QStyleOptionSlider, QStyleOptionSpinBox, QWidget

from runjournal.domain.model import CheckIn
from runjournal.service.journal import Journal
from runjournal.ui.main_window import MainWindow
from runjournal.ui.views.today.check_in_panel import CheckInPanel

TODAY = date.today()
KEYBOARD_BUDGET = 12
MOUSE_BUDGET = 7
ALT = Qt.KeyboardModifier.AltModifier


pytestmark = pytest.mark.usefixtures("fresh_qsettings")


def open_window(qtbot, journal: Journal) -> MainWindow:
    window = MainWindow(journal)
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_the_window_opens_on_today_with_mood_ready_for_a_digit(qtbot, journal: Journal) -> None:
    QSettings().setValue("window/view", 2)  # the person had Charts open last time
    window = open_window(qtbot, journal)
    panel = window.today.check_in
    assert window.tabs.currentWidget() is window.today
    qtbot.waitUntil(lambda: focused() is panel.sliders["mood"].slider)


def test_a_digit_sets_the_scale_and_moves_on_to_the_next(qtbot, journal: Journal) -> None:
    window = open_window(qtbot, journal)
    panel = window.today.check_in
    qtbot.waitUntil(lambda: focused() is panel.sliders["mood"].slider)
    qtbot.keyClick(focused(), Qt.Key.Key_7)
    assert panel.sliders["mood"].value() == 7
    assert focused() is panel.sliders["stress"].slider
    qtbot.keyClick(focused(), Qt.Key.Key_0)
    assert panel.sliders["stress"].value() == 10
    assert focused() is panel.sliders["anxiety"].slider
    assert "digit" in panel.sliders["mood"].slider.accessibleDescription().lower()
    assert "next" in panel.sliders["mood"].slider.toolTip().lower()


def test_tab_follows_the_screen_sliders_then_sleep_then_ill_then_tags_then_note(
    qtbot, journal: Journal
) -> None:
    window = open_window(qtbot, journal)
    panel = window.today.check_in
    sliders = panel.sliders
    expected = [
        sliders["mood"].slider,
        sliders["stress"].slider,
        sliders["anxiety"].slider,
        sliders["energy"].slider,
        sliders["sleep_quality"].slider,
        panel.sleep_hours,
        panel.bedtime_known,
        panel.ill,
        panel.tags.chips[0],  # the row of tags is one stop; arrow keys move along it
        panel.note,
    ]
    qtbot.waitUntil(lambda: focused() is expected[0])
    seen = [focused()]
    for _ in expected[1:]:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        widget = focused()
        # A spin box's focus lands on its line edit's owner.
        seen.append(
            widget.parentWidget()
            if widget is not None and widget.parentWidget() is panel.sleep_hours
            else widget
        )
    assert seen == expected


def test_a_whole_check_in_by_keyboard_alone_in_twelve_keys(qtbot, journal: Journal) -> None:
    window = open_window(qtbot, journal)
    panel = window.today.check_in
    qtbot.waitUntil(lambda: focused() is panel.sliders["mood"].slider)
    keys = [
        Qt.Key.Key_7,  # mood
        Qt.Key.Key_3,  # stress
        Qt.Key.Key_2,  # anxiety
        Qt.Key.Key_6,  # energy
        Qt.Key.Key_8,  # sleep quality
        Qt.Key.Key_7,  # hours slept
        Qt.Key.Key_Tab,  # went to bed at (left unticked)
        Qt.Key.Key_Tab,  # ill or injured
        Qt.Key.Key_Space,
        (Qt.Key.Key_N, ALT),  # note (Alt+N, past the tags)
        Qt.Key.Key_O,
        Qt.Key.Key_K,
    ]
    for key in keys:
        pressed, modifier = key if isinstance(key, tuple) else (key, Qt.KeyboardModifier.NoModifier)
        qtbot.keyClick(focused(), pressed, modifier)
    assert len(keys) <= KEYBOARD_BUDGET
    expected = CheckIn(
        day=TODAY,
        mood=7,
        stress=3,
        anxiety=2,
        energy=6,
        sleep_quality=8,
        sleep_hours=7.0,
        ill=True,
        note="ok",
    )
    qtbot.waitUntil(lambda: journal.check_in(TODAY) == expected, timeout=5000)


def _groove_point(slider: QSlider, value: int) -> QPoint:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    style = slider.style()
    groove = style.subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, slider
    )
    handle = style.subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider
    )
    span = groove.width() - handle.width()
    x = groove.x() + handle.width() // 2 + QStyle.sliderPositionFromValue(1, 10, value, span)
    return QPoint(x, groove.center().y())


def _spin_up_point(panel: CheckInPanel) -> QPoint:
    box = panel.sleep_hours
    option = QStyleOptionSpinBox()
    box.initStyleOption(option)
    up = box.style().subControlRect(
        QStyle.ComplexControl.CC_SpinBox, option, QStyle.SubControl.SC_SpinBoxUp, box
    )
    return up.center()


def test_a_whole_check_in_by_mouse_in_seven_clicks(qtbot, journal: Journal) -> None:
    window = open_window(qtbot, journal)
    panel = window.today.check_in
    left = Qt.MouseButton.LeftButton
    clicks: list[tuple[QWidget, QPoint]] = [
        (panel.sliders["mood"].slider, _groove_point(panel.sliders["mood"].slider, 8)),
        (panel.sliders["stress"].slider, _groove_point(panel.sliders["stress"].slider, 2)),
        (panel.sliders["anxiety"].slider, _groove_point(panel.sliders["anxiety"].slider, 3)),
        (panel.sliders["energy"].slider, _groove_point(panel.sliders["energy"].slider, 7)),
        (panel.sliders["sleep_quality"].slider, _groove_point(panel.sliders["sleep_quality"].slider, 6)),
        (panel.sleep_hours, _spin_up_point(panel)),  # from "not recorded" to an ordinary 7 h night
        (panel.ill, QPoint(8, panel.ill.height() // 2)),
    ]
    for widget, where in clicks:
        assert widget.isVisible()
        qtbot.mouseClick(widget, left, pos=where)
    assert len(clicks) <= MOUSE_BUDGET
    expected = CheckIn(
        day=TODAY, mood=8, stress=2, anxiety=3, energy=7, sleep_quality=6, sleep_hours=7.0, ill=True
    )
    qtbot.waitUntil(lambda: journal.check_in(TODAY) == expected, timeout=5000)
