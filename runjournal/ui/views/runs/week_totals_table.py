"""The weekly totals under the run log: one row a week, newest first, with the week's
moderate-equivalent minutes drawn against the person's goal, counted as every view counts
them (`domain.progress`)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from runjournal.domain.model import DistanceUnit, Settings, WeekTotals
from runjournal.domain.progress import WeekProgress, progress_of_week
from runjournal.domain.units import format_minutes, from_metres, unit_label
from runjournal.domain.weeks import week_start
from runjournal.ui.dates import week_span

_Index = QModelIndex | QPersistentModelIndex

WEEK_COL_WEEK, WEEK_COL_MINUTES, WEEK_COL_SESSIONS, WEEK_COL_DISTANCE, WEEK_COL_EASY = range(5)
_GOAL_ROLE = Qt.ItemDataRole.UserRole + 1  # share of the weekly minutes goal, for the bar


class _GoalBarDelegate(QStyledItemDelegate):
    """Draws a faint bar behind the weekly minutes, as far as the week got toward the goal."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        share = index.data(_GOAL_ROLE)
        if isinstance(share, float) and share > 0:
            colour = QColor(option.palette.color(QPalette.ColorRole.Highlight))
            colour.setAlpha(70 if share < 1 else 120)
            rect: QRect = option.rect.adjusted(3, 4, -3, -4)
            rect.setWidth(round(rect.width() * min(share, 1.0)))
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 3, 3)
            painter.restore()
        super().paint(painter, option, index)


class WeekTotalsTable(QTableWidget):
    """Read-only table of week totals; `show_weeks` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setAccessibleName("Weekly totals")
        self.setHorizontalHeaderLabels(["Week", "Minutes moved", "Sessions", "Run distance", "Easy running"])
        tips = [
            "The weeks of the period, newest first",
            "Minutes of movement; the bar shows the way to your weekly goal (hard minutes count double)",
            "Sessions of 10 minutes or more, any activity",
            "Distance of runs only",
            "Share of running time at an easy effort (4 or less)",
        ]
        for column, tip in enumerate(tips):
            item = self.horizontalHeaderItem(column)
            if item is not None:
                item.setToolTip(tip)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setItemDelegateForColumn(WEEK_COL_MINUTES, _GoalBarDelegate(self))
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WEEK_COL_WEEK, QHeaderView.ResizeMode.ResizeToContents)

    def show_weeks(self, weeks: list[WeekTotals], settings: Settings, today: date) -> None:
        """One row per week in the order given; the week holding `today` is marked."""
        this_week = week_start(today, settings.week_start)
        units = settings.units
        self.setHorizontalHeaderLabels(
            ["Week", "Minutes moved", "Sessions", f"Run distance ({unit_label(units)})", "Easy running"]
        )
        self.setRowCount(len(weeks))
        for row, week in enumerate(weeks):
            progress = progress_of_week(
                week, today, settings.weekly_minutes_goal, settings.weekly_sessions_goal
            )
            cells = _week_cells(progress, this_week, units)
            for column, item in enumerate(cells):
                self.setItem(row, column, item)


def _week_cells(progress: WeekProgress, this_week: date, units: DistanceUnit) -> list[QTableWidgetItem]:
    week = progress.totals
    label = _week_label(week.week_start)
    if week.week_start == this_week:
        label += "  (this week)"
    easy = week.easy_share
    texts = [
        label,
        f"{progress.minutes} min",
        str(progress.sessions),
        f"{from_metres(week.run_distance_m, units):.1f}" if week.run_distance_m else "—",
        f"{round(easy * 100)} %" if easy is not None else "—",
    ]
    items = [QTableWidgetItem(text) for text in texts]
    # Minutes sit at the end of their goal bar; the other numbers centre under their
    # wide headers, so they stay near what they count.
    items[WEEK_COL_MINUTES].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    for item in items[WEEK_COL_SESSIONS:]:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    goal = progress.goal_minutes
    items[WEEK_COL_WEEK].setToolTip(progress.label[0].upper() + progress.label[1:])
    items[WEEK_COL_MINUTES].setData(_GOAL_ROLE, progress.moderate_equivalent_minutes / goal)
    to_go = f"about {progress.minutes_to_go} min to go" if progress.minutes_to_go else "goal reached"
    items[WEEK_COL_MINUTES].setToolTip(
        f"{format_minutes(progress.minutes * 60)} of movement: {progress.moderate_equivalent_minutes} of "
        f"your {goal} moderate-equivalent minutes a week, {to_go}"
        + (f" ({progress.hard_minutes} min hard, which count double)" if week.hard_minutes else "")
    )
    items[WEEK_COL_SESSIONS].setToolTip(
        f"{progress.sessions} of your {progress.session_target} sessions of 10 minutes or more"
        + (f"; {week.sessions} in all" if week.sessions != progress.sessions else "")
    )
    if easy is not None:
        items[WEEK_COL_EASY].setToolTip(
            f"{round(week.easy_run_minutes)} of {round(week.run_minutes)} running minutes were easy"
        )
    return items


def _week_label(first: date) -> str:
    """ "5 Jan – 11 Jan 2026" (or "Jan 5 – Jan 11 2026" where months come first)."""
    return week_span(first, first + timedelta(days=6))
