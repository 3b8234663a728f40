"""Repositories and the unit of work on a real SQLite file."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from runjournal.domain.model import Activity, CheckIn, CoachChoice, Company, Run, Settings, Source
from runjournal.storage.database import open_database
from runjournal.storage.errors import StorageError
from runjournal.storage.unit_of_work import UnitOfWork

DAY = date(2026, 11, 16)  # a Monday


@pytest.fixture
def engine(tmp_path: Path):
    database = open_database(tmp_path / "journal.sqlite")
    yield database.engine
    database.close()


def full_run(**changes: object) -> Run:
    run = Run(
        day=DAY,
        duration_s=1930.0,
        activity=Activity.RUN,
        started_at=datetime(2026, 11, 16, 6, 30, tzinfo=UTC),
        utc_offset_min=60,
        moving_s=1900.0,
        distance_m=5000.0,
        effort=3,
        company=Company.BUDDY,
        outdoor=False,
        mindful=True,
        mood_before=4,
        mood_after=7,
        stress_before=6,
        stress_after=3,
        avg_hr=142,
        max_hr=171,
        ascent_m=35.5,
        title="Park loop",
        note="Felt lighter after.",
        note_private=True,
        source=Source.GPX,
        content_hash="abc123",
    )
    return run.replace(**changes)


def test_a_run_comes_back_exactly_as_it_was_stored(engine) -> None:
    with UnitOfWork(engine, write=True) as uow:
        stored = uow.runs.add(full_run())
        uow.commit()
    assert stored.id is not None
    with UnitOfWork(engine) as uow:
        assert uow.runs.get(stored.id) == stored
    assert stored.local_start == datetime(2026, 11, 16, 7, 30, tzinfo=timezone(timedelta(hours=1)))


def test_update_and_delete(engine) -> None:
    with UnitOfWork(engine, write=True) as uow:
        stored = uow.runs.add(full_run())
        assert stored.id is not None
        assert uow.runs.update(stored.replace(distance_m=5200.0, note=""))
        uow.commit()
    with UnitOfWork(engine, write=True) as uow:
        assert uow.runs.get(stored.id).distance_m == 5200.0
        assert uow.runs.delete(stored.id)
        assert not uow.runs.delete(stored.id)
        assert not uow.runs.update(stored)
        uow.commit()
    with UnitOfWork(engine) as uow:
        assert uow.runs.get(stored.id) is None


def test_leaving_without_commit_rolls_everything_back(engine) -> None:
    with UnitOfWork(engine, write=True) as uow:
        uow.runs.add(full_run())
        uow.check_ins.put(CheckIn(day=DAY, mood=6))
    with UnitOfWork(engine) as uow:
        assert uow.runs.count() == 0
        assert uow.check_ins.count() == 0


def test_an_error_half_way_leaves_nothing_behind(engine) -> None:
    with pytest.raises(StorageError, match="refused this change"), UnitOfWork(engine, write=True) as uow:
        uow.runs.add(full_run())
        uow.check_ins.put(CheckIn(day=DAY, mood=6))
        # The database itself refuses a zero duration (a second line of defence).
        uow.runs.add(full_run(duration_s=0.0))
        uow.commit()
    with UnitOfWork(engine) as uow:
        assert uow.runs.count() == 0
        assert uow.check_ins.count() == 0


def test_reading_unit_of_work_cannot_commit(engine) -> None:
    with UnitOfWork(engine) as uow, pytest.raises(RuntimeError):
        uow.commit()


def test_runs_between_days_are_in_order_and_bounded(engine) -> None:
    days = [DAY + timedelta(days=d) for d in (5, 0, 3, 10, -1)]
    with UnitOfWork(engine, write=True) as uow:
        uow.runs.add_many([full_run(day=d) for d in days])
        uow.commit()
    with UnitOfWork(engine) as uow:
        found = [r.day for r in uow.runs.between(DAY, DAY + timedelta(days=6))]
        assert found == sorted(d for d in days if DAY <= d <= DAY + timedelta(days=6))
        assert len(uow.runs.between()) == 5
        assert len(uow.runs.with_hash("abc123")) == 5
        assert uow.runs.day_span() == (DAY - timedelta(days=1), DAY + timedelta(days=10))


def test_one_check_in_per_day_replaced_not_doubled(engine) -> None:
    with UnitOfWork(engine, write=True) as uow:
        uow.check_ins.put(CheckIn(day=DAY, mood=5, bedtime=time(23, 15), ill=True, note="Cold."))
        uow.check_ins.put(CheckIn(day=DAY, mood=7, sleep_hours=7.25))
        uow.commit()
    with UnitOfWork(engine) as uow:
        assert uow.check_ins.count() == 1
        assert uow.check_ins.get(DAY) == CheckIn(day=DAY, mood=7, sleep_hours=7.25)


def test_unrecorded_fields_stay_empty(engine) -> None:
    with UnitOfWork(engine, write=True) as uow:
        uow.check_ins.put(CheckIn(day=DAY, stress=3))
        uow.commit()
    with UnitOfWork(engine) as uow:
        row = uow.connection.exec_driver_sql(
            "SELECT mood, anxiety, sleep_hours, bedtime FROM check_ins"
        ).one()
    assert tuple(row) == (None, None, None, None)


def test_settings_round_trip_and_defaults(engine) -> None:
    with UnitOfWork(engine) as uow:
        assert uow.settings.load() == Settings()
    chosen = Settings(weekly_minutes_goal=200, weekly_sessions_goal=4, week_start=6, started_running=DAY)
    with UnitOfWork(engine, write=True) as uow:
        uow.settings.save(chosen)
        uow.commit()
    with UnitOfWork(engine) as uow:
        assert uow.settings.load() == chosen


def test_an_unreadable_stored_setting_falls_back_to_its_default(engine) -> None:
    with UnitOfWork(engine, write=True) as uow:
        uow.connection.exec_driver_sql("INSERT INTO settings VALUES ('weekly_minutes_goal', 'not json')")
        uow.connection.exec_driver_sql("INSERT INTO settings VALUES ('units', '\"furlongs\"')")
        uow.commit()
    with UnitOfWork(engine) as uow:
        assert uow.settings.load() == Settings()


def test_coach_choices(engine) -> None:
    with UnitOfWork(engine, write=True) as uow:
        uow.coach_choices.put(CoachChoice("REST", snoozed_until=DAY))
        uow.coach_choices.put(CoachChoice("SOCIAL", disabled=True))
        uow.commit()
    with UnitOfWork(engine, write=True) as uow:
        choices = uow.coach_choices.all()
        assert choices["REST"].is_quiet_on(DAY) and not choices["REST"].is_quiet_on(DAY + timedelta(days=1))
        assert choices["SOCIAL"].disabled
        uow.coach_choices.put(CoachChoice("SOCIAL"))  # turned back on: forgotten
        uow.commit()
    with UnitOfWork(engine) as uow:
        assert set(uow.coach_choices.all()) == {"REST"}


def test_week_totals_are_summed_by_intensity(engine) -> None:
    runs = [
        full_run(day=DAY, duration_s=30 * 60, effort=3, distance_m=5000.0),  # easy run
        full_run(day=DAY + timedelta(days=2), duration_s=20 * 60, effort=8, distance_m=4000.0),  # hard
        full_run(day=DAY + timedelta(days=4), duration_s=40 * 60, effort=None, distance_m=None),  # moderate
        full_run(
            day=DAY + timedelta(days=6), duration_s=5 * 60, effort=2, activity=Activity.WALK, distance_m=500.0
        ),
        full_run(day=DAY + timedelta(days=7), duration_s=25 * 60, effort=5),  # next week
    ]
    with UnitOfWork(engine, write=True) as uow:
        uow.runs.add_many(runs)
        uow.commit()
    with UnitOfWork(engine) as uow:
        weeks = uow.runs.week_totals(DAY, DAY + timedelta(days=13))
    assert [w.week_start for w in weeks] == [DAY, DAY + timedelta(days=7)]
    week = weeks[0]
    assert week.sessions == 4
    assert week.sessions_10min == 3
    assert week.runs == 3
    assert week.minutes == pytest.approx(95)
    assert (week.easy_minutes, week.moderate_minutes, week.hard_minutes) == pytest.approx((35, 40, 20))
    assert week.moderate_equivalent_minutes == pytest.approx(35 + 40 + 40)
    assert week.run_minutes == pytest.approx(90)
    assert week.easy_share == pytest.approx(30 / 90)
    assert week.distance_m == pytest.approx(9500)
    assert week.run_distance_m == pytest.approx(9000)


def test_week_totals_follow_the_persons_week_start(engine) -> None:
    sunday, monday = DAY - timedelta(days=1), DAY
    with UnitOfWork(engine, write=True) as uow:
        uow.runs.add_many([full_run(day=sunday), full_run(day=monday)])
        uow.commit()
    with UnitOfWork(engine) as uow:
        iso = uow.runs.week_totals(sunday, monday, week_start=0)
        sunday_weeks = uow.runs.week_totals(sunday, monday, week_start=6)
    assert [(w.week_start, w.sessions) for w in iso] == [(sunday - timedelta(days=6), 1), (monday, 1)]
    assert [(w.week_start, w.sessions) for w in sunday_weeks] == [(sunday, 2)]
