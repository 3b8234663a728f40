"""The text sections of the page: this week's sessions, the coach's nudges and (when the
person chooses) their notes. Each fits the height it is given and says how many it left
out ("…and 3 more") rather than spilling onto a second page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt

from runjournal.coach.model import Nudge
from runjournal.domain.model import CheckIn, DistanceUnit, Run
from runjournal.domain.units import format_distance, format_minutes
from runjournal.figures.week_report import NoteLine
from runjournal.reports.page_style import INK, MUTED, RULE, PageStyle

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# (heading, share of the width, alignment): numbers line up on the right.
COLUMNS = (
    ("Day", 0.12, LEFT),
    ("Activity", 0.28, LEFT),
    ("Time", 0.12, RIGHT),
    ("Distance", 0.14, RIGHT),
    ("Effort", 0.2, RIGHT),
    ("Mood", 0.14, RIGHT),
)
# Each day's check-in: the scores a person moves each day, sleep, and ill or injured.
CHECK_IN_COLUMNS = (
    ("Day", 0.16, LEFT),
    ("Mood", 0.12, RIGHT),
    ("Stress", 0.13, RIGHT),
    ("Anxiety", 0.14, RIGHT),
    ("Energy", 0.13, RIGHT),
    ("Sleep", 0.16, RIGHT),
    ("Ill/injured", 0.16, RIGHT),
)
MESSAGE_LINES = 5
NOTE_LINES = 3


def day_label(locale: QLocale, day) -> str:
    return f"{locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)} {day.day}"


def session_cells(locale: QLocale, run: Run, unit: DistanceUnit) -> list[str]:
    activity = run.activity.label + (f" · {run.title}" if run.title else "")
    distance = format_distance(run.distance_m, unit) if run.distance_m else "—"
    effort = f"{run.effort} · {run.intensity.value}" if run.effort is not None else "—"
    if run.mood_before is not None and run.mood_after is not None:
        mood = f"{run.mood_before} → {run.mood_after}"
    elif run.mood_after is not None:
        mood = f"→ {run.mood_after}"
    elif run.mood_before is not None:
        mood = f"{run.mood_before} →"
    else:
        mood = "—"
    return [day_label(locale, run.day), activity, format_minutes(run.duration_s), distance, effort, mood]


def sessions_height(style: PageStyle, count: int) -> float:
    """The height the sessions table needs to show `count` sessions whole."""
    return (
        style.line_height(style.heading, 1.3)
        + 1.6 * style.mm
        + style.line_height(style.tiny, 1.4)
        + max(count, 1) * style.line_height(style.small, 1.55)
        + 1.0 * style.mm
    )


def sessions_table(
    style: PageStyle, rect: QRectF, runs: Sequence[Run], unit: DistanceUnit, locale: QLocale
) -> float:
    """The week's sessions in day order, as many rows as fit; returns the height used."""
    mm = style.mm
    top = rect.top() + style.heading_line(rect, "This week's sessions")
    if not runs:
        style.text(
            QRectF(rect.left(), top, rect.width(), style.line_height(style.small)),
            "No sessions this week.",
            style.small,
            MUTED,
        )
        return top - rect.top() + style.line_height(style.small)
    row_h = style.line_height(style.small, 1.55)
    header_h = style.line_height(style.tiny, 1.4)
    x_positions = _columns(rect)
    for (heading, _, align), (x, width) in zip(COLUMNS, x_positions, strict=True):
        style.text(QRectF(x, top, width, header_h), heading, style.tiny_bold, MUTED, align)
    top += header_h
    fits = max(int((rect.bottom() - top) // row_h), 1)
    shown = sorted(runs, key=lambda r: (r.day, r.started_at is None, r.started_at or 0))
    more = 0
    if len(shown) > fits:
        shown, more = shown[: fits - 1], len(shown) - (fits - 1)
    for run in shown:
        style.rule(rect.left(), rect.right(), top, RULE, 0.15)
        for (_, _, align), (x, width), text in zip(
            COLUMNS, x_positions, session_cells(locale, run, unit), strict=True
        ):
            style.text(QRectF(x, top, width, row_h), text, style.small, INK, align)
        top += row_h
    style.rule(rect.left(), rect.right(), top, RULE, 0.15)
    if more:
        label = f"…and {more} more session{'s' if more != 1 else ''}"
        style.text(QRectF(rect.left(), top, rect.width(), row_h), label, style.small, MUTED)
        top += row_h
    return top - rect.top() + 0.5 * mm


def check_ins_height(style: PageStyle) -> float:
    """The height of the day-by-day table: a heading, a header and seven rows."""
    return (
        style.line_height(style.heading, 1.3)
        + 1.6 * style.mm
        + style.line_height(style.tiny, 1.4)
        + 7 * style.line_height(style.small, 1.45)
        + 0.5 * style.mm
    )


def check_in_cells(locale: QLocale, day: date, check_in: CheckIn | None) -> list[str]:
    def score(value: int | None) -> str:
        return "—" if value is None else str(value)

    if check_in is None:
        return [day_label(locale, day), "", "", "", "", "", ""]
    sleep = "—" if check_in.sleep_hours is None else f"{locale.toString(check_in.sleep_hours, 'f', 1)} h"
    return [
        day_label(locale, day),
        score(check_in.mood),
        score(check_in.stress),
        score(check_in.anxiety),
        score(check_in.energy),
        sleep,
        "Ill" if check_in.ill else "",
    ]


def check_ins_table(
    style: PageStyle, rect: QRectF, first: date, check_ins: Sequence[CheckIn], locale: QLocale
) -> float:
    """One row for each day of the person's week (blank where they did not check in);
    returns the height used."""
    top = rect.top() + style.heading_line(rect, "Each day's check-in (scores 1–10)")
    header_h = style.line_height(style.tiny, 1.4)
    row_h = style.line_height(style.small, 1.45)
    x_positions = _columns(rect, CHECK_IN_COLUMNS)
    for (heading, _, align), (x, width) in zip(CHECK_IN_COLUMNS, x_positions, strict=True):
        style.text(QRectF(x, top, width, header_h), heading, style.tiny_bold, MUTED, align)
    top += header_h
    by_day = {c.day: c for c in check_ins}
    for offset in range(7):
        day = first + timedelta(days=offset)
        style.rule(rect.left(), rect.right(), top, RULE, 0.15)
        cells = check_in_cells(locale, day, by_day.get(day))
        for (_, _, align), (x, width), text in zip(CHECK_IN_COLUMNS, x_positions, cells, strict=True):
            style.text(QRectF(x, top, width, row_h), text, style.small, INK, align)
        top += row_h
    style.rule(rect.left(), rect.right(), top, RULE, 0.15)
    return top - rect.top() + 0.5 * style.mm


def _columns(
    rect: QRectF, columns: Sequence[tuple[str, float, Qt.AlignmentFlag]] = COLUMNS
) -> list[tuple[float, float]]:
    """(x, width) of each column; a little padding keeps right- and left-aligned text apart."""
    positions = []
    x = rect.left()
    for i, (_, share, _) in enumerate(columns):
        width = rect.width() * share
        pad = rect.width() * 0.012 if i < len(columns) - 1 else 0
        positions.append((x, width - pad))
        x += width
    return positions


def nudges_section(style: PageStyle, rect: QRectF, nudges: Sequence[Nudge]) -> float:
    """What the coach said that week, each with its source in small type."""
    mm = style.mm
    top = rect.top() + style.heading_line(rect, "From the coach")
    if not nudges:
        line = style.line_height(style.small)
        style.text(
            QRectF(rect.left(), top, rect.width(), line),
            "The coach had nothing to add this week.",
            style.small,
            MUTED,
        )
        return top - rect.top() + line
    more_h = style.line_height(style.small)
    title_h = style.line_height(style.bold, 1.2)
    line_h = style.line_height(style.small, 1.2)
    for index, nudge in enumerate(nudges):
        remaining = len(nudges) - index - 1
        room = rect.bottom() - top - (more_h if remaining else 0)
        source_h = style.paragraph_height(_sources(nudge), style.tiny, rect.width())  # always whole
        needed = min(len(style.wrap(nudge.message, style.small, rect.width())), MESSAGE_LINES)
        # A nudge short of room keeps its title, source and as many lines as fit, or waits
        # in "…and N more" with the rest.
        lines = min(needed, int((room - title_h - source_h) // line_h))
        if lines < 1:
            _more(
                style, QRectF(rect.left(), top, rect.width(), more_h), len(nudges) - index, "from the coach"
            )
            return top - rect.top() + more_h
        top += _draw_nudge(style, QPointF(rect.left(), top), rect.width(), nudge, lines) + 1.8 * mm
    return top - rect.top()


def _draw_nudge(style: PageStyle, origin: QPointF, width: float, nudge: Nudge, lines: int) -> float:
    y = origin.y()
    title_h = style.line_height(style.bold, 1.2)
    style.text(QRectF(origin.x(), y, width, title_h), nudge.title, style.bold, INK)
    y += title_h
    y += style.paragraph(QPointF(origin.x(), y), width, nudge.message, style.small, INK, lines)
    y += style.paragraph(QPointF(origin.x(), y), width, _sources(nudge), style.tiny, MUTED)
    return y - origin.y()


def _sources(nudge: Nudge) -> str:
    """The card's sources by the short names Help → Sources spells out, never cut short."""
    names = nudge.sources
    return f"{'Source' if len(names) == 1 else 'Sources'}: {'; '.join(names)}"


def notes_section(style: PageStyle, rect: QRectF, notes: Sequence[NoteLine], locale: QLocale) -> float:
    """The week's notes the person chose to print (private run notes are never among them)."""
    mm = style.mm
    if rect.height() < style.line_height(style.heading, 1.3) + 2 * style.line_height(style.small, 1.2):
        return 0.0
    top = rect.top() + style.heading_line(rect, "Notes")
    if not notes:
        line = style.line_height(style.small)
        style.text(QRectF(rect.left(), top, rect.width(), line), "No notes this week.", style.small, MUTED)
        return top - rect.top() + line
    label_w = style.width(style.tiny_bold, "Wed 30 · check-in") + 2 * mm
    text_w = rect.width() - label_w
    more_h = style.line_height(style.small)
    line_h = style.line_height(style.small, 1.2)
    for index, note in enumerate(notes):
        remaining = len(notes) - index - 1
        room = rect.bottom() - top - (more_h if remaining else 0)
        lines = min(len(style.wrap(note.text, style.small, text_w)), NOTE_LINES, int(room // line_h))
        if lines < 1:
            _more(style, QRectF(rect.left(), top, rect.width(), more_h), len(notes) - index, "note")
            return top - rect.top() + more_h
        label = f"{day_label(locale, note.day)} · {note.source}"
        style.text(QRectF(rect.left(), top, label_w, line_h), label, style.tiny_bold, MUTED)
        top += style.paragraph(
            QPointF(rect.left() + label_w, top), text_w, note.text, style.small, INK, lines
        )
        top += 1.0 * mm
    return top - rect.top()


def _more(style: PageStyle, rect: QRectF, count: int, what: str) -> None:
    noun = what if count == 1 or what.startswith("from") else what + "s"
    style.text(rect, f"…and {count} more {noun}", style.small, MUTED)
