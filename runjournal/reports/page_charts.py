"""The two weekly charts of the page, drawn as vector graphics: minutes moved per week
(stacked by effort, against the 150 and 50 minute lines) and sessions per week (against
the 3–5 band), over the twelve weeks ending with the report's week."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush

from runjournal.domain.model import Intensity, WeekTotals
from runjournal.figures.charts import GUIDELINE_MINUTES, LOWER_MINUTES, SESSIONS_BAND
from runjournal.reports.chart_frame import (
    CENTRE,
    LegendItem,
    axis_gutter,
    bottom_labels,
    bottom_room,
    frame,
    guide_line,
    nice_ticks,
    no_data,
    tick_label,
    y_axis,
    y_of,
)
from runjournal.reports.page_style import (
    BAND_COLOUR,
    EFFORT_COLOURS,
    EFFORT_LABELS,
    HIGHLIGHT,
    INK,
    MUTED,
    SESSIONS_COLOUR,
    PageStyle,
    hatch,
)

BAR_SHARE = 0.62  # of each week's slot; the rest is air between bars


def minutes_chart(style: PageStyle, rect: QRectF, weeks: tuple[WeekTotals, ...], current: int) -> None:
    """Weekly minutes stacked easy / moderate / hard, with the 150 and 50 minute lines."""
    legend = [LegendItem(EFFORT_LABELS[i], EFFORT_COLOURS[i], hatched=i is Intensity.HARD) for i in Intensity]
    legend += [
        LegendItem(f"{GUIDELINE_MINUTES} min", INK, "line", Qt.PenStyle.DashLine),
        LegendItem(f"{LOWER_MINUTES} min", INK, "line", Qt.PenStyle.DotLine),
    ]
    area = frame(style, rect, f"Minutes moved per week · last {len(weeks)} weeks", legend)
    if not any(w.sessions for w in weeks):
        no_data(style, area, f"No sessions were logged in these {len(weeks)} weeks.")
        return
    ticks = nice_ticks(max(max(w.minutes for w in weeks), GUIDELINE_MINUTES) * 1.08)
    right_room = style.width(style.tiny, str(GUIDELINE_MINUTES)) + 1.2 * style.mm
    plot = _plot_area(style, area, [tick_label(t) for t in ticks], right_room, unit="min")
    high = ticks[-1]
    _highlight(style, plot, len(weeks), current)
    y_axis(style, plot, ticks, 0, high)
    painter, slot = style.painter, plot.width() / len(weeks)
    painter.setPen(Qt.PenStyle.NoPen)
    for i, week in enumerate(weeks):
        x = plot.left() + i * slot + slot * (1 - BAR_SHARE) / 2
        base = 0.0
        for intensity, minutes in (
            (Intensity.EASY, week.easy_minutes),
            (Intensity.MODERATE, week.moderate_minutes),
            (Intensity.HARD, week.hard_minutes),
        ):
            if minutes <= 0:
                continue
            top, bottom = y_of(plot, base + minutes, 0, high), y_of(plot, base, 0, high)
            bar = QRectF(x, top, slot * BAR_SHARE, bottom - top)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(EFFORT_COLOURS[intensity]))
            painter.drawRect(bar)
            if intensity is Intensity.HARD:
                hatch(painter, bar, INK, 0.9 * style.mm, 0.14 * style.mm)
            base += minutes
    guide_line(
        style,
        plot,
        y_of(plot, GUIDELINE_MINUTES, 0, high),
        str(GUIDELINE_MINUTES),
        Qt.PenStyle.DashLine,
        right_room,
    )
    guide_line(
        style, plot, y_of(plot, LOWER_MINUTES, 0, high), str(LOWER_MINUTES), Qt.PenStyle.DotLine, right_room
    )
    bottom_labels(style, plot, _week_starts(weeks), current, _weeks_title(weeks, current))


def sessions_chart(style: PageStyle, rect: QRectF, weeks: tuple[WeekTotals, ...], current: int) -> None:
    """Sessions per week, with the "3 to 5 times a week" band behind the bars."""
    low, high_band = SESSIONS_BAND
    legend = [
        LegendItem("Sessions", SESSIONS_COLOUR),
        LegendItem(f"{low}–{high_band} a week", BAND_COLOUR),
    ]
    area = frame(style, rect, f"Sessions per week · last {len(weeks)} weeks", legend)
    if not any(w.sessions for w in weeks):
        no_data(style, area, f"No sessions were logged in these {len(weeks)} weeks.")
        return
    top_value = max(max(w.sessions_10min for w in weeks), high_band + 1)
    ticks = [float(t) for t in range(0, top_value + 1, 2 if top_value <= 10 else 5)]
    if ticks[-1] < top_value:
        ticks.append(ticks[-1] + (ticks[1] - ticks[0]))
    plot = _plot_area(style, area, [tick_label(t) for t in ticks], 1.5 * style.mm, unit="")
    high = ticks[-1]
    painter = style.painter
    band = QRectF(plot.left(), y_of(plot, high_band, 0, high), plot.width(), 0)
    band.setBottom(y_of(plot, low, 0, high))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(BAND_COLOUR))
    painter.drawRect(band)
    _highlight(style, plot, len(weeks), current, under_band=True)
    y_axis(style, plot, ticks, 0, high)
    slot = plot.width() / len(weeks)
    label_h = style.line_height(style.tiny, 1.1)
    for i, week in enumerate(weeks):
        if not week.sessions_10min:
            continue
        x = plot.left() + i * slot + slot * (1 - BAR_SHARE) / 2
        top = y_of(plot, week.sessions_10min, 0, high)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(SESSIONS_COLOUR))
        painter.drawRect(QRectF(x, top, slot * BAR_SHARE, plot.bottom() - top))
        value_box = QRectF(x - slot, top - label_h, slot * (2 + BAR_SHARE), label_h)
        font = style.tiny_bold if i == current else style.tiny
        style.text(value_box, str(week.sessions_10min), font, INK if i == current else MUTED, CENTRE)
    bottom_labels(style, plot, _week_starts(weeks), current, _weeks_title(weeks, current))


def _plot_area(
    style: PageStyle, area: QRectF, tick_labels: list[str], right_room: float, unit: str
) -> QRectF:
    """The plot inside a chart's area, leaving room for tick labels, unit and week labels."""
    mm = style.mm
    label_h = style.line_height(style.tiny, 1.0)
    unit_h = label_h * 1.1 if unit else 0.0
    left = axis_gutter(style, [*tick_labels, unit])
    plot = QRectF(
        area.left() + left, area.top() + unit_h + label_h * 0.6, area.width() - left - right_room, 0
    )
    plot.setBottom(area.bottom() - bottom_room(style))
    if unit:
        box = QRectF(area.left(), area.top(), left - 1.5 * mm, unit_h)
        style.text(box, unit, style.tiny, MUTED, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    return plot


def _highlight(style: PageStyle, plot: QRectF, count: int, current: int, *, under_band: bool = False) -> None:
    """A pale column behind this week's bar (thin enough not to hide the 3–5 band)."""
    if not 0 <= current < count:
        return
    slot = plot.width() / count
    painter = style.painter
    painter.setPen(Qt.PenStyle.NoPen)
    colour = HIGHLIGHT
    if under_band:
        colour = HIGHLIGHT.darker(104)
        colour.setAlpha(150)
    painter.setBrush(QBrush(colour))
    painter.drawRect(QRectF(plot.left() + current * slot, plot.top(), slot, plot.height()))
    painter.setPen(style.pen(MUTED, 0.15, Qt.PenStyle.SolidLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _week_starts(weeks: tuple[WeekTotals, ...]) -> list[str]:
    """Each week by the day of the month it starts on: the person's weeks need not be ISO
    weeks, and the axis title names the months."""
    return [str(w.week_start.day) for w in weeks]


def _weeks_title(weeks: tuple[WeekTotals, ...], current: int = -1) -> str:
    """ "Weeks starting 13 Sep – 29 Nov (this week highlighted)"; no highlight, no words about it."""
    marked = " (this week highlighted)" if 0 <= current < len(weeks) else ""
    if not weeks:
        return "Weeks" + marked
    first, last = weeks[0].week_start, weeks[-1].week_start
    return f"Weeks starting {_day_month(first)} – {_day_month(last)}{marked}"


def _day_month(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
