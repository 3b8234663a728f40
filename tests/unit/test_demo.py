"""The demo journal must look like a real person's: valid, repeatable and shaped by life."""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import UTC, date, time, timedelta

import pytest

from runjournal.domain.model import Activity, Company, Run, Source
from runjournal.domain.validation import validate_check_in, validate_run
from runjournal.samples.demo import DemoJournal, generate

END = date(2025, 6, 30)
SEEDS = range(1, 6)


@pytest.fixture(scope="module")
def ten_years() -> DemoJournal:
    return generate(10, end=END, seed=7)


@pytest.fixture(scope="module")
def two_year_journals() -> list[DemoJournal]:
    return [generate(2, end=END, seed=seed) for seed in SEEDS]


def _pace_s_per_km(run: Run) -> float:
    assert run.distance_m is not None
    return (run.moving_s or run.duration_s) / (run.distance_m / 1000)


def _run_days(journal: DemoJournal) -> set[date]:
    return {run.day for run in journal.runs}


# --- arguments and repeatability -----------------------------------------------------------


def test_same_seed_and_arguments_give_the_same_journal() -> None:
    assert generate(2, end=END, seed=5) == generate(2, end=END, seed=5)


def test_different_seeds_give_different_journals() -> None:
    first, second = generate(1, end=END, seed=1), generate(1, end=END, seed=2)
    assert first.runs != second.runs
    assert first.check_ins != second.check_ins


@pytest.mark.parametrize("years", [0, -1, -0.5, float("nan"), float("inf")])
def test_no_journal_without_a_positive_number_of_years(years: float) -> None:
    with pytest.raises(ValueError):
        generate(years, end=END)


def test_fractional_years_cover_that_share_of_a_year() -> None:
    journal = generate(0.25, end=END, seed=3)
    assert journal.settings.started_running is not None
    assert 85 <= (END - journal.settings.started_running).days <= 95
    assert 15 <= len(journal.runs) <= 45


# --- validity and shape of the records -----------------------------------------------------


def test_every_record_is_valid(ten_years: DemoJournal) -> None:
    for run in ten_years.runs:
        assert validate_run(run, today=END) == [], run
    for check_in in ten_years.check_ins:
        assert validate_check_in(check_in, today=END) == [], check_in


def test_dates_lie_between_the_first_run_and_the_end(ten_years: DemoJournal) -> None:
    first = ten_years.settings.started_running
    assert first == ten_years.runs[0].day
    assert abs((END - first).days - 10 * 365.25) <= 7
    assert all(first <= run.day <= END for run in ten_years.runs)
    assert all(first <= check_in.day <= END for check_in in ten_years.check_ins)
    assert ten_years.check_ins[-1].day >= END - timedelta(days=14)


def test_records_are_sorted_and_check_ins_are_one_a_day(ten_years: DemoJournal) -> None:
    runs = ten_years.runs
    assert runs == sorted(runs, key=lambda r: (r.day, r.started_at))
    days = [check_in.day for check_in in ten_years.check_ins]
    assert days == sorted(days)
    assert len(days) == len(set(days))


def test_runs_are_new_manual_entries_with_a_utc_start_on_their_local_day(ten_years: DemoJournal) -> None:
    for run in ten_years.runs:
        assert run.id is None
        assert run.source is Source.MANUAL
        assert run.started_at is not None and run.started_at.utcoffset() == timedelta(0)
        assert run.started_at.tzinfo is UTC
        assert run.local_start is not None and run.local_start.date() == run.day


def test_home_clock_follows_summer_time_and_trips_change_it(ten_years: DemoJournal) -> None:
    offsets = Counter(run.utc_offset_min for run in ten_years.runs)
    assert offsets[0] > 50 and offsets[60] > 50
    assert sum(n for offset, n in offsets.items() if offset not in (0, 60)) >= 5
    january = Counter(r.utc_offset_min for r in ten_years.runs if r.day.month == 1)
    july = Counter(r.utc_offset_min for r in ten_years.runs if r.day.month == 7)
    assert january[0] >= 0.85 * january.total()
    assert july[60] >= 0.85 * july.total()


def test_trips_bring_treadmill_runs(ten_years: DemoJournal) -> None:
    away = [r for r in ten_years.runs if r.activity is Activity.RUN and r.utc_offset_min not in (0, 60)]
    home = [r for r in ten_years.runs if r.activity is Activity.RUN and r.utc_offset_min in (0, 60)]
    assert any(not r.outdoor for r in away)
    assert sum(not r.outdoor for r in away) / len(away) > sum(not r.outdoor for r in home) / len(home)


# --- how the running develops ---------------------------------------------------------------


def test_one_year_holds_a_plausible_number_of_sessions() -> None:
    for seed in SEEDS:
        journal = generate(1, end=END, seed=seed)
        assert 100 <= len(journal.runs) <= 250
        assert 80 <= sum(r.activity is Activity.RUN for r in journal.runs) <= 220


def test_the_first_weeks_are_fewer_shorter_and_easier_than_a_year_later(
    two_year_journals: list[DemoJournal],
) -> None:
    for journal in two_year_journals:
        first = journal.settings.started_running
        assert first is not None
        early = [r for r in journal.runs if r.day < first + timedelta(weeks=8)]
        later = [
            r for r in journal.runs if first + timedelta(weeks=52) <= r.day < first + timedelta(weeks=104)
        ]
        assert len(early) / 8 <= 3
        assert len(early) / 8 < len(later) / 52
        assert all(20 <= r.minutes <= 31 for r in early)
        assert all(r.company is not Company.EVENT for r in early)
        later_runs = [r for r in later if r.activity is Activity.RUN]
        assert statistics.mean(r.minutes for r in early) < statistics.mean(r.minutes for r in later_runs) - 5
        early_efforts = [r.effort for r in early if r.effort is not None]
        later_efforts = [r.effort for r in later_runs if r.effort is not None]
        assert max(early_efforts) <= 5 < max(later_efforts)
        assert statistics.mean(early_efforts) < statistics.mean(later_efforts)
    early_activities = {
        r.activity for j in two_year_journals for r in j.runs if r.day < j.runs[0].day + timedelta(weeks=4)
    }
    assert Activity.WALK in early_activities


def test_a_year_in_the_runner_does_three_to_four_runs_of_25_to_60_minutes(ten_years: DemoJournal) -> None:
    first = ten_years.runs[0].day
    settled = [r for r in ten_years.runs if r.day >= first + timedelta(weeks=60)]
    runs = [r for r in settled if r.activity is Activity.RUN and r.company is not Company.EVENT]
    weeks = (END - settled[0].day).days / 7
    assert 2.5 <= len(runs) / weeks <= 4.2
    minutes = sorted(r.minutes for r in runs)
    assert minutes[len(minutes) // 10] >= 20
    assert minutes[-len(minutes) // 10] <= 65


def test_long_runs_fall_at_the_weekend(ten_years: DemoJournal) -> None:
    runs = [r for r in ten_years.runs if r.activity is Activity.RUN and r.company is not Company.EVENT]
    weekend = [r.minutes for r in runs if r.day.weekday() >= 5]
    weekday = [r.minutes for r in runs if r.day.weekday() < 5]
    assert statistics.mean(weekend) > statistics.mean(weekday) + 5


def test_paces_and_distances_suit_the_activity(ten_years: DemoJournal) -> None:
    bands = {Activity.RUN: (300, 450), Activity.WALK: (560, 780), Activity.BIKE: (140, 230)}
    for run in ten_years.runs:
        if run.activity is Activity.SWIM:
            assert not run.outdoor
            assert run.distance_m is None or run.distance_m <= 3000
        elif run.distance_m is not None:
            low, high = bands[run.activity]
            assert low <= _pace_s_per_km(run) <= high, run
    kinds = Counter(run.activity for run in ten_years.runs)
    assert kinds[Activity.RUN] > 5 * (kinds[Activity.WALK] + kinds[Activity.BIKE] + kinds[Activity.SWIM])
    assert min(kinds[a] for a in (Activity.WALK, Activity.BIKE, Activity.SWIM)) >= 10


def test_events_are_saturday_morning_5k(ten_years: DemoJournal) -> None:
    events = [r for r in ten_years.runs if r.company is Company.EVENT]
    assert len(events) >= 20
    for run in events:
        assert run.day.weekday() == 5
        assert run.local_start is not None and run.local_start.time() == time(9, 0)
        assert run.distance_m is None or 4900 <= run.distance_m <= 5200


def test_efforts_are_mostly_easy_or_moderate_with_some_hard_and_some_missing(ten_years: DemoJournal) -> None:
    efforts = [r.effort for r in ten_years.runs]
    recorded = [e for e in efforts if e is not None]
    assert all(1 <= e <= 10 for e in recorded)
    assert 0.05 <= sum(e >= 7 for e in recorded) / len(recorded) <= 0.35
    assert 0 < efforts.count(None) <= 0.1 * len(efforts)


def test_company_is_mostly_solo_with_some_others(ten_years: DemoJournal) -> None:
    company = Counter(r.company for r in ten_years.runs)
    assert company[Company.SOLO] > 0.6 * len(ten_years.runs)
    assert all(company[c] > 0 for c in (Company.BUDDY, Company.GROUP, Company.EVENT))
    assert any(r.mindful for r in ten_years.runs)
    assert any(r.avg_hr is not None for r in ten_years.runs)
    assert all(r.avg_hr <= r.max_hr for r in ten_years.runs if r.avg_hr is not None and r.max_hr is not None)
    assert any(r.ascent_m is not None for r in ten_years.runs)
    assert all(r.ascent_m is None for r in ten_years.runs if not r.outdoor)


def test_about_one_run_in_five_has_a_note_in_wellness_words(ten_years: DemoJournal) -> None:
    noted = [r for r in ten_years.runs if r.note]
    assert 0.1 <= len(noted) / len(ten_years.runs) <= 0.3
    assert 0 < sum(r.note_private for r in noted) < len(noted) / 4
    assert not any(r.note_private for r in ten_years.runs if not r.note)
    notes = " ".join([r.note for r in noted] + [c.note for c in ten_years.check_ins]).lower()
    for word in ("diagnos", "treat", "clinical", "cure"):
        assert word not in notes


# --- life and feelings ----------------------------------------------------------------------


def test_ill_days_have_no_runs(two_year_journals: list[DemoJournal]) -> None:
    for journal in two_year_journals:
        ill_days = {c.day for c in journal.check_ins if c.ill}
        assert ill_days
        assert not ill_days & _run_days(journal)


def test_return_after_illness_is_easier(ten_years: DemoJournal) -> None:
    ill_days = {c.day for c in ten_years.check_ins if c.ill}
    after_illness = [
        r
        for r in ten_years.runs
        if r.activity is Activity.RUN and any(r.day - timedelta(days=k) in ill_days for k in range(1, 6))
    ]
    assert len(after_illness) >= 5
    efforts = [r.effort for r in after_illness if r.effort is not None]
    all_efforts = [r.effort for r in ten_years.runs if r.activity is Activity.RUN and r.effort is not None]
    assert statistics.mean(efforts) < statistics.mean(all_efforts)


def test_about_fifteen_percent_of_days_have_no_check_in(ten_years: DemoJournal) -> None:
    days = (END - ten_years.runs[0].day).days + 1
    assert 0.08 <= 1 - len(ten_years.check_ins) / days <= 0.25


def test_some_check_in_fields_are_left_unrecorded(ten_years: DemoJournal) -> None:
    for name in ("mood", "stress", "anxiety", "energy", "sleep_hours", "sleep_quality", "bedtime"):
        values = [getattr(c, name) for c in ten_years.check_ins]
        assert None in values, name
        assert values.count(None) < 0.5 * len(values), name
    assert not any(c.is_empty for c in ten_years.check_ins)


def test_sleep_is_in_quarter_hours_and_bedtime_mostly_late_evening(ten_years: DemoJournal) -> None:
    hours = [c.sleep_hours for c in ten_years.check_ins if c.sleep_hours is not None]
    assert all(4 <= h <= 10 and (h * 4).is_integer() for h in hours)
    assert 6.5 <= statistics.mean(hours) <= 8
    bedtimes = [c.bedtime for c in ten_years.check_ins if c.bedtime is not None]
    usual = [b for b in bedtimes if b >= time(22, 0) or b <= time(0, 30)]
    assert len(usual) >= 0.8 * len(bedtimes)


def test_mood_after_a_run_is_usually_but_not_always_higher(ten_years: DemoJournal) -> None:
    both = [
        (r.mood_before, r.mood_after, r.effort)
        for r in ten_years.runs
        if r.mood_before is not None and r.mood_after is not None
    ]
    assert len(both) > 0.5 * len(ten_years.runs)
    lifted = sum(after > before for before, after, _ in both)
    assert 0.6 * len(both) < lifted < len(both)
    hard = [(before, after) for before, after, effort in both if effort is not None and effort >= 8]
    assert any(after < before for before, after in hard)
    stress = [
        (r.stress_before, r.stress_after)
        for r in ten_years.runs
        if r.stress_before is not None and r.stress_after is not None
    ]
    assert sum(after < before for before, after in stress) > 0.6 * len(stress)


def test_run_days_have_better_mood_than_other_days(two_year_journals: list[DemoJournal]) -> None:
    for journal in two_year_journals:
        run_days = _run_days(journal)
        on = [c.mood for c in journal.check_ins if c.mood is not None and c.day in run_days]
        off = [c.mood for c in journal.check_ins if c.mood is not None and c.day not in run_days]
        assert statistics.mean(on) > statistics.mean(off)


def test_weekdays_are_more_stressful_and_winters_a_little_lower(ten_years: DemoJournal) -> None:
    weekday = [c.stress for c in ten_years.check_ins if c.stress is not None and c.day.weekday() < 5]
    weekend = [c.stress for c in ten_years.check_ins if c.stress is not None and c.day.weekday() >= 5]
    assert statistics.mean(weekday) > statistics.mean(weekend)
    winter = [c.mood for c in ten_years.check_ins if c.mood is not None and c.day.month in (12, 1, 2)]
    summer = [c.mood for c in ten_years.check_ins if c.mood is not None and c.day.month in (6, 7, 8)]
    assert 0 < statistics.mean(summer) - statistics.mean(winter) < 1.5


def test_bad_stretches_show_as_runs_of_low_mood_and_high_stress(ten_years: DemoJournal) -> None:
    by_day = {c.day: c for c in ten_years.check_ins}
    weekly: list[tuple[float, float, int]] = []
    day = ten_years.runs[0].day
    run_days = _run_days(ten_years)
    while day + timedelta(days=7) <= END:
        week = [by_day[d] for d in (day + timedelta(days=i) for i in range(7)) if d in by_day]
        moods = [c.mood for c in week if c.mood is not None and not c.ill]
        stresses = [c.stress for c in week if c.stress is not None and not c.ill]
        if moods and stresses:
            runs = sum(day + timedelta(days=i) in run_days for i in range(7))
            weekly.append((statistics.mean(moods), statistics.mean(stresses), runs))
        day += timedelta(days=7)
    low = [w for w in weekly if w[0] <= 5 and w[1] >= 6]
    assert len(low) >= 10  # a few stretches a year over ten years
    assert statistics.mean(w[2] for w in low) < statistics.mean(w[2] for w in weekly)
