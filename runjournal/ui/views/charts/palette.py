"""Colours of the charts: Okabe–Ito accents on the person's own palette.

The Okabe–Ito set stays distinguishable for the common kinds of colour blindness. Backgrounds,
text and grid lines come from QPalette roles, so the charts follow a light or a dark theme;
the one accent too dark to read on a dark background (blue) swaps for its light sibling.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from runjournal.domain.model import Intensity

# Okabe & Ito (2008), "Color Universal Design".
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"

INTENSITY_COLOURS = {
    Intensity.EASY: SKY_BLUE,
    Intensity.MODERATE: ORANGE,
    Intensity.HARD: VERMILLION,
}
# Marker shapes repeat what the colour says, for anyone who cannot tell the colours apart.
INTENSITY_SYMBOLS = {Intensity.EASY: "o", Intensity.MODERATE: "s", Intensity.HARD: "t1"}


@dataclass(frozen=True)
class ChartColours:
    """What a chart paints with, derived from one QPalette."""

    background: QColor
    foreground: QColor
    muted: QColor
    grid: QColor
    dark: bool

    def series(self, name: str) -> QColor:
        """The accent of a daily check-in series."""
        colours = {
            "mood": SKY_BLUE if self.dark else BLUE,
            "stress": VERMILLION,
            "anxiety": REDDISH_PURPLE,
            "sleep_hours": BLUISH_GREEN,
        }
        return QColor(colours[name])

    @property
    def bars(self) -> QColor:
        """The single colour of a chart with one kind of bar."""
        return QColor(SKY_BLUE if self.dark else BLUE)

    @property
    def band(self) -> QColor:
        """A translucent fill for a recommended band, visible on either background."""
        colour = QColor(BLUISH_GREEN)
        colour.setAlpha(70 if self.dark else 45)
        return colour

    @property
    def goal(self) -> QColor:
        return QColor(REDDISH_PURPLE)

    def intensity(self, intensity: Intensity) -> QColor:
        return QColor(INTENSITY_COLOURS[intensity])


def colours_from(palette: QPalette) -> ChartColours:
    """Chart colours for a widget's palette: plots sit on the Base colour, like a text field."""
    background = palette.color(QPalette.ColorRole.Base)
    foreground = palette.color(QPalette.ColorRole.Text)
    dark = background.lightness() < 128
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    grid = QColor(foreground)
    grid.setAlpha(40 if dark else 30)
    return ChartColours(background=background, foreground=foreground, muted=muted, grid=grid, dark=dark)
