"""The figures behind the charts and the report, worked out without Qt."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.domain.model import CheckIn, Intensity, Run
from runjournal.figures.charts import ChartRange
from runjournal.figures.daily import daily_series, lead_in_start, mean, rolling_mean
from runjournal.figures.runs import mood_changes
from runjournal.figures.week_report import WeekAverages, note_lines

YEARS_OF_DAYS = 1200


def test_rolling_mean_skips_missing_days_instead_of_counting_them_as_zero() -> None:
    values = [6.0, None, 8.0, 7.0, None, None, None, 3.0]
    means = rolling_mean(values, window=7, min_values=3)
    assert means[:3] == (None, None, None)  # fewer than three values so far
    assert means[3] == pytest.approx(7.0)  # (6 + 8 + 7) / 3
    # On the eighth day the first value has left the window: (8 + 7 + 3) / 3.
    assert means[7] == pytest.approx(6.0)


def test_daily_series_lays_values_out_by_calendar_day_and_reads_the_lead_in() -> None:
    first = date(2026, 11, 16)
    lead = [CheckIn(day=first - timedelta(days=i), mood=4) for i in range(1, 7)]
    check_ins = [*lead, CheckIn(day=first, mood=10), CheckIn(day=first + timedelta(days=2), sleep_hours=7.5)]
    series = daily_series(check_ins, first, first + timedelta(days=6))
    mood = series["mood"]
    assert mood.days[0] == first and len(mood.values) == 7
    assert mood.values[:3] == (10.0, None, None)
    # The line on the first day already counts the six days before it.
    assert mood.rolling[0] == pytest.approx((6 * 4 + 10) / 7)
    assert series["sleep_hours"].value_on(first + timedelta(days=2)) == 7.5
    assert mood.recorded == 1
    assert lead_in_start(first) == first - timedelta(days=6)


def test_mood_changes_need_both_moods_and_carry_the_effort_band() -> None:
    runs = [
        Run(day=date(2026, 11, 3), duration_s=1800, effort=3, mood_before=4, mood_after=7),
        Run(day=date(2026, 11, 1), duration_s=1800, effort=8, mood_before=6, mood_after=5),
        Run(day=date(2026, 11, 2), duration_s=1800, mood_before=5),
    ]
    changes = mood_changes(runs)
    assert [(c.day.day, c.change, c.intensity) for c in changes] == [
        (1, -1, Intensity.HARD),
        (3, 3, Intensity.EASY),
    ]


def test_week_averages_leave_out_what_was_not_recorded() -> None:
    averages = WeekAverages.of(
        [CheckIn(day=date(2026, 11, 16), mood=6, sleep_hours=7), CheckIn(day=date(2026, 11, 17), mood=8)]
    )
    assert averages.check_ins == 2
    assert averages.mood == 7
    assert averages.sleep_hours == 7
    assert averages.stress is None
    assert mean([]) is None


def test_private_run_notes_never_become_report_notes() -> None:
    runs = [
        Run(day=date(2026, 11, 17), duration_s=1800, note="Hills with Sam"),
        Run(day=date(2026, 11, 16), duration_s=1800, note="Something only for me", note_private=True),
    ]
    check_ins = [CheckIn(day=date(2026, 11, 16), mood=5, note="Slept badly")]
    lines = note_lines(runs, check_ins)
    assert [(line.day.day, line.source, line.text) for line in lines] == [
        (16, "check-in", "Slept badly"),
        (17, "run", "Hills with Sam"),
    ]


@pytest.mark.parametrize(
    ("chart_range", "expected"),
    [
        (ChartRange.WEEKS_4, date(2026, 10, 26)),
        (ChartRange.WEEKS_52, date(2025, 11, 24)),
        (ChartRange.ALL, date(2024, 12, 30)),
    ],
)
def test_a_range_starts_on_the_first_day_of_its_earliest_week(
    chart_range: ChartRange, expected: date
) -> None:
    today = date(2026, 11, 21)  # a Saturday; the week began on Monday 16 November
    assert chart_range.first_day(today, date(2025, 1, 1), first_weekday=0) == expected


def test_all_on_an_empty_journal_is_this_week() -> None:
    assert ChartRange.ALL.first_day(date(2026, 11, 21), None, first_weekday=6) == date(2026, 11, 15)


def test_long_series_give_the_same_rolling_means_as_short_ones() -> None:
    import random

    rng = random.Random(7)
    values = [None if rng.random() < 0.3 else float(rng.randint(1, 10)) for _ in range(YEARS_OF_DAYS)]
    long_means = rolling_mean(values)  # years of days: worked out with running sums
    pieces = [rolling_mean(values[max(0, i - 6) : i + 1])[-1] for i in range(len(values))]
    assert long_means == pytest.approx(pieces)


def test_years_of_days_read_as_any_few_weeks_of_them() -> None:
    import random

    from runjournal.figures.daily import daily_series_from_rows

    rng = random.Random(11)
    start = date(2020, 1, 1)
    days = YEARS_OF_DAYS
    rows = [
        (start + timedelta(days=i), *(None if rng.random() < 0.3 else rng.randint(1, 10) for _ in range(2)))
        for i in range(days)
        if rng.random() < 0.9
    ]
    names = ("mood", "stress")
    last = start + timedelta(days=days - 1)
    whole = daily_series_from_rows(rows, start + timedelta(days=7), last, names)
    first = start + timedelta(days=400)
    part = daily_series_from_rows(rows, first, first + timedelta(days=27), names)  # four weeks
    offset = (first - whole["mood"].first).days
    for name in names:
        assert whole[name].values[offset : offset + 28] == part[name].values
        assert whole[name].rolling[offset : offset + 28] == pytest.approx(part[name].rolling)
        assert None in part[name].values  # the unrecorded days stay unrecorded
