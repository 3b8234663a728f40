"""The period report: several weeks on as few pages as read well, for an appointment.

Page one holds the weeks (one row each), the weekly charts and the day-by-day chart of mood,
stress and sleep; the clear insights and what the coach said follow on the next page. The
same painting feeds the preview, the printer and the PDF, with the weekly page's palette,
type and charts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from runjournal.figures.period_report import PeriodReport, PeriodWeek, TextNote
from runjournal.reports.page_charts import minutes_chart, sessions_chart
from runjournal.reports.page_layout import FOOTER_TEXT, long_date, week_dates
from runjournal.reports.page_mood_charts import daily_chart
from runjournal.reports.page_style import INK, MUTED, RULE, SHADE, PageStyle
from runjournal.reports.weekly import (
    ReportError,
    _paint_rect,
    write_pdf_file,
)

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# (heading, share of the width): the week, what was done, then how the week felt.
COLUMNS = (
    ("Week", 0.15),
    ("Minutes", 0.08),
    ("Mod.-eq.", 0.08),
    ("Sessions", 0.09),
    ("Mood", 0.07),
    ("Stress", 0.08),
    ("Anxiety", 0.09),
    ("Energy", 0.08),
    ("Sleep", 0.08),
    ("Check-ins", 0.10),
    ("Ill days", 0.10),
)
NOTE_LINES = 4


def period_title(report: PeriodReport, locale: QLocale) -> str:
    return week_dates(locale, report.first, report.last)


def paint_period(
    painter: QPainter, pages: Callable[[], object], page: QRectF, report: PeriodReport, printed_on: date
) -> None:
    """Draw every page; `pages()` starts the next sheet (the printer's or the PDF's newPage)."""
    device = painter.device()
    mm = (device.logicalDpiY() if device is not None else 96) / 25.4
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    style = PageStyle.for_painter(painter, mm)
    locale = QLocale()
    sheets = [_first_page, _notes_page]
    for number, sheet in enumerate(sheets, start=1):
        if number > 1:
            pages()
        top = page.top() + _header(style, page, report, locale, number)
        bottom = page.bottom() - _footer(style, page, printed_on, locale, number, len(sheets)) - 4 * mm
        sheet(style, QRectF(page.left(), top, page.width(), bottom - top), report, locale)


def _header(style: PageStyle, page: QRectF, report: PeriodReport, locale: QLocale, number: int) -> float:
    mm = style.mm
    title_h = style.line_height(style.title, 1.1)
    so_far = "" if report.today > report.last else " (so far)"
    style.text(
        QRectF(page.left(), page.top(), page.width(), title_h),
        period_title(report, locale) + so_far,
        style.title,
    )
    sub_h = style.line_height(style.subtitle, 1.3)
    sub = QRectF(page.left(), page.top() + title_h, page.width(), sub_h)
    weeks = report.weeks_count
    first_day = locale.dayName(report.first.isoweekday(), QLocale.FormatType.LongFormat)
    style.text(sub, f"RunJournal report · {weeks} week{'s' if weeks != 1 else ''}", style.subtitle, MUTED)
    style.text(
        sub, f"Weeks start on {first_day}" + (" · continued" if number > 1 else ""), style.small, MUTED, RIGHT
    )
    y = page.top() + title_h + sub_h + 1.5 * mm
    style.rule(page.left(), page.right(), y, INK, 0.3)
    return y - page.top() + 4 * mm


def _footer(
    style: PageStyle, page: QRectF, printed_on: date, locale: QLocale, number: int, count: int
) -> float:
    line_h = style.line_height(style.tiny, 1.2)
    box = QRectF(page.left(), page.bottom() - line_h, page.width(), line_h)
    style.rule(page.left(), page.right(), box.top() - 1.2 * style.mm)
    right = f"Page {number} of {count} · printed {long_date(locale, printed_on)}"
    right_w = style.width(style.tiny, right) + 4 * style.mm
    style.text(QRectF(box.left(), box.top(), box.width() - right_w, line_h), FOOTER_TEXT, style.tiny, MUTED)
    style.text(box, right, style.tiny, MUTED, RIGHT)
    return line_h + 1.2 * style.mm


def _first_page(style: PageStyle, body: QRectF, report: PeriodReport, locale: QLocale) -> None:
    mm = style.mm
    y = body.top()
    y += style.paragraph(QPointF(body.left(), y), body.width(), _summary(report), style.body, INK) + 2 * mm
    y += _weeks_table(style, QRectF(body.left(), y, body.width(), body.bottom() - y), report.rows, locale)
    y += 2 * mm
    y += style.paragraph(
        QPointF(body.left(), y),
        body.width(),
        "Moderate-equivalent minutes (Mod.-eq.) count hard minutes twice, as WHO 2020 counts 75 vigorous minutes "
        "like 150 moderate ones. Mood, stress, anxiety and energy are the week's check-in averages (1–10); sleep "
        "is hours a night. A week still running counts to today.",
        style.tiny,
        MUTED,
    )
    y += 3 * mm
    gap = 3 * mm
    chart_h = min(max((body.bottom() - y - gap) / 2, 36 * mm), 62 * mm)
    half = (body.width() - gap) / 2
    current = len(report.weeks) - 1 if report.today <= report.last else -1
    minutes_chart(style, QRectF(body.left(), y, half, chart_h), report.weeks, current)
    sessions_chart(style, QRectF(body.left() + half + gap, y, half, chart_h), report.weeks, current)
    y += chart_h + gap
    if body.bottom() - y >= 36 * mm:
        last_week = report.last - timedelta(days=6)
        daily_chart(
            style,
            QRectF(body.left(), y, body.width(), body.bottom() - y),
            report.daily,
            report.run_days,
            last_week,
        )


def _summary(report: PeriodReport) -> str:
    rows = report.rows
    if report.is_empty:
        return "Nothing was logged in these weeks: no sessions and no check-ins."
    minutes = sum(r.progress.minutes for r in rows)
    sessions = sum(r.progress.sessions for r in rows)
    reached = sum(1 for r in rows if r.progress.goal_reached)
    goal = rows[0].progress.goal_minutes if rows else 150
    ill = sum(r.ill_days for r in rows)
    weeks = len(rows)
    text = (
        f"{sessions} session{'s' if sessions != 1 else ''} and {minutes} minutes moved in {weeks} weeks "
        f"({round(minutes / weeks) if weeks else 0} minutes a week on average); the goal of {goal} "
        f"moderate-equivalent minutes was reached in {reached} of {weeks} weeks."
    )
    if ill:
        text += f" {ill} day{'s' if ill != 1 else ''} marked ill or injured."
    return text


def week_cells(locale: QLocale, row: PeriodWeek) -> list[str]:
    p, a = row.progress, row.averages

    def score(value: float | None) -> str:
        return "—" if value is None else locale.toString(float(round(value, 1)), "f", 1)

    label = f"{_day_month(locale, p.week_start)} – {_day_month(locale, p.week_end)}"
    if not p.is_finished:
        label += " (so far)"
    return [
        label,
        str(p.minutes),
        str(p.moderate_equivalent_minutes),
        str(p.sessions),
        score(a.mood),
        score(a.stress),
        score(a.anxiety),
        score(a.energy),
        "—" if a.sleep_hours is None else f"{score(a.sleep_hours)} h",
        str(a.check_ins),
        str(row.ill_days),
    ]


def _day_month(locale: QLocale, day: date) -> str:
    return f"{day.day} {locale.monthName(day.month, QLocale.FormatType.ShortFormat)}"


def _weeks_table(style: PageStyle, rect: QRectF, rows: Sequence[PeriodWeek], locale: QLocale) -> float:
    top = rect.top() + style.heading_line(rect, "Week by week")
    header_h = style.line_height(style.tiny, 1.4)
    row_h = style.line_height(style.small, 1.45)
    positions = []
    x = rect.left()
    for _, share in COLUMNS:
        positions.append((x, rect.width() * share - rect.width() * 0.01))
        x += rect.width() * share
    for index, ((heading, _), (x, width)) in enumerate(zip(COLUMNS, positions, strict=True)):
        style.text(
            QRectF(x, top, width, header_h), heading, style.tiny_bold, MUTED, LEFT if index == 0 else RIGHT
        )
    top += header_h
    painter = style.painter
    for number, row in enumerate(rows):
        if number % 2:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(SHADE)
            painter.drawRect(QRectF(rect.left(), top, rect.width(), row_h))
        for index, ((x, width), text) in enumerate(zip(positions, week_cells(locale, row), strict=True)):
            style.text(QRectF(x, top, width, row_h), text, style.small, INK, LEFT if index == 0 else RIGHT)
        top += row_h
    style.rule(rect.left(), rect.right(), top, RULE, 0.15)
    return top - rect.top()


def _notes_page(style: PageStyle, body: QRectF, report: PeriodReport, locale: QLocale) -> None:
    mm = style.mm
    y = body.top()
    y += _notes(
        style,
        QRectF(body.left(), y, body.width(), (body.height() - 6 * mm) * 0.45),
        "What your entries show (clear differences only)",
        report.insights,
        "No clear difference showed up in the entries up to the end of these weeks.",
    )
    y += 6 * mm
    _notes(
        style,
        QRectF(body.left(), y, body.width(), body.bottom() - y),
        "From the coach in these weeks",
        report.coach_notes,
        "The coach had nothing to add in these weeks.",
    )


def _notes(style: PageStyle, rect: QRectF, heading: str, notes: Sequence[TextNote], empty: str) -> float:
    mm = style.mm
    top = rect.top() + style.heading_line(rect, heading)
    line_h = style.line_height(style.small, 1.2)
    if not notes:
        style.text(QRectF(rect.left(), top, rect.width(), line_h), empty, style.small, MUTED)
        return top - rect.top() + line_h
    title_h = style.line_height(style.bold, 1.2)
    for index, note in enumerate(notes):
        source = f"Source: {note.source}" if note.source else ""
        needed = title_h + line_h * 2 + (line_h if source else 0)
        if top + needed > rect.bottom():
            left = len(notes) - index
            style.text(
                QRectF(rect.left(), top, rect.width(), line_h), f"…and {left} more", style.small, MUTED
            )
            return top - rect.top() + line_h
        style.text(QRectF(rect.left(), top, rect.width(), title_h), note.title, style.bold, INK)
        top += title_h
        room = int((rect.bottom() - top - (line_h if source else 0)) // line_h)
        top += style.paragraph(
            QPointF(rect.left(), top),
            rect.width(),
            note.text,
            style.small,
            INK,
            max(1, min(NOTE_LINES, room)),
        )
        if source:
            top += style.paragraph(QPointF(rect.left(), top), rect.width(), source, style.tiny, MUTED)
        top += 2 * mm
    return top - rect.top()


def print_period(printer: QPrinter, report: PeriodReport, *, printed_on: date) -> None:
    """Send every page to `printer` (or to the print preview, which hands us its printer)."""
    painter = QPainter()
    if not painter.begin(printer):
        raise ReportError(
            "The printer could not be started. Check that it is switched on and connected, then try again."
        )
    try:
        paint_period(painter, printer.newPage, _paint_rect(printer, printer.fullPage()), report, printed_on)
    finally:
        painter.end()


def write_period_pdf(
    path: Path, report: PeriodReport, *, printed_on: date | None = None, page_size: QPageSize | None = None
) -> None:
    """Save the report as a PDF, atomically and privately: the file appears complete or not at all."""
    printed_on_day = printed_on or date.today()

    def paint(painter: QPainter, writer: QPdfWriter) -> None:
        paint_period(painter, writer.newPage, _paint_rect(writer), report, printed_on_day)

    title = f"RunJournal — {report.first.isoformat()} to {report.last.isoformat()}"
    write_pdf_file(Path(path), title, page_size, paint)
