"""The same outing, arriving twice, is recognised; two different outings are not."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from runjournal.domain.model import Activity, Run, Source
from runjournal.formats.importers.duplicates import find_duplicate, same_activity

START = datetime(2026, 3, 2, 6, 15, tzinfo=UTC)
RUN = Run(day=date(2026, 3, 2), duration_s=1800, started_at=START, distance_m=5000, content_hash="h1")


def test_the_same_start_and_duration() -> None:
    other = RUN.replace(started_at=START + timedelta(seconds=110), duration_s=1830, content_hash="h2")
    assert same_activity(RUN, other) and same_activity(other, RUN)


def test_a_start_more_than_five_minutes_away() -> None:
    assert same_activity(RUN, RUN.replace(started_at=START + timedelta(seconds=299)))
    assert not same_activity(RUN, RUN.replace(started_at=START + timedelta(seconds=301)))


def test_timer_and_wall_clock_durations_of_one_outing_match() -> None:
    assert same_activity(RUN, RUN.replace(duration_s=1800 * 1.5))


def test_time_spans_that_do_not_overlap_are_two_outings() -> None:
    short = RUN.replace(duration_s=60)
    assert not same_activity(short, short.replace(started_at=START + timedelta(seconds=90)))


def test_a_run_and_a_walk_starting_together_are_two_outings() -> None:
    assert not same_activity(RUN, RUN.replace(activity=Activity.WALK))


def test_services_may_name_the_sport_differently() -> None:
    assert same_activity(RUN, RUN.replace(activity=Activity.OTHER))


def test_without_start_times_the_day_activity_and_distance_decide() -> None:
    typed = RUN.replace(started_at=None, duration_s=1790, content_hash=None, source=Source.MANUAL)
    assert same_activity(RUN, typed)
    assert not same_activity(RUN, typed.replace(day=date(2026, 3, 3)))
    assert not same_activity(RUN, typed.replace(activity=Activity.WALK))
    assert not same_activity(RUN, typed.replace(distance_m=6000))
    assert same_activity(RUN, typed.replace(distance_m=None))


def test_instants_compare_across_zones() -> None:
    elsewhere = RUN.replace(started_at=START.astimezone(timezone(timedelta(hours=-5))))
    assert same_activity(RUN, elsewhere)


def test_find_duplicate_prefers_the_same_file() -> None:
    same_file = Run(day=date(2020, 1, 1), duration_s=60, content_hash="h1")
    same_outing = RUN.replace(content_hash="other")
    assert find_duplicate(RUN, [same_outing, same_file]) is same_file
    assert find_duplicate(RUN.replace(content_hash="new"), [same_file, same_outing]) is same_outing
    assert find_duplicate(RUN.replace(started_at=START + timedelta(hours=3)), [same_outing]) is None
    assert find_duplicate(RUN, []) is None


def test_every_format_of_one_ride_is_found_as_a_duplicate(imported) -> None:
    names = ("4801048867.fit", "activity_4801048867.tcx", "activity_4801048867.gpx", "4801048867_strava.gpx")
    runs = [imported(name).runs[0] for name in names]
    for index, run in enumerate(runs):
        others = runs[:index] + runs[index + 1 :]
        assert all(same_activity(run, other) for other in others)
        assert run.content_hash not in {o.content_hash for o in others}
    different = imported("2020-06-01-16-52-40.fit").runs[0]
    assert find_duplicate(different, runs) is None


def _compare_with_every_run(run: Run, existing: list[Run]) -> Run | None:
    """The plain way, as imports first did it: the same file, else the first same outing."""
    for other in existing:
        if run.content_hash and other.content_hash == run.content_hash:
            return other
    return next((other for other in existing if same_activity(run, other)), None)


def test_the_index_finds_what_comparing_with_every_run_finds() -> None:
    import random

    from runjournal.formats.importers.duplicates import RunIndex

    rng = random.Random(5)

    def some_run(i: int) -> Run:
        day = date(2026, 3, 1) + timedelta(days=rng.randrange(6))
        started = (
            datetime(day.year, day.month, day.day, 7, tzinfo=UTC)
            + timedelta(seconds=rng.randrange(0, 900, 30))
            if rng.random() < 0.7
            else None
        )
        return Run(
            day=day,
            duration_s=rng.choice((1800, 1810, 1830, 2400)),
            started_at=started,
            distance_m=rng.choice((None, 5000, 5050, 8000)),
            activity=rng.choice((Activity.RUN, Activity.WALK)),
            content_hash=rng.choice((None, f"h{i % 40}")),
        )

    existing = [some_run(i) for i in range(300)]
    index = RunIndex(existing)
    for i in range(300, 700):
        run = some_run(i)
        assert index.find(run) is _compare_with_every_run(run, existing)
