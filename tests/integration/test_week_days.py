"""Today's week panel day by day: each day's mood and sessions, adding up to what the
panel's bars, the run log's week row and the coach's "this week" say (docs/coach.md)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from runjournal.coach.week_rules import this_week
from runjournal.domain.model import Activity, CheckIn, Run
from runjournal.domain.progress import progress_of_week
from runjournal.service.journal import Journal
from runjournal.service.week_days import week_days

TODAY = date(2026, 12, 3)  # a Thursday


def test_each_day_has_its_mood_and_its_sessions_and_days_ahead_stay_empty(journal: Journal) -> None:
    journal.add_entries(
        [
            Run(day=date(2026, 12, 1), duration_s=41 * 60 + 20),
            Run(day=date(2026, 12, 1), duration_s=8 * 60, activity=Activity.WALK),
            Run(day=date(2026, 12, 4), duration_s=30 * 60),  # tomorrow: not this week so far
            Run(day=date(2026, 11, 29), duration_s=30 * 60),  # last week
        ],
        [CheckIn(date(2026, 11, 30), mood=6), CheckIn(date(2026, 12, 3), mood=7, stress=4)],
        today=date(2026, 12, 5),
    )
    week = week_days(journal, TODAY)
    assert (week.first, week.last) == (date(2026, 11, 30), date(2026, 12, 6))
    monday, tuesday, _wednesday, thursday, friday, *_ = week.days
    assert (monday.mood, monday.sessions) == (6, ())
    assert [(s.activity, s.minutes, s.counts_as_session) for s in tuesday.sessions] == [
        ("Run", 41, True),
        ("Walk", 8, False),
    ]
    assert (tuesday.minutes, tuesday.session_count) == (49, 1)
    assert thursday.is_today and thursday.mood == 7
    assert friday.is_ahead and friday.sessions == ()


@pytest.mark.parametrize("week_start", [0, 6])
def test_the_days_add_up_to_the_weeks_figures_and_the_coachs(
    tmp_path: Path, test_seed: int, week_start: int
) -> None:
    draw = random.Random(test_seed)
    runs = [
        Run(
            day=TODAY - timedelta(days=draw.randrange(0, 12)),
            duration_s=draw.uniform(3 * 60, 70 * 60),  # fractions of minutes, some under 10 minutes
            effort=draw.choice([None, 3, 5, 8]),
            activity=draw.choice(list(Activity)),
        )
        for _ in range(draw.randrange(3, 14))
    ]
    with Journal.open(tmp_path / "j.sqlite") as journal:
        journal.save_settings(journal.settings().replace(week_start=week_start))
        journal.add_entries(runs, [], today=TODAY)
        days = week_days(journal, TODAY).days
        settings = journal.settings()
        panel = progress_of_week(
            journal.week_totals(TODAY, TODAY)[0],
            TODAY,
            settings.weekly_minutes_goal,
            settings.weekly_sessions_goal,
        )
        coach = this_week(journal.coach_history(TODAY))
    assert days[0].day == panel.week_start == coach.week_start
    assert sum(d.minutes for d in days) == panel.minutes == coach.minutes
    assert sum(d.session_count for d in days) == panel.sessions == coach.sessions
    assert sum(s.minutes for d in days for s in d.sessions) == panel.minutes
