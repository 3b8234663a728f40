"""The frame every chart on the page shares: title, legend above the plot (so it never
covers data), axes with round tick values, and a one-line message when there is no data."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor

from runjournal.reports.page_style import GRID, INK, MUTED, RULE, PageStyle, hatch

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class LegendItem:
    """One legend entry; `kind` is "box" (a filled swatch), "line" or "marker"."""

    label: str
    colour: QColor
    kind: str = "box"
    dash: Qt.PenStyle = Qt.PenStyle.SolidLine
    hatched: bool = False
    filled: bool = True
    square: bool = False


def frame(style: PageStyle, rect: QRectF, title: str, legend: list[LegendItem]) -> QRectF:
    """Draw the chart's frame, title and legend; return the area left for the plot."""
    painter, mm = style.painter, style.mm
    painter.setPen(style.pen(RULE, 0.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, 1.2 * mm, 1.2 * mm)
    inner = rect.adjusted(2.5 * mm, 2 * mm, -2.5 * mm, -2 * mm)
    title_h = style.line_height(style.bold, 1.2)
    style.text(QRectF(inner.left(), inner.top(), inner.width(), title_h), title, style.bold)
    top = inner.top() + title_h
    if legend:
        top += 0.6 * mm + draw_legend(style, QPointF(inner.left(), top), inner.width(), legend)
    return QRectF(inner.left(), top + 1.2 * mm, inner.width(), inner.bottom() - top - 1.2 * mm)


def draw_legend(style: PageStyle, origin: QPointF, width: float, items: list[LegendItem]) -> float:
    """Legend entries in a row, wrapping to a second row when the chart is narrow."""
    mm = style.mm
    row_h = style.line_height(style.tiny, 1.25)
    swatch = 3.2 * mm
    x, y = origin.x(), origin.y()
    for item in items:
        needed = swatch + 1 * mm + style.width(style.tiny, item.label) + 3 * mm
        if x > origin.x() and x + needed > origin.x() + width:
            x, y = origin.x(), y + row_h
        _swatch(style, QRectF(x, y + row_h * 0.2, swatch, row_h * 0.6), item)
        style.text(QRectF(x + swatch + 1 * mm, y, needed, row_h), item.label, style.tiny, MUTED)
        x += needed
    return y + row_h - origin.y()


def _swatch(style: PageStyle, rect: QRectF, item: LegendItem) -> None:
    painter, mm = style.painter, style.mm
    if item.kind == "box":
        box = QRectF(rect.left(), rect.center().y() - 1.1 * mm, rect.width(), 2.2 * mm)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(item.colour)
        painter.drawRect(box)
        if item.hatched:
            hatch(painter, box, INK, 0.9 * mm, 0.14 * mm)
    elif item.kind == "line":
        painter.setPen(style.pen(item.colour, 0.4, item.dash))
        painter.drawLine(QLineF(rect.left(), rect.center().y(), rect.right(), rect.center().y()))
    else:
        marker(style, rect.center(), item.colour, filled=item.filled, square=item.square)


def marker(
    style: PageStyle,
    centre: QPointF,
    colour: QColor,
    *,
    filled: bool = True,
    square: bool = False,
    size_mm: float = 1.3,
) -> None:
    """A data point: filled or open, round or square, so series differ without colour."""
    painter = style.painter
    size = size_mm * style.mm
    painter.setPen(style.pen(colour, 0.25))
    painter.setBrush(QBrush(colour) if filled else QBrush(QColor("white")))
    box = QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size)
    if square:
        painter.drawRect(box)
    else:
        painter.drawEllipse(box)


def no_data(style: PageStyle, area: QRectF, message: str) -> None:
    """The one line a chart shows instead of empty axes."""
    style.text(area, message, style.small, MUTED, CENTRE)


def nice_ticks(top: float, wanted: int = 4) -> list[float]:
    """Round tick values from 0 to at least `top` (1, 2 or 5 times a power of ten apart)."""
    top = max(top, 1.0)
    raw = top / wanted
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in (1, 2, 2.5, 5, 10) if s * power >= raw)
    count = math.ceil(top / step - 1e-9)
    return [i * step for i in range(count + 1)]


def tick_label(value: float) -> str:
    return f"{value:g}"


def y_axis(
    style: PageStyle,
    plot: QRectF,
    ticks: Sequence[float],
    low: float,
    high: float,
    *,
    labels: bool = True,
    suffix: str = "",
) -> None:
    """Horizontal gridlines at each tick with its value to the left of the plot."""
    painter, mm = style.painter, style.mm
    label_h = style.line_height(style.tiny, 1.0)
    for value in ticks:
        y = y_of(plot, value, low, high)
        painter.setPen(style.pen(GRID if value != low else RULE, 0.2))
        painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
        if labels:
            box = QRectF(plot.left() - 9 * mm, y - label_h / 2, 8 * mm, label_h)
            style.text(box, tick_label(value) + suffix, style.tiny, MUTED, RIGHT)


def y_of(plot: QRectF, value: float, low: float, high: float) -> float:
    return plot.bottom() - (value - low) / (high - low) * plot.height()


def axis_gutter(style: PageStyle, labels: list[str]) -> float:
    """Room to the left of a plot for its tick labels."""
    return max(style.width(style.tiny, label) for label in labels) + 1.5 * style.mm


def guide_line(
    style: PageStyle, plot: QRectF, y: float, label: str, dash: Qt.PenStyle, right_room: float
) -> None:
    """A guideline across the plot, labelled in the gutter to its right."""
    painter = style.painter
    painter.setPen(style.pen(INK, 0.35, dash))
    painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
    label_h = style.line_height(style.tiny, 1.0)
    box = QRectF(plot.right() + 0.8 * style.mm, y - label_h / 2, right_room, label_h)
    style.text(box, label, style.tiny, INK, LEFT)


def bottom_labels(
    style: PageStyle, plot: QRectF, slots: list[str], bold_index: int | None, title: str
) -> None:
    """Category labels under evenly spaced slots, and the axis title under them."""
    label_h = style.line_height(style.tiny, 1.15)
    slot = plot.width() / max(len(slots), 1)
    for i, text in enumerate(slots):
        box = QRectF(plot.left() + i * slot - slot, plot.bottom() + 0.6 * style.mm, slot * 3, label_h)
        font = style.tiny_bold if i == bold_index else style.tiny
        style.text(box, text, font, INK if i == bold_index else MUTED, CENTRE)
    axis = QRectF(plot.left(), plot.bottom() + 0.6 * style.mm + label_h, plot.width(), label_h)
    style.text(axis, title, style.tiny, MUTED, CENTRE)


def bottom_room(style: PageStyle) -> float:
    """Height under a plot for category labels and the axis title."""
    return 0.6 * style.mm + 2 * style.line_height(style.tiny, 1.15)
