"""The rows behind the charts, read as plain numbers.

Years of entries are tens of thousands of rows. Read through the tables' column types, each
row's day becomes a `date` parsed in Python; the charts only need to know which day of the
range a row falls on, which SQLite works out as a whole number of days (`julianday`), so these
reads hand back numbers and leave the calendar to the figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection

from runjournal.storage import tables


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
