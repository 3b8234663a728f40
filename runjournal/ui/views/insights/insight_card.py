"""One Insights card: the comparison in words (what it found, how sure, how big, what it
rests on, the caveat that fits its kind) and its likely range drawn on its own axis."""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QLocale,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from runjournal.insights.model import CLEAR_DIFFERENCE, Insight, Kind, Label

# What the two sides of each day comparison are, for the "based on" line.
_DAY_SIDES = {
    "mood-next-day": ("day after a run", "days after a run", "other day", "other days"),
    "sleep-night-before": ("night before a run", "nights before a run", "other night", "other nights"),
}


def _number(value: int) -> str:
    return QLocale().toString(value)


def _signed(value: float) -> str:
    """A signed number with one decimal in the person's locale, "±0.0" for zero."""
    locale = QLocale()
    text = locale.toString(abs(value), "f", 1)
    if text == locale.toString(0.0, "f", 1):
        return "±" + text
    return ("+" if value > 0 else "−") + text


def plural(number: int, one: str, many: str) -> str:
    """ "1 session", "12 sessions": the number in the person's locale and the word that fits."""
    return f"{_number(number)} {one if number == 1 else many}"


def _threshold_words(insight: Insight) -> str:
    return "half an hour" if insight.unit == "hours" else "half a point"


def _unit_words(insight: Insight) -> str:
    return "hours of sleep" if insight.unit == "hours" else "points out of 10"


def based_on_text(insight: Insight) -> str:
    """How many days or sessions an insight rests on, in words."""
    if insight.days_without is None:
        return "Based on " + plural(insight.days_with, "session", "sessions")
    ran = ("day you ran", "days you ran", "other day", "other days")
    tagged = ("day with the tag", "days with the tag", "other day", "other days")
    one_with, many_with, one_without, many_without = _DAY_SIDES.get(
        insight.key, tagged if insight.kind is Kind.TAG_DAYS else ran
    )
    return (
        f"Based on {plural(insight.days_with, one_with, many_with)} "
        f"and {plural(insight.days_without, one_without, many_without)}"
    )


def range_text(insight: Insight) -> str:
    """The likely range, in the comparison's own unit."""
    what = "change" if insight.kind is Kind.BEFORE_AFTER else "difference"
    return (
        f"Likely range of the {what}: {_signed(insight.low)} to {_signed(insight.high)} "
        f"{'hours' if insight.unit == 'hours' else 'points'}."
    )


def verdict_text(insight: Insight) -> str:
    """Why the card carries its word, in plain words."""
    what = "change" if insight.kind is Kind.BEFORE_AFTER else "difference"
    side = "above" if insight.low > 0 else "below"
    if insight.label is Label.CLEAR:
        return (
            f"{Label.CLEAR}: the whole likely range is {side} zero, and the {what} is at least "
            f"{_threshold_words(insight)}."
        )
    if insight.label is Label.SMALL:
        return (
            f"{Label.SMALL}: the whole likely range is {side} zero, but the {what} is under "
            f"{_threshold_words(insight)} — small, yet it held up across your entries."
        )
    return (
        f"{Label.NONE}: the likely range reaches from below zero to above it, so the {what} could be chance."
    )


def size_text(insight: Insight) -> str:
    """The effect size in words, with its number for those who want it."""
    if insight.hedges_g is None:
        return f"Size: {insight.effect_size}."
    scale = (
        "the change measured against how much it varies from session to session"
        if insight.kind is Kind.BEFORE_AFTER
        else "the difference measured against how much your entries vary from day to day"
    )
    g = QLocale().toString(abs(insight.hedges_g), "f", 2)
    return f"Size: {insight.effect_size} (Hedges' g {g}: {scale})."


def band_text(insight: Insight) -> str:
    """What the shaded band on the chart means, said under the chart and not only in a tooltip."""
    what = "change" if insight.kind is Kind.BEFORE_AFTER else "difference"
    return (
        f"The line is the likely range, the dot the {what} in your entries, in {_unit_words(insight)}. "
        f"Shaded: less than {_threshold_words(insight)} either way of zero, too small to call a clear "
        "pattern."
    )


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` of the way towards `b`: a faint tint that follows the palette."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def extent_for(insight: Insight) -> float:
    """A symmetric axis for one comparison, wide enough for its interval and the band, in
    half-unit steps: every card has its own axis, since hours are not mood points."""
    values = [abs(v) for v in (insight.low, insight.high, insight.difference) if math.isfinite(v)]
    widest = max([1.0, *values])
    return math.ceil(widest * 1.1 / 0.5) * 0.5


class IntervalChart(QWidget):
    """One insight's difference and likely range on its own horizontal axis around zero.

    The faint band marks ±0.5 in the comparison's unit, the size a difference must reach to
    be called clear. The axis ends carry the unit. Colours come from the palette: the range
    uses Highlight when the pattern is clear or small but consistent and the text colour
    otherwise, which reads in light and dark palettes alike.
    """

    def __init__(self, insight: Insight, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.insight = insight
        self.extent = extent_for(insight)
        self.unit_label = "h" if insight.unit == "hours" else "pts"
        self.setMinimumSize(220, 50)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        description = f"{range_text(insight)} {band_text(insight)}"
        self.setAccessibleName(f"Chart: {insight.title}")
        self.setAccessibleDescription(description)
        self.setToolTip(description)

    def sizeHint(self) -> QSize:
        return QSize(360, 50)

    def axis_labels(self) -> list[str]:
        """The labels under the axis, left to right, with the unit at both ends."""
        return [
            f"{_signed(-self.extent)} {self.unit_label}",
            "0",
            f"{_signed(self.extent)} {self.unit_label}",
        ]

    def _x(self, value: float, left: float, width: float) -> float:
        clamped = max(-self.extent, min(self.extent, value))
        return left + (clamped + self.extent) / (2 * self.extent) * width

    def paintEvent(self, _event: QPaintEvent) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        accent = palette.color(QPalette.ColorRole.Highlight) if self.insight.label is not Label.NONE else text
        metrics = self.fontMetrics()
        labels = self.axis_labels()

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        margin = metrics.horizontalAdvance(labels[-1]) / 2 + 4
        left, width = margin, max(1.0, self.width() - 2 * margin)
        axis_y = 16.0

        band_left = self._x(-CLEAR_DIFFERENCE, left, width)
        band_right = self._x(CLEAR_DIFFERENCE, left, width)
        painter.fillRect(QRectF(band_left, axis_y - 10, band_right - band_left, 20), _mix(window, text, 0.12))

        axis_colour = _mix(window, text, 0.55)
        painter.setPen(QPen(axis_colour, 1))
        painter.drawLine(QPointF(left, axis_y), QPointF(left + width, axis_y))
        label_y = axis_y + 12 + metrics.ascent()
        for value, label in zip((-self.extent, 0.0, self.extent), labels, strict=True):
            x = self._x(value, left, width)
            tick = 7 if value == 0.0 else 4
            painter.setPen(QPen(text if value == 0.0 else axis_colour, 1.5 if value == 0.0 else 1))
            painter.drawLine(QPointF(x, axis_y - tick), QPointF(x, axis_y + tick))
            painter.setPen(text)
            painter.drawText(QPointF(x - metrics.horizontalAdvance(label) / 2, label_y), label)

        if math.isfinite(self.insight.low) and math.isfinite(self.insight.high):
            low_x = self._x(self.insight.low, left, width)
            high_x = self._x(self.insight.high, left, width)
            pen = QPen(accent, 3)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawLine(QPointF(low_x, axis_y), QPointF(high_x, axis_y))
            painter.setPen(QPen(accent, 2))
            for x in (low_x, high_x):
                painter.drawLine(QPointF(x, axis_y - 5), QPointF(x, axis_y + 5))
        if math.isfinite(self.insight.difference):
            dot = QPainterPath()
            dot.addEllipse(QPointF(self._x(self.insight.difference, left, width), axis_y), 5.5, 5.5)
            painter.setPen(QPen(window, 1.5))
            painter.fillPath(dot, accent)
            painter.drawPath(dot)
        painter.end()


def _wrapped(text: str, *, faint: bool = False, italic: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if faint:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    if italic:
        font = QFont(label.font())
        font.setItalic(True)
        label.setFont(font)
    return label


class InsightCard(QFrame):
    """One insight: its title and word, what the entries show, the likely range and why the
    word fits, the size in words, the chart with its band explained, and its caveat."""

    def __init__(self, insight: Insight, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.insight = insight
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(insight.title)

        self.title_label = _wrapped(insight.title)
        title_font = QFont(self.title_label.font())
        title_font.setBold(True)
        self.title_label.setFont(title_font)

        self.verdict_label = QLabel(str(insight.label))
        self.verdict_label.setAccessibleName(f"{insight.title}: {insight.label}")
        self.verdict_label.setToolTip(verdict_text(insight))
        if insight.label is Label.NONE:
            self.verdict_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        else:
            verdict_font = QFont(self.verdict_label.font())
            verdict_font.setBold(True)
            self.verdict_label.setFont(verdict_font)

        self.sentence_label = _wrapped(insight.summary)
        self.sentence_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.sentence_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.sentence_label.setAccessibleName(insight.title)
        self.range_label = _wrapped(f"{range_text(insight)} {verdict_text(insight)}")
        self.size_label = _wrapped(size_text(insight))
        self.chart = IntervalChart(insight)
        self.band_label = _wrapped(band_text(insight), faint=True)
        self.based_on_label = _wrapped(based_on_text(insight), faint=True)
        self.caveat_label = _wrapped(insight.caveat, faint=True, italic=True)

        header = QHBoxLayout()
        header.setSpacing(12)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.verdict_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

        column = QVBoxLayout(self)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(5)
        column.addLayout(header)
        for widget in (
            self.sentence_label,
            self.range_label,
            self.size_label,
            self.chart,
            self.band_label,
            self.based_on_label,
            self.caveat_label,
        ):
            column.addWidget(widget)
