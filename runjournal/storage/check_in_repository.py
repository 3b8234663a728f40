"""Check-ins in and out of the database, one a day."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, time
from typing import Any

from sqlalchemy import Connection, delete, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from runjournal.domain.model import CheckIn
from runjournal.storage import tables
from runjournal.storage.rows import BATCH as _BATCH
from runjournal.storage.rows import day_span as _day_span
from runjournal.storage.rows import insert_many as _insert_many
from runjournal.storage.rows import rows_of as _rows


def _check_in_values(check_in: CheckIn) -> dict[str, Any]:
    values = {name: getattr(check_in, name) for name in CheckIn.__dataclass_fields__}
    values["bedtime"] = check_in.bedtime.strftime("%H:%M") if check_in.bedtime else None
    values["tags"] = json.dumps(list(check_in.tags), ensure_ascii=False)
    return values


def _check_in_from_row(row: Any) -> CheckIn:
    return _check_in_from_values(row._asdict())


def _check_in_from_values(data: dict[str, Any]) -> CheckIn:
    data["bedtime"] = time.fromisoformat(data["bedtime"]) if data["bedtime"] else None
    data["ill"] = bool(data["ill"])
    data["tags"] = _tags_from_text(data.get("tags"))
    return CheckIn(**data)


def _tags_from_text(text: str | None) -> tuple[str, ...]:
    """The stored list of tag names; a value that is not one reads as no tags."""
    try:
        names = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(name for name in names if isinstance(name, str)) if isinstance(names, list) else ()


class CheckInRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def get(self, day: date) -> CheckIn | None:
        row = self._c.execute(select(tables.check_ins).where(tables.check_ins.c.day == day)).first()
        return _check_in_from_row(row) if row else None

    def put(self, check_in: CheckIn) -> None:
        """Stores the day's check-in, replacing whatever that day had."""
        values = _check_in_values(check_in)
        statement = sqlite_insert(tables.check_ins).values(**values)
        statement = statement.on_conflict_do_update(
            index_elements=[tables.check_ins.c.day],
            set_={k: statement.excluded[k] for k in values if k != "day"},
        )
        self._c.execute(statement)

    def put_many(self, check_ins: list[CheckIn]) -> int:
        """Stores many days' check-ins in one statement run per row (an import), each replacing
        whatever its day had; the caller's transaction makes it all or nothing."""
        if not check_ins:
            return 0
        names = tuple(CheckIn.__dataclass_fields__)
        statement = sqlite_insert(tables.check_ins)
        statement = statement.on_conflict_do_update(
            index_elements=[tables.check_ins.c.day],
            set_={name: statement.excluded[name] for name in names if name != "day"},
        )
        self._c.execute(statement, [_check_in_values(c) for c in check_ins])
        return len(check_ins)

    def delete_many(self, days: list[date]) -> int:
        """Removes the check-ins of these days (an undone import); returns how many there were."""
        if not days:
            return 0
        return self._c.execute(delete(tables.check_ins).where(tables.check_ins.c.day.in_(days))).rowcount

    def add_many(self, check_ins: list[CheckIn]) -> int:
        rows = [list(_check_in_values(c).values()) for c in check_ins]
        _insert_many(self._c, tables.check_ins, tuple(CheckIn.__dataclass_fields__), rows)
        return len(check_ins)

    def delete(self, day: date) -> bool:
        return self._c.execute(delete(tables.check_ins).where(tables.check_ins.c.day == day)).rowcount == 1

    def between(self, first: date | None = None, last: date | None = None) -> list[CheckIn]:
        query = select(tables.check_ins).order_by(tables.check_ins.c.day)
        if first is not None:
            query = query.where(tables.check_ins.c.day >= first)
        if last is not None:
            query = query.where(tables.check_ins.c.day <= last)
        return [_check_in_from_values(data) for data in _rows(self._c.execute(query))]

    def each(self) -> Iterator[CheckIn]:
        """Every check-in, oldest first, built a thousand at a time (see RunRepository.each)."""
        result = self._c.execute(select(tables.check_ins).order_by(tables.check_ins.c.day))
        keys = tuple(result.keys())
        while rows := result.fetchmany(_BATCH):
            for row in rows:
                yield _check_in_from_values(dict(zip(keys, row, strict=True)))

    def values_between(self, first: date, last: date, names: tuple[str, ...]) -> list[tuple[Any, ...]]:
        """(day, *values) of the named check-in scales, oldest first: what the daily chart
        draws, read without building every CheckIn."""
        c = tables.check_ins.c
        query = (
            select(c.day, *(c[name] for name in names)).where(c.day >= first, c.day <= last).order_by(c.day)
        )
        return [tuple(row) for row in self._c.execute(query).fetchall()]

    def days_with_tag(self, tag: str) -> set[date]:
        """The days whose check-in carries `tag` (compared without case)."""
        c = tables.check_ins.c
        wanted = tag.strip().casefold()
        rows = self._c.execute(select(c.day, c.tags).where(c.tags != "[]")).fetchall()
        return {day for day, text in rows if any(t.casefold() == wanted for t in _tags_from_text(text))}

    def tags_until(self, last: date) -> list[tuple[date, tuple[str, ...]]]:
        """(day, tags) of the check-ins with tags up to and including `last`, oldest first."""
        c = tables.check_ins.c
        query = select(c.day, c.tags).where(c.tags != "[]", c.day <= last).order_by(c.day)
        return [(day, _tags_from_text(text)) for day, text in self._c.execute(query).fetchall()]

    def count(self) -> int:
        return self._c.execute(select(func.count()).select_from(tables.check_ins)).scalar_one()

    def day_span(self) -> tuple[date | None, date | None]:
        return _day_span(self._c, tables.check_ins.c.day)
