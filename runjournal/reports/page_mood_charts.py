"""The two feeling charts of the page, drawn as vector graphics: daily mood, stress and
sleep over four weeks (points and their 7-day rolling mean, run days marked along the
axis), and this week's mood before → after each session, coloured by effort."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QLineF, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainterPath, QPolygonF

from runjournal.domain.model import Intensity
from runjournal.figures.daily import DailySeries
from runjournal.figures.runs import MoodChange
from runjournal.reports.chart_frame import (
    CENTRE,
    LEFT,
    RIGHT,
    LegendItem,
    axis_gutter,
    frame,
    marker,
    no_data,
    y_axis,
    y_of,
)
from runjournal.reports.page_style import (
    EFFORT_COLOURS,
    EFFORT_LABELS,
    HIGHLIGHT,
    INK,
    MUTED,
    SERIES_COLOURS,
    SERIES_DASHES,
    PageStyle,
)

SCORES = ("mood", "stress")
LINES_ONLY = ("anxiety", "energy")  # their 7-day means; points of four scores would crowd the plot


def daily_chart(
    style: PageStyle, rect: QRectF, daily: dict[str, DailySeries], run_days: Sequence[date], week_first: date
) -> None:
    """Mood, stress, anxiety and energy (1–10) above, sleep hours below, on one shared day axis."""
    legend = [
        LegendItem("Mood", SERIES_COLOURS["mood"], "marker"),
        LegendItem("Stress", SERIES_COLOURS["stress"], "marker", filled=False, square=True),
        LegendItem("Anxiety (7-day)", SERIES_COLOURS["anxiety"], "line", SERIES_DASHES["anxiety"]),
        LegendItem("Energy (7-day)", SERIES_COLOURS["energy"], "line", SERIES_DASHES["energy"]),
        LegendItem("Sleep (h)", SERIES_COLOURS["sleep_hours"], "marker", square=True),
        LegendItem("7-day mean", INK, "line"),
        LegendItem("run day", INK, "marker", filled=True, square=False),
    ]
    shown = [daily[name] for name in (*SCORES, *LINES_ONLY, "sleep_hours") if name in daily]
    days = len(shown[0].values) if shown else 0
    area = frame(style, rect, f"Daily check-ins · last {days or 28} days", legend)
    if not any(series.recorded for series in shown):
        no_data(
            style, area, f"No mood, stress, anxiety, energy or sleep was recorded in these {days or 28} days."
        )
        return
    mm = style.mm
    first = shown[0].first
    left = axis_gutter(style, ["10", "16 h"])
    label_h = style.line_height(style.tiny, 1.15)
    strip = 2.4 * mm  # run-day marks under the plots
    plots = QRectF(area.left() + left, area.top() + 0.8 * mm, area.width() - left - 1 * mm, 0)
    plots.setBottom(area.bottom() - strip - label_h - 0.6 * mm)
    gap = 2.2 * mm
    upper = QRectF(plots.left(), plots.top(), plots.width(), (plots.height() - gap) * 0.64)
    lower = QRectF(plots.left(), upper.bottom() + gap, plots.width(), plots.bottom() - upper.bottom() - gap)
    slot = plots.width() / days
    this_week = (week_first - first).days
    painter = style.painter
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(HIGHLIGHT))
    for panel in (upper, lower):
        painter.drawRect(
            QRectF(
                panel.left() + this_week * slot,
                panel.top(),
                panel.right() - panel.left() - this_week * slot,
                panel.height(),
            )
        )
    y_axis(style, upper, [1, 4, 7, 10], 1, 10)
    sleep_top = (
        max([12.0, *(v for v in daily["sleep_hours"].values if v is not None)])
        if "sleep_hours" in daily
        else 12.0
    )
    sleep_ticks = [0, 6, 12] if sleep_top <= 12 else [0, 8, 16]
    y_axis(style, lower, sleep_ticks, 0, sleep_ticks[-1], suffix=" h")
    for name in LINES_ONLY:
        if name in daily:
            _series(style, upper, daily[name], slot, 1, 10, filled=False, square=False, points=False)
    for name in SCORES:
        if name in daily:
            _series(style, upper, daily[name], slot, 1, 10, filled=name == "mood", square=name == "stress")
    if "sleep_hours" in daily:
        _series(
            style,
            lower,
            daily["sleep_hours"],
            slot,
            0,
            sleep_ticks[-1],
            filled=True,
            square=True,
        )
    base = plots.bottom() + strip / 2
    for day in run_days:
        index = (day - first).days
        if 0 <= index < days:
            marker(style, QPointF(plots.left() + (index + 0.5) * slot, base), INK, size_mm=1.1)
    locale = QLocale()
    for week in range(0, days, 7):
        day = first + timedelta(days=week)
        x = plots.left() + week * slot
        painter.setPen(style.pen(MUTED, 0.15))
        painter.drawLine(QLineF(x, plots.bottom() + strip, x, plots.bottom() + strip + 0.8 * mm))
        text = f"{day.day} {locale.monthName(day.month, QLocale.FormatType.ShortFormat)}"
        box = QRectF(x, plots.bottom() + strip + 0.3 * mm, slot * 7, label_h)
        font = style.tiny_bold if week == this_week else style.tiny
        style.text(box, text, font, INK if week == this_week else MUTED, LEFT)


def _series(
    style: PageStyle,
    plot: QRectF,
    series: DailySeries,
    slot: float,
    low: float,
    high: float,
    *,
    filled: bool,
    square: bool,
    points: bool = True,
) -> None:
    colour = SERIES_COLOURS[series.name]
    painter = style.painter
    path = QPainterPath()
    drawing = False
    for i, value in enumerate(series.rolling):
        if value is None:
            drawing = False
            continue
        point = QPointF(plot.left() + (i + 0.5) * slot, y_of(plot, value, low, high))
        if drawing:
            path.lineTo(point)
        else:
            path.moveTo(point)
            drawing = True
    painter.setPen(style.pen(colour, 0.45, SERIES_DASHES[series.name]))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    if not points:
        return
    for i, value in enumerate(series.values):
        if value is not None:
            centre = QPointF(plot.left() + (i + 0.5) * slot, y_of(plot, value, low, high))
            marker(style, centre, colour, filled=filled, square=square, size_mm=1.1)


def mood_change_chart(style: PageStyle, rect: QRectF, changes: Sequence[MoodChange]) -> None:
    """One row per session: an open dot at the mood before, an arrow to the mood after."""
    legend = [LegendItem(EFFORT_LABELS[i], EFFORT_COLOURS[i], "line") for i in Intensity]
    legend += [
        LegendItem("before", MUTED, "marker", filled=False),
        LegendItem("after", MUTED, "marker"),
    ]
    area = frame(style, rect, "Mood before → after each session · this week", legend)
    if not changes:
        no_data(style, area, "No session this week has mood before and after.")
        return
    mm = style.mm
    locale = QLocale()
    labels = [_row_label(locale, c) for c in changes]
    label_w = min(max(style.width(style.tiny, t) for t in labels) + 1.5 * mm, area.width() * 0.42)
    change_w = style.width(style.tiny, "+10") + 1.5 * mm
    axis_h = 2 * style.line_height(style.tiny, 1.15) + 0.6 * mm
    plot = QRectF(area.left() + label_w, area.top() + 0.5 * mm, area.width() - label_w - change_w, 0)
    plot.setBottom(area.bottom() - axis_h)
    row_min = style.line_height(style.tiny, 1.3)
    fits = max(int(plot.height() // row_min), 1)
    shown = list(changes)
    more = 0
    if len(shown) > fits:
        shown, more = shown[: fits - 1], len(shown) - (fits - 1)
    rows = len(shown) + (1 if more else 0)
    row_h = min(plot.height() / max(rows, 1), 6.5 * mm)
    painter = style.painter
    for value in range(1, 11):
        x = _x(plot, value)
        painter.setPen(style.pen(MUTED if value in (1, 5, 10) else HIGHLIGHT.darker(115), 0.15))
        painter.drawLine(QLineF(x, plot.top(), x, plot.top() + row_h * rows))
    for i, change in enumerate(shown):
        y = plot.top() + (i + 0.5) * row_h
        style.text(QRectF(area.left(), y - row_h / 2, label_w - 1.5 * mm, row_h), labels[i], style.tiny, INK)
        _arrow(style, plot, y, change)
        sign = f"{change.change:+d}" if change.change else "±0"
        style.text(
            QRectF(plot.right() + 1 * mm, y - row_h / 2, change_w, row_h), sign, style.tiny, INK, RIGHT
        )
    if more:
        y = plot.top() + len(shown) * row_h
        style.text(QRectF(area.left(), y, area.width(), row_h), f"…and {more} more", style.tiny, MUTED, LEFT)
    label_h = style.line_height(style.tiny, 1.15)
    axis_top = plot.top() + row_h * rows + 0.6 * mm
    for value in (1, 5, 10):
        box = QRectF(_x(plot, value) - 4 * mm, axis_top, 8 * mm, label_h)
        style.text(box, str(value), style.tiny, MUTED, CENTRE)
    title = QRectF(plot.left(), axis_top + label_h, plot.width(), label_h)
    style.text(title, "Mood (1–10)", style.tiny, MUTED, CENTRE)


def _x(plot: QRectF, value: float) -> float:
    return plot.left() + (value - 1) / 9 * plot.width()


def _arrow(style: PageStyle, plot: QRectF, y: float, change: MoodChange) -> None:
    colour = EFFORT_COLOURS[change.intensity]
    painter, mm = style.painter, style.mm
    start, end = _x(plot, change.before), _x(plot, change.after)
    painter.setPen(style.pen(colour, 0.5))
    if abs(end - start) > 2.2 * mm:
        direction = 1 if end > start else -1
        tip = end - direction * 0.8 * mm
        painter.drawLine(QLineF(start + direction * 0.7 * mm, y, tip - direction * 1.2 * mm, y))
        head = QPolygonF(
            [
                QPointF(tip, y),
                QPointF(tip - direction * 1.4 * mm, y - 0.8 * mm),
                QPointF(tip - direction * 1.4 * mm, y + 0.8 * mm),
            ]
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawPolygon(head)
    marker(style, QPointF(start, y), colour, filled=False, size_mm=1.4)
    marker(style, QPointF(end, y), colour, filled=True, size_mm=1.4)


def _row_label(locale: QLocale, change: MoodChange) -> str:
    day = locale.dayName(change.day.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{day} {change.day.day} · {change.activity.label}, {EFFORT_LABELS[change.intensity].lower()}"
