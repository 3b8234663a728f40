"""The Journal: the one API that the window and the command line both call.

Every method is one transaction. Records are checked before anything is written, and a
method that raises has changed nothing. After a write, subscribers hear which kind of
record changed, so each view can refresh itself without knowing who wrote.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runjournal.coach.model import History, Nudge
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
)
from runjournal.domain.validation import validate_check_in, validate_run, validate_settings
from runjournal.service import coach_window
from runjournal.service import figures as journal_figures
from runjournal.service import imports as journal_imports
from runjournal.service.changes import Change, ChangeHub
from runjournal.service.imports import SUPPORT_CONTACTS_KEY
from runjournal.service.run_cache import RunCache
from runjournal.storage.backup.inspect import (
    CheckReport,
    JournalError,
    check_journal,
)
from runjournal.storage.database import Database, open_database
from runjournal.storage.repositories import RunRepository, journal_counts
from runjournal.storage.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    # Behind the charts, the printed page, imports and backups: imported when first used,
    # so that opening the window does not wait for them.
    from runjournal.domain.weeks import IsoWeek
    from runjournal.figures.charts import ChartData, ChartRange
    from runjournal.figures.period_report import PeriodReport
    from runjournal.figures.week_report import WeekReport
    from runjournal.formats.importers import FileResult
    from runjournal.formats.journal_json import JournalDocument
    from runjournal.insights import Insight
    from runjournal.service.import_plan import ImportDone, ImportPlan
    from runjournal.storage.backup.backup import BackupEntry, BackupInfo

__all__ = ["Change", "Journal", "JournalError", "ValidationError"]

# The coach's pushes for the rest of this week (VOL, FREQ as suggestions), left off a page
# about a week that has ended.
WEEK_PUSHES = frozenset({"VOL", "FREQ"})
LARGE_IMPORT_RUNS = 50  # an import this big is preceded by a checked backup


def _without_week_pushes(nudges: list[Nudge]) -> list[Nudge]:
    """Nudges as a page about an ended week shows them: no push for the rest of that week."""
    return [n for n in nudges if not (n.rule_id in WEEK_PUSHES and n.level == "suggest")]


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _entry_problems(
    runs: Iterable[Run], check_ins: Iterable[CheckIn], today: date | None = None
) -> list[Problem]:
    """Every problem of a batch of entries, each naming the entry it belongs to."""
    problems = [
        Problem(p.field, f"Run on {r.day}: {p.message}") for r in runs for p in validate_run(r, today)
    ]
    problems += [
        Problem(p.field, f"Check-in of {c.day}: {p.message}")
        for c in check_ins
        for p in validate_check_in(c, today)
    ]
    return problems


def _support_contacts(uow: UnitOfWork) -> list[SupportContact]:
    stored = uow.settings.value(SUPPORT_CONTACTS_KEY) or []
    return [
        SupportContact(str(c.get("name", "")), str(c.get("phone", "")), str(c.get("note", "")))
        for c in stored
        if isinstance(c, dict) and c.get("name")
    ]


class _ReadUnit(UnitOfWork):
    """A read transaction that remembers the run cache's generation from before it began,
    so what it reads is kept only if no write came meanwhile (see run_cache)."""

    def __init__(self, database: Database, runs_generation: int | None) -> None:
        super().__init__(database.engine)
        self.runs_generation = runs_generation

    def __enter__(self) -> _ReadUnit:
        super().__enter__()
        return self


class _WriteUnit(UnitOfWork):
    """A write transaction that tells the run cache, before its first statement on the
    runs and again once it is over, so no read keeps or is handed a copy it overtook."""

    def __init__(self, database: Database, run_cache: RunCache) -> None:
        super().__init__(database.engine, write=True)
        self._run_cache = run_cache
        self._writes_runs = False

    @property
    def runs(self) -> RunRepository:
        if not self._writes_runs:
            self._writes_runs = True
            self._run_cache.begin_write()
        return self._runs

    @runs.setter
    def runs(self, repository: RunRepository) -> None:
        self._runs = repository

    def __enter__(self) -> _WriteUnit:
        super().__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        try:
            super().__exit__(*exc)
        finally:
            if self._writes_runs:
                self._run_cache.end_write()


class Journal:
    def __init__(self, database: Database) -> None:
        self._db = database
        self.changes = ChangeHub()
        self._run_cache = RunCache()  # every run, kept between writes (see run_cache)
        self.changes.subscribe(self._forget_runs)

    def _forget_runs(self, change: Change) -> None:
        if change & Change.RUNS:
            self._run_cache.forget()

    def _all_runs(self, uow: _ReadUnit) -> tuple[Run, ...]:
        """Every run as this read's transaction sees it: the copy kept between writes when
        no write came since the read began."""
        # One small read first: SQLite fixes a transaction's snapshot at its first read,
        # and the kept copy may only stand in for the runs of a snapshot already taken.
        uow.settings.value(SUPPORT_CONTACTS_KEY)
        return self._run_cache.runs(uow.runs_generation, lambda: uow.runs.between(None, None))

    def _runs_until(self, uow: _ReadUnit, today: date) -> tuple[Run, ...]:
        runs = self._all_runs(uow)
        if runs and runs[-1].day > today:
            return tuple(r for r in runs if r.day <= today)
        return runs

    @classmethod
    def open(
        cls, path: Path | str, *, create: bool = True, write: bool = True, passphrase: str | None = None
    ) -> Journal:
        """Opens the journal at `path`; raises JournalError (with a plain message) if it can't.

        With `write` (the default) this process becomes the journal's one writer, however the
        journal is named; `write=False` only reads, and works while another process writes."""
        return cls(open_database(Path(path), create=create, write=write, passphrase=passphrase))

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

    def _read(self) -> _ReadUnit:
        return _ReadUnit(self._db, self._run_cache.generation)

    def _write(self) -> _WriteUnit:
        return _WriteUnit(self._db, self._run_cache)

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
                return list(self._all_runs(uow))
            return uow.runs.between(first, last)

    def latest_run(self, today: date) -> Run | None:
        """The newest session up to and including `today`, however long ago it was."""
        with self._read() as uow:
            return uow.runs.latest(today)  # one row, however big the journal

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

    def days_with_tag(self, tag: str) -> set[date]:
        """The days whose check-in has `tag`: what "days with a tag" filters show."""
        with self._read() as uow:
            return uow.check_ins.days_with_tag(tag)

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
        """Quiets a rule for `days` days from `today`; a snooze that already lasts longer is
        kept as it is, and so is a turned-off rule's switch."""
        current = self.coach_choice(rule_id)
        until = today + timedelta(days=days - 1)
        if current.snoozed_until is not None and current.snoozed_until > until:
            until = current.snoozed_until
        choice = CoachChoice(rule_id, current.disabled, until)
        self.save_coach_choice(choice)
        return choice

    def support_contacts(self) -> list[SupportContact]:
        """The person's own contacts for the "Need support now?" card."""
        with self._read() as uow:
            return _support_contacts(uow)

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
            return self._coach_history(uow, today)

    def _coach_history(self, uow: _ReadUnit, today: date) -> History:
        # Recent weeks and a few totals of the years before: the same words at any size.
        return coach_window.coach_history(uow, today)

    def insights(self, today: date) -> list[Insight] | None:
        """How running and feelings move together in the person's entries; None while the
        coach's MOOD-LOW is active, when insights are paused (docs/coach.md). The statistics
        read one value per day and the sessions with moods, not every run."""
        from runjournal.coach.engine import mood_low_active
        from runjournal.insights import entries_from, insights

        with self._read() as uow:
            runs = self._runs_until(uow, today)
            check_ins = tuple(uow.check_ins.between(None, today))
            settings = uow.settings.load()
        if mood_low_active(History(today=today, runs=runs, check_ins=check_ins, settings=settings)):
            return None
        return insights(entries_from(runs, check_ins))

    def nudges(self, today: date) -> list[Nudge]:
        """The coach's nudges for `today`, after the person's snoozes and turned-off rules."""
        with self._read() as uow:
            return self._nudges(uow, today)

    def _nudges(self, uow: _ReadUnit, today: date) -> list[Nudge]:
        from runjournal.coach.engine import nudges

        return nudges(self._coach_history(uow, today), uow.coach_choices.all())

    def coach_quiet_words(self) -> str:
        """What the coach says on a day with no nudge: a welcome while the journal is empty."""
        from runjournal.coach.words import quiet_words

        return quiet_words(empty_journal=self.is_empty())

    # Figures ----------------------------------------------------------------------------

    def week_totals(self, first: date, last: date, first_weekday: int | None = None) -> list[WeekTotals]:
        """Totals for every week from the one holding `first` to the one holding `last`,
        weeks without a session included (as zeros), in the person's own week."""
        with self._read() as uow:
            if first_weekday is None:
                first_weekday = uow.settings.load().week_start
            return journal_figures.week_totals(uow, first, last, first_weekday)

    def chart_data(self, chart_range: ChartRange, today: date) -> ChartData:
        """Every chart's figures for the weeks in `chart_range`, ending with today's week."""
        with self._read() as uow:
            return journal_figures.chart_data(uow, chart_range, today)

    def chart_overview(self, chart_range: ChartRange, today: date) -> ChartData:
        """As `chart_data`, a range of years with its check-ins and moods month by month."""
        with self._read() as uow:
            return journal_figures.chart_overview(uow, chart_range, today)

    def week_report(self, week: IsoWeek | date, today: date) -> WeekReport:
        """The figures of the printed page for the person's week holding `week` (a day, or an
        ISO week's Monday), with the coach's nudges as they stood at the end of that week."""
        from runjournal.domain.weeks import week_start

        day = week if isinstance(week, date) else week.monday
        with self._read() as uow:  # the nudges and the figures of one state of the journal
            first = week_start(day, uow.settings.load().week_start)
            last = first + timedelta(days=6)
            as_of = min(last, today)
            nudges = self._nudges(uow, as_of) if as_of >= first else []
            if today > last:  # a finished week: "minutes to go" no longer means anything
                nudges = _without_week_pushes(nudges)
            return journal_figures.week_report(uow, first, today, nudges)

    def read_everything(self) -> JournalDocument:
        """The whole journal, every record of it, from one read transaction: what a
        whole-journal export writes, never mixing two states of the journal."""
        from runjournal.formats.journal_json import JournalDocument

        with self._read() as uow:
            runs = self._all_runs(uow)
            return JournalDocument(
                settings=uow.settings.load(),
                coach_choices=tuple(uow.coach_choices.all().values()),
                support_contacts=tuple(_support_contacts(uow)),
                runs=runs,
                check_ins=tuple(uow.check_ins.between(None, None)),
                sources=tuple(uow.source_files.all()),
            )

    def period_report(self, first: date, last: date, today: date) -> PeriodReport:
        """The period report's figures for the person's weeks from `first` to `last`, with the
        clear insights up to its end and what the coach said at the end of each of its weeks."""
        from runjournal.figures.period_report import whole_weeks
        from runjournal.service.period import coach_notes, insight_notes, period_report

        start, end = whole_weeks(first, last, self.settings().week_start)
        as_of = min(end, today)
        week_ends = [end - timedelta(weeks=n) for n in range(((end - start).days + 1) // 7)]
        said = [
            _without_week_pushes(self.nudges(day)) if day < today else self.nudges(day)
            for day in sorted({*week_ends, as_of})
            if start <= day <= as_of
        ]
        insights = self.insights(as_of) if as_of >= start else []
        with self._read() as uow:
            return period_report(uow, start, end, today, insight_notes(insights or []), coach_notes(said))

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
        problems = _entry_problems(runs, check_ins, today)
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
        with self._read() as uow:
            return journal_imports.plan(uow, results)

    def imported_before(self, file_hash: str) -> bool:
        """Whether a file with these bytes is already in the journal: asked before a file
        is parsed, so re-importing a whole export costs little more than reading it."""
        with self._read() as uow:
            return bool(uow.source_files.known([file_hash]))

    def store_import(self, plan: ImportPlan) -> ImportDone:
        """Stores the plan's new entries and their original files in one transaction;
        a large import is preceded by a checked backup."""
        runs = plan.new_runs  # each passed validate_run when the plan was made (plan_import)
        if len(runs) >= LARGE_IMPORT_RUNS:
            self.backup(reason="before-import")
        with self._write() as uow:
            done = journal_imports.store(uow, plan)
            uow.commit()
        self.changes.emit(Change.RUNS)
        return done

    def undo_import(self, done: ImportDone) -> None:
        """Takes a whole import away again: its runs and the files it added."""
        with self._write() as uow:
            journal_imports.take_away(uow, done)
            uow.commit()
        self.changes.emit(Change.RUNS)

    def redo_import(self, done: ImportDone) -> None:
        """Puts an undone import back, under the same ids."""
        with self._write() as uow:
            journal_imports.put_back(uow, done)
            uow.commit()
        self.changes.emit(Change.RUNS)

    def load_document(self, document: JournalDocument) -> tuple[int, int]:
        """Fills an empty journal from a whole-journal export, ids included, so exporting
        and loading gives the same journal. All of it, or (on any problem) nothing."""
        if not self.holds_nothing():
            raise ValidationError(
                [Problem("document", "A whole-journal export can only be loaded into an empty journal.")]
            )
        problems = _entry_problems(document.runs, document.check_ins)
        _raise_if(problems + validate_settings(document.settings))
        with self._write() as uow:
            journal_imports.load_document(uow, document)
            uow.commit()
        self.changes.emit(Change.EVERYTHING)
        return len(document.runs), len(document.check_ins)

    def holds_nothing(self) -> bool:
        """No entry and no kept file: counted by the database, no file's bytes unpacked."""
        with self._read() as uow:
            counts = journal_counts(uow.connection)
            return counts.runs == 0 and counts.check_ins == 0 and uow.source_files.count() == 0

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
        from runjournal.storage.backup.backup import backup_journal

        info = backup_journal(self.path, target, reason=reason)
        if target is None:
            self._prune()
        return info

    def backups(self) -> list[BackupEntry]:
        """The backups in the backups folder, newest first, each checked again (read-only)."""
        from runjournal.storage.backup.backup import list_backups

        return list_backups(self.path)

    def last_backup(self) -> BackupEntry | None:
        """The newest backup that passes its check, or None."""
        from runjournal.storage.backup.backup import last_backup

        return last_backup(self.path)

    def backup_if_due(self, now: datetime | None = None) -> BackupInfo | None:
        """The start-up backup: a checked "daily" copy when the newest good backup is over a
        day old, then the rotation. None when none was due, or the journal holds no entries yet.

        Raises JournalError when the copy cannot be written; the journal is unchanged then.
        """
        from runjournal.storage.backup.backup import backup_due, backup_journal
        from runjournal.storage.backup.rotation import DAILY

        now = now or datetime.now()
        if self.is_empty() or not backup_due(self.path, now):
            return None
        info = backup_journal(self.path, reason=DAILY, when=now)
        self._prune(now)
        return info

    def _prune(self, now: datetime | None = None) -> None:
        # Pruning only tidies: a file that cannot be read or deleted is left where it is.
        from runjournal.storage.backup.backup import prune_backups

        prune_backups(self.path, now or datetime.now())

    def check(self) -> CheckReport:
        return check_journal(self.path)

    def restore(self, backup: Path) -> BackupInfo:
        """Replaces the journal with a fresh one built from a backup's entries, after saving
        the current journal; a backup that cannot be used changes nothing.

        Returns the copy of the journal as it was before the restore. The rotation runs only
        after the restore, so it can never take away the backup being restored from.
        """
        from runjournal.service.restoring import restore_open_journal

        before, self._db = restore_open_journal(self._db, Path(backup))
        self._prune()
        self.changes.emit(Change.EVERYTHING)
        return before

    # Choices, preferences and contacts as undoable changes -------------------------------

    def coach_choice(self, rule_id: str) -> CoachChoice:
        """What the person chose about one rule (a choice with neither switch when nothing)."""
        return self.coach_choices().get(rule_id, CoachChoice(rule_id))

    def turn_off_rule(self, rule_id: str) -> CoachChoice:
        """Turns a rule off; a snooze it had is kept, for when it is turned back on."""
        choice = CoachChoice(rule_id, True, self.coach_choice(rule_id).snoozed_until)
        self.save_coach_choice(choice)
        return choice

    def turned_back_on(self, rule_ids: Iterable[str]) -> list[CoachChoice]:
        """The choices that turning these rules back on makes, each keeping its snooze."""
        choices = self.coach_choices()
        return [
            CoachChoice(rule_id, False, choices.get(rule_id, CoachChoice(rule_id)).snoozed_until)
            for rule_id in rule_ids
        ]

    def save_preferences(self, settings: Settings, choices: Iterable[CoachChoice] = ()) -> None:
        """Stores the settings and coach choices of one Preferences change in one transaction,
        so the change (and its undo) is all there or not at all."""
        _raise_if(validate_settings(settings))
        choices = list(choices)
        with self._write() as uow:
            uow.settings.save(settings)
            for choice in choices:
                uow.coach_choices.put(choice)
            uow.commit()
        self.changes.emit(Change.SETTINGS | Change.COACH if choices else Change.SETTINGS)
