"""Moving many rows between SQLite and Python quickly: shared by the repositories."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Column, Connection, Table, func, select

BATCH = 1000  # rows built at a time by the readers that stream a whole table


def insert_many(connection: Connection, table: Table, names: tuple[str, ...], rows: list[list[Any]]) -> None:
    """Inserts rows (values in the order of `names`) in one executemany, the values that need
    it converted by their column's own type and the rest handed to SQLite as they are:
    SQLAlchemy's per-row statement parameters cost more than the insert itself when 30,000
    runs are loaded."""
    if not rows:
        return
    dialect = connection.dialect
    processors = [(i, table.c[name].type.bind_processor(dialect)) for i, name in enumerate(names)]
    converting = [(i, process) for i, process in processors if process is not None]
    for values in rows:
        for i, process in converting:
            if values[i] is not None:
                values[i] = process(values[i])
    columns = ", ".join(dialect.identifier_preparer.quote(name) for name in names)
    marks = ", ".join("?" for _ in names)
    statement = f"INSERT INTO {table.name} ({columns}) VALUES ({marks})"
    connection.exec_driver_sql(statement, [tuple(values) for values in rows])


def rows_of(result: Any) -> Iterator[dict[str, Any]]:
    """Rows as dictionaries; zipping with the keys read once is several times faster than
    `Row._asdict()`, which matters when the charts read ten years of entries."""
    keys = tuple(result.keys())
    for row in result:
        yield dict(zip(keys, row, strict=True))


def day_span(connection: Connection, day: Column[Any]) -> tuple[Any, Any]:
    """The first and last value of an indexed `day` column, each its own subquery: SQLite
    answers a lone min() or max() from the end of the index, but walks every row for both in
    one select."""
    first, last = select(func.min(day)).scalar_subquery(), select(func.max(day)).scalar_subquery()
    row = connection.execute(select(first, last)).one()
    return row[0], row[1]
