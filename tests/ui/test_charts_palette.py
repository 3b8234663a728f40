"""One palette for the window's charts and the printed page, readable with deuteranopia.

The deuteranopia check simulates what a person without green cones sees (Machado, Oliveira
and Fernandes 2009, severity 1.0, applied in linear RGB) and asks that every two colours
drawn in the same chart stay at least MIN_DELTA_E apart in CIELAB (CIE76): about seven
times a "just noticeable" difference.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtGui import QColor, QPalette

from runjournal.domain.model import Intensity
from runjournal.reports import page_style
from runjournal.ui.views.charts.palette import colours_from

MIN_DELTA_E = 15.0
DEUTERANOPIA = np.array(
    [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]
)
SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
WHITE = np.array([0.95047, 1.0, 1.08883])


def _linear(colour: str) -> np.ndarray:
    qt = QColor(colour)
    rgb = np.array([qt.redF(), qt.greenF(), qt.blueF()])
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    xyz = SRGB_TO_XYZ @ np.clip(linear, 0, 1) / WHITE
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen_with_deuteranopia(colour: str) -> np.ndarray:
    return _lab(DEUTERANOPIA @ _linear(colour))


def _light() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    return palette


def _dark() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    return palette


def test_the_printed_page_uses_the_light_windows_colours() -> None:
    window = colours_from(_light())
    for name in ("mood", "stress", "anxiety", "energy", "sleep_hours"):
        assert page_style.SERIES_COLOURS[name].name() == window.series(name).name(), name
    for intensity in Intensity:
        assert page_style.EFFORT_COLOURS[intensity].name() == window.intensity(intensity).name(), intensity


def test_the_simulation_tells_red_from_green_apart_less_than_full_colour_vision() -> None:
    red, green = "#d62728", "#2ca02c"  # the classic pair deuteranopia confuses
    seen = np.linalg.norm(seen_with_deuteranopia(red) - seen_with_deuteranopia(green))
    normal = np.linalg.norm(_lab(_linear(red)) - _lab(_linear(green)))
    assert seen < MIN_DELTA_E < normal


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_colours_sharing_a_chart_stay_apart_with_deuteranopia(theme: str) -> None:
    from runjournal.figures import palette

    colours = colours_from(_light() if theme == "light" else _dark())
    charts = {
        "scores": [colours.series(name).name() for name in ("mood", "stress", "anxiety", "energy")],
        "effort": [colours.intensity(i).name() for i in Intensity],
        "before→after": [colours.better.name(), colours.worse.name()],
        "sessions": [colours.bars.name(), colours.goal.name()],
    }
    assert set(palette.SHARED_CHARTS) == set(charts)
    for chart, used in charts.items():
        for a, b in itertools.combinations(used, 2):
            distance = np.linalg.norm(seen_with_deuteranopia(a) - seen_with_deuteranopia(b))
            assert distance >= MIN_DELTA_E, (
                f"{chart}: {a} and {b} look alike with deuteranopia ({distance:.1f})"
            )


def test_no_series_relies_on_colour_alone() -> None:
    from runjournal.figures import palette

    scores = ("mood", "stress", "anxiety", "energy")
    assert len({palette.SERIES_DASHES[name] for name in scores}) == len(scores)
    assert len({palette.SERIES_SYMBOLS[name] for name in scores}) == len(scores)
    assert len({palette.EFFORT_SYMBOLS[i] for i in Intensity}) == len(Intensity)
