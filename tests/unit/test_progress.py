"""Week progress: the one meaning of "this week" and the goal (docs/coach.md, Definitions)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.domain.model import Activity, Intensity, Run
from runjournal.domain.progress import progress_of_week, week_progress, week_totals_of, whole_minutes

THURSDAY = date(2026, 12, 3)
MONDAY = date(2026, 11, 30)
SUNDAY_BEFORE = date(2026, 11, 29)


def run(day: date, minutes: float, effort: int | None = None, **fields: object) -> Run:
    return Run(day=day, duration_s=minutes * 60, effort=effort, **fields)  # type: ignore[arg-type]


def test_a_monday_week_counts_from_monday_to_today_and_says_so_far() -> None:
    runs = [run(SUNDAY_BEFORE, 60), run(MONDAY, 30, effort=8), run(THURSDAY, 20, effort=3)]
    p = week_progress(runs, THURSDAY, 0, None)
    assert (p.week_start, p.week_end) == (MONDAY, date(2026, 12, 6))
    assert (p.days_gone, p.days_left, p.is_finished, p.half_gone) == (4, 3, False, True)
    assert p.minutes == 50  # Sunday's hour belongs to last week
    assert p.moderate_equivalent_minutes == 80  # hard minutes count double
    assert (p.goal_minutes, p.minutes_to_go, p.reachable) == (150, 70, True)
    assert (p.sessions, p.sessions_to_go) == (2, 1)
    assert p.label == "this week so far, Mon 30 Nov – Thu 3 Dec"


def test_a_sunday_week_holds_the_sunday_before() -> None:
    runs = [run(SUNDAY_BEFORE, 60), run(MONDAY, 30)]
    p = week_progress(runs, THURSDAY, 6, 45)
    assert p.week_start == SUNDAY_BEFORE
    assert (p.minutes, p.goal_minutes, p.minutes_to_go, p.goal_reached) == (90, 45, 0, True)
    assert p.label == "this week so far, Sun 29 Nov – Thu 3 Dec"


def test_a_finished_week_is_counted_whole_and_named_by_its_dates() -> None:
    p = week_progress([run(SUNDAY_BEFORE, 30)], THURSDAY, 0, 600, week_of=SUNDAY_BEFORE)
    assert p.is_finished and p.days_gone == 7 and p.days_left == 0
    assert p.label == "week of Mon 23 Nov – Sun 29 Nov"
    assert (p.goal_minutes, p.minutes_to_go, p.reachable) == (600, 570, False)
    assert not p.sessions_fit


def test_a_week_of_another_year_names_its_year() -> None:
    p = week_progress([], date(2027, 1, 20), 0, None, week_of=date(2026, 12, 30))
    assert p.label == "week of Mon 28 Dec 2026 – Sun 3 Jan 2027"


@pytest.mark.parametrize(("today", "half_gone"), [(MONDAY + timedelta(days=2), False), (THURSDAY, True)])
def test_half_the_week_is_gone_from_its_fourth_day(today: date, half_gone: bool) -> None:
    assert week_progress([], today, 0, None).half_gone is half_gone


@pytest.mark.parametrize(("done", "reachable"), [(60, True), (59, False)])
def test_the_rest_is_reachable_when_it_fits_in_two_sessions_of_45_minutes(done: int, reachable: bool) -> None:
    p = week_progress([run(MONDAY, done)], THURSDAY, 0, None)
    assert p.minutes_to_go == 150 - done
    assert p.reachable is reachable


def test_no_goal_or_a_zero_goal_means_150() -> None:
    assert week_progress([], THURSDAY, 0, None).goal_minutes == 150
    assert week_progress([], THURSDAY, 0, 0).goal_minutes == 150


def test_minutes_round_down_and_to_go_makes_up_the_goal() -> None:
    p = week_progress([run(MONDAY, 129.6)], THURSDAY, 0, None)
    assert (p.moderate_equivalent_minutes, p.minutes_to_go) == (129, 21)
    assert whole_minutes(59.9999999999) == 60  # a sum a hair under a minute is that minute


def test_sessions_count_only_from_ten_minutes() -> None:
    p = week_progress([run(MONDAY, 9.99), run(MONDAY, 10)], THURSDAY, 0, None)
    assert p.sessions == 1 and p.totals.sessions == 2


@pytest.mark.parametrize(
    ("effort", "band"),
    [
        (None, "moderate"),
        (1, "easy"),
        (4, "easy"),
        (5, "moderate"),
        (6, "moderate"),
        (7, "hard"),
        (10, "hard"),
    ],
)
def test_effort_bands_sum_as_intensity_names_them(effort: int | None, band: str) -> None:
    totals = week_totals_of([run(MONDAY, 30, effort)], MONDAY)
    sums = {"easy": totals.easy_minutes, "moderate": totals.moderate_minutes, "hard": totals.hard_minutes}
    assert sums == {name: (30 if name == band else 0) for name in sums}
    assert Intensity.of_effort(effort) == band


def test_runs_after_today_are_not_counted() -> None:
    p = week_progress([run(THURSDAY + timedelta(days=1), 30)], THURSDAY, 0, None)
    assert p.minutes == 0


def test_the_sessions_still_missing_must_fit_in_the_days_left_today_included() -> None:
    sunday = date(2026, 12, 6)
    assert week_progress([run(MONDAY, 30), run(MONDAY, 30)], sunday, 0, None).sessions_fit
    assert not week_progress([run(MONDAY, 30)], sunday, 0, None).sessions_fit


def test_progress_of_sql_totals_and_of_runs_is_the_same() -> None:
    runs = [run(MONDAY, 31.5, 8, activity=Activity.WALK), run(THURSDAY, 12, 2)]
    by_runs = week_progress(runs, THURSDAY, 0, 45)
    by_totals = progress_of_week(week_totals_of(runs, MONDAY), THURSDAY, 45)
    assert by_runs == by_totals
