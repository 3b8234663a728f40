"""A chart's legend as ordinary widgets under the plot, so it never covers the data."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from runjournal.ui.views.charts.chart_base import (
    SWATCH_BAND,
    SWATCH_BAR,
    SWATCH_DASHED,
    SWATCH_DOTTED,
    SWATCH_LINE,
    SWATCH_POINT,
    SWATCH_TICK,
    LegendEntry,
)
from runjournal.ui.views.charts.palette import ChartColours

SWATCH_W, SWATCH_H = 26, 14


def _marker(symbol: str, centre: QPointF, size: float) -> QPainterPath:
    path = QPainterPath()
    half = size / 2
    if symbol == "s":
        path.addRect(QRectF(centre.x() - half, centre.y() - half, size, size))
    elif symbol == "t1":
        path.moveTo(centre.x(), centre.y() - half)
        path.lineTo(centre.x() + half, centre.y() + half)
        path.lineTo(centre.x() - half, centre.y() + half)
        path.closeSubpath()
    else:
        path.addEllipse(centre, half, half)
    return path


def swatch_pixmap(entry: LegendEntry, colours: ChartColours, ratio: float = 1.0) -> QPixmap:
    """A small picture of how the entry is drawn on the chart."""
    pixmap = QPixmap(round(SWATCH_W * ratio), round(SWATCH_H * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    mid = SWATCH_H / 2
    if entry.kind in (SWATCH_BAR, SWATCH_BAND):
        painter.fillRect(QRectF(3, 1, SWATCH_W - 6, SWATCH_H - 2), entry.colour)
    elif entry.kind == SWATCH_TICK:
        painter.fillRect(QRectF(SWATCH_W / 2 - 1, 2, 2, SWATCH_H - 4), entry.colour)
    elif entry.kind == SWATCH_POINT:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(entry.colour)
        painter.drawPath(_marker(entry.symbol, QPointF(SWATCH_W / 2, mid), 10))
    else:
        style = {SWATCH_DASHED: Qt.PenStyle.DashLine, SWATCH_DOTTED: Qt.PenStyle.DotLine}
        pen = QPen(entry.colour, 2)
        pen.setStyle(style.get(entry.kind, Qt.PenStyle.SolidLine))
        painter.setPen(pen)
        painter.drawLine(QPointF(1, mid), QPointF(SWATCH_W - 1, mid))
        if entry.kind == SWATCH_LINE:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(entry.colour)
            painter.drawEllipse(QPointF(SWATCH_W / 2, mid), 3, 3)
    painter.end()
    return pixmap


def swatch_icon(entry: LegendEntry, colours: ChartColours) -> QIcon:
    return QIcon(swatch_pixmap(entry, colours, 2.0))


class Legend(QWidget):
    """A row of swatches with their labels; the text stays in the palette's own colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(14)
        self.labels: list[str] = []
        self._shown: tuple[list[LegendEntry], ChartColours] | None = None

    def set_entries(self, entries: list[LegendEntry], colours: ChartColours) -> None:
        # Redrawing a chart mostly keeps its legend: rebuilding it would lay the page out again.
        if self._shown == (entries, colours):
            return
        self._shown = (entries, colours)
        while (item := self._row.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.labels = [entry.label for entry in entries]
        ratio = self.devicePixelRatioF()
        for entry in entries:
            pair = QWidget()
            pair_row = QHBoxLayout(pair)
            pair_row.setContentsMargins(0, 0, 0, 0)
            pair_row.setSpacing(5)
            swatch = QLabel()
            swatch.setPixmap(swatch_pixmap(entry, colours, ratio))
            text = QLabel(entry.label)
            text.setTextFormat(Qt.TextFormat.PlainText)
            pair_row.addWidget(swatch)
            pair_row.addWidget(text)
            self._row.addWidget(pair)
        self._row.addStretch(1)
        self.setAccessibleName("Legend: " + ", ".join(self.labels))
