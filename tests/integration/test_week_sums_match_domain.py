"""The journal's SQL week sums equal the domain's rules (effort bands, the 10-minute session,
the person's week start), for any runs: one meaning of a week's numbers, whoever adds them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runjournal.domain.model import Activity, Run
from runjournal.domain.progress import progress_of_week, week_totals_of
from runjournal.domain.weeks import week_start
from runjournal.storage.database import open_database
from runjournal.storage.unit_of_work import UnitOfWork

FIRST = date(2026, 11, 2)
LAST = FIRST + timedelta(days=27)

runs_strategy = st.lists(
    st.builds(
        Run,
        day=st.dates(min_value=FIRST, max_value=LAST),
        # around the 10-minute session rule, with fractional seconds as watches record them
        duration_s=st.one_of(
            st.sampled_from([599.0, 599.999, 600.0, 600.001]),
            st.floats(min_value=1, max_value=5 * 3600, allow_nan=False, allow_infinity=False),
        ),
        activity=st.sampled_from(list(Activity)),
        effort=st.one_of(st.none(), st.integers(min_value=1, max_value=10)),
        distance_m=st.one_of(st.none(), st.floats(min_value=1, max_value=50_000)),
    ),
    max_size=25,
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):
    database = open_database(Path(tmp_path_factory.mktemp("sums")) / "journal.sqlite")
    yield database.engine
    database.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(runs=runs_strategy, first_weekday=st.integers(min_value=0, max_value=6))
def test_sql_week_sums_equal_the_domain_rules(engine, runs: list[Run], first_weekday: int) -> None:
    with UnitOfWork(engine, write=True) as uow:  # never committed: each example starts empty
        uow.runs.add_many(runs)
        by_sql = uow.runs.week_totals(FIRST, LAST, first_weekday)
    starts = sorted({week_start(r.day, first_weekday) for r in runs})
    assert [w.week_start for w in by_sql] == starts
    for sql in by_sql:
        domain = week_totals_of(runs, sql.week_start)
        assert (sql.sessions, sql.sessions_10min, sql.runs) == (
            domain.sessions,
            domain.sessions_10min,
            domain.runs,
        )
        for name in (
            "minutes",
            "easy_minutes",
            "moderate_minutes",
            "hard_minutes",
            "run_minutes",
            "easy_run_minutes",
            "distance_m",
            "run_distance_m",
        ):
            assert getattr(sql, name) == pytest.approx(getattr(domain, name), rel=1e-9, abs=1e-9), name
        # and so the whole numbers every view shows agree too
        today = sql.week_start + timedelta(days=6)
        assert replace(progress_of_week(sql, today, 150), totals=domain) == progress_of_week(
            domain, today, 150
        )
