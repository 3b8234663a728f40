"""What an import would do, worked out before anything is stored.

The review list shows each entry a batch of files holds as "new", "duplicate" or
"can't import: why"; only after the person agrees are the new entries stored, in one
transaction, with the original files beside them.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from runjournal.domain.model import Activity, Run, SourceFile, source_hash
from runjournal.domain.units import format_day
from runjournal.domain.validation import validate_run
from runjournal.formats.importers import FileResult
from runjournal.formats.importers.common import readable_name, speed_doubt
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
    reason: str = ""  # why a duplicate, why not importable, or what to check, in a sentence
    in_batch: bool = False  # a duplicate of an entry from another file of the same import
    included: bool = False  # a new entry the person (still) wants imported; unticked in the review
    incomplete: bool = False  # from a file cut short: what came before the cut
    original_of: str | None = None  # the file of the run this in-batch duplicate is an extra original of
    replaces: Run | None = None  # the journal's poorer recording of the same outing, offered for replacement

    @property
    def label(self) -> str:
        if self.status is Status.NEW and self.replaces is not None and self.reason:
            return f"check before it replaces the recording in your journal: {self.reason}"
        if self.status is Status.NEW and self.replaces is not None:
            return (
                "replace the recording in your journal with this richer one "
                "(your title, notes and feelings stay)"
            )
        if self.status is Status.REFUSED:
            return f"can't import: {self.reason}"
        if self.status is Status.NEW and self.reason:
            return f"check: {self.reason}"
        if self.status is Status.NEW and self.incomplete:
            return "new (incomplete: the file ends early, kept up to the cut)"
        return str(self.status)


@dataclass(frozen=True)
class ImportPlan:
    items: tuple[ImportItem, ...]
    sources: tuple[SourceFile, ...]  # the files that bring at least one new entry
    packed: Mapping[str, bytes] = field(default_factory=dict)  # their bytes as stored, by hash

    @property
    def new_runs(self) -> list[Run]:
        """The new entries the person left ticked, with the activity they chose."""
        return [
            item.run
            for item in self.items
            if item.status is Status.NEW and item.included and item.run is not None and item.replaces is None
        ]

    @property
    def replacements(self) -> list[Run]:
        """The journal's runs the person agreed to replace with a richer recording, as they
        will be: their own words and feelings kept, the measurements from the richer file."""
        return [
            with_measurements_of(item.replaces, item.run)
            for item in self.items
            if item.status is Status.NEW
            and item.included
            and item.run is not None
            and item.replaces is not None
        ]

    @property
    def stored_sources(self) -> tuple[SourceFile, ...]:
        """The original files to keep: those of the ticked entries, and the extra originals
        of outings another file brings (a file whose entries were all unticked is not kept)."""
        wanted = {source_hash(run.content_hash) for run in (*self.new_runs, *self.replacements)}
        wanted |= {
            source_hash(item.run.content_hash)
            for item in self.items
            if item.run is not None and item.original_of is not None and item.original_of in wanted
        }
        return tuple(source for source in self.sources if source.hash in wanted)

    def with_choices(self, included: Mapping[int, bool], activities: Mapping[int, Activity]) -> ImportPlan:
        """The plan as the person edited it in the review: rows (by index) ticked or
        unticked, and a different activity for some; only new entries can change."""
        items = list(self.items)
        for row, item in enumerate(items):
            if item.status is not Status.NEW or item.run is None:
                continue
            run = item.run
            if item.replaces is None and row in activities and activities[row] is not run.activity:
                run = run.replace(activity=activities[row])
            items[row] = replace(item, run=run, included=included.get(row, item.included))
        return replace(self, items=tuple(items))

    @property
    def chosen(self) -> int:
        """How many entries would be imported (added or replaced) as the review stands."""
        return len(self.new_runs) + len(self.replacements)

    def count(self, status: Status) -> int:
        return sum(item.status is status for item in self.items)

    def summary(self) -> str:
        doubtful = sum(item.status is Status.NEW and bool(item.reason) for item in self.items)
        richer = sum(
            item.status is Status.NEW and item.replaces is not None and not item.reason for item in self.items
        )
        parts = [f"{self.count(Status.NEW) - doubtful - richer} new"]
        if doubtful:
            parts.append(f"{doubtful} to check")
        if richer:
            parts.append(f"{richer} to replace with a richer recording")
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
    replaced: tuple[tuple[Run, Run], ...] = field(
        default_factory=tuple
    )  # (before, after) of each replaced run
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


def richness(run: Run) -> tuple[int, int, int]:
    """How much a recording tells about an outing: a distance, a heart rate, a moving time."""
    return (run.distance_m is not None, run.avg_hr is not None, run.moving_s is not None)


MEASURED_FIELDS = (
    "day",
    "started_at",
    "utc_offset_min",
    "duration_s",
    "moving_s",
    "distance_m",
    "avg_hr",
    "max_hr",
    "ascent_m",
    "source",
    "content_hash",
)
"""What a richer recording brings to a run already in the journal; everything the person
wrote or chose (title, note, effort, moods, company, mindful, activity) stays theirs."""


def with_measurements_of(stored: Run, recording: Run) -> Run:
    """The stored run with the richer recording's measurements and file; what the recording
    does not know (no heart rate, say) is kept from the stored run."""
    changes: dict[str, object] = {}
    for name in MEASURED_FIELDS:
        value = getattr(recording, name)
        if value is not None:
            changes[name] = value
    return stored.replace(**changes)


def clearly_richer(recording: Run, stored: Run) -> bool:
    """A distance or a heart rate where the stored run has none."""
    return (recording.distance_m is not None and stored.distance_m is None) or (
        recording.avg_hr is not None and stored.avg_hr is None
    )


def richer_than(recording: Run, stored: Run) -> bool:
    """Tells something the stored run does not (a distance, a heart rate, a moving time)
    and lacks nothing the stored run has."""
    mine, theirs = richness(recording), richness(stored)
    return mine != theirs and all(a >= b for a, b in zip(mine, theirs, strict=True))


def plan_import(results: Sequence[FileResult], existing: Sequence[Run], known_files: set[str]) -> ImportPlan:
    """Sorts every entry of the batch into new, duplicate or refused.

    `existing` are the journal's runs around the batch's days and `known_files` the
    hashes of files imported before. An entry repeated inside the batch (the same
    outing from the watch and from Strava) is new once, from the richest recording
    (distance, heart rate, moving time; then FIT, TCX, CSV, GPX), and the other files of
    it are kept beside it as extra originals. An entry whose speed is beyond its activity
    (a replacement's judged with the activity the stored run keeps) is new but left
    unticked, with the question in its reason.
    """
    items: list[tuple[int, int, ImportItem]] = []
    journal_runs = RunIndex(existing)
    accepted = RunIndex()
    sources: dict[str, SourceFile] = {}

    def keep_file(result: FileResult, file_hash: str | None) -> None:
        if file_hash and file_hash not in sources and file_hash not in known_files:
            name = readable_name(result.path.name)
            sources[file_hash] = SourceFile(file_hash, name, result.kind, result.data)

    candidates: list[tuple[int, int, Run]] = []
    upgrades: list[tuple[int, int, Run, Run]] = []
    place = iter(range(1 << 62))  # each entry's place in the review: file by file, as given
    for index, result in enumerate(results):

        def add(item: ImportItem, index: int = index) -> None:
            items.append((index, next(place), item))

        if result.known_hash:
            reason = "this file was imported before."
            add(ImportItem(result.path, result.kind, Status.DUPLICATE, reason=reason))
            continue
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
            if twin is not None and twin.id is not None and richer_than(run, twin):
                upgrades.append((index, next(place), run, twin))
                continue
            if twin is not None:
                reason = f"your journal already has this {twin.activity.label.lower()} ({_when(twin)})."
                add(ImportItem(result.path, result.kind, Status.DUPLICATE, run, reason))
                continue
            candidates.append((index, next(place), run))
    # The richest recording of each outing first, so it is the one kept.
    ranked = sorted(
        candidates,
        key=lambda c: (
            tuple(-part for part in richness(c[2])),
            KIND_PREFERENCE.get(results[c[0]].kind, 9),
            c[0],
            c[1],
        ),
    )
    for index, position, run in ranked:
        result = results[index]
        file_hash = source_hash(run.content_hash)
        twin = accepted.find(run)
        if twin is not None:
            reason = (
                f"the same {twin.activity.label.lower()} comes from another file in this import, "
                "which says more about it; this file is kept as an extra original of it."
            )
            item = ImportItem(
                result.path,
                result.kind,
                Status.DUPLICATE,
                run,
                reason,
                in_batch=True,
                original_of=source_hash(twin.content_hash),
            )
        else:
            accepted.add(run)
            doubt = speed_doubt(run) or ""
            item = ImportItem(
                result.path,
                result.kind,
                Status.NEW,
                run,
                doubt,
                included=not doubt,
                incomplete=result.incomplete,
            )
        keep_file(result, file_hash)
        items.append((index, position, item))
    # The richest recording of each stored run is offered as its replacement; the others of
    # the same run stay plain duplicates.
    offered: set[int] = set()
    for index, position, run, twin in sorted(
        upgrades,
        key=lambda u: (
            tuple(-part for part in richness(u[2])),
            KIND_PREFERENCE.get(results[u[0]].kind, 9),
            u[0],
            u[1],
        ),
    ):
        result = results[index]
        if twin.id in offered:
            reason = f"your journal already has this {twin.activity.label.lower()} ({_when(twin)})."
            items.append(
                (index, position, ImportItem(result.path, result.kind, Status.DUPLICATE, run, reason))
            )
            continue
        offered.add(twin.id or 0)
        # Judged as the run will be once replaced: the person's activity, the file's times.
        doubt = speed_doubt(with_measurements_of(twin, run)) or ""
        item = ImportItem(
            result.path,
            result.kind,
            Status.NEW,
            run,
            doubt,
            included=clearly_richer(run, twin) and not doubt,
            incomplete=result.incomplete,
            replaces=twin,
        )
        keep_file(result, source_hash(run.content_hash))
        items.append((index, position, item))
    items.sort(key=lambda entry: entry[:2])  # back in the order the files were given
    return ImportPlan(tuple(item for _, _, item in items), tuple(sources.values()))
