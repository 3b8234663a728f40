"""The Journal: the one API that the window and the command line both call.

Every method is one transaction. Records are checked before anything is written, and a
method that raises has changed nothing. After a write, subscribers hear which kind of
record changed, so each view can refresh itself without knowing who wrote.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from runjournal.coach.model import History, Nudge

if TYPE_CHECKING:
    from runjournal.import_plan import ImportDone, ImportPlan
    from runjournal.importers import FileResult
    from runjournal.insights import Insight
    from runjournal.journal_document import JournalDocument
from runjournal.domain.model import (
    CheckIn,
    CoachChoice,
    JournalCounts,
    Problem,
    Run,
    Settings,
    SourceFile,
    SupportContact,
    ValidationError,
    WeekTotals,
    source_hash,
)
from runjournal.domain.validation import validate_check_in, validate_run, validate_settings
from runjournal.domain.weeks import IsoWeek, week_start, week_starts
from runjournal.figures.charts import ChartData, ChartRange
from runjournal.figures.daily import DAILY_SERIES, daily_series, daily_series_from_rows, lead_in_start
from runjournal.figures.runs import mood_changes, mood_changes_from_rows, run_days
from runjournal.figures.week_report import REPORT_DAYS, REPORT_WEEKS, WeekAverages, WeekReport, note_lines
from runjournal.storage.backup import (
    BackupEntry,
    BackupInfo,
    backup_due,
    backup_journal,
    last_backup,
    list_backups,
    prune_backups,
    restore_into,
)
from runjournal.storage.backup_rotation import DAILY
from runjournal.storage.database import Database, open_database
from runjournal.storage.inspect import FileReport, JournalError, inspect_file
from runjournal.storage.repositories import journal_counts
from runjournal.storage.unit_of_work import UnitOfWork

__all__ = ["Change", "Journal", "JournalError", "ValidationError"]

SUPPORT_CONTACTS_KEY = "support_contacts"
LARGE_IMPORT_RUNS = 50  # an import this big is preceded by a checked backup
COACH_CHECK_IN_DAYS = 90  # MOOD-LOW compares the last 14 days with the person's own 60


class Change(enum.Flag):
    RUNS = enum.auto()
    CHECK_INS = enum.auto()
    SETTINGS = enum.auto()
    COACH = enum.auto()
    EVERYTHING = RUNS | CHECK_INS | SETTINGS | COACH


Listener = Callable[[Change], None]


class ChangeHub:
    """A tiny observer list; the UI wraps it in a Qt signal, the core knows no Qt."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    problems: list[str]
    runs: int
    check_ins: int
    revision: str | None


def check_journal(path: Path) -> CheckReport:
    """A full integrity check that only reads, so a damaged journal stays as it is."""
    try:
        report = inspect_file(Path(path), thorough=True)
    except JournalError as error:
        return CheckReport(False, [str(error)], 0, 0, None)
    return CheckReport(not report.problems, report.problems, report.runs, report.check_ins, report.revision)


def _week_totals(uow: UnitOfWork, first: date, last: date, first_weekday: int) -> list[WeekTotals]:
    start = week_start(first, first_weekday)
    found = {w.week_start: w for w in uow.runs.week_totals(start, last, first_weekday)}
    return [found.get(s, WeekTotals(week_start=s)) for s in week_starts(first, last, first_weekday)]


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


class Journal:
    def __init__(self, database: Database) -> None:
        self._db = database
        self.changes = ChangeHub()
        # Every run, oldest first, kept between writes: the coach and insights read them all
        # after each change, and this process is the journal's only writer (see app_lock).
        self._all_runs: tuple[Run, ...] | None = None
        self.changes.subscribe(self._forget_runs)

    def _forget_runs(self, change: Change) -> None:
        if change & Change.RUNS:
            self._all_runs = None

    def _runs_until(self, uow: UnitOfWork, today: date) -> tuple[Run, ...]:
        runs = self._all_runs
        if runs is None:
            runs = self._all_runs = tuple(uow.runs.between(None, None))
        if runs and runs[-1].day > today:
            return tuple(r for r in runs if r.day <= today)
        return runs

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Journal:
        """Opens the journal at `path`; raises JournalError (with a plain message) if it can't."""
        return cls(open_database(Path(path), create=create))

    @property
    def path(self) -> Path:
        return self._db.path

    @property
    def upgrade_copy(self) -> Path | None:
        """The copy kept from before this journal was migrated when opened, if it was."""
        return self._db.upgrade_copy

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _read(self) -> UnitOfWork:
        return UnitOfWork(self._db.engine)

    def _write(self) -> UnitOfWork:
        return UnitOfWork(self._db.engine, write=True)

    # Runs -------------------------------------------------------------------------------

    def log_run(self, run: Run) -> Run:
        """Stores a new run and returns it with its id. A run with an id (an undone delete)
        comes back under the same id."""
        _raise_if(validate_run(run))
        with self._write() as uow:
            stored = uow.runs.add(run)
            uow.commit()
        self.changes.emit(Change.RUNS)
        return stored

    def update_run(self, run: Run) -> Run:
        if run.id is None:
            raise ValueError("update_run needs a run that was stored before.")
        _raise_if(validate_run(run))
        with self._write() as uow:
            if not uow.runs.update(run):
                raise KeyError(f"There is no run with id {run.id}; it may have been deleted.")
            uow.commit()
        self.changes.emit(Change.RUNS)
        return run

    def delete_run(self, run_id: int) -> Run:
        """Deletes a run and returns it, so it can be put back with `log_run`."""
        with self._write() as uow:
            run = uow.runs.get(run_id)
            if run is None or not uow.runs.delete(run_id):
                raise KeyError(f"There is no run with id {run_id}.")
            uow.commit()
        self.changes.emit(Change.RUNS)
        return run

    def delete_runs(self, run_ids: list[int]) -> list[Run]:
        """Deletes several runs in one transaction: all of them, or none if one is missing."""
        with self._write() as uow:
            runs = [uow.runs.get(run_id) for run_id in run_ids]
            missing = [i for i, r in zip(run_ids, runs, strict=True) if r is None]
            if missing:
                raise KeyError(f"There is no run with id {missing[0]}.")
            for run_id in run_ids:
                uow.runs.delete(run_id)
            uow.commit()
        self.changes.emit(Change.RUNS)
        return [r for r in runs if r is not None]

    def restore_runs(self, runs: list[Run]) -> None:
        """Puts deleted runs back under their old ids, in one transaction (undo of a delete)."""
        for run in runs:
            _raise_if(validate_run(run))
        with self._write() as uow:
            for run in runs:
                uow.runs.add(run)
            uow.commit()
        self.changes.emit(Change.RUNS)

    def run(self, run_id: int) -> Run | None:
        with self._read() as uow:
            return uow.runs.get(run_id)

    def runs(self, first: date | None = None, last: date | None = None) -> list[Run]:
        """Runs between two days (both included), oldest first."""
        with self._read() as uow:
            if first is None and last is None:  # every run: the copy kept between writes
                if self._all_runs is None:
                    self._all_runs = tuple(uow.runs.between(None, None))
                return list(self._all_runs)
            return uow.runs.between(first, last)

    # Check-ins --------------------------------------------------------------------------

    def save_check_in(self, check_in: CheckIn) -> CheckIn | None:
        """Stores the day's check-in. One with nothing recorded removes the day's entry,
        since an untouched form means "not recorded", not a day of default values."""
        _raise_if(validate_check_in(check_in))
        with self._write() as uow:
            if check_in.is_empty:
                uow.check_ins.delete(check_in.day)
            else:
                uow.check_ins.put(check_in)
            uow.commit()
        self.changes.emit(Change.CHECK_INS)
        return None if check_in.is_empty else check_in

    def check_in(self, day: date) -> CheckIn | None:
        with self._read() as uow:
            return uow.check_ins.get(day)

    def check_ins(self, first: date | None = None, last: date | None = None) -> list[CheckIn]:
        with self._read() as uow:
            return uow.check_ins.between(first, last)

    def delete_check_in(self, day: date) -> CheckIn | None:
        with self._write() as uow:
            existing = uow.check_ins.get(day)
            uow.check_ins.delete(day)
            uow.commit()
        if existing is not None:
            self.changes.emit(Change.CHECK_INS)
        return existing

    # Settings and coach choices ---------------------------------------------------------

    def settings(self) -> Settings:
        with self._read() as uow:
            return uow.settings.load()

    def save_settings(self, settings: Settings) -> Settings:
        _raise_if(validate_settings(settings))
        with self._write() as uow:
            uow.settings.save(settings)
            uow.commit()
        self.changes.emit(Change.SETTINGS)
        return settings

    def coach_choices(self) -> dict[str, CoachChoice]:
        with self._read() as uow:
            return uow.coach_choices.all()

    def save_coach_choice(self, choice: CoachChoice) -> None:
        """Stores a snooze or a turned-off rule; a choice with neither forgets the rule."""
        with self._write() as uow:
            uow.coach_choices.put(choice)
            uow.commit()
        self.changes.emit(Change.COACH)

    def snooze_rule(self, rule_id: str, today: date, days: int = 7) -> CoachChoice:
        current = self.coach_choices().get(rule_id, CoachChoice(rule_id))
        choice = CoachChoice(rule_id, current.disabled, today + timedelta(days=days - 1))
        self.save_coach_choice(choice)
        return choice

    def support_contacts(self) -> list[SupportContact]:
        """The person's own contacts for the "Need support now?" card."""
        with self._read() as uow:
            stored = uow.settings.value(SUPPORT_CONTACTS_KEY) or []
        return [
            SupportContact(str(c.get("name", "")), str(c.get("phone", "")), str(c.get("note", "")))
            for c in stored
            if isinstance(c, dict) and c.get("name")
        ]

    def save_support_contacts(self, contacts: list[SupportContact]) -> None:
        kept = [c for c in contacts if c.name.strip()]
        if any(len(c.name) > 200 or len(c.phone) > 100 or len(c.note) > 500 for c in kept):
            raise ValidationError([Problem("contacts", "A contact's name, number or note is too long.")])
        with self._write() as uow:
            uow.settings.put_value(
                SUPPORT_CONTACTS_KEY,
                [{"name": c.name.strip(), "phone": c.phone.strip(), "note": c.note.strip()} for c in kept],
            )
            uow.commit()
        self.changes.emit(Change.SETTINGS)

    def coach_history(self, today: date) -> History:
        """Everything the coach rules read, up to and including `today`."""
        with self._read() as uow:
            runs = self._runs_until(uow, today)  # milestones and first weeks need them all
            check_ins = uow.check_ins.between(today - timedelta(days=COACH_CHECK_IN_DAYS), today)
            settings = uow.settings.load()
        return History(today=today, runs=runs, check_ins=tuple(check_ins), settings=settings)

    def insights(self, today: date) -> list[Insight] | None:
        """How running and mood move together in the person's entries; None while the coach's
        MOOD-LOW nudge is showing, when insights are paused (COACH_RULES.md)."""
        from runjournal.insights import insights

        with self._read() as uow:
            history = History(
                today=today,
                runs=self._runs_until(uow, today),
                check_ins=tuple(uow.check_ins.between(None, today)),
                settings=uow.settings.load(),
            )
        return insights(history)

    def nudges(self, today: date) -> list[Nudge]:
        """The coach's nudges for `today`, after the person's snoozes and turned-off rules."""
        from runjournal.coach.engine import nudges

        return nudges(self.coach_history(today), self.coach_choices())

    # Figures ----------------------------------------------------------------------------

    def week_totals(self, first: date, last: date, first_weekday: int | None = None) -> list[WeekTotals]:
        """Totals for every week from the one holding `first` to the one holding `last`,
        weeks without a session included (as zeros), in the person's own week."""
        with self._read() as uow:
            if first_weekday is None:
                first_weekday = uow.settings.load().week_start
            return _week_totals(uow, first, last, first_weekday)

    def chart_data(self, chart_range: ChartRange, today: date) -> ChartData:
        """Every chart's figures for the weeks in `chart_range`, ending with today's week."""
        with self._read() as uow:
            settings = uow.settings.load()
            journal_first = journal_counts(uow.connection).first_day
            first = chart_range.first_day(today, journal_first, settings.week_start)
            last = week_start(today, settings.week_start) + timedelta(days=6)
            weeks = _week_totals(uow, first, last, settings.week_start)
            # Only the columns the charts draw: building every Run and CheckIn of ten years
            # would take most of the time.
            daily_rows = uow.check_ins.values_between(lead_in_start(first), last, DAILY_SERIES)
            days = uow.runs.days_between(first, last)
            mood_rows = uow.runs.mood_rows(first, last)
        return ChartData(
            first=first,
            last=last,
            settings=settings,
            weeks=tuple(weeks),
            daily=daily_series_from_rows(daily_rows, first, last, DAILY_SERIES),
            run_days=tuple(days),
            mood_changes=tuple(mood_changes_from_rows(mood_rows)),
        )

    def week_report(self, week: IsoWeek, today: date) -> WeekReport:
        """The figures of the printed page for an ISO week (Monday to Sunday)."""
        first_week = week - (REPORT_WEEKS - 1)
        daily_first = week.sunday - timedelta(days=REPORT_DAYS - 1)
        with self._read() as uow:
            settings = uow.settings.load()
            weeks = _week_totals(uow, first_week.monday, week.sunday, 0)
            check_ins = uow.check_ins.between(lead_in_start(daily_first), week.sunday)
            recent_runs = uow.runs.between(daily_first, week.sunday)
        runs = [r for r in recent_runs if r.day >= week.monday]
        this_week = [c for c in check_ins if c.day >= week.monday]
        last_week = [c for c in check_ins if (week - 1).monday <= c.day <= (week - 1).sunday]
        as_of = min(week.sunday, today)
        nudges = self.nudges(as_of) if as_of >= week.monday else []
        return WeekReport(
            week=week,
            settings=settings,
            totals=weeks[-1],
            previous=weeks[-2],
            averages=WeekAverages.of(this_week),
            previous_averages=WeekAverages.of(last_week),
            weeks=tuple(weeks),
            daily=daily_series(check_ins, daily_first, week.sunday),
            runs=tuple(runs),
            run_days=tuple(run_days(recent_runs)),
            mood_changes=tuple(mood_changes(runs)),
            nudges=tuple(nudges),
            notes=tuple(note_lines(runs, this_week)),
        )

    def counts(self) -> JournalCounts:
        with self._read() as uow:
            return journal_counts(uow.connection)

    def is_empty(self) -> bool:
        counts = self.counts()
        return counts.runs == 0 and counts.check_ins == 0

    # Batches ----------------------------------------------------------------------------

    def add_entries(
        self,
        runs: Iterable[Run],
        check_ins: Iterable[CheckIn],
        settings: Settings | None = None,
        *,
        today: date | None = None,
    ) -> tuple[int, int]:
        """Adds many records in one transaction: all of them, or (on any problem) none."""
        runs, check_ins = list(runs), list(check_ins)
        problems: list[Problem] = []
        for run in runs:
            problems += [Problem(p.field, f"Run on {run.day}: {p.message}") for p in validate_run(run, today)]
        for check_in in check_ins:
            problems += [
                Problem(p.field, f"Check-in of {check_in.day}: {p.message}")
                for p in validate_check_in(check_in, today)
            ]
        if settings is not None:
            problems += validate_settings(settings)
        _raise_if(problems)
        with self._write() as uow:
            uow.runs.add_many(runs)
            uow.check_ins.add_many(check_ins)
            if settings is not None:
                uow.settings.save(settings)
            uow.commit()
        self.changes.emit(Change.EVERYTHING)
        return len(runs), len(check_ins)

    # Imports ----------------------------------------------------------------------------

    def plan_import(self, results: Sequence[FileResult]) -> ImportPlan:
        """What importing these read files would add, and what it would skip and why."""
        from runjournal.import_plan import day_span, plan_import

        span = day_span(results)
        hashes = [source_hash(r.content_hash) or "" for result in results for r in result.runs]
        with self._read() as uow:
            existing = uow.runs.between(*span) if span else []
            known = uow.source_files.known(h for h in hashes if h)
        return plan_import(results, existing, known)

    def store_import(self, plan: ImportPlan) -> ImportDone:
        """Stores the plan's new entries and their original files in one transaction;
        a large import is preceded by a checked backup."""
        from runjournal.import_plan import ImportDone

        runs = plan.new_runs
        for run in runs:
            _raise_if(validate_run(run))
        if len(runs) >= LARGE_IMPORT_RUNS:
            self.backup(reason="before-import")
        with self._write() as uow:
            stored = [uow.runs.add(run) for run in runs]
            added = [source for source in plan.sources if uow.source_files.add(source)]
            uow.commit()
        self.changes.emit(Change.RUNS)
        return ImportDone(tuple(stored), tuple(added))

    def undo_import(self, done: ImportDone) -> None:
        """Takes a whole import away again: its runs and the files it added."""
        with self._write() as uow:
            for run in done.runs:
                if run.id is not None:
                    uow.runs.delete(run.id)
            for source in done.sources:
                uow.source_files.delete(source.hash)
            uow.commit()
        self.changes.emit(Change.RUNS)

    def redo_import(self, done: ImportDone) -> None:
        """Puts an undone import back, under the same ids."""
        with self._write() as uow:
            for run in done.runs:
                uow.runs.add(run)
            for source in done.sources:
                uow.source_files.add(source)
            uow.commit()
        self.changes.emit(Change.RUNS)

    def load_document(self, document: JournalDocument) -> tuple[int, int]:
        """Fills an empty journal from a whole-journal export, ids included, so exporting
        and loading gives the same journal. All of it, or (on any problem) nothing."""
        if not self.is_empty() or self.source_files():
            raise ValidationError(
                [Problem("document", "A whole-journal export can only be loaded into an empty journal.")]
            )
        problems = [
            Problem(p.field, f"Run on {r.day}: {p.message}") for r in document.runs for p in validate_run(r)
        ]
        problems += [
            Problem(p.field, f"Check-in of {c.day}: {p.message}")
            for c in document.check_ins
            for p in validate_check_in(c)
        ]
        _raise_if(problems + validate_settings(document.settings))
        with self._write() as uow:
            for run in document.runs:
                uow.runs.add(run)
            uow.check_ins.add_many(list(document.check_ins))
            uow.settings.save(document.settings)
            for choice in document.coach_choices:
                uow.coach_choices.put(choice)
            if document.support_contacts:
                uow.settings.put_value(SUPPORT_CONTACTS_KEY, [asdict(c) for c in document.support_contacts])
            for source in document.sources:
                uow.source_files.add(source)
            uow.commit()
        self.changes.emit(Change.EVERYTHING)
        return len(document.runs), len(document.check_ins)

    def source_files(self) -> list[SourceFile]:
        """Every imported file's original bytes."""
        with self._read() as uow:
            return uow.source_files.all()

    # Safety -----------------------------------------------------------------------------

    def backup(self, target: Path | None = None, *, reason: str = "") -> BackupInfo:
        """A checked copy of the journal, by default in the backups folder beside it.

        A copy in the backups folder is followed by the rotation (`backup_rotation`);
        a copy written to a chosen `target` leaves the folder alone.
        """
        info = backup_journal(self.path, target, reason=reason)
        if target is None:
            self._prune()
        return info

    def backups(self) -> list[BackupEntry]:
        """The backups in the backups folder, newest first, each checked again (read-only)."""
        return list_backups(self.path)

    def last_backup(self) -> BackupEntry | None:
        """The newest backup that passes its check, or None."""
        return last_backup(self.path)

    def backup_if_due(self, now: datetime | None = None) -> BackupInfo | None:
        """The start-up backup: a checked "daily" copy when the newest good backup is over a
        day old, then the rotation. None when none was due, or the journal holds no entries yet.

        Raises JournalError when the copy cannot be written; the journal is unchanged then.
        """
        now = now or datetime.now()
        if self.is_empty() or not backup_due(self.path, now):
            return None
        info = backup_journal(self.path, reason=DAILY, when=now)
        self._prune(now)
        return info

    def _prune(self, now: datetime | None = None) -> None:
        # Pruning only tidies: a file that cannot be read or deleted is left where it is.
        prune_backups(self.path, now or datetime.now())

    def check(self) -> CheckReport:
        return check_journal(self.path)

    def restore(self, backup: Path) -> BackupInfo:
        """Replaces the journal with a backup, after saving the current journal.

        Returns the copy of the journal as it was before the restore. The rotation runs only
        after the restore, so it can never take away the backup being restored from.
        """
        checked: FileReport = inspect_file(Path(backup), thorough=True)
        if checked.is_new:
            raise JournalError(f"{backup} holds no journal to restore.")
        if checked.problems:
            raise JournalError(
                f"{backup} did not pass its check ({checked.problems[0]}); nothing was restored."
            )
        before = backup_journal(self.path, reason="before-restore")
        self._db.close()
        try:
            restore_into(Path(backup), self.path)
        finally:
            self._db = open_database(self.path, create=False)  # migrates an older backup
        self._prune()
        self.changes.emit(Change.EVERYTHING)
        return before
