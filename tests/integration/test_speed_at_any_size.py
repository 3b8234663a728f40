"""What a person sees stays the same however big the journal grows, while the reads behind
the first paint and the whole-journal load stop growing with it."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from runjournal.domain.model import Activity, CheckIn, Run, Settings
from runjournal.formats.journal_json import JournalDocument
from runjournal.service.journal import Journal
from runjournal.storage import repositories

TODAY = date(2026, 11, 20)


@pytest.fixture
def whole_journal_reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[date | None, date | None]]:
    """Every read of runs with no first day: a read that grows with the journal."""
    reads: list[tuple[date | None, date | None]] = []
    between = repositories.RunRepository.between

    def spy(
        self: repositories.RunRepository, first: date | None = None, last: date | None = None
    ) -> list[Run]:
        if first is None:
            reads.append((first, last))
        return between(self, first, last)

    monkeypatch.setattr(repositories.RunRepository, "between", spy)
    return reads


def _scattered_runs(rng: random.Random, count: int) -> list[Run]:
    runs = []
    for _ in range(count):
        day = TODAY - timedelta(days=rng.randrange(-30, 3000))  # some logged ahead of today
        started = None
        if rng.random() < 0.7:
            started = datetime(day.year, day.month, day.day, rng.randrange(24), tzinfo=UTC)
        activity = rng.choice([Activity.RUN, Activity.RUN, Activity.WALK])
        runs.append(Run(day=day, duration_s=rng.randrange(600, 4000), started_at=started, activity=activity))
    return runs


def test_the_latest_run_is_read_alone_and_is_the_last_of_all_runs(
    journal: Journal, whole_journal_reads: list[tuple[date | None, date | None]], test_seed: int
) -> None:
    rng = random.Random(test_seed)
    journal.add_entries(_scattered_runs(rng, 400), [], today=TODAY + timedelta(days=40))
    expected = {}
    for day in (TODAY, TODAY - timedelta(days=1), TODAY - timedelta(days=500), TODAY + timedelta(days=31)):
        on_or_before = [r for r in journal.runs() if r.day <= day]
        expected[day] = on_or_before[-1] if on_or_before else None
    journal._run_cache.forget()  # a fresh start: nothing read yet
    whole_journal_reads.clear()
    for day, run in expected.items():
        assert journal.latest_run(day) == run
    assert whole_journal_reads == []
    # A run logged now shows at once: nothing stale is shown as "Last run".
    newest = journal.log_run(
        Run(day=TODAY, duration_s=1234, started_at=datetime(2026, 11, 20, 23, 59, tzinfo=UTC))
    )
    assert journal.latest_run(TODAY) == newest


def test_a_whole_journal_export_loads_in_one_batch_with_every_record_and_id(
    journal: Journal, tmp_path, monkeypatch: pytest.MonkeyPatch, test_seed: int
) -> None:
    rng = random.Random(test_seed)
    runs = [
        r.replace(id=i * 3 + 7)  # ids with holes, as after deletes
        for i, r in enumerate(sorted(_scattered_runs(rng, 300), key=lambda r: r.day))
        if r.day <= TODAY
    ]
    check_ins = [CheckIn(day=TODAY - timedelta(days=d), mood=rng.randrange(1, 6)) for d in range(200)]
    document = JournalDocument(
        settings=Settings(weekly_minutes_goal=120),
        coach_choices=(),
        support_contacts=(),
        runs=tuple(runs),
        check_ins=tuple(reversed(check_ins)),
        sources=(),
    )
    one_at_a_time: list[Run] = []
    add = repositories.RunRepository.add

    def counted(self: repositories.RunRepository, run: Run) -> Run:
        one_at_a_time.append(run)
        return add(self, run)

    monkeypatch.setattr(repositories.RunRepository, "add", counted)
    assert journal.load_document(document) == (len(runs), len(check_ins))
    assert one_at_a_time == []
    assert sorted(journal.runs(), key=lambda r: r.id or 0) == sorted(runs, key=lambda r: r.id or 0)
    assert journal.check_ins() == list(reversed(check_ins))
    assert journal.settings().weekly_minutes_goal == 120
    # The next run logged by hand gets a fresh id after the loaded ones.
    assert journal.log_run(Run(day=TODAY, duration_s=900)).id == max(r.id or 0 for r in runs) + 1


def _every_nudge_with_the_whole_history(journal: Journal, day: date) -> list:
    from runjournal.coach.engine import nudges
    from runjournal.coach.model import History

    runs = tuple(r for r in journal.runs() if r.day <= day)
    check_ins = tuple(journal.check_ins(day - timedelta(days=90), day))
    history = History(today=day, runs=runs, check_ins=check_ins, settings=journal.settings())
    return nudges(history, journal.coach_choices())


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    """Ten years of someone who never said when they started running (so the coach must find
    their first run itself), with a long break near the end that they come back from."""
    from runjournal.samples import demo

    end = TODAY
    sample = demo.generate(10, end=end, seed=7)
    gap = (end - timedelta(days=200), end - timedelta(days=170))
    runs = [r for r in sample.runs if not gap[0] <= r.day <= gap[1]]
    path = tmp_path_factory.mktemp("ten-years") / "journal.sqlite"
    journal = Journal.open(path)
    journal.add_entries(runs, sample.check_ins, Settings(weekly_minutes_goal=150), today=end)
    yield journal
    journal.close()


def test_the_coach_reads_a_bounded_window_and_says_the_same_as_with_every_run(
    ten_years: Journal, whole_journal_reads: list[tuple[date | None, date | None]]
) -> None:
    days = [TODAY - timedelta(days=n) for n in range(365)]
    expected = {day: _every_nudge_with_the_whole_history(ten_years, day) for day in days}
    said = {nudge.rule_id for shown in expected.values() for nudge in shown}
    # The year exercises the rules that look furthest back.
    assert {"MILESTONE", "RETURN", "ROUTINE"} <= said
    ten_years._run_cache.forget()  # as at start-up: no run read yet
    whole_journal_reads.clear()
    for day in days:
        assert ten_years.nudges(day) == expected[day], day
    assert whole_journal_reads == []


def test_a_window_too_short_for_the_coach_would_be_noticed(
    ten_years: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from runjournal.service import coach_window

    monkeypatch.setattr(coach_window, "COACH_RUN_DAYS", 21)
    days = [TODAY - timedelta(days=n) for n in range(0, 365, 3)]
    assert any(ten_years.nudges(day) != _every_nudge_with_the_whole_history(ten_years, day) for day in days)


def test_coming_back_after_years_is_not_taken_for_a_first_start(journal: Journal) -> None:
    """Years ago: ten weeks that reached the goal. Then nothing, until a run three weeks ago
    and a full week now. The coach knows this is neither a new runner nor a first full week."""
    long_ago = TODAY - timedelta(days=3 * 365)
    back_then = [
        Run(day=long_ago + timedelta(days=d), duration_s=45 * 60, effort=5)
        for d in range(70)
        if d % 7 in (0, 2, 4, 6)
    ]
    now = [Run(day=TODAY - timedelta(days=20), duration_s=30 * 60, effort=3)]
    now += [Run(day=TODAY - timedelta(days=d), duration_s=45 * 60, effort=5) for d in (0, 1, 2, 3)]
    this_week = (TODAY - timedelta(days=3)).weekday()  # the four runs of now make one full week
    journal.add_entries(back_then + now, [], Settings(week_start=this_week), today=TODAY)
    for day in (TODAY - timedelta(days=n) for n in range(21)):
        assert journal.nudges(day) == _every_nudge_with_the_whole_history(journal, day), day


def test_a_whole_journal_export_streamed_in_batches_holds_every_record_in_order(
    journal: Journal, tmp_path, test_seed: int
) -> None:
    from runjournal.formats.journal_json import read_document
    from runjournal.service.export import export

    rng = random.Random(test_seed)
    runs = [r for r in _scattered_runs(rng, 2500) if r.day <= TODAY]  # several batches of 1,000
    check_ins = [CheckIn(day=TODAY - timedelta(days=d), mood=rng.randrange(1, 6)) for d in range(1200)]
    journal.add_entries(runs, check_ins, today=TODAY)
    exported = tmp_path / "everything.json"
    export(journal, exported)
    document = read_document(exported.read_bytes(), exported.name)
    assert list(document.runs) == journal.runs()
    assert list(document.check_ins) == journal.check_ins()


def _sqlite_steps(journal: Journal, read: Callable[[], object]) -> int:
    """How many hundreds of SQLite's virtual machine steps `read` takes: what a query costs,
    as SQLite itself counts it, whatever the machine's speed."""
    from sqlalchemy import event

    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0  # go on

    def watch(connection: Any, *_: object) -> None:
        connection.connection.driver_connection.set_progress_handler(count, 100)

    engine = journal._db.engine
    event.listen(engine, "before_cursor_execute", watch)
    try:
        read()
    finally:
        event.remove(engine, "before_cursor_execute", watch)
    return steps[0]


def _day_spans(journal: Journal) -> object:
    with journal._read() as uow:
        return uow.runs.day_span(), uow.check_ins.day_span()


@pytest.mark.parametrize(
    "read",
    [
        pytest.param(lambda j: j.is_empty(), id="whether the journal is empty"),
        pytest.param(_day_spans, id="first and last days"),
    ],
)
def test_what_start_up_asks_of_every_journal_reads_the_same_at_any_size(
    tmp_path, test_seed: int, read: Callable[[Journal], object]
) -> None:
    """Whether there is anything yet (the welcome, the coach's quiet words) and the journal's
    first and last days: answered from the ends of an index, not by walking every entry."""
    rng = random.Random(test_seed)
    steps = {}
    for size in (200, 4000):
        with Journal.open(tmp_path / f"{size}.sqlite") as journal:
            check_ins = [CheckIn(day=TODAY - timedelta(days=d), mood=5) for d in range(size)]
            journal.add_entries(_scattered_runs(rng, size), check_ins, today=TODAY + timedelta(days=40))
            steps[size] = _sqlite_steps(journal, lambda: read(journal))
    assert steps[4000] <= steps[200] + 2, steps


def test_the_coach_counts_the_runs_before_its_window_from_an_index_alone(journal: Journal) -> None:
    """Thirty years of walks and rides are not looked at one by one to count the runs among
    them (MILESTONE's count, the first run, ROUTINE's weeks): an index of activity and day
    answers, without reading a session's row."""
    from sqlalchemy import event

    plans: list[str] = []

    def explain(connection: Any, cursor: Any, statement: str, parameters: Any, *_: object) -> None:
        if "WHERE runs.activity = " in statement:  # a read of the runs among all sessions
            rows = cursor.connection.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
            plans.append(" / ".join(row[3] for row in rows))

    journal.add_entries(_scattered_runs(random.Random(5), 300), [], today=TODAY + timedelta(days=40))
    engine = journal._db.engine
    event.listen(engine, "before_cursor_execute", explain)
    try:
        journal.nudges(TODAY)
    finally:
        event.remove(engine, "before_cursor_execute", explain)
    assert len(plans) >= 3  # the last run before this week, the runs before the window, their days
    assert all("COVERING INDEX" in plan for plan in plans), plans
