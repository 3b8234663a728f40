"""Colours of the charts in the window: the shared palette (`runjournal.figures.palette`) on
the person's own light or dark theme.

Backgrounds, text and grid lines come from QPalette roles, so the charts follow a light or a
dark theme; accents come from the one palette the printed page uses too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from runjournal.domain.model import Intensity
from runjournal.figures import palette as shared

ORANGE = shared.ORANGE
SKY_BLUE = shared.SKY_BLUE
BLUISH_GREEN = shared.BLUISH_GREEN
YELLOW = shared.YELLOW
BLUE = shared.BLUE
VERMILLION = shared.VERMILLION
REDDISH_PURPLE = shared.REDDISH_PURPLE

INTENSITY_COLOURS = shared.EFFORT_COLOURS
# Marker shapes repeat what the colour says, for anyone who cannot tell the colours apart.
INTENSITY_SYMBOLS = shared.EFFORT_SYMBOLS


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
        return QColor(shared.series_colour(name, self.dark))

    @property
    def bars(self) -> QColor:
        """The single colour of a chart with one kind of bar."""
        return QColor(shared.pick(shared.BARS, self.dark))

    @property
    def better(self) -> QColor:
        """A change for the better (drawn with ▲ as well)."""
        return QColor(shared.pick(shared.BETTER, self.dark))

    @property
    def worse(self) -> QColor:
        """A change for the worse (drawn with ▼ as well)."""
        return QColor(shared.pick(shared.WORSE, self.dark))

    @property
    def band(self) -> QColor:
        """A translucent fill for a recommended band, visible on either background."""
        colour = QColor(shared.BAND)
        colour.setAlpha(70 if self.dark else 45)
        return colour

    @property
    def goal(self) -> QColor:
        return QColor(shared.GOAL)

    def intensity(self, intensity: Intensity) -> QColor:
        return QColor(shared.effort_colour(intensity))


def colours_from(palette: QPalette) -> ChartColours:
    """Chart colours for a widget's palette: plots sit on the Base colour, like a text field."""
    background = palette.color(QPalette.ColorRole.Base)
    foreground = palette.color(QPalette.ColorRole.Text)
    dark = background.lightness() < 128
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    grid = QColor(foreground)
    grid.setAlpha(40 if dark else 30)
    return ChartColours(background=background, foreground=foreground, muted=muted, grid=grid, dark=dark)
