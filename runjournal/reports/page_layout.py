"""Where each part of the weekly page goes: header, the week in numbers, four charts,
sessions, the coach and notes, and the footer — all inside one sheet."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtGui import QPainter

from runjournal.figures.week_report import WeekReport
from runjournal.reports.page_charts import minutes_chart, sessions_chart
from runjournal.reports.page_mood_charts import daily_chart, mood_change_chart
from runjournal.reports.page_numbers import activity_tiles, draw_tiles, feeling_tiles, tiles_height
from runjournal.reports.page_style import INK, MUTED, PageStyle
from runjournal.reports.page_tables import (
    check_ins_height,
    check_ins_table,
    notes_section,
    nudges_section,
    sessions_height,
    sessions_table,
)

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
FOOTER_TEXT = "RunJournal — a wellness journal, not a medical assessment"


def long_date(locale: QLocale, day: date) -> str:
    return f"{day.day} {locale.monthName(day.month, QLocale.FormatType.LongFormat)} {day.year}"


def week_dates(locale: QLocale, first: date, last: date) -> str:
    """ "16–22 November 2026", "30 November – 6 December 2026", across years in full."""
    if first.year != last.year:
        return f"{long_date(locale, first)} – {long_date(locale, last)}"
    if first.month != last.month:
        return f"{first.day} {locale.monthName(first.month, QLocale.FormatType.LongFormat)} – {long_date(locale, last)}"
    return f"{first.day}–{long_date(locale, last)}"


def paint_page(
    painter: QPainter,
    page: QRectF,
    mm: float,
    report: WeekReport,
    *,
    include_notes: bool,
    printed_on: date,
    locale: QLocale,
) -> None:
    style = PageStyle.for_painter(painter, mm)
    top = page.top() + _header(style, page, report, locale)
    bottom = page.bottom() - _footer(style, page, printed_on, locale) - 4 * mm
    body = QRectF(page.left(), top, page.width(), bottom - top)
    if report.is_empty:
        _empty_week(style, body, report, locale)
    else:
        _full_week(style, body, report, locale, include_notes)


def _header(style: PageStyle, page: QRectF, report: WeekReport, locale: QLocale) -> float:
    mm = style.mm
    title_h = style.line_height(style.title, 1.1)
    so_far = "" if report.progress.is_finished else " (so far)"
    title = f"Week of {week_dates(locale, report.first, report.last)}{so_far}"
    style.text(QRectF(page.left(), page.top(), page.width(), title_h), title, style.title, INK)
    sub_h = style.line_height(style.subtitle, 1.3)
    sub = QRectF(page.left(), page.top() + title_h, page.width(), sub_h)
    style.text(sub, "RunJournal weekly report", style.subtitle, MUTED)
    label = report.progress.label
    style.text(sub, label[0].upper() + label[1:], style.small, MUTED, RIGHT)
    y = page.top() + title_h + sub_h + 1.5 * mm
    style.rule(page.left(), page.right(), y, INK, 0.3)
    return y - page.top() + 4 * mm


def _footer(style: PageStyle, page: QRectF, printed_on: date, locale: QLocale) -> float:
    line_h = style.line_height(style.tiny, 1.2)
    box = QRectF(page.left(), page.bottom() - line_h, page.width(), line_h)
    style.rule(page.left(), page.right(), box.top() - 1.2 * style.mm)
    printed = f"Printed {long_date(locale, printed_on)}"
    printed_w = style.width(style.tiny, printed) + 4 * style.mm
    style.text(QRectF(box.left(), box.top(), box.width() - printed_w, line_h), FOOTER_TEXT, style.tiny, MUTED)
    style.text(box, printed, style.tiny, MUTED, RIGHT)
    return line_h + 1.2 * style.mm


def _chart_height(style: PageStyle, body: QRectF) -> float:
    return min(max(body.height() * 0.215, 40 * style.mm), 56 * style.mm)


def _full_week(
    style: PageStyle, body: QRectF, report: WeekReport, locale: QLocale, include_notes: bool
) -> None:
    mm = style.mm
    gap = 3 * mm
    y = body.top()
    tile_h = tiles_height(style)
    draw_tiles(style, QRectF(body.left(), y, body.width(), tile_h), activity_tiles(report, locale))
    y += tile_h + 2 * mm
    draw_tiles(style, QRectF(body.left(), y, body.width(), tile_h), feeling_tiles(report, locale))
    y += tile_h + 1.2 * mm
    y += style.paragraph(
        QRectF(body.left(), y, body.width(), 0).topLeft(),
        body.width(),
        "Moderate-equivalent minutes count hard minutes (effort 7–10) twice, as WHO 2020 counts 75 vigorous "
        "minutes like 150 moderate ones. Mood, stress and anxiety are the week's check-in averages on a 1–10 scale.",
        style.tiny,
        MUTED,
    )
    y += gap
    # The charts give way to the tables below them: every session of the week (up to seven)
    # and each day's check-in stay whole on A4 and on the shorter Letter sheet.
    tables = sessions_height(style, min(len(report.runs), 7)) + 3 * mm + check_ins_height(style)
    if include_notes and report.notes:
        tables += 3 * mm + style.line_height(style.heading, 1.3) + 4 * style.line_height(style.small, 1.2)
    room = (body.bottom() - y - gap - 4 * mm - tables) / 2
    chart_h = min(_chart_height(style, body), max(room, 36 * mm))
    half = (body.width() - gap) / 2
    current = len(report.weeks) - 1
    minutes_chart(style, QRectF(body.left(), y, half, chart_h), report.weeks, current)
    sessions_chart(style, QRectF(body.left() + half + gap, y, half, chart_h), report.weeks, current)
    y += chart_h + gap
    run_days = report.run_days
    daily_chart(style, QRectF(body.left(), y, half, chart_h), report.daily, run_days, report.first)
    mood_change_chart(style, QRectF(body.left() + half + gap, y, half, chart_h), report.mood_changes)
    y += chart_h + 4 * mm
    left_w = body.width() * 0.56
    column_gap = 6 * mm
    rest = body.bottom() - y
    days_h = check_ins_height(style)
    sessions_room = rest - days_h - 3 * mm
    # The sessions come first; printed notes take what is left (at least two fifths of it).
    needed = sessions_height(style, len(report.runs))
    table_h = min(needed, sessions_room * 0.6) if include_notes and report.notes else sessions_room
    if include_notes and report.notes and needed > table_h:
        table_h = min(needed, sessions_room - 12 * mm)
    used = sessions_table(
        style, QRectF(body.left(), y, left_w, table_h), report.runs, report.settings.units, locale
    )
    used += 3 * mm
    used += check_ins_table(
        style, QRectF(body.left(), y + used, left_w, days_h), report.first, report.check_ins, locale
    )
    if include_notes:
        notes_section(
            style, QRectF(body.left(), y + used + 3 * mm, left_w, rest - used - 3 * mm), report.notes, locale
        )
    right = QRectF(body.left() + left_w + column_gap, y, body.width() - left_w - column_gap, rest)
    nudges_section(style, right, report.nudges)


def _empty_week(style: PageStyle, body: QRectF, report: WeekReport, locale: QLocale) -> None:
    """A clean page that says plainly that nothing was logged, with the weeks before it."""
    mm = style.mm
    y = body.top() + 4 * mm
    message = f"Nothing was logged in the week of {week_dates(locale, report.first, report.last)}."
    y += style.paragraph(QRectF(body.left(), y, 0, 0).topLeft(), body.width(), message, style.heading, INK)
    y += style.paragraph(
        QRectF(body.left(), y, 0, 0).topLeft(),
        body.width(),
        "No runs and no check-ins were recorded that week.",
        style.body,
        MUTED,
    )
    y += 8 * mm
    gap = 3 * mm
    chart_h = _chart_height(style, body)
    half = (body.width() - gap) / 2
    current = len(report.weeks) - 1
    if any(w.sessions for w in report.weeks):
        minutes_chart(style, QRectF(body.left(), y, half, chart_h), report.weeks, current)
        sessions_chart(style, QRectF(body.left() + half + gap, y, half, chart_h), report.weeks, current)
        y += chart_h + gap
    if any(series.recorded for series in report.daily.values()):
        daily_chart(
            style,
            QRectF(body.left(), y, body.width(), chart_h),
            report.daily,
            report.run_days,
            report.first,
        )
        y += chart_h + gap
    if report.nudges and body.bottom() - y > 20 * mm:
        nudges_section(
            style,
            QRectF(body.left(), y + 2 * mm, body.width() * 0.6, body.bottom() - y - 2 * mm),
            report.nudges,
        )
