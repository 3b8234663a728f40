"""Reading a check-ins table back: the CSV RunJournal's check-ins export writes, and the
same table as a spreadsheet leaves it (columns in another order, columns left out, empty
cells, a decimal comma, "TRUE" for yes).

Each data row becomes one check-in or one sentence that names the row (by its line in a
spreadsheet, the header being line 1) and says what is wrong with it. A file that is not
a check-ins table at all (no date column, a column RunJournal does not know) is refused
as a whole, naming the columns. Nothing here knows the journal: whether a day is new,
the same or different is the import plan's business (service/check_in_import.py).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, time

from runjournal.domain.model import TAG_SEPARATOR, CheckIn, find_tag
from runjournal.domain.serialize import CHECK_IN_CSV_COLUMNS
from runjournal.domain.validation import MAX_SLEEP_HOURS, validate_check_in, validate_tags
from runjournal.formats.csv_files import numbered_rows, restored

MAX_CHECK_IN_ROWS = 60_000  # a check-in a day for over 160 years
_SCALE_LABELS = {
    "mood": "mood",
    "stress": "stress",
    "anxiety": "anxiety",
    "energy": "energy",
    "sleep_quality": "sleep quality",
}
_YES = ("yes", "y", "true", "1", "x")
_NO = ("", "no", "n", "false", "0")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2})?$")
_CHECK_IN_ONLY = frozenset(CHECK_IN_CSV_COLUMNS) - {"date", "note"}


class CheckInTableError(ValueError):
    """The file as a whole is not a check-ins table RunJournal can read; the message says
    why and what to do."""


@dataclass(frozen=True)
class CheckInRow:
    """One data row: its check-in, or why it can't be imported."""

    line: int  # as a spreadsheet numbers it: the header is line 1
    check_in: CheckIn | None
    problem: str = ""


@dataclass(frozen=True)
class CheckInTable:
    name: str
    rows: tuple[CheckInRow, ...]

    @property
    def check_ins(self) -> list[CheckIn]:
        return [row.check_in for row in self.rows if row.check_in is not None]

    @property
    def problems(self) -> list[str]:
        return [row.problem for row in self.rows if row.check_in is None]


def _header_names(header: list[str]) -> list[str]:
    return [name.strip().lower().replace(" ", "_") for name in header]


def looks_like_check_ins(data: bytes) -> bool:
    """Whether the first line is a check-ins table's header: a date column and a column only
    check-ins have (mood, tags, …; a runs table, Strava's or Garmin's has none). A table
    with columns beyond those is still taken as one, so reading it can say which are unknown."""
    first_line = data[:4096].decode("utf-8-sig", errors="replace").splitlines()[:1]
    if not first_line:
        return False
    try:
        header = _header_names(next(csv.reader(io.StringIO(first_line[0]))))
    except (StopIteration, csv.Error):
        return False
    names = {name for name in header if name}
    return "date" in names and bool(names & _CHECK_IN_ONLY)


def _text_of(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # a spreadsheet saved in Windows' encoding


def _check_header(name: str, header: list[str]) -> None:
    known = ", ".join(CHECK_IN_CSV_COLUMNS)
    if "date" not in header:
        raise CheckInTableError(
            f"“{name}” has no “date” column, so its rows can't be matched to days. A check-ins "
            f"table has a “date” column and any of these: {known}."
        )
    unknown = [column for column in header if column and column not in CHECK_IN_CSV_COLUMNS]
    if unknown:
        listed = ", ".join(f"“{column}”" for column in unknown[:5])
        raise CheckInTableError(
            f"“{name}” has columns a check-ins table doesn't have ({listed}). Remove them, or use "
            f"the file RunJournal's check-ins export writes; the columns it knows are: {known}."
        )
    repeated = sorted({column for column in header if column and header.count(column) > 1})
    if repeated:
        raise CheckInTableError(
            f"“{name}” has the column “{repeated[0]}” twice; keep one of them and import it again."
        )


def _day(text: str) -> date:
    if not _ISO_DAY.match(text):
        raise ValueError(f"the date “{text}” is not written as year-month-day (such as 2026-12-03)")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"the date “{text}” is not a day of the calendar") from None


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _scale(label: str, text: str) -> int | None:
    if not text:
        return None
    try:
        value = _number(text)
    except ValueError:
        raise ValueError(f"{label} “{text}” is not a number from 1 to 10") from None
    if value != round(value) or not 1 <= value <= 10:
        raise ValueError(f"{label} “{text}” is outside 1 to 10 (a whole number, or an empty cell)")
    return round(value)


def _sleep_hours(text: str) -> float | None:
    if not text:
        return None
    try:
        value = _number(text)
    except ValueError:
        raise ValueError(f"hours slept “{text}” is not a number of hours") from None
    if not 0 <= value <= MAX_SLEEP_HOURS:
        raise ValueError(f"hours slept “{text}” is outside 0 to {MAX_SLEEP_HOURS:g}")
    return value


def _bedtime(text: str) -> time | None:
    if not text:
        return None
    match = _CLOCK.match(text)
    hours, minutes = (int(part) for part in match.groups()) if match else (99, 99)
    if not (hours < 24 and minutes < 60):
        raise ValueError(f"bedtime “{text}” is not a time of day written as 23:15")
    return time(hours, minutes)


def _ill(text: str) -> bool:
    word = text.lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ValueError(f"ill or injured “{text}” is neither yes nor no")


def split_tags(text: str) -> tuple[str, ...]:
    """The tag names of one cell ("therapy; time outside"), each once, in the cell's order."""
    names: list[str] = []
    for part in restored(text).split(TAG_SEPARATOR):
        name = " ".join(part.split())
        if name and find_tag(name, tuple(names)) is None:
            names.append(name)
    return tuple(names)


def _check_in(cells: dict[str, str], today: date | None) -> CheckIn:
    day = _day(cells.get("date", ""))
    values: dict[str, object] = {
        name: _scale(label, cells.get(name, "")) for name, label in _SCALE_LABELS.items()
    }
    tags = split_tags(cells.get("tags", ""))
    tag_problems = validate_tags(tags)
    if tag_problems:
        raise ValueError(
            f"tags: {tag_problems[0].message[0].lower()}{tag_problems[0].message[1:].rstrip('.')}"
        )
    check_in = CheckIn(
        day=day,
        sleep_hours=_sleep_hours(cells.get("sleep_hours", "")),
        bedtime=_bedtime(cells.get("bedtime", "")),
        ill=_ill(cells.get("ill_or_injured", "")),
        note=restored(cells.get("note", "")),
        tags=tags,
        **values,  # type: ignore[arg-type]
    )
    problems = validate_check_in(check_in, today)
    if problems:
        message = problems[0].message
        raise ValueError(message[0].lower() + message[1:].rstrip("."))
    return check_in


def read_check_ins_csv(data: bytes, name: str, today: date | None = None) -> CheckInTable:
    """Every data row of a check-ins table, read or refused with a sentence; raises
    CheckInTableError when the file as a whole can't be a check-ins table."""
    reader = csv.reader(io.StringIO(_text_of(data)))
    try:
        header = _header_names(next(reader, []))
        if not any(header):
            raise CheckInTableError(
                f"“{name}” is empty; choose the file RunJournal's check-ins export wrote."
            )
        _check_header(name, header)
        body = numbered_rows(reader, MAX_CHECK_IN_ROWS)
        if body is None:
            raise CheckInTableError(
                f"“{name}” has more than {MAX_CHECK_IN_ROWS:,} rows, more days than any journal "
                "holds; check that it is the right file."
            )
    except csv.Error:
        raise CheckInTableError(f"“{name}” is damaged (its rows cannot be read); export it again.") from None
    if not body:
        raise CheckInTableError(f"“{name}” has a header but no days in it; there is nothing to import.")
    rows: list[CheckInRow] = []
    first_line_of: dict[date, int] = {}
    for line, values in body:
        if len(values) > len(header):
            rows.append(CheckInRow(line, None, f"Row {line}: it has more cells than the header has columns."))
            continue
        # Every cell but the note is read without outer spaces; the note exactly as written.
        cells = {
            column: value if column == "note" else value.strip()
            for column, value in zip(header, values, strict=False)
            if column
        }
        try:
            check_in = _check_in(cells, today)
        except ValueError as error:
            rows.append(CheckInRow(line, None, f"Row {line}: {error}."))
            continue
        if check_in.day in first_line_of:
            earlier = first_line_of[check_in.day]
            rows.append(
                CheckInRow(
                    line,
                    None,
                    f"Row {line}: {check_in.day.isoformat()} is also on row {earlier}; keep one row a day.",
                )
            )
            continue
        first_line_of[check_in.day] = line
        rows.append(CheckInRow(line, check_in))
    return CheckInTable(name, tuple(rows))
