"""Importing a check-ins table: what it would do, shown before anything is stored, then
stored in one transaction that one Undo takes away again.

A day the journal does not have is new. A day the journal has with the same values is
left alone. A day the journal has with other values is never overwritten unasked: it is
shown with its differences, and the journal's day is kept unless the person ticks "use
the file's". A row that can't be read keeps its sentence and changes nothing.

Tags: a tag the person's list lacks is added to the list. It came from their own export
(or was typed by them into the table), so it is theirs; left off the list it would show
on the imported days but could not be picked for a new day, filtered on or compared in
Insights. The list keeps at most MAX_TAGS names: beyond that a tag stays on its days and
the review says it was not added to the list. A name that differs from a listed tag only
in case takes the list's spelling, so "Therapy" and "therapy" stay one tag.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from runjournal.domain.model import MAX_TAGS, CheckIn, find_tag
from runjournal.domain.units import count, format_day
from runjournal.formats.check_ins_csv import CheckInTable, CheckInTableError
from runjournal.service.changes import Change

if TYPE_CHECKING:
    from runjournal.service.journal import Journal

LARGE_IMPORT_DAYS = 50  # an import adding this many days, or replacing any, is preceded by a backup
SCALE_WORDS = (
    ("mood", "mood"),
    ("stress", "stress"),
    ("anxiety", "anxiety"),
    ("energy", "energy"),
    ("sleep_hours", "hours slept"),
    ("sleep_quality", "sleep quality"),
    ("bedtime", "bedtime"),
)


class DayStatus(enum.StrEnum):
    NEW = "new"
    SAME = "already in your journal"
    DIFFERS = "differs from your journal"
    EMPTY = "nothing recorded"
    REFUSED = "can't import"


@dataclass(frozen=True)
class DayItem:
    """One row of the review: a day of the file and what importing does with it."""

    line: int
    status: DayStatus
    check_in: CheckIn | None = None  # as it would be stored (tags in the list's spelling)
    journal_day: CheckIn | None = None  # the journal's check-in of that day, when it has one
    reason: str = ""  # why it can't be imported
    use_file: bool = False  # for a day that differs: the person chose the file's version

    @property
    def day(self) -> date | None:
        return self.check_in.day if self.check_in is not None else None

    @property
    def differences(self) -> str:
        """ "mood 6 → 7; tags + therapy, − alcohol": what the file would change of the day."""
        if self.check_in is None or self.journal_day is None:
            return ""
        return describe_differences(self.journal_day, self.check_in)

    @property
    def label(self) -> str:
        if self.status is DayStatus.REFUSED:
            return f"can't import: {self.reason}"
        if self.status is DayStatus.DIFFERS:
            return "differs: the file's replaces yours" if self.use_file else "differs: yours is kept"
        return str(self.status)


def _shown(value: object) -> str:
    if value is None:
        return "empty"
    if hasattr(value, "strftime"):
        return value.strftime("%H:%M")  # type: ignore[no-any-return]
    return f"{value:g}" if isinstance(value, float) else str(value)


def describe_differences(before: CheckIn, after: CheckIn) -> str:
    parts = [
        f"{words} {_shown(getattr(before, name))} → {_shown(getattr(after, name))}"
        for name, words in SCALE_WORDS
        if getattr(before, name) != getattr(after, name)
    ]
    if before.ill != after.ill:
        parts.append("ill or injured" if after.ill else "no longer ill or injured")
    if before.note.strip() != after.note.strip():
        parts.append("another note")
    added = [t for t in after.tags if find_tag(t, before.tags) is None]
    removed = [t for t in before.tags if find_tag(t, after.tags) is None]
    if added or removed:
        changes = [f"+ {t}" for t in added] + [f"− {t}" for t in removed]
        parts.append("tags " + ", ".join(changes))
    return "; ".join(parts)


def _as_exported(check_in: CheckIn) -> CheckIn:
    """The check-in as the CSV export can hold it: hours slept to 3 decimals (its precision),
    no tags or note (compared on their own)."""
    hours = None if check_in.sleep_hours is None else round(check_in.sleep_hours, 3)
    return replace(check_in, tags=(), note="", sleep_hours=hours)


def same_day(first: CheckIn, second: CheckIn) -> bool:
    """The same check-in, tags compared without order or case, the note without outer spaces
    and hours slept to the export's precision (so re-importing an export finds no change)."""
    tags_alike = len(first.tags) == len(second.tags) and all(
        find_tag(t, second.tags) is not None for t in first.tags
    )
    return (
        tags_alike
        and first.note.strip() == second.note.strip()
        and _as_exported(first) == _as_exported(second)
    )


@dataclass(frozen=True)
class CheckInImportPlan:
    name: str
    items: tuple[DayItem, ...]
    tags_before: tuple[str, ...]  # the person's list of tags when the plan was made

    def with_choices(self, use_file: Mapping[int, bool]) -> CheckInImportPlan:
        """The plan as the person left the review: for rows (by index) that differ, whether
        the file's day replaces the journal's."""
        items = [
            replace(item, use_file=use_file.get(row, item.use_file))
            if item.status is DayStatus.DIFFERS
            else item
            for row, item in enumerate(self.items)
        ]
        return replace(self, items=tuple(items))

    # Worked out once per plan (a plan never changes): the review reads them on each
    # change, and thirty years of days would hold up the window if each reading recounted.

    @cached_property
    def to_add(self) -> list[CheckIn]:
        return [i.check_in for i in self.items if i.status is DayStatus.NEW and i.check_in is not None]

    @cached_property
    def to_replace(self) -> list[CheckIn]:
        return [
            i.check_in
            for i in self.items
            if i.status is DayStatus.DIFFERS and i.use_file and i.check_in is not None
        ]

    @property
    def chosen(self) -> int:
        """How many days importing would write, as the review stands."""
        return len(self.to_add) + len(self.to_replace)

    def _tags_written(self) -> list[str]:
        """Each tag of the days to be written once, in the order they come."""
        return list(dict.fromkeys(t for c in (*self.to_add, *self.to_replace) for t in c.tags))

    @cached_property
    def tags_after(self) -> tuple[str, ...]:
        """The person's list with the tags of the days to be written that it lacks, as many
        as fit under MAX_TAGS."""
        tags = list(self.tags_before)
        for tag in self._tags_written():
            if find_tag(tag, tuple(tags)) is None and len(tags) < MAX_TAGS:
                tags.append(tag)
        return tuple(tags)

    @cached_property
    def tags_left_off(self) -> list[str]:
        """Tags of the days to be written that the full list has no room for."""
        kept = self.tags_after
        left: list[str] = []
        for tag in self._tags_written():
            if find_tag(tag, (*kept, *left)) is None:
                left.append(tag)
        return left

    @cached_property
    def _counts(self) -> Counter[DayStatus]:
        return Counter(item.status for item in self.items)

    def count(self, status: DayStatus) -> int:
        return self._counts[status]

    @property
    def problems(self) -> list[str]:
        return [item.reason for item in self.items if item.status is DayStatus.REFUSED]

    def summary(self) -> str:
        parts = [count(self.count(DayStatus.NEW), "new day")]
        differing = self.count(DayStatus.DIFFERS)
        if differing:
            replacing = len(self.to_replace)
            parts.append(
                f"{count(differing, 'day')} that {'differs' if differing == 1 else 'differ'} from your journal "
                f"({replacing} to replace with the file's, {differing - replacing} to keep as they are)"
            )
        if same := self.count(DayStatus.SAME):
            parts.append(f"{count(same, 'day')} already in your journal")
        if empty := self.count(DayStatus.EMPTY):
            parts.append(f"{count(empty, 'day')} with nothing recorded")
        if refused := self.count(DayStatus.REFUSED):
            parts.append(f"{count(refused, 'row')} that can't be imported")
        text = ", ".join(parts)
        new_tags = self.tags_after[len(self.tags_before) :]
        if new_tags:
            text += f". New tags added to your list: {', '.join(new_tags)}"
        if left := self.tags_left_off:
            text += (
                f". Your list of tags is full ({MAX_TAGS}), so {', '.join(left)} stay on their days "
                "without joining it"
            )
        return text + "."


@dataclass(frozen=True)
class CheckInImportDone:
    """What one import wrote, so one Undo takes all of it away and Redo puts it back."""

    added: tuple[CheckIn, ...]
    replaced: tuple[tuple[CheckIn, CheckIn], ...]  # (the journal's day before, the file's)
    tags_before: tuple[str, ...]
    tags_after: tuple[str, ...]

    @property
    def days(self) -> int:
        return len(self.added) + len(self.replaced)


def _in_list_spelling(check_in: CheckIn, tags: tuple[str, ...]) -> CheckIn:
    if not check_in.tags:
        return check_in
    return check_in.replace(tags=tuple(find_tag(t, tags) or t for t in check_in.tags))


def plan_check_in_import(journal: Journal, table: CheckInTable) -> CheckInImportPlan:
    """Sorts every row of the table into new, already there, differing or refused, against
    the journal's check-ins of the same days (one read transaction)."""
    days = [c.day for c in table.check_ins]
    with journal._read() as uow:
        tags = uow.settings.load().tags
        stored = {c.day: c for c in uow.check_ins.between(min(days), max(days))} if days else {}
    items: list[DayItem] = []
    for row in table.rows:
        if row.check_in is None:
            items.append(DayItem(row.line, DayStatus.REFUSED, reason=row.problem))
            continue
        check_in = _in_list_spelling(row.check_in, tags)
        mine = stored.get(check_in.day)
        if check_in.is_empty:
            items.append(DayItem(row.line, DayStatus.EMPTY, check_in, mine))
        elif mine is None:
            items.append(DayItem(row.line, DayStatus.NEW, check_in))
        elif same_day(mine, check_in):
            items.append(DayItem(row.line, DayStatus.SAME, check_in, mine))
        else:
            items.append(DayItem(row.line, DayStatus.DIFFERS, check_in, mine))
    return CheckInImportPlan(table.name, tuple(items), tags)


def store_check_in_import(journal: Journal, plan: CheckInImportPlan) -> CheckInImportDone:
    """Writes the plan's new days and the differing days the person chose, and adds the new
    tags to their list, in one transaction; a checked backup first when it replaces a day
    or adds many.

    The journal is read again inside it: a day checked in since the review was made is
    kept as the person left it (never overwritten unasked), and a day to replace is
    replaced only if it is still as the review showed it."""
    from runjournal.domain.validation import validate_check_in
    from runjournal.service.errors import ValidationError

    problems = [p for c in (*plan.to_add, *plan.to_replace) for p in validate_check_in(c)]
    if problems:
        raise ValidationError(problems)
    if plan.to_replace or len(plan.to_add) >= LARGE_IMPORT_DAYS:
        # As before a large import of runs: a checked copy first, which outlives the undo
        # history (a JournalError here stops the import with the journal unchanged).
        journal.backup(reason="before-import")
    shown = {i.check_in.day: i.journal_day for i in plan.items if i.check_in is not None}
    with journal._write() as uow:
        settings = uow.settings.load()
        wanted = [*plan.to_add, *plan.to_replace]
        days = [c.day for c in wanted]
        now = {c.day: c for c in uow.check_ins.between(min(days), max(days))} if days else {}
        added = [c for c in plan.to_add if c.day not in now]
        replaced = [
            (now[c.day], c) for c in plan.to_replace if c.day in now and now[c.day] == shown.get(c.day)
        ]
        tags_after = _merged_tags(settings.tags, plan.tags_after)
        uow.check_ins.put_many([*added, *(after for _before, after in replaced)])
        if tags_after != settings.tags:
            uow.settings.save(settings.replace(tags=tags_after))
        uow.commit()
    done = CheckInImportDone(tuple(added), tuple(replaced), settings.tags, tags_after)
    journal.changes.emit(Change.CHECK_INS | Change.SETTINGS)
    return done


def _merged_tags(current: tuple[str, ...], planned: tuple[str, ...]) -> tuple[str, ...]:
    """The list as it is now with the planned additions it still lacks (it may have been
    edited since the review)."""
    tags = list(current)
    for tag in planned:
        if find_tag(tag, tuple(tags)) is None and len(tags) < MAX_TAGS:
            tags.append(tag)
    return tuple(tags)


def undo_check_in_import(journal: Journal, done: CheckInImportDone) -> None:
    """Takes the import away: its new days removed, the replaced days as they were, and the
    tags it added off the list again (those the person has not removed meanwhile)."""
    with journal._write() as uow:
        uow.check_ins.delete_many([c.day for c in done.added])
        uow.check_ins.put_many([before for before, _after in done.replaced])
        settings = uow.settings.load()
        added_tags = done.tags_after[len(done.tags_before) :]
        kept = tuple(t for t in settings.tags if find_tag(t, added_tags) is None)
        if kept != settings.tags:
            uow.settings.save(settings.replace(tags=kept))
        uow.commit()
    journal.changes.emit(Change.CHECK_INS | Change.SETTINGS)


def redo_check_in_import(journal: Journal, done: CheckInImportDone) -> None:
    """Puts an undone import back as it was first stored."""
    with journal._write() as uow:
        uow.check_ins.put_many([*done.added, *(after for _before, after in done.replaced)])
        settings = uow.settings.load()
        tags = _merged_tags(settings.tags, done.tags_after[len(done.tags_before) :])
        if tags != settings.tags:
            uow.settings.save(settings.replace(tags=tags))
        uow.commit()
    journal.changes.emit(Change.CHECK_INS | Change.SETTINGS)


def read_check_ins_file(path: Path, today: date | None = None) -> CheckInTable:
    """The check-ins table at `path`; raises OSError when it can't be read and
    CheckInTableError when it is no check-ins table. Files beyond a few megabytes are
    refused before they are read whole."""
    from runjournal.formats.check_ins_csv import MAX_CHECK_IN_ROWS, read_check_ins_csv

    file = Path(path)
    limit = MAX_CHECK_IN_ROWS * 400  # generous for a row with a long note
    if file.stat().st_size > limit:
        raise CheckInTableError(
            f"“{file.name}” is far larger than any check-ins table; check that it is the right file."
        )
    return read_check_ins_csv(file.read_bytes(), file.name, today)


def is_check_ins_file(path: Path) -> bool:
    """Whether the file's first line is a check-ins table's header (False when it can't be read)."""
    from runjournal.formats.check_ins_csv import looks_like_check_ins

    file = Path(path)
    if file.suffix.lower() != ".csv":
        return False
    try:
        with file.open("rb") as handle:
            return looks_like_check_ins(handle.read(4096))
    except OSError:
        return False


def differing_days(plan: CheckInImportPlan) -> list[str]:
    """The differing days as sentences for a terminal: "Thu 3 Dec 2026: mood 6 → 7"."""
    return [
        f"{format_day(item.check_in.day)}: {item.differences}"
        for item in plan.items
        if item.status is DayStatus.DIFFERS and item.check_in is not None
    ]


__all__ = [
    "CheckInImportDone",
    "CheckInImportPlan",
    "CheckInTableError",
    "DayItem",
    "DayStatus",
    "differing_days",
    "is_check_ins_file",
    "plan_check_in_import",
    "read_check_ins_file",
    "redo_check_in_import",
    "store_check_in_import",
    "undo_check_in_import",
]
