"""Type, colour and text helpers of the printed weekly page.

Sizes are in points (fonts) and millimetres (geometry), turned into device pixels from the
painter's device resolution, so the page looks the same in the print preview, on paper and
in a PDF. Colours are the window's (runjournal.figures.palette, readable with every common
colour-vision deficiency), each paired with a lightness, a line style or a hatch so the page
survives a black-and-white printer.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextLayout, QTextOption

from runjournal.domain.model import Intensity
from runjournal.figures import palette

FONT_FAMILY = "DejaVu Sans"  # falls back to the platform's sans serif where it is missing

INK = QColor("#1f2328")  # body text: near black, softer than pure black
MUTED = QColor("#5b6169")  # labels, sources, axis text
RULE = QColor("#c9ced4")  # frames and separators
GRID = QColor("#e6e9ec")
SHADE = QColor("#f3f5f7")  # tile and band backgrounds
HIGHLIGHT = QColor("#fff4d6")  # this week behind the weekly charts

# The shared palette (runjournal.figures.palette), as a light window shows it: the page is
# always light. Hard effort is hatched on top, and each series has its own dash.
_DASHES = {
    "solid": Qt.PenStyle.SolidLine,
    "dash": Qt.PenStyle.DashLine,
    "dot": Qt.PenStyle.DotLine,
    "dashdot": Qt.PenStyle.DashDotLine,
}
EFFORT_COLOURS = {intensity: QColor(palette.effort_colour(intensity)) for intensity in Intensity}
EFFORT_LABELS = {Intensity.EASY: "Easy", Intensity.MODERATE: "Moderate", Intensity.HARD: "Hard"}
SESSIONS_COLOUR = QColor(palette.pick(palette.BARS, dark=False))
BAND_COLOUR = QColor("#d8efe6")  # the 3–5 sessions band: the palette's bluish green, pale
SERIES_COLOURS = {name: QColor(palette.series_colour(name)) for name in palette.SERIES_COLOURS}
SERIES_DASHES = {name: _DASHES[style] for name, style in palette.SERIES_DASHES.items()}
BETTER_COLOUR = QColor(palette.pick(palette.BETTER, dark=False))
WORSE_COLOUR = QColor(palette.pick(palette.WORSE, dark=False))


@dataclass(frozen=True)
class PageStyle:
    """Fonts and lengths for one painter; `mm` is one millimetre in the painter's units."""

    painter: QPainter
    mm: float
    title: QFont
    subtitle: QFont
    heading: QFont
    body: QFont
    bold: QFont
    small: QFont
    tiny: QFont
    tiny_bold: QFont
    figure: QFont

    @classmethod
    def for_painter(cls, painter: QPainter, mm: float) -> PageStyle:
        return cls(
            painter=painter,
            mm=mm,
            title=_font(17, QFont.Weight.DemiBold),
            subtitle=_font(9.5),
            heading=_font(9.5, QFont.Weight.DemiBold),
            body=_font(8.5),
            bold=_font(8.5, QFont.Weight.DemiBold),
            small=_font(7.5),
            tiny=_font(7),
            tiny_bold=_font(7, QFont.Weight.Bold),
            figure=_font(15, QFont.Weight.DemiBold),
        )

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.painter.device())

    def line_height(self, font: QFont, spacing: float = 1.25) -> float:
        return self.metrics(font).height() * spacing

    def width(self, font: QFont, text: str) -> float:
        return self.metrics(font).horizontalAdvance(text)

    def pen(self, colour: QColor, width_mm: float = 0.25, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
        pen = QPen(colour, width_mm * self.mm, style)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen

    def text(
        self,
        rect: QRectF,
        value: str,
        font: QFont,
        colour: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    ) -> None:
        """One line, elided if it would run past the rect (nothing is ever clipped mid-glyph)."""
        painter = self.painter
        painter.setFont(font)
        painter.setPen(colour)
        shown = self.metrics(font).elidedText(value, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(align | Qt.TextFlag.TextSingleLine), shown)

    def wrap(self, value: str, font: QFont, width: float) -> list[str]:
        """The lines `value` breaks into at `width`, word-wrapped as Qt would."""
        lines: list[str] = []
        for paragraph in value.splitlines() or [""]:
            layout = QTextLayout(paragraph, font, self.painter.device())
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()].rstrip())
            layout.endLayout()
        return lines

    def paragraph(
        self,
        top_left: QPointF,
        width: float,
        value: str,
        font: QFont,
        colour: QColor = INK,
        max_lines: int = 0,
    ) -> float:
        """Wrapped text from `top_left`; at most `max_lines` (0: all), the last one ending in "…".

        Returns the height used.
        """
        lines = self.wrap(value, font, width)
        if max_lines and len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = self.metrics(font).elidedText(lines[-1] + " …", Qt.TextElideMode.ElideRight, width)
            if not lines[-1].endswith("…"):
                lines[-1] = lines[-1].rstrip(" .,;:") + "…"
        step = self.line_height(font, 1.2)
        for i, line in enumerate(lines):
            self.text(QRectF(top_left.x(), top_left.y() + i * step, width, step), line, font, colour)
        return step * len(lines)

    def paragraph_height(self, value: str, font: QFont, width: float, max_lines: int = 0) -> float:
        lines = len(self.wrap(value, font, width))
        if max_lines:
            lines = min(lines, max_lines)
        return self.line_height(font, 1.2) * lines

    def rule(self, x1: float, x2: float, y: float, colour: QColor = RULE, width_mm: float = 0.2) -> None:
        self.painter.setPen(self.pen(colour, width_mm))
        self.painter.drawLine(QLineF(x1, y, x2, y))

    def heading_line(self, rect: QRectF, value: str) -> float:
        """A section heading with a hairline under it; returns the height used."""
        height = self.line_height(self.heading, 1.3)
        self.text(QRectF(rect.left(), rect.top(), rect.width(), height), value, self.heading)
        self.rule(rect.left(), rect.right(), rect.top() + height)
        return height + 1.6 * self.mm


def hatch(painter: QPainter, rect: QRectF, colour: QColor, spacing: float, width: float) -> None:
    """Diagonal lines across `rect`, drawn as vector lines (Qt's pattern brushes turn into
    bitmaps in a PDF, which print blurred)."""
    if rect.width() <= 0 or rect.height() <= 0:
        return
    painter.save()
    painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    pen = QPen(colour, width)
    painter.setPen(pen)
    x = rect.left() - rect.height()
    while x < rect.right():
        painter.drawLine(QLineF(x, rect.bottom(), x + rect.height(), rect.top()))
        x += spacing
    painter.restore()


def _font(points: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(points)
    font.setWeight(weight)
    font.setKerning(True)
    # Ligatures ("ﬀ" in "effort") would make the PDF's text read oddly when copied or searched.
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font
