"""Contrast measured from what is painted (WCAG 2.1): every text of the check-in at least
4.5:1 against what is behind it, every control's outline or handle at least 3:1, in the
light and the dark theme."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QLabel,
    QSlider,
    QStyle,
    QStyleOptionButton,
    QStyleOptionSlider,
    QTabBar,
    QWidget,
)

from runjournal.domain.model import DistanceUnit
from runjournal.service.journal import Journal
from runjournal.ui import app as app_module
from runjournal.ui.dialogs.run_dialog import RunDialog
from runjournal.ui.main_window import MainWindow
from runjournal.ui.theme import apply_theme

TEXT_MINIMUM = 4.5
CONTROL_MINIMUM = 3.0


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(first: QColor, second: QColor) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def pixels(image: QImage, area: QRect | None = None) -> Iterator[QColor]:
    area = area or image.rect()
    area = area.intersected(image.rect())
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            yield image.pixelColor(x, y)


def background(image: QImage) -> QColor:
    """The colour most of the widget is painted in."""
    counts = Counter(colour.rgb() for colour in pixels(image))
    return QColor.fromRgb(counts.most_common(1)[0][0])


def strongest(image: QImage, behind: QColor, area: QRect | None = None) -> float:
    """The contrast of the painted colour that stands out most from `behind` (a glyph's
    core, a handle's edge): anti-aliased fringes are softer by design."""
    return max((contrast(colour, behind) for colour in pixels(image, area)), default=1.0)


def grab(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    app = app_module.make_application()
    QSettings().clear()
    apply_theme(app, request.param)
    yield request.param
    apply_theme(app, "light")
    QSettings().clear()


@pytest.fixture
def window(qtbot, journal: Journal, theme: str) -> MainWindow:
    window = MainWindow(journal)
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def text_problems(root: QWidget) -> list[str]:
    problems = []
    for label in root.findChildren(QLabel):
        if (
            not label.isVisible()
            or not label.isEnabled()
            or not label.text().strip()
            or label.pixmap() is not None
        ):
            continue
        image = grab(label)
        behind = background(image)
        measured = strongest(image, behind)
        if measured < TEXT_MINIMUM:
            problems.append(f"{label.text()!r}: {measured:.2f}")
    return problems


def test_every_text_of_the_check_in_is_readable(window: MainWindow) -> None:
    assert text_problems(window.today.check_in) == []


def slider_handle(slider: QSlider) -> QRect:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    return slider.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider
    )


def test_unrecorded_sliders_and_their_handles_can_be_seen(window: MainWindow) -> None:
    problems = []
    for name, scale in window.today.check_in.sliders.items():
        assert scale.value() is None
        image = grab(scale.slider)
        measured = strongest(image, background(image), slider_handle(scale.slider))
        if measured < CONTROL_MINIMUM:
            problems.append(f"{name}: {measured:.2f}")
    assert problems == []


def test_check_box_outlines_can_be_seen(window: MainWindow) -> None:
    panel = window.today.check_in
    problems = []
    for box in (panel.ill, panel.bedtime_known):
        option = QStyleOptionButton()
        box.initStyleOption(option)
        indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
        image = grab(box)
        measured = strongest(image, background(image), indicator)
        if measured < CONTROL_MINIMUM:
            problems.append(f"{box.text()}: {measured:.2f}")
    assert problems == []


def test_the_selected_tab_stands_out(window: MainWindow) -> None:
    bar = window.tabs.findChild(QTabBar)
    assert bar is not None
    image = grab(bar)
    selected = bar.tabRect(bar.currentIndex())
    other = bar.tabRect(1)
    fill_selected = background(image.copy(selected))
    fill_other = background(image.copy(other))
    # Its fill differs from the other tabs', or a marker on it stands out from its fill.
    marker = strongest(image, fill_selected, selected)
    assert max(contrast(fill_selected, fill_other), marker) >= CONTROL_MINIMUM
    assert strongest(image, fill_selected, selected) >= TEXT_MINIMUM  # its name


def test_the_log_run_effort_slider_can_be_seen(qtbot, theme: str) -> None:
    dialog = RunDialog(DistanceUnit.KM)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    slider = dialog.effort_slider
    image = grab(slider)
    assert strongest(image, background(image), slider_handle(slider)) >= CONTROL_MINIMUM
    assert text_problems(dialog) == []
