"""Repositories: domain records in, domain records out, SQL only in here.

They run on the connection of a unit of work and never commit; the unit of work decides.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Generator, Iterator
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    String,
    case,
    cast,
    delete,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from runjournal.domain.model import (
    EASY_MAX_EFFORT,
    HARD_MIN_EFFORT,
    SESSION_MIN_S,
    Activity,
    CoachChoice,
    Company,
    JournalCounts,
    Run,
    Settings,
    Source,
    WeekTotals,
)
from runjournal.domain.serialize import RUN_FIELDS, settings_from_dict, settings_to_dict
from runjournal.storage import tables
from runjournal.storage.check_in_repository import CheckInRepository
from runjournal.storage.rows import BATCH as _BATCH
from runjournal.storage.rows import day_span as _day_span
from runjournal.storage.rows import insert_many as _insert_many

_RUN_COLUMNS = tuple(name for name in RUN_FIELDS if name != "id")

__all__ = [
    "CheckInRepository",
    "CoachChoiceRepository",
    "RunRepository",
    "SettingsRepository",
    "journal_counts",
]


def _run_values(run: Run) -> dict[str, Any]:
    values = {name: getattr(run, name) for name in _RUN_COLUMNS}
    if run.started_at is not None:
        values["started_at"] = run.started_at.astimezone(UTC).replace(tzinfo=None)
    for name in ("activity", "company", "source"):
        values[name] = str(values[name])
    return values


_RUN_GETTER = operator.attrgetter(*_RUN_COLUMNS)
_STARTED_AT = _RUN_COLUMNS.index("started_at")
_RUN_ENUMS = tuple(_RUN_COLUMNS.index(name) for name in ("activity", "company", "source"))


def _run_row(run: Run) -> list[Any]:
    """`_run_values` as a list in `_RUN_COLUMNS` order, read in one call per run."""
    values = list(_RUN_GETTER(run))
    if values[_STARTED_AT] is not None:
        values[_STARTED_AT] = values[_STARTED_AT].astimezone(UTC).replace(tzinfo=None)
    for i in _RUN_ENUMS:
        values[i] = str(values[i])
    return values


def _run_from_row(row: Any) -> Run:
    return _run_from_values(row._asdict())


# Plain dictionary lookups: calling an Enum class costs several times more, which shows
# when ten years of runs are read at start-up.
_ACTIVITIES = {str(a): a for a in Activity}
_COMPANIES = {str(c): c for c in Company}
_SOURCES = {str(s): s for s in Source}


def _run_from_values(data: dict[str, Any]) -> Run:
    started: datetime | None = data["started_at"]
    data["started_at"] = started.replace(tzinfo=UTC) if started else None
    data["activity"] = _ACTIVITIES.get(data["activity"]) or Activity(data["activity"])
    data["company"] = _COMPANIES.get(data["company"]) or Company(data["company"])
    data["source"] = _SOURCES.get(data["source"]) or Source(data["source"])
    for flag in ("outdoor", "mindful", "note_private"):
        data[flag] = bool(data[flag])
    return Run(**data)


_RUN_INDEX = {name: i for i, name in enumerate(RUN_FIELDS)}
_STARTED, _ACTIVITY, _COMPANY, _SOURCE = (
    _RUN_INDEX["started_at"],
    _RUN_INDEX["activity"],
    _RUN_INDEX["company"],
    _RUN_INDEX["source"],
)
_FLAGS = tuple(_RUN_INDEX[name] for name in ("outdoor", "mindful", "note_private"))


def _runs_from_result(result: Any) -> list[Run]:
    """Many runs at once: rows fetched in one call and each Run built from its values in
    field order, which reads ten years of runs in about half the time of `_run_from_values`."""
    return _runs_from_rows(_run_picker(result), result.fetchall())


def _run_picker(result: Any) -> Any:
    return operator.itemgetter(*(list(result.keys()).index(name) for name in RUN_FIELDS))


def _runs_from_rows(pick: Any, rows: Any) -> list[Run]:
    runs = []
    for row in rows:
        values = list(pick(row))
        started = values[_STARTED]
        values[_STARTED] = started.replace(tzinfo=UTC) if started else None
        values[_ACTIVITY] = _ACTIVITIES.get(values[_ACTIVITY]) or Activity(values[_ACTIVITY])
        values[_COMPANY] = _COMPANIES.get(values[_COMPANY]) or Company(values[_COMPANY])
        values[_SOURCE] = _SOURCES.get(values[_SOURCE]) or Source(values[_SOURCE])
        for flag in _FLAGS:
            values[flag] = bool(values[flag])
        runs.append(Run(*values))
    return runs


def _week_of(day: Any, week_start: int) -> Any:
    """The first day of the person's week holding `day`, as SQLite's ISO text. %w counts from
    Sunday = 0, so a day lies (%w + 6 - week_start) mod 7 days after its week's start."""
    offset = (cast(func.strftime("%w", day), Integer) + (6 - week_start)) % 7
    return func.date(day, literal("-") + cast(offset, String) + literal(" days"))


def week_sum_columns() -> list[Any]:
    """A week's sums of its sessions, in WeekTotals' field order after the week: the effort
    bands and the session rule of the domain (week_totals_of sums the same way). Every weekly
    read selects these, so the charts' weeks and the week panel's never differ."""
    r = tables.runs.c
    minutes = r.duration_s / 60.0
    is_run = r.activity == str(Activity.RUN)
    easy = r.effort <= EASY_MAX_EFFORT
    hard = r.effort >= HARD_MIN_EFFORT
    moderate = r.effort.is_(None) | r.effort.between(EASY_MAX_EFFORT + 1, HARD_MIN_EFFORT - 1)

    def total(condition: Any, value: Any = minutes) -> Any:
        return func.coalesce(func.sum(case((condition, value), else_=0)), 0)

    return [
        func.count().label("sessions"),
        total(r.duration_s >= SESSION_MIN_S, 1).label("sessions_10min"),
        total(is_run, 1).label("runs"),
        func.sum(minutes).label("minutes"),
        total(easy).label("easy_minutes"),
        total(moderate).label("moderate_minutes"),
        total(hard).label("hard_minutes"),
        total(is_run).label("run_minutes"),
        total(is_run & easy).label("easy_run_minutes"),
        func.coalesce(func.sum(r.distance_m), 0).label("distance_m"),
        total(is_run, func.coalesce(r.distance_m, 0)).label("run_distance_m"),
    ]


class RunRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, run: Run) -> Run:
        """Stores a new run; a run that carries an id (an undone delete) keeps it."""
        values = _run_values(run)
        if run.id is not None:
            values["id"] = run.id
        key = self._c.execute(insert(tables.runs).values(**values)).inserted_primary_key
        assert key is not None  # SQLite always reports the new row's id
        return run.replace(id=key[0])

    def add_many(self, runs: list[Run]) -> int:
        """Stores many runs with one statement; runs that carry an id (a whole-journal load)
        keep it, the others get a new one."""
        with_ids = [[*_run_row(r), r.id] for r in runs if r.id is not None]
        _insert_many(self._c, tables.runs, (*_RUN_COLUMNS, "id"), with_ids)
        _insert_many(self._c, tables.runs, _RUN_COLUMNS, [_run_row(r) for r in runs if r.id is None])
        return len(runs)

    def get(self, run_id: int) -> Run | None:
        row = self._c.execute(select(tables.runs).where(tables.runs.c.id == run_id)).first()
        return _run_from_row(row) if row else None

    def update(self, run: Run) -> bool:
        result = self._c.execute(
            update(tables.runs).where(tables.runs.c.id == run.id).values(**_run_values(run))
        )
        return result.rowcount == 1

    def delete(self, run_id: int) -> bool:
        return self._c.execute(delete(tables.runs).where(tables.runs.c.id == run_id)).rowcount == 1

    def between(self, first: date | None = None, last: date | None = None) -> list[Run]:
        query = select(tables.runs).order_by(tables.runs.c.day, tables.runs.c.started_at, tables.runs.c.id)
        if first is not None:
            query = query.where(tables.runs.c.day >= first)
        if last is not None:
            query = query.where(tables.runs.c.day <= last)
        return _runs_from_result(self._c.execute(query))

    def each(self) -> Iterator[Run]:
        """Every run, oldest first, built a thousand at a time: what a whole-journal export
        writes, without holding thirty years of runs in memory at once."""
        query = select(tables.runs).order_by(tables.runs.c.day, tables.runs.c.started_at, tables.runs.c.id)
        result = self._c.execute(query)
        pick = _run_picker(result)
        while rows := result.fetchmany(_BATCH):
            yield from _runs_from_rows(pick, rows)

    def latest(self, until: date) -> Run | None:
        """The newest session up to and including `until`: the last of `between(None, until)`,
        read as one row through the day index."""
        r = tables.runs.c
        query = (
            select(tables.runs)
            .where(r.day <= until)
            .order_by(r.day.desc(), r.started_at.desc(), r.id.desc())
            .limit(1)
        )
        runs = _runs_from_result(self._c.execute(query))
        return runs[0] if runs else None

    def runs_before(self, day: date) -> tuple[int, date | None]:
        """How many runs (not walks, rides…) there are before `day`, and the first one's day."""
        r = tables.runs.c
        query = select(func.count(), func.min(r.day)).where(r.activity == str(Activity.RUN), r.day < day)
        count, first = self._c.execute(query).one()
        return int(count), first

    def last_run_day(self, until: date) -> date | None:
        """The day of the newest run (not walk, ride…) up to and including `until`."""
        r = tables.runs.c
        query = select(func.max(r.day)).where(r.activity == str(Activity.RUN), r.day <= until)
        day: date | None = self._c.execute(query).scalar_one()
        return day

    def run_days_before(self, day: date, limit: int) -> list[date]:
        """Up to `limit` days with a run (not walk, ride…) before `day`, newest first."""
        r = tables.runs.c
        query = (
            select(r.day)
            .distinct()
            .where(r.activity == str(Activity.RUN), r.day < day)
            .order_by(r.day.desc())
            .limit(limit)
        )
        return list(self._c.execute(query).scalars())

    def sessions_before(self, day: date) -> Generator[tuple[date, int, int | None], None, None]:
        """(day, duration_s, effort) of every session before `day`, oldest first, read a
        thousand at a time, so a reader that stops early reads little of a long history."""
        r = tables.runs.c
        query = select(r.day, r.duration_s, r.effort).where(r.day < day).order_by(r.day, r.started_at, r.id)
        result = self._c.execute(query)
        try:
            while rows := result.fetchmany(_BATCH):
                for row in rows:
                    yield row[0], row[1], row[2]
        finally:
            result.close()

    def run_days_until(self, last: date) -> list[date]:
        """The days with a run (not walk, ride…) up to and including `last`, oldest first."""
        r = tables.runs.c
        query = select(r.day).distinct().where(r.activity == str(Activity.RUN), r.day <= last).order_by(r.day)
        return list(self._c.execute(query).scalars())

    def days_between(self, first: date, last: date) -> list[date]:
        """The days with at least one session, for marking on a time axis."""
        day = tables.runs.c.day
        query = select(day).distinct().where(day >= first, day <= last).order_by(day)
        return list(self._c.execute(query).scalars())

    def mood_rows(self, first: date, last: date) -> list[tuple[Any, ...]]:
        """(day, mood before, mood after, effort, activity, duration_s, title) of the sessions
        with both moods recorded: what the mood-change chart draws, without building every
        Run of ten years."""
        r = tables.runs.c
        query = (
            select(r.day, r.mood_before, r.mood_after, r.effort, r.activity, r.duration_s, r.title)
            .where(r.day >= first, r.day <= last, r.mood_before.is_not(None), r.mood_after.is_not(None))
            .order_by(r.day, r.started_at, r.id)
        )
        return [tuple(row) for row in self._c.execute(query).fetchall()]

    def with_hash(self, content_hash: str) -> list[Run]:
        query = select(tables.runs).where(tables.runs.c.content_hash == content_hash)
        return [_run_from_row(row) for row in self._c.execute(query)]

    def count(self) -> int:
        return self._c.execute(select(func.count()).select_from(tables.runs)).scalar_one()

    def week_totals(self, first: date, last: date, week_start: int = 0) -> list[WeekTotals]:
        """Per-week sums, computed by SQLite, for the weeks in [first, last] that hold a run.

        `week_start` is the weekday a week begins on (Monday = 0). SQLite's %w counts from
        Sunday = 0, so a day lies (%w + 6 - week_start) mod 7 days after its week's start.
        """
        r = tables.runs.c
        week = _week_of(r.day, week_start).label("week")
        query = (
            select(week, *week_sum_columns())
            .where(r.day >= first, r.day <= last)
            .group_by(week)
            .order_by(week)
        )
        # The columns are selected in WeekTotals' field order, so each row maps by position.
        return [WeekTotals(date.fromisoformat(row[0]), *row[1:]) for row in self._c.execute(query).fetchall()]

    def day_span(self) -> tuple[date | None, date | None]:
        return _day_span(self._c, tables.runs.c.day)


class SettingsRepository:
    """Settings as one JSON value per key, so a new setting needs no migration."""

    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def load(self) -> Settings:
        rows = self._c.execute(select(tables.settings.c.key, tables.settings.c.value))
        stored: dict[str, Any] = {}
        for key, value in rows:
            try:
                stored[key] = json.loads(value)
            except ValueError:
                continue  # an unreadable value falls back to its default
        return settings_from_dict(stored)

    def save(self, settings: Settings) -> None:
        for key, value in settings_to_dict(settings).items():
            self.put_value(key, value)

    def value(self, key: str) -> Any:
        """A stored JSON value of the person's (e.g. their support contacts), or None."""
        row = self._c.execute(select(tables.settings.c.value).where(tables.settings.c.key == key)).first()
        if row is None:
            return None
        try:
            return json.loads(row[0])
        except ValueError:
            return None

    def put_value(self, key: str, value: Any) -> None:
        statement = sqlite_insert(tables.settings).values(key=key, value=json.dumps(value))
        self._c.execute(
            statement.on_conflict_do_update(
                index_elements=[tables.settings.c.key], set_={"value": statement.excluded.value}
            )
        )


class CoachChoiceRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def all(self) -> dict[str, CoachChoice]:
        rows = self._c.execute(select(tables.coach_choices))
        return {row.rule_id: CoachChoice(row.rule_id, bool(row.disabled), row.snoozed_until) for row in rows}

    def put(self, choice: CoachChoice) -> None:
        if not choice.disabled and choice.snoozed_until is None:
            self._c.execute(
                delete(tables.coach_choices).where(tables.coach_choices.c.rule_id == choice.rule_id)
            )
            return
        values = {
            "rule_id": choice.rule_id,
            "disabled": choice.disabled,
            "snoozed_until": choice.snoozed_until,
        }
        statement = sqlite_insert(tables.coach_choices).values(**values)
        self._c.execute(
            statement.on_conflict_do_update(
                index_elements=[tables.coach_choices.c.rule_id],
                set_={
                    "disabled": statement.excluded.disabled,
                    "snoozed_until": statement.excluded.snoozed_until,
                },
            )
        )


def journal_is_empty(connection: Connection) -> bool:
    """True while the journal holds no session and no check-in: the first row of each table
    is enough to know, however many follow."""
    anything = select(tables.runs.c.id).union_all(select(tables.check_ins.c.day)).limit(1)
    return connection.execute(anything).first() is None


def journal_counts(connection: Connection) -> JournalCounts:
    runs, check_ins = RunRepository(connection), CheckInRepository(connection)
    spans = [d for d in (*runs.day_span(), *check_ins.day_span()) if d is not None]
    return JournalCounts(
        runs=runs.count(),
        check_ins=check_ins.count(),
        first_day=min(spans) if spans else None,
        last_day=max(spans) if spans else None,
    )
