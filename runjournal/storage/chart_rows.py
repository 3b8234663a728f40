"""The rows behind the charts, read as plain numbers.

Years of entries are tens of thousands of rows. Read through the tables' column types, each
row's day becomes a `date` parsed in Python; the charts only need to know which day of the
range a row falls on, which SQLite works out as a whole number of days (`julianday`), so these
reads hand back numbers and leave the calendar to the figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Integer, literal_column, select

from runjournal.domain.model import WeekTotals
from runjournal.storage import tables
from runjournal.storage.repositories import week_sum_columns

# SQLite's julianday() of a day at midnight is its proleptic Gregorian ordinal plus this and
# a half; CAST(... AS INTEGER) drops the half.
_JULIAN_DAY_OF_ORDINAL_0 = 1_721_424


def _columns(connection: Connection, names: Sequence[str]) -> str:
    """The check-in columns named, quoted; a name that is not a column is a programming error."""
    quote = connection.dialect.identifier_preparer.quote
    return ", ".join(quote(tables.check_ins.c[name].name) for name in names)


def check_in_values(
    connection: Connection, first: date, last: date, names: Sequence[str]
) -> list[tuple[Any, ...]]:
    """(days since `first`, *values of `names`) of each check-in from `first` to `last`,
    oldest first; an unrecorded value is None."""
    statement = (
        f"SELECT CAST(julianday(day) - julianday(?) AS INTEGER), {_columns(connection, names)} "
        "FROM check_ins WHERE day >= ? AND day <= ? ORDER BY day"
    )
    start = first.isoformat()
    return list(connection.exec_driver_sql(statement, (start, start, last.isoformat())).fetchall())


def session_days(connection: Connection, first: date, last: date) -> list[date]:
    """The days from `first` to `last` with at least one session, oldest first."""
    statement = "SELECT DISTINCT day FROM runs WHERE day >= ? AND day <= ? ORDER BY day"
    rows = connection.exec_driver_sql(statement, (first.isoformat(), last.isoformat())).fetchall()
    return [date.fromisoformat(day) for (day,) in rows]


def mood_rows(connection: Connection, first: date, last: date) -> list[tuple[Any, ...]]:
    """(day, mood before, mood after, effort, activity, duration_s, title) of the sessions
    from `first` to `last` with both moods recorded, in the order they happened."""
    statement = (
        "SELECT day, mood_before, mood_after, effort, activity, duration_s, title FROM runs "
        "WHERE day >= ? AND day <= ? AND mood_before IS NOT NULL AND mood_after IS NOT NULL "
        "ORDER BY day, started_at, id"
    )
    rows = connection.exec_driver_sql(statement, (first.isoformat(), last.isoformat())).fetchall()
    return [(date.fromisoformat(day), *rest) for day, *rest in rows]


def week_totals(connection: Connection, start: date, last: date) -> list[WeekTotals]:
    """Per-week sums for the weeks from the one starting on `start` to the one holding
    `last` that hold a session, summed by SQLite exactly as `RunRepository.week_totals` sums
    them (the same rows in the same order, the same expressions): only the week a day falls
    in is worked out as a whole number of weeks since `start`, which costs SQLite far less
    than building each day's week start as text."""
    r = tables.runs.c
    # A day's Julian day number less the one of `start`, in whole weeks; the numbers are
    # written into the statement so that SQLite folds them once rather than binding per row.
    start_number = start.toordinal() + _JULIAN_DAY_OF_ORDINAL_0
    week = literal_column(f"(CAST(julianday(runs.day) AS INTEGER) - {int(start_number)}) / 7", Integer).label(
        "week"
    )
    query = (
        select(week, *week_sum_columns())
        .where(r.day >= start, r.day <= last)
        .group_by(literal_column("week"))
        .order_by(literal_column("week"))
    )
    # The columns are selected in WeekTotals' field order, so each row maps by position.
    return [
        WeekTotals(start + timedelta(weeks=row[0]), *row[1:]) for row in connection.execute(query).fetchall()
    ]


def _month(text: str) -> date:
    """The first day of the month written "YYYY-MM"."""
    return date(int(text[:4]), int(text[5:7]), 1)


def check_in_months(
    connection: Connection, first: date, last: date, names: Sequence[str]
) -> list[tuple[Any, ...]]:
    """(first day of the month, then for each of `names`: days with a value, their sum) for
    each month from `first` to `last` with a check-in, oldest first."""
    quote = connection.dialect.identifier_preparer.quote
    sums = ", ".join(
        f"count({column}), total({column})"
        for column in (quote(tables.check_ins.c[name].name) for name in names)
    )
    statement = (
        f"SELECT substr(day, 1, 7) AS month, {sums} FROM check_ins "
        "WHERE day >= ? AND day <= ? GROUP BY month ORDER BY month"
    )
    rows = connection.exec_driver_sql(statement, (first.isoformat(), last.isoformat())).fetchall()
    return [(_month(month), *rest) for month, *rest in rows]


def ill_days(connection: Connection, first: date, last: date) -> list[date]:
    """The days from `first` to `last` whose check-in says ill or injured, oldest first."""
    statement = "SELECT day FROM check_ins WHERE day >= ? AND day <= ? AND ill ORDER BY day"
    rows = connection.exec_driver_sql(statement, (first.isoformat(), last.isoformat())).fetchall()
    return [date.fromisoformat(day) for (day,) in rows]


def mood_months(connection: Connection, first: date, last: date) -> list[tuple[date, int, float, float]]:
    """(first day of the month, sessions, sum of moods before, sum of moods after) of the
    sessions from `first` to `last` with both moods recorded, month by month, oldest first."""
    statement = (
        "SELECT substr(day, 1, 7) AS month, count(*), total(mood_before), total(mood_after) FROM runs "
        "WHERE day >= ? AND day <= ? AND mood_before IS NOT NULL AND mood_after IS NOT NULL "
        "GROUP BY month ORDER BY month"
    )
    rows = connection.exec_driver_sql(statement, (first.isoformat(), last.isoformat())).fetchall()
    return [(_month(month), n, before, after) for month, n, before, after in rows]
