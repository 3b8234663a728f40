"""Round dots of one colour, drawn in a single painter call.

pg.ScatterPlotItem keeps a Python record per point (symbol, size, pen, brush, atlas key):
feeding it the 3,650 days of a ten-year series takes tens of milliseconds on the UI thread,
every time a range is drawn. The daily chart's points all look alike, so this item keeps
them as one polygon and paints them with a round cosmetic pen: a dot of the same size in
pixels at any zoom, for almost no work in Python.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget


class DotsItem(pg.GraphicsObject):
    """Dots at (x, y) in data coordinates, `size` pixels across; NaN values are left out."""

    def __init__(self, size: float = 5.0) -> None:
        super().__init__()
        self._size = size
        self._pen = QPen(QColor(0, 0, 0))
        self._polygon = QPolygonF()
        self._bounds = QRectF()
        self.x = np.empty(0)
        self.y = np.empty(0)
        self._style()

    def setColour(self, colour: QColor) -> None:
        self._pen.setColor(colour)
        self._style()
        self.update()

    def _style(self) -> None:
        self._pen.setWidthF(self._size)
        self._pen.setCosmetic(True)  # pixels, whatever the axis scale
        self._pen.setCapStyle(Qt.PenCapStyle.RoundCap)  # a round cap makes a point a disc

    def setData(self, x: np.ndarray, y: np.ndarray) -> None:
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        keep = np.isfinite(x) & np.isfinite(y)
        self.x, self.y = x[keep], y[keep]
        self.prepareGeometryChange()
        if len(self.x):
            self._polygon = pg.functions.arrayToQPolygonF(self.x, self.y)
            left, right = float(self.x.min()), float(self.x.max())
            low, high = float(self.y.min()), float(self.y.max())
            self._bounds = QRectF(left, low, right - left, high - low)
        else:
            self._polygon = QPolygonF()
            self._bounds = QRectF()
        self.update()

    def dataBounds(self, axis: int, frac: float = 1.0, orthoRange: object = None) -> tuple | None:
        values = self.x if axis == 0 else self.y
        return (float(values.min()), float(values.max())) if len(values) else (None, None)

    def pixelPadding(self) -> float:
        return self._size / 2

    def boundingRect(self) -> QRectF:
        if self._bounds.isNull() and not len(self.x):
            return QRectF()
        # The dots reach half their size past the data, in pixels: widen by that in data units.
        px_w, px_h = self.pixelWidth(), self.pixelHeight()
        pad_x = (px_w or 0.0) * self._size
        pad_y = (px_h or 0.0) * self._size
        return self._bounds.adjusted(-pad_x, -pad_y, pad_x, pad_y)

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._polygon.isEmpty():
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(self._pen)
        painter.drawPoints(self._polygon)
