"""The Insights view: each comparison from the person's own entries, with its interval drawn.

Working the insights out takes about a second on a long journal (bootstrap intervals), so
it runs on a worker thread and never on the UI thread. It runs only while the view is on
screen and only when the entries changed since the last result, and a result from an older
computation is dropped when a newer one has started. The worker calls the journal's own
service method; the journal's engine gives each thread its own database connection, so no
connection crosses threads.
"""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import (
    QLocale,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPalette, QPen, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from runjournal.insights.model import CAVEAT, CLEAR_DIFFERENCE, Insight
from runjournal.ui.background import BackgroundLoader
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.scrolling import fill_with_scroll_area

WORKING_TEXT = "Working out your insights…"
PAUSED_TEXT = (
    "Insights are paused while your entries have been lower than usual. The coach panel has "
    "some ideas, and talking to a GP or mental-health professional can help."
)
NOT_ENOUGH_TEXT = (
    "Not enough entries yet to compare. Insights appear once there are at least 14 days with a "
    "run and 14 without, with a mood check-in, over 4 weeks or more."
)
CLEAR_TEXT = "Clear pattern"
NO_CLEAR_TEXT = "No clear pattern"
RECOMPUTE_DELAY_MS = 300  # a burst of writes (an import, an undo of many) recomputes once

# What the two sides of each day comparison are, for the "based on" line.
_DAY_SIDES = {
    "mood-run-days": ("day you ran", "days you ran", "other day", "other days"),
    "sleep-run-days": ("day you ran", "days you ran", "other day", "other days"),
    "mood-next-day": ("day after a run", "days after a run", "other day", "other days"),
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


def _plural(number: int, singular: str, plural: str) -> str:
    return f"{_number(number)} {singular if number == 1 else plural}"


def based_on_text(insight: Insight) -> str:
    """How many days or sessions an insight rests on, in words."""
    if insight.days_without is None:
        return "Based on " + _plural(insight.days_with, "session", "sessions")
    one_with, many_with, one_without, many_without = _DAY_SIDES.get(
        insight.key, ("day", "days", "other day", "other days")
    )
    return (
        f"Based on {_plural(insight.days_with, one_with, many_with)} "
        f"and {_plural(insight.days_without, one_without, many_without)}"
    )


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` of the way towards `b`: a faint tint that follows the palette."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def extent_for(insights: list[Insight]) -> float:
    """A symmetric axis wide enough for every interval and the band, in half-point steps.

    The view gives all its charts the same axis, so their intervals can be compared by eye.
    """
    values = [abs(v) for i in insights for v in (i.low, i.high, i.difference) if math.isfinite(v)]
    widest = max([1.0, *values])
    return math.ceil(widest * 1.1 / 0.5) * 0.5


class IntervalChart(QWidget):
    """One insight's difference and 95 % interval on a horizontal axis around zero.

    The faint band marks ±0.5, the size a difference must reach to be called clear, so the
    person can see at a glance whether the whole interval sits away from zero and beyond it.
    Colours come from the palette: the interval uses Highlight when the pattern is clear and
    the text colour otherwise, which reads in light and dark palettes alike.
    """

    def __init__(
        self, insight: Insight, parent: QWidget | None = None, *, extent: float | None = None
    ) -> None:
        super().__init__(parent)
        self.insight = insight
        self.extent = extent if extent is not None else extent_for([insight])
        self.setMinimumSize(220, 46)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        description = (
            f"Difference {_signed(insight.difference)}, 95 % interval "
            f"{_signed(insight.low)} to {_signed(insight.high)}; "
            f"the shaded band is ±{CLEAR_DIFFERENCE:g}, the size a clear pattern needs"
        )
        self.setAccessibleName(f"Interval chart: {insight.title}")
        self.setAccessibleDescription(description)
        self.setToolTip(description)

    def sizeHint(self) -> QSize:
        return QSize(360, 46)

    def _x(self, value: float, left: float, width: float) -> float:
        clamped = max(-self.extent, min(self.extent, value))
        return left + (clamped + self.extent) / (2 * self.extent) * width

    def paintEvent(self, _event: QPaintEvent) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        accent = palette.color(QPalette.ColorRole.Highlight) if self.insight.clear else text
        metrics = self.fontMetrics()

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        margin = metrics.horizontalAdvance("−0.0") / 2 + 4
        left, width = margin, max(1.0, self.width() - 2 * margin)
        axis_y = 16.0

        # The ±0.5 band: what a difference must reach to count as clear.
        band_left = self._x(-CLEAR_DIFFERENCE, left, width)
        band_right = self._x(CLEAR_DIFFERENCE, left, width)
        painter.fillRect(QRectF(band_left, axis_y - 10, band_right - band_left, 20), _mix(window, text, 0.12))

        # The axis, with 0 and both ends marked.
        axis_colour = _mix(window, text, 0.55)
        painter.setPen(QPen(axis_colour, 1))
        painter.drawLine(QPointF(left, axis_y), QPointF(left + width, axis_y))
        label_y = axis_y + 12 + metrics.ascent()
        for value in (-self.extent, 0.0, self.extent):
            x = self._x(value, left, width)
            tick = 7 if value == 0.0 else 4
            painter.setPen(QPen(text if value == 0.0 else axis_colour, 1.5 if value == 0.0 else 1))
            painter.drawLine(QPointF(x, axis_y - tick), QPointF(x, axis_y + tick))
            label = "0" if value == 0.0 else _signed(value)
            painter.setPen(text)
            painter.drawText(QPointF(x - metrics.horizontalAdvance(label) / 2, label_y), label)

        # The 95 % interval and the difference itself.
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


class InsightCard(QFrame):
    """One insight: its title and verdict, the sentence, the chart and what it rests on."""

    def __init__(
        self, insight: Insight, parent: QWidget | None = None, *, extent: float | None = None
    ) -> None:
        super().__init__(parent)
        self.insight = insight
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(insight.title)

        self.title_label = QLabel(insight.title)
        title_font = QFont(self.title_label.font())
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)

        self.verdict_label = QLabel(CLEAR_TEXT if insight.clear else NO_CLEAR_TEXT)
        self.verdict_label.setAccessibleName(f"{insight.title}: {self.verdict_label.text()}")
        self.verdict_label.setToolTip(
            "Clear: the 95 % interval leaves out zero and the difference is at least half a point"
            if insight.clear
            else "The interval includes zero or the difference is under half a point"
        )
        if insight.clear:
            verdict_font = QFont(self.verdict_label.font())
            verdict_font.setBold(True)
            self.verdict_label.setFont(verdict_font)
        else:
            self.verdict_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.sentence_label = QLabel(insight.sentence)
        self.sentence_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence_label.setWordWrap(True)
        self.sentence_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.sentence_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.sentence_label.setAccessibleName(insight.title)

        self.chart = IntervalChart(insight, extent=extent)

        self.based_on_label = QLabel(based_on_text(insight))
        self.based_on_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        header = QHBoxLayout()
        header.setSpacing(12)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.verdict_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

        column = QVBoxLayout(self)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(6)
        column.addLayout(header)
        column.addWidget(self.sentence_label)
        column.addWidget(self.chart)
        column.addWidget(self.based_on_label)


class InsightsView(QWidget):
    """A scrollable list of the person's insights, computed in the background.

    Change notices only mark the insights stale; they are worked out again when the view
    is shown, or after a short pause when it is already on screen.
    """

    insightsShown = Signal(object)  # the list of Insight shown, or None while paused

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._stale = True
        self.loader = BackgroundLoader(self, doing="working out your insights")
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self._insights: list[Insight] | None = []
        self.cards: list[InsightCard] = []
        self.setAccessibleName("Insights")

        self.heading = QLabel("Insights")
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        self.heading.setFont(heading_font)

        self.status_label = QLabel(WORKING_TEXT)
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_label.setAccessibleName("Insights status")

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message_label.setAccessibleName("Insights message")
        self.message_label.hide()

        self._cards_box = QWidget()
        self._cards_layout = QVBoxLayout(self._cards_box)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.setSpacing(10)
        self._cards_box.hide()

        self.caveat_label = QLabel(CAVEAT)
        caveat_font = QFont(self.caveat_label.font())
        caveat_font.setItalic(True)
        self.caveat_label.setFont(caveat_font)
        self.caveat_label.setWordWrap(True)
        self.caveat_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.caveat_label.setAccessibleName("About these insights")
        self.caveat_label.hide()

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(10)
        column.addWidget(self.heading)
        column.addWidget(self.status_label)
        column.addWidget(self.message_label)
        column.addWidget(self._cards_box)
        column.addWidget(self.caveat_label)
        column.addStretch(1)

        self.scroll_area = fill_with_scroll_area(self, content)

        self._recompute_timer = QTimer(self)
        self._recompute_timer.setSingleShot(True)
        self._recompute_timer.setInterval(RECOMPUTE_DELAY_MS)
        self._recompute_timer.timeout.connect(self._recompute_if_needed)
        for signal in (bridge.runs_changed, bridge.check_ins_changed, bridge.journal_replaced):
            signal.connect(self.mark_stale)

    @property
    def insights(self) -> list[Insight] | None:
        """The insights shown now; None while paused."""
        return None if self._insights is None else list(self._insights)

    @property
    def is_stale(self) -> bool:
        """True when the entries changed after the last computation started."""
        return self._stale

    @property
    def is_computing(self) -> bool:
        return self.loader.is_loading

    def refresh(self) -> None:
        """Starts working the insights out again; an older computation's result is dropped."""
        self._recompute_timer.stop()
        self._stale = False
        self.status_label.setText(WORKING_TEXT)
        self.status_label.show()
        journal, today = self._bridge.journal, date.today()
        self.loader.start(lambda: journal.insights(today))  # through the journal's own service

    def mark_stale(self) -> None:
        """The entries changed: recompute soon if on screen, otherwise when next shown."""
        self._stale = True
        if self.isVisible():
            self._recompute_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._recompute_timer.stop()
            self.refresh()

    def _recompute_if_needed(self) -> None:
        if self._stale and self.isVisible():
            self.refresh()

    def _on_loaded(self, result: object) -> None:
        self.status_label.hide()
        self._show(result)  # type: ignore[arg-type]
        self.insightsShown.emit(self.insights)

    def _on_failed(self, message: str) -> None:
        self.status_label.setText(f"Your insights could not be worked out: {message}")
        self.status_label.show()

    def _show(self, insights: list[Insight] | None) -> None:
        self._insights = None if insights is None else list(insights)
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards = []
        if insights is None:
            self.message_label.setText(PAUSED_TEXT)
        elif not insights:
            self.message_label.setText(NOT_ENOUGH_TEXT)
        else:
            extent = extent_for(list(insights))
            for insight in insights:
                card = InsightCard(insight, self._cards_box, extent=extent)
                self._cards_layout.addWidget(card)
                self.cards.append(card)
        self.message_label.setVisible(not self.cards)
        self._cards_box.setVisible(bool(self.cards))
        self.caveat_label.setVisible(bool(self.cards))

    def card(self, key: str) -> InsightCard | None:
        """The card showing the insight with this key, if it is shown."""
        return next((c for c in self.cards if c.insight.key == key), None)
