"""FIT sessions: one run per sport, effort and feel from the watch, offsets from its clock.

The real multi-sport file (run, transition, row) is checked as it is. No real file here
carries workout_rpe or workout_feel, and fitdecode cannot write FIT files, so those are
checked on decoded messages built by hand, in the shape fitdecode produces (fields that
fitdecode 0.11's profile does not name arrive as "unknown_192" / "unknown_193").
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from runjournal.domain.model import Activity
from runjournal.domain.validation import validate_run
from runjournal.formats.importers.fit import effort_of, feel_note, runs_from_messages

START = datetime(2026, 5, 3, 22, 30, tzinfo=UTC)


def _session(start: datetime, sport: str, seconds: float, **more: object) -> tuple[str, dict]:
    fields = {
        "start_time": start,
        "timestamp": start + timedelta(seconds=seconds),
        "sport": sport,
        "sub_sport": more.pop("sub_sport", "generic"),
        "total_elapsed_time": seconds,
        "total_timer_time": more.pop("timer", seconds),
        "total_distance": more.pop("distance", 0.0),
        "avg_heart_rate": more.pop("avg_hr", None),
        "max_heart_rate": more.pop("max_hr", None),
        "start_position_lat": more.pop("lat", 600000000),
    }
    fields.update(more)
    return ("session", fields)


def _activity(local_hours: float) -> tuple[str, dict]:
    end = START + timedelta(hours=3)
    return ("activity", {"timestamp": end, "local_timestamp": end + timedelta(hours=local_hours)})


def test_the_real_multisport_file_gives_one_run_per_sport(imported) -> None:
    result = imported("6471559601_ACTIVITY.fit")
    assert result.error is None
    run, row = result.runs
    assert run.activity is Activity.RUN and run.duration_s == pytest.approx(24.593)
    assert row.activity is Activity.OTHER and row.duration_s == pytest.approx(23.245)  # rowing
    assert row.started_at == datetime(2021, 3, 22, 10, 48, 52, tzinfo=UTC)
    assert run.content_hash != row.content_hash  # "<file hash>:0" and "<file hash>:1"
    assert {run.content_hash.rsplit(":", 1)[1], row.content_hash.rsplit(":", 1)[1]} == {"0", "1"}
    assert all(validate_run(r) == [] for r in result.runs)


def test_a_triathlon_splits_into_sports_without_transitions() -> None:
    swim_end = START + timedelta(minutes=40)
    bike_start = swim_end + timedelta(minutes=3)
    run_start = bike_start + timedelta(minutes=80, seconds=120)
    messages = [
        ("file_id", {"type": "activity"}),
        _session(START, "swimming", 2400, sub_sport="open_water", distance=1500.0, lat=None),
        _session(swim_end, "transition", 180),
        _session(bike_start, "cycling", 4800, distance=40000.0, avg_hr=150, max_hr=172),
        _session(run_start - timedelta(minutes=2), "transition", 120),
        _session(run_start, "running", 2700, distance=10000.0, avg_hr=160, max_hr=181),
        _activity(local_hours=2),
    ]
    swim, bike, run = runs_from_messages(messages, "abc")
    assert [r.activity for r in (swim, bike, run)] == [Activity.SWIM, Activity.BIKE, Activity.RUN]
    assert (swim.distance_m, bike.distance_m, run.distance_m) == (1500, 40000, 10000)
    assert (run.avg_hr, run.max_hr) == (160, 181)
    # 22:30 UTC plus the watch's two hours: the local day is the 4th for all three.
    assert {r.utc_offset_min for r in (swim, bike, run)} == {120}
    assert {r.day for r in (swim, bike, run)} == {date(2026, 5, 4)}
    assert not swim.outdoor  # no position in the swim: it counts as indoors, as files without GPS do


@pytest.mark.parametrize(
    ("rpe", "effort"), [(None, None), (0, None), (10, 1), (30, 3), (45, 4), (70, 7), (100, 10), (250, None)]
)
def test_effort_from_workout_rpe(rpe: object, effort: int | None) -> None:
    assert effort_of(rpe) == effort


@pytest.mark.parametrize(
    ("feel", "note"),
    [
        (None, ""),
        (0, "Feel on the watch: very weak"),
        (25, "Feel on the watch: weak"),
        (50, "Feel on the watch: normal"),
        (75, "Feel on the watch: strong"),
        (100, "Feel on the watch: very strong"),
        (80, "Feel on the watch: strong"),
        (300, ""),
    ],
)
def test_feel_from_workout_feel(feel: object, note: str) -> None:
    assert feel_note(feel) == note


@pytest.mark.parametrize("names", [("workout_rpe", "workout_feel"), ("unknown_193", "unknown_192")])
def test_effort_and_feel_reach_the_run(names: tuple[str, str]) -> None:
    rpe_name, feel_name = names
    messages = [_session(START, "running", 1800, distance=5000.0, **{rpe_name: 60, feel_name: 75})]
    (run,) = runs_from_messages(messages, "abc", zone=UTC)
    assert run.effort == 6 and run.note == "Feel on the watch: strong"
    assert run.mood_after is None  # a feeling from the watch is not turned into a mood


def test_nonsense_values_are_dropped_not_the_run() -> None:
    messages = [
        _session(START, "running", 1800, sub_sport="treadmill", avg_hr=0, max_hr=255, timer=1900, distance=-1)
    ]
    (run,) = runs_from_messages(messages, "abc", zone=UTC)
    assert (run.avg_hr, run.max_hr, run.distance_m) == (None, None, None)
    assert run.moving_s == 1800  # the timer cannot exceed the elapsed time
    assert not run.outdoor  # treadmill
    assert validate_run(run) == []


def test_without_an_activity_message_the_zone_decides() -> None:
    (run,) = runs_from_messages([_session(START, "walking", 600)], "abc", zone=UTC)
    assert run.utc_offset_min == 0 and run.day == date(2026, 5, 3) and run.activity is Activity.WALK


def test_a_session_without_a_duration_is_skipped() -> None:
    messages = [_session(START, "running", 0), _session(START, "running", 60)]
    assert len(runs_from_messages(messages, "abc", zone=UTC)) == 1
