"""The week in numbers: tiles for movement and for the check-ins, each next to its
guideline and the change since the week before."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtGui import QBrush

from runjournal.figures.charts import EASY_SHARE_LINE, GUIDELINE_MINUTES, SESSIONS_BAND
from runjournal.figures.week_report import WeekReport
from runjournal.reports.page_style import INK, MUTED, SHADE, PageStyle

UP, DOWN = "▲", "▼"


@dataclass(frozen=True)
class Tile:
    label: str
    value: str
    unit: str
    guide: str
    change: str


def activity_tiles(report: WeekReport, locale: QLocale) -> list[Tile]:
    # The week's numbers as Today's panel and the coach count them: the person's goal and
    # session target, whole minutes rounded down, sessions of 10 minutes or more.
    now, last = report.progress, report.previous_progress
    totals, previous = report.totals, report.previous
    # A week with check-ins but no runs is a week of 0 minutes, not a week with no entries.
    had_last = previous.sessions > 0 or report.previous_averages.check_ins > 0
    finished = now.is_finished
    low, high = SESSIONS_BAND
    so_far = "" if now.is_finished else " so far"
    if not now.minutes_to_go:
        to_go = "reached"
    elif finished:  # the week has ended: nothing is still "to go"
        to_go = f"{now.minutes_to_go} short"
    else:
        to_go = f"{now.minutes_to_go} to go"
    tiles = [
        Tile(
            f"Minutes moved{so_far}",
            _number(locale, now.minutes, 0),
            "min",
            f"guideline {GUIDELINE_MINUTES} a week",
            _change(
                locale,
                now.minutes,
                last.minutes if had_last else None,
                0,
                finished=finished,
                last_week_unit=" min",
            ),
        ),
        Tile(
            f"Moderate-equivalent{so_far}",
            _number(locale, now.moderate_equivalent_minutes, 0),
            "min",
            f"goal {now.goal_minutes} a week · {to_go}",
            _change(
                locale,
                now.moderate_equivalent_minutes,
                last.moderate_equivalent_minutes if had_last else None,
                0,
                finished=finished,
                last_week_unit=" min",
            ),
        ),
        Tile(
            f"Sessions{so_far}",
            str(now.sessions),
            "",
            f"your target {now.session_target} · guideline {low}–{high}",
            _change(locale, now.sessions, last.sessions if had_last else None, 0, finished=finished),
        ),
    ]
    share = totals.easy_share
    if share is not None:
        before = previous.easy_share
        tiles.append(
            Tile(
                "Easy share of running",
                _number(locale, share * 100, 0),
                "%",
                f"guideline at least {round(EASY_SHARE_LINE * 100)} % (¼)",
                _share_change(locale, share, before, finished),
            )
        )
    return tiles


def feeling_tiles(report: WeekReport, locale: QLocale) -> list[Tile]:
    now, before = report.averages, report.previous_averages
    recorded = f"from {now.check_ins} check-in{'s' if now.check_ins != 1 else ''}"
    rows = [
        ("Mood", now.mood, before.mood, "/ 10", recorded),
        ("Stress", now.stress, before.stress, "/ 10", "lower is calmer"),
        ("Anxiety", now.anxiety, before.anxiety, "/ 10", "lower is calmer"),
        ("Sleep", now.sleep_hours, before.sleep_hours, "h a night", "7–9 h suits most adults"),
    ]
    tiles = []
    for label, value, last, unit, hint in rows:
        if label == "Anxiety" and value is None and last is None:
            continue  # the person does not track anxiety: no empty tile
        if value is None:
            tiles.append(Tile(f"Average {label.lower()}", "—", "", "not recorded this week", ""))
            continue
        tiles.append(
            Tile(
                f"Average {label.lower()}",
                _number(locale, value, 1),
                unit,
                hint,
                _change(locale, value, last, 1, unit=" h" if label == "Sleep" else ""),
            )
        )
    return tiles


def _share_change(locale: QLocale, share: float, before: float | None, finished: bool) -> str:
    if before is None:
        return "no running last week"
    if not finished:
        return f"last week {_number(locale, before * 100, 0)} %"
    return _change(locale, share * 100, before * 100, 0, " points")


def tiles_height(style: PageStyle) -> float:
    mm = style.mm
    return (
        2.2 * mm
        + style.line_height(style.tiny, 1.2)
        + style.line_height(style.figure, 1.05)
        + 2 * style.line_height(style.tiny, 1.2)
        + 1.8 * mm
    )


def draw_tiles(style: PageStyle, rect: QRectF, tiles: list[Tile]) -> None:
    """One row of tiles filling the width of `rect`."""
    if not tiles:
        return
    mm, painter = style.mm, style.painter
    gap = 2.5 * mm
    width = (rect.width() - gap * (len(tiles) - 1)) / len(tiles)
    for i, tile in enumerate(tiles):
        box = QRectF(rect.left() + i * (width + gap), rect.top(), width, rect.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(SHADE))
        painter.drawRoundedRect(box, 1.2 * mm, 1.2 * mm)
        inner = box.adjusted(2.5 * mm, 2.2 * mm, -2 * mm, -1.8 * mm)
        y = inner.top()
        line = style.line_height(style.tiny, 1.2)
        style.text(QRectF(inner.left(), y, inner.width(), line), tile.label, style.tiny_bold, MUTED)
        y += line
        figure_h = style.line_height(style.figure, 1.05)
        value_w = style.width(style.figure, tile.value)
        style.text(QRectF(inner.left(), y, inner.width(), figure_h), tile.value, style.figure, INK)
        if tile.unit:
            unit_box = QRectF(
                inner.left() + value_w + 1 * mm, y, inner.width() - value_w - 1 * mm, figure_h * 0.9
            )
            style.text(
                unit_box,
                tile.unit,
                style.small,
                MUTED,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            )
        y += figure_h
        style.text(QRectF(inner.left(), y, inner.width(), line), tile.guide, style.tiny, MUTED)
        y += line
        style.text(QRectF(inner.left(), y, inner.width(), line), tile.change, style.tiny, INK)


def _number(locale: QLocale, value: float, decimals: int) -> str:
    return locale.toString(float(round(value, decimals)), "f", decimals)


def _change(
    locale: QLocale,
    now: float,
    before: float | None,
    decimals: int,
    unit: str = "",
    *,
    finished: bool = True,
    last_week_unit: str = "",
) -> str:
    """ "▲ 0.8 since last week", "same as last week" or "no entries last week"; for a week
    still running, last week's number itself ("last week 120 min"): a week two days old
    is not a fall."""
    if before is None:
        return "no entries last week"
    if not finished:
        return f"last week {_number(locale, before, decimals)}{last_week_unit or unit}"
    delta = round(now - before, decimals)
    if delta == 0:
        return "same as last week"
    arrow = UP if delta > 0 else DOWN
    return f"{arrow} {_number(locale, abs(delta), decimals)}{unit} since last week"
