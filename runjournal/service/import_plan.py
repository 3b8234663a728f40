"""What an import would do, worked out before anything is stored.

The review list shows each entry a batch of files holds as "new", "duplicate" or
"can't import: why"; only after the person agrees are the new entries stored, in one
transaction, with the original files beside them.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from runjournal.domain.model import Run, SourceFile, source_hash
from runjournal.domain.units import format_day
from runjournal.domain.validation import validate_run
from runjournal.formats.importers import FileResult
from runjournal.formats.importers.common import readable_name
from runjournal.formats.importers.duplicates import RunIndex

KIND_PREFERENCE = {"fit": 0, "tcx": 1, "csv": 2, "gpx": 3}


class Status(enum.StrEnum):
    NEW = "new"
    DUPLICATE = "duplicate"
    REFUSED = "can't import"


@dataclass(frozen=True)
class ImportItem:
    """One line of the review list: an entry a file holds, or a file that can't be read."""

    path: Path
    kind: str
    status: Status
    run: Run | None = None
    reason: str = ""  # why a duplicate or why not importable, in a sentence
    in_batch: bool = False  # a duplicate of an entry from another file of the same import

    @property
    def label(self) -> str:
        if self.status is Status.REFUSED:
            return f"can't import: {self.reason}"
        return str(self.status)


@dataclass(frozen=True)
class ImportPlan:
    items: tuple[ImportItem, ...]
    sources: tuple[SourceFile, ...]  # the files that bring at least one new entry
    packed: Mapping[str, bytes] = field(default_factory=dict)  # their bytes as stored, by hash

    @property
    def new_runs(self) -> list[Run]:
        return [item.run for item in self.items if item.status is Status.NEW and item.run is not None]

    def count(self, status: Status) -> int:
        return sum(item.status is status for item in self.items)

    def summary(self) -> str:
        parts = [f"{self.count(Status.NEW)} new"]
        repeats = sum(item.status is Status.DUPLICATE and item.in_batch for item in self.items)
        if known := self.count(Status.DUPLICATE) - repeats:
            parts.append(f"{known} already in your journal")
        if repeats:
            parts.append(f"{repeats} also in another of these files")
        if refused := self.count(Status.REFUSED):
            parts.append(f"{refused} can't be imported")
        return ", ".join(parts)


@dataclass(frozen=True)
class ImportDone:
    """What one import stored, so that one Undo takes all of it away again."""

    runs: tuple[Run, ...]  # with their ids
    sources: tuple[SourceFile, ...] = field(default_factory=tuple)  # only the files it added
    packed: Mapping[str, bytes] = field(default_factory=dict)  # their bytes as stored, by hash


def day_span(results: Sequence[FileResult]) -> tuple[date, date] | None:
    """The days the batch's entries fall on, one day wider each side for time zones."""
    days = [run.day for result in results for run in result.runs]
    if not days:
        return None
    return min(days) - timedelta(days=1), max(days) + timedelta(days=1)


def _when(run: Run) -> str:
    local = run.local_start
    clock = f" at {local:%H:%M}" if local is not None else ""
    return f"{format_day(run.day)}{clock}"


def plan_import(results: Sequence[FileResult], existing: Sequence[Run], known_files: set[str]) -> ImportPlan:
    """Sorts every entry of the batch into new, duplicate or refused.

    `existing` are the journal's runs around the batch's days and `known_files` the
    hashes of files imported before. An entry repeated inside the batch (the same
    outing from the watch and from Strava) is new once and a duplicate after that.
    """
    items: list[tuple[int, ImportItem]] = []
    journal_runs = RunIndex(existing)
    accepted = RunIndex()
    sources: dict[str, SourceFile] = {}
    # When the same outing comes in several formats, the one with the device's own
    # summary (FIT, then TCX) is kept and the others are its duplicates.
    order = sorted(range(len(results)), key=lambda i: (KIND_PREFERENCE.get(results[i].kind, 9), i))
    for index in order:
        result = results[index]

        def add(item: ImportItem, index: int = index) -> None:
            items.append((index, item))

        if result.error is not None:
            add(ImportItem(result.path, result.kind, Status.REFUSED, reason=result.error))
            continue
        if not result.runs:
            reason = "the file holds no activities."
            add(ImportItem(result.path, result.kind, Status.REFUSED, reason=reason))
            continue
        for reason in result.skipped:
            add(ImportItem(result.path, result.kind, Status.REFUSED, reason=reason))
        file_hash = source_hash(result.runs[0].content_hash)
        for run in result.runs:
            problems = validate_run(run)
            if problems:
                reason = "; ".join(p.message for p in problems)
                add(ImportItem(result.path, result.kind, Status.REFUSED, run, reason))
                continue
            if file_hash in known_files:
                reason = "this file was imported before."
                add(ImportItem(result.path, result.kind, Status.DUPLICATE, run, reason))
                continue
            twin = journal_runs.find(run)
            if twin is not None:
                reason = f"your journal already has this {twin.activity.label.lower()} ({_when(twin)})."
                add(ImportItem(result.path, result.kind, Status.DUPLICATE, run, reason))
                continue
            twin = accepted.find(run)
            if twin is not None:
                reason = f"the same {twin.activity.label.lower()} comes from another file in this import."
                add(ImportItem(result.path, result.kind, Status.DUPLICATE, run, reason, in_batch=True))
                continue
            accepted.add(run)
            add(ImportItem(result.path, result.kind, Status.NEW, run))
            if file_hash and file_hash not in sources:
                name = readable_name(result.path.name)
                sources[file_hash] = SourceFile(file_hash, name, result.kind, result.data)
    items.sort(key=lambda pair: pair[0])  # back in the order the files were given
    return ImportPlan(tuple(item for _, item in items), tuple(sources.values()))
