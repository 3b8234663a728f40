"""The one palette of RunJournal's charts: the window (light and dark themes) and the printed
page (always light) take every colour from here, so mood is the same blue everywhere.

The accents are Okabe & Ito's "Color Universal Design" set, which stays distinguishable
for the common kinds of colour blindness; colours drawn in the same chart are checked
against a simulated deuteranopia in the tests. No meaning rests on colour alone: each
series also has its own line style and marker, hard effort is hatched, and a change of
mood is marked with an arrow as well as a colour.

Colours are "#rrggbb" strings (no Qt here); the window and the page turn them into QColor.
"""

from __future__ import annotations

from runjournal.domain.model import Intensity

# Okabe & Ito (2008).
ORANGE = "#e69f00"
SKY_BLUE = "#56b4e9"
BLUISH_GREEN = "#009e73"
YELLOW = "#f0e442"
BLUE = "#0072b2"
VERMILLION = "#d55e00"
REDDISH_PURPLE = "#cc79a7"

# (on a light background, on a dark one): blue is too dark to read on a dark background.
SERIES_COLOURS: dict[str, tuple[str, str]] = {
    "mood": (BLUE, SKY_BLUE),
    "stress": (VERMILLION, VERMILLION),
    "anxiety": (REDDISH_PURPLE, REDDISH_PURPLE),
    "energy": (ORANGE, ORANGE),
    "sleep_hours": (BLUISH_GREEN, BLUISH_GREEN),
}
# Line styles and markers that tell the series apart without colour. The names are Qt's
# pen styles and pyqtgraph's symbols; the page draws the same shapes with QPainter.
SERIES_DASHES = {
    "mood": "solid",
    "stress": "dash",
    "anxiety": "dot",
    "energy": "dashdot",
    "sleep_hours": "solid",
}
SERIES_SYMBOLS = {"mood": "o", "stress": "s", "anxiety": "d", "energy": "t", "sleep_hours": "o"}

EFFORT_COLOURS: dict[Intensity, str] = {
    Intensity.EASY: SKY_BLUE,
    Intensity.MODERATE: ORANGE,
    Intensity.HARD: VERMILLION,  # also hatched on bars
}
EFFORT_SYMBOLS = {Intensity.EASY: "o", Intensity.MODERATE: "s", Intensity.HARD: "t1"}

BARS = (BLUE, SKY_BLUE)  # a chart with one kind of bar (sessions)
GOAL = REDDISH_PURPLE  # the person's own goal line
BAND = BLUISH_GREEN  # a recommended band, drawn translucent
BETTER = (BLUE, SKY_BLUE)  # mood up (or stress down) after a session; drawn with ▲
WORSE = (VERMILLION, VERMILLION)  # the other way; drawn with ▼

# The charts whose colours sit side by side (see tests/ui/test_charts_palette.py).
SHARED_CHARTS = ("scores", "effort", "before→after", "sessions")


def pick(pair: tuple[str, str], dark: bool) -> str:
    """The colour of a (light, dark) pair for a background."""
    return pair[1] if dark else pair[0]


def series_colour(name: str, dark: bool = False) -> str:
    return pick(SERIES_COLOURS[name], dark)


def effort_colour(intensity: Intensity) -> str:
    return EFFORT_COLOURS[intensity]
