"""The Journal: the one API that the window and the command line both call.

Every method is one transaction. Records are checked before anything is written, and a
method that raises has changed nothing. After a write, subscribers hear which kind of
record changed, so each view can refresh itself without knowing who wrote.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from runjournal.coach.model import History, Nudge
from runjournal.domain.model import (
    CheckIn,
    CoachChoice,
    Problem,
    Run,
    Settings,
    SupportContact,
    ValidationError,
    WeekTotals,
)
from runjournal.domain.validation import validate_check_in, validate_run, validate_settings
from runjournal.service import coach_window
from runjournal.service import figures as journal_figures
from runjournal.service.changes import Change
from runjournal.service.imports import SUPPORT_CONTACTS_KEY
from runjournal.service.journal_core import ReadUnit, raise_if, stored_support_contacts
from runjournal.service.journal_transfers import JournalTransfers
from runjournal.storage.backup.inspect import JournalError

if TYPE_CHECKING:
    # Behind the charts, the printed page, imports and backups: imported when first used,
    # so that opening the window does not wait for them.
    from runjournal.domain.weeks import IsoWeek
    from runjournal.figures.charts import ChartData, ChartRange
    from runjournal.figures.period_report import PeriodReport
    from runjournal.figures.week_report import WeekReport
    from runjournal.formats.journal_json import JournalDocument
    from runjournal.insights import Insight

__all__ = ["Change", "Journal", "JournalError", "ValidationError"]

# The coach's pushes for the rest of this week (VOL, FREQ as suggestions), left off a page
# about a week that has ended.
WEEK_PUSHES = frozenset({"VOL", "FREQ"})


def _without_week_pushes(nudges: list[Nudge]) -> list[Nudge]:
    """Nudges as a page about an ended week shows them: no push for the rest of that week."""
    return [n for n in nudges if not (n.rule_id in WEEK_PUSHES and n.level == "suggest")]


class Journal(JournalTransfers):
    """The one API of the journal: runs, check-ins, settings, the coach, figures and
    preferences here; batches, imports and safety in the classes it builds on."""

    # Runs -------------------------------------------------------------------------------

    def log_run(self, run: Run) -> Run:
        """Stores a new run and returns it with its id. A run with an id (an undone delete)
        comes back under the same id."""
        raise_if(validate_run(run))
        with self._write() as uow:
            stored = uow.runs.add(run)
            uow.commit()
        self.changes.emit(Change.RUNS)
        return stored

    def update_run(self, run: Run) -> Run:
        if run.id is None:
            raise ValueError("update_run needs a run that was stored before.")
        raise_if(validate_run(run))
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
            raise_if(validate_run(run))
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
        raise_if(validate_check_in(check_in))
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
        raise_if(validate_settings(settings))
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
            return stored_support_contacts(uow)

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

    def _coach_history(self, uow: ReadUnit, today: date) -> History:
        # Recent weeks and a few totals of the years before: the same words at any size.
        return coach_window.coach_history(uow, today)

    def insights(self, today: date) -> list[Insight] | None:
        """How running and feelings move together in the person's entries; None while the
        coach's MOOD-LOW is active, when insights are paused (docs/coach.md). The statistics
        read one value per day and the sessions with moods, not every run."""
        from runjournal.insights import insights
        from runjournal.service.insights_read import insights_input, insights_paused

        with self._read() as uow:
            if insights_paused(uow, today):
                return None
            entries = insights_input(uow, today)
        return insights(entries)

    def nudges(self, today: date) -> list[Nudge]:
        """The coach's nudges for `today`, after the person's snoozes and turned-off rules."""
        with self._read() as uow:
            return self._nudges(uow, today)

    def _nudges(self, uow: ReadUnit, today: date) -> list[Nudge]:
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
                support_contacts=tuple(stored_support_contacts(uow)),
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
        raise_if(validate_settings(settings))
        choices = list(choices)
        with self._write() as uow:
            uow.settings.save(settings)
            for choice in choices:
                uow.coach_choices.put(choice)
            uow.commit()
        self.changes.emit(Change.SETTINGS | Change.COACH if choices else Change.SETTINGS)
