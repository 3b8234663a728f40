"""This week at a glance, beside the check-in: minutes against the goal, sessions, the week
day by day (mood and sessions), the last run."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget

from runjournal.domain.progress import progress_of_week
from runjournal.domain.units import count, format_distance, format_duration, format_minutes, format_pace
from runjournal.service.week_days import week_days
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.dates import day_in_week, table_day, week_span
from runjournal.ui.views.today.week_days_list import WeekDaysList

SMALL_PANEL_HEIGHT = 640  # about the panel's height in the window's first size (1100×720)


def _bar(name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setAccessibleName(name)
    bar.setTextVisible(True)
    bar.setMinimumHeight(22)
    return bar


class WeekSummary(QFrame):
    """Reads the week through the journal's week totals, so it agrees with charts and report."""

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(220)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.minutes_bar = _bar("Minutes towards the weekly goal")
        self.minutes_note = QLabel()
        self.sessions_bar = _bar("Sessions this week")
        self.runs_label = QLabel()
        self.last_run = QLabel()
        self.last_run.setWordWrap(True)
        for label in (self.minutes_note, self.runs_label, self.last_run):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        goal_label = QLabel("Towards your weekly goal")
        goal_label.setToolTip("Moderate-equivalent minutes: hard minutes count double (WHO 2020).")
        layout.addWidget(goal_label)
        layout.addWidget(self.minutes_bar)
        layout.addWidget(self.minutes_note)
        layout.addSpacing(6)
        layout.addWidget(QLabel("Sessions of 10 minutes or more"))
        layout.addWidget(self.sessions_bar)
        layout.addSpacing(6)
        layout.addWidget(self.runs_label)
        layout.addSpacing(6)
        self.days = WeekDaysList()
        layout.addWidget(self.days)
        layout.addSpacing(6)
        layout.addWidget(self.last_run)
        layout.addStretch(1)
        signals = (
            bridge.runs_changed,
            bridge.check_ins_changed,
            bridge.settings_changed,
            bridge.journal_replaced,
        )
        for signal in signals:
            signal.connect(self.refresh)
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The days grow with the panel: at the window's first size they are at their
        # smallest, on a 1920×1080 screen half as big again.
        super().resizeEvent(event)
        self.days.set_scale(event.size().height() / SMALL_PANEL_HEIGHT)

    def refresh(self, today: date | None = None) -> None:
        today = today or date.today()
        journal = self.bridge.journal
        settings = journal.settings()
        # The week as every view and the coach count it: the person's week and goal, whole
        # minutes done rounded down, so "to go" here is the coach's "to go".
        week = progress_of_week(
            journal.week_totals(today, today)[0],
            today,
            settings.weekly_minutes_goal,
            settings.weekly_sessions_goal,
        )
        so_far = "" if week.is_finished else ", so far"
        self.heading.setText(
            f"<h3 style='margin:0'>This week</h3>{week_span(week.week_start, week.week_end, with_year=False)}{so_far}"
        )
        self.heading.setToolTip(week.label[0].upper() + week.label[1:])
        minutes, goal = week.moderate_equivalent_minutes, week.goal_minutes
        self.minutes_bar.setRange(0, goal)
        self.minutes_bar.setValue(min(minutes, goal))
        self.minutes_bar.setFormat(f"{minutes} of {goal} min")
        if week.goal_reached:
            note = "Weekly goal reached. Every run counts."
        elif week.totals.minutes == 0:
            note = "Nothing logged yet this week. A short walk counts too."
        else:
            note = f"About {count(week.minutes_to_go, 'minute')} to go."
        if week.hard_minutes_count_double:
            note += " Hard minutes count double."
        self.minutes_note.setText(note)
        self.sessions_bar.setRange(0, week.session_target)
        self.sessions_bar.setValue(min(week.sessions, week.session_target))
        self.sessions_bar.setFormat(f"{week.sessions} of {week.session_target}")
        totals = week.totals
        self.runs_label.setText(
            f"{count(totals.runs, 'run')} this week · {format_minutes(week.minutes * 60)} in all"
            + (
                f" · {format_distance(totals.run_distance_m, settings.units, 1)} run"
                if totals.run_distance_m
                else ""
            )
        )
        self.days.show_week(week_days(journal, today))
        run = journal.latest_run(today)
        if run is None:
            self.last_run.setText("Last run: none yet. Log one with Ctrl+N.")
            return
        parts = [run.activity.label, format_duration(run.duration_s)]
        if run.distance_m:
            parts += [
                format_distance(run.distance_m, settings.units),
                format_pace(run.duration_s, run.distance_m, settings.units),
            ]
        when = day_in_week(run.day) if run.day.year == today.year else table_day(run.day)
        self.last_run.setText(f"Last run: {when} — {', '.join(parts)}")
