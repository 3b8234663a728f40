"""Checks on what a person entered, and the small rules the model itself carries."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, timedelta

import pytest

from runjournal.domain.model import (
    CheckIn,
    Intensity,
    Problem,
    Run,
    Settings,
    ValidationError,
    WeekTotals,
)
from runjournal.domain.validation import validate_check_in, validate_run, validate_settings

TODAY = date(2026, 11, 18)


def a_run(**changes: object) -> Run:
    run = Run(
        day=TODAY,
        duration_s=1930.0,
        started_at=datetime(2026, 11, 18, 6, 30, tzinfo=UTC),
        utc_offset_min=60,
        moving_s=1900.0,
        distance_m=5000.0,
        effort=4,
        mood_before=5,
        mood_after=7,
        stress_before=6,
        stress_after=3,
        avg_hr=140,
        max_hr=165,
        ascent_m=42.0,
        title="Easy loop",
        note="Felt good.",
    )
    return run.replace(**changes)


def a_check_in(**changes: object) -> CheckIn:
    check_in = CheckIn(
        day=TODAY,
        mood=6,
        stress=4,
        anxiety=3,
        energy=7,
        sleep_hours=7.5,
        sleep_quality=8,
        bedtime=time(22, 45),
        note="Slept well.",
    )
    return check_in.replace(**changes)


def fields(problems: list[Problem]) -> list[str]:
    return [p.field for p in problems]


def assert_readable(problem: Problem) -> None:
    """A sentence for a person: capitalised, ends with a full stop, no code names or reprs."""
    message = problem.message
    assert message[0].isupper(), message
    assert message.endswith("."), message
    assert str(problem) == message
    assert "_" not in message, message
    for leak in ("None", "nan", "inf)", "datetime", "<"):
        assert leak not in message, message


# --- runs ---------------------------------------------------------------------------------


def test_a_valid_run_has_no_problems() -> None:
    assert validate_run(a_run(), today=TODAY) == []


def test_a_minimal_run_has_no_problems() -> None:
    assert validate_run(Run(day=TODAY, duration_s=60.0), today=TODAY) == []


def test_duration_zero_is_refused() -> None:
    problems = validate_run(a_run(duration_s=0.0, moving_s=None), today=TODAY)
    assert problems == [Problem("duration_s", "Duration must be more than 0 minutes.")]


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"duration_s": -1.0, "moving_s": None}, "duration_s", "Duration must be more than 0 minutes."),
        ({"duration_s": math.nan, "moving_s": None}, "duration_s", "Duration must be more than 0 minutes."),
        ({"duration_s": math.inf, "moving_s": None}, "duration_s", "Duration must be more than 0 minutes."),
        ({"duration_s": 7 * 24 * 3600 + 1.0}, "duration_s", "at most 7 days"),
        ({"moving_s": -1.0}, "moving_s", "Moving time must be between 0 and the whole duration."),
        ({"moving_s": 1930.0 + 60}, "moving_s", "Moving time"),
        ({"moving_s": math.nan}, "moving_s", "Moving time"),
        ({"distance_m": 0.0}, "distance_m", "Distance must be more than 0"),
        ({"distance_m": -5.0}, "distance_m", "Distance must be more than 0"),
        ({"distance_m": math.nan}, "distance_m", "Distance must be more than 0"),
        ({"distance_m": math.inf}, "distance_m", "Distance must be more than 0"),
        ({"distance_m": -math.inf}, "distance_m", "Distance must be more than 0"),
        ({"distance_m": 1_000_001.0}, "distance_m", "at most 1,000 km"),
        ({"effort": 0}, "effort", "Effort is on a 1–10 scale (you gave 0)."),
        ({"effort": 11}, "effort", "Effort is on a 1–10 scale (you gave 11)."),
        ({"effort": 5.5}, "effort", "Effort is on a 1–10 scale"),
        ({"effort": True}, "effort", "Effort is on a 1–10 scale"),
        ({"mood_before": 11}, "mood_before", "Mood before is on a 1–10 scale"),
        ({"mood_after": 0}, "mood_after", "Mood after is on a 1–10 scale"),
        ({"stress_before": -3}, "stress_before", "Stress before is on a 1–10 scale"),
        ({"stress_after": 12}, "stress_after", "Stress after is on a 1–10 scale"),
        ({"avg_hr": 24}, "avg_hr", "Average heart rate must be between 25 and 250 beats per minute."),
        ({"avg_hr": 251, "max_hr": None}, "avg_hr", "Average heart rate must be between 25 and 250"),
        ({"max_hr": 300}, "max_hr", "Maximum heart rate must be between 25 and 250"),
        ({"avg_hr": None, "max_hr": True}, "max_hr", "Maximum heart rate"),
        ({"avg_hr": 150, "max_hr": 140}, "max_hr", "Maximum heart rate cannot be below the average."),
        ({"ascent_m": -1.0}, "ascent_m", "Ascent must be between 0 and 20,000 m."),
        ({"ascent_m": 20_001.0}, "ascent_m", "Ascent must be between 0 and 20,000 m."),
        ({"ascent_m": math.nan}, "ascent_m", "Ascent"),
        ({"started_at": datetime(2026, 11, 18, 6, 30)}, "started_at", "The start time needs a time zone."),
        ({"utc_offset_min": 15 * 60}, "utc_offset_min", "The UTC offset must be between −14:00 and +14:00."),
        ({"utc_offset_min": -15 * 60}, "utc_offset_min", "UTC offset"),
        ({"title": "x" * 201}, "title", "The title can be at most 200 characters."),
        ({"note": "x" * 20_001}, "note", "The note is too long (20,001 characters; at most 20,000)."),
        ({"day": date(1899, 12, 31)}, "day", "The date 1899-12-31 is too far in the past."),
        ({"day": TODAY + timedelta(days=30)}, "day", "The date 2026-12-18 is in the future."),
    ],
)
def test_each_bad_run_field_is_named_with_a_readable_message(
    changes: dict[str, object], field: str, expected: str
) -> None:
    problems = validate_run(a_run(**changes), today=TODAY)
    assert fields(problems) == [field]
    assert expected in problems[0].message
    assert_readable(problems[0])


@pytest.mark.parametrize(
    "changes",
    [
        {"duration_s": 24 * 3600.0, "moving_s": 24 * 3600.0},
        {"moving_s": 0.0},
        {"moving_s": 1930.0 + 1},  # a second of rounding between sources is fine
        {"effort": 1, "mood_before": 10},
        {"avg_hr": 25, "max_hr": 250},
        {"avg_hr": 150, "max_hr": 150},
        {"ascent_m": 0.0},
        {"ascent_m": 20_000.0},
        {"distance_m": 1_000_000.0},
        {"utc_offset_min": 14 * 60},
        {"utc_offset_min": -14 * 60},
        {"started_at": None, "utc_offset_min": None},
        {"title": "x" * 200},
        {"note": "x" * 20_000},
        {"day": date(1900, 1, 1)},
    ],
)
def test_edge_values_are_allowed(changes: dict[str, object]) -> None:
    assert validate_run(a_run(**changes), today=TODAY) == []


def test_every_run_problem_is_reported_at_once() -> None:
    run = a_run(
        day=TODAY + timedelta(days=10),
        duration_s=0.0,
        moving_s=None,
        distance_m=math.nan,
        effort=11,
        mood_after=0,
        avg_hr=300,
        max_hr=200,
        ascent_m=-5.0,
        title="t" * 300,
    )
    problems = validate_run(run, today=TODAY)
    assert sorted(fields(problems)) == sorted(
        ["day", "duration_s", "distance_m", "effort", "mood_after", "avg_hr", "max_hr", "ascent_m", "title"]
    )
    for problem in problems:
        assert_readable(problem)


def test_validation_error_carries_every_problem() -> None:
    problems = validate_run(a_run(duration_s=0.0, moving_s=None, effort=11), today=TODAY)
    error = ValidationError(problems)
    assert isinstance(error, ValueError)
    assert error.problems == problems
    assert str(error) == "; ".join(p.message for p in problems)


def test_today_is_allowed_and_a_future_date_is_refused() -> None:
    assert validate_run(a_run(day=TODAY), today=TODAY) == []
    # A couple of days of slack for time zones and travel...
    assert validate_run(a_run(day=TODAY + timedelta(days=2)), today=TODAY) == []
    # ...but later than that is a typo.
    problems = validate_run(a_run(day=TODAY + timedelta(days=3)), today=TODAY)
    assert problems == [Problem("day", "The date 2026-11-21 is in the future.")]


def test_today_defaults_to_the_real_date() -> None:
    assert validate_run(a_run(day=date.today()), today=None) == []
    assert fields(validate_run(a_run(day=date.today() + timedelta(days=365)))) == ["day"]


# --- check-ins ----------------------------------------------------------------------------


def test_a_valid_check_in_has_no_problems() -> None:
    assert validate_check_in(a_check_in(), today=TODAY) == []
    assert validate_check_in(CheckIn(day=TODAY), today=TODAY) == []


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"mood": 11}, "mood", "1–10 scale"),
        ({"mood": 0}, "mood", "Mood is on a 1–10 scale (you gave 0)."),
        ({"stress": 11}, "stress", "Stress is on a 1–10 scale"),
        ({"anxiety": -1}, "anxiety", "Anxiety is on a 1–10 scale"),
        ({"energy": 42}, "energy", "Energy is on a 1–10 scale"),
        ({"sleep_quality": 0}, "sleep_quality", "Sleep quality is on a 1–10 scale"),
        ({"sleep_hours": 17.0}, "sleep_hours", "Sleep is recorded as 0 to 16 hours."),
        ({"sleep_hours": -0.5}, "sleep_hours", "Sleep is recorded as 0 to 16 hours."),
        ({"sleep_hours": math.nan}, "sleep_hours", "Sleep is recorded as 0 to 16 hours."),
        ({"sleep_hours": math.inf}, "sleep_hours", "Sleep is recorded as 0 to 16 hours."),
        ({"note": "x" * 20_001}, "note", "The note is too long"),
        ({"day": TODAY + timedelta(days=3)}, "day", "is in the future."),
        ({"day": date(1800, 1, 1)}, "day", "too far in the past."),
    ],
)
def test_each_bad_check_in_field_is_named_with_a_readable_message(
    changes: dict[str, object], field: str, expected: str
) -> None:
    problems = validate_check_in(a_check_in(**changes), today=TODAY)
    assert fields(problems) == [field]
    assert expected in problems[0].message
    assert_readable(problems[0])


def test_mood_11_mentions_the_scale() -> None:
    (problem,) = validate_check_in(a_check_in(mood=11), today=TODAY)
    assert problem.field == "mood"
    assert "1–10 scale" in problem.message


@pytest.mark.parametrize("hours", [0.0, 16.0, 8])
def test_sleep_hours_in_range_are_allowed(hours: float) -> None:
    assert validate_check_in(a_check_in(sleep_hours=hours), today=TODAY) == []


def test_every_check_in_problem_is_reported_at_once() -> None:
    check_in = a_check_in(mood=11, stress=0, energy=12, sleep_hours=17.0, day=TODAY + timedelta(days=5))
    problems = validate_check_in(check_in, today=TODAY)
    assert sorted(fields(problems)) == ["day", "energy", "mood", "sleep_hours", "stress"]
    for problem in problems:
        assert_readable(problem)


def test_check_in_is_empty() -> None:
    assert CheckIn(day=TODAY).is_empty
    assert CheckIn(day=TODAY, note="   \n").is_empty


@pytest.mark.parametrize(
    "changes",
    [
        {"mood": 5},
        {"stress": 1},
        {"anxiety": 3},
        {"energy": 10},
        {"sleep_quality": 2},
        {"sleep_hours": 0.0},
        {"bedtime": time(0, 0)},
        {"ill": True},
        {"note": "tired"},
    ],
)
def test_check_in_with_anything_recorded_is_not_empty(changes: dict[str, object]) -> None:
    assert not CheckIn(day=TODAY).replace(**changes).is_empty


# --- settings -----------------------------------------------------------------------------


def test_valid_settings_have_no_problems() -> None:
    assert validate_settings(Settings()) == []
    edge = Settings(
        weekly_minutes_goal=0, weekly_sessions_goal=21, week_start=6, started_running=date(2010, 5, 1)
    )
    assert validate_settings(edge) == []
    assert validate_settings(Settings(weekly_minutes_goal=3000, weekly_sessions_goal=1)) == []


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        (
            {"weekly_minutes_goal": -1},
            "weekly_minutes_goal",
            "The weekly minutes goal must be between 0 and 3,000.",
        ),
        ({"weekly_minutes_goal": 3001}, "weekly_minutes_goal", "between 0 and 3,000"),
        (
            {"weekly_sessions_goal": 0},
            "weekly_sessions_goal",
            "The sessions goal must be between 1 and 21 a week.",
        ),
        ({"weekly_sessions_goal": 22}, "weekly_sessions_goal", "between 1 and 21"),
        ({"week_start": 7}, "week_start", "The week starts on a day from Monday to Sunday."),
        ({"week_start": -1}, "week_start", "Monday to Sunday"),
        ({"started_running": date.today() + timedelta(days=30)}, "started_running", "is in the future."),
        ({"started_running": date(1850, 1, 1)}, "started_running", "too far in the past."),
    ],
)
def test_each_bad_setting_is_named_with_a_readable_message(
    changes: dict[str, object], field: str, expected: str
) -> None:
    problems = validate_settings(Settings().replace(**changes))
    assert fields(problems) == [field]
    assert expected in problems[0].message
    assert_readable(problems[0])


def test_every_settings_problem_is_reported_at_once() -> None:
    settings = Settings(weekly_minutes_goal=-5, weekly_sessions_goal=0, week_start=9)
    expected = ["weekly_minutes_goal", "weekly_sessions_goal", "week_start"]
    assert fields(validate_settings(settings)) == expected


# --- intensity and week totals ------------------------------------------------------------


@pytest.mark.parametrize(
    ("effort", "intensity"),
    [
        (None, Intensity.MODERATE),
        (1, Intensity.EASY),
        (4, Intensity.EASY),
        (5, Intensity.MODERATE),
        (6, Intensity.MODERATE),
        (7, Intensity.HARD),
        (10, Intensity.HARD),
    ],
)
def test_intensity_of_effort(effort: int | None, intensity: Intensity) -> None:
    assert Intensity.of_effort(effort) is intensity
    assert Run(day=TODAY, duration_s=600.0, effort=effort).intensity is intensity


def test_week_totals_moderate_equivalent_counts_hard_minutes_double() -> None:
    totals = WeekTotals(week_start=TODAY, easy_minutes=30.0, moderate_minutes=45.0, hard_minutes=20.0)
    assert totals.moderate_equivalent_minutes == 30.0 + 45.0 + 40.0
    assert WeekTotals(week_start=TODAY).moderate_equivalent_minutes == 0.0


def test_week_totals_easy_share() -> None:
    totals = WeekTotals(week_start=TODAY, run_minutes=100.0, easy_run_minutes=80.0)
    assert totals.easy_share == pytest.approx(0.8)
    assert WeekTotals(week_start=TODAY, run_minutes=50.0).easy_share == 0.0
    assert WeekTotals(week_start=TODAY, run_minutes=50.0, easy_run_minutes=50.0).easy_share == 1.0


def test_week_totals_easy_share_is_none_without_runs() -> None:
    assert WeekTotals(week_start=TODAY).easy_share is None
    # Walking and cycling minutes do not make an easy share.
    assert WeekTotals(week_start=TODAY, minutes=90.0, easy_minutes=90.0).easy_share is None
