"""Reading the period report's figures inside one of the journal's read transactions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from runjournal.coach.model import Nudge
from runjournal.figures.period_report import PeriodReport, TextNote, period_rows, unique_notes, whole_weeks
from runjournal.insights.model import Insight
from runjournal.service.figures import daily_series, week_totals
from runjournal.storage.unit_of_work import UnitOfWork


def period_report(
    uow: UnitOfWork,
    first: date,
    last: date,
    today: date,
    insights: Sequence[TextNote] = (),
    coach_notes: Sequence[TextNote] = (),
) -> PeriodReport:
    """The person's whole weeks from the one holding `first` to the one holding `last`; a week
    still running on `today` counts to today ("so far"), as on Today's panel."""
    settings = uow.settings.load()
    start, end = whole_weeks(first, last, settings.week_start)
    counted_to = max(start, min(end, today))
    weeks = week_totals(uow, start, counted_to, settings.week_start)
    check_ins = uow.check_ins.between(start, counted_to)
    return PeriodReport(
        first=start,
        last=end,
        today=today,
        settings=settings,
        weeks=tuple(weeks),
        rows=period_rows(weeks, check_ins, today, settings),
        daily=daily_series(uow, start, end),
        run_days=tuple(uow.runs.days_between(start, counted_to)),
        insights=tuple(insights),
        coach_notes=tuple(coach_notes),
    )


def insight_notes(insights: Sequence[Insight]) -> list[TextNote]:
    """The insights that are clear, as printed: the sentence and its caveat."""
    return [TextNote(i.title, f"{i.sentence} {i.caveat}", "", i.key) for i in insights if i.clear]


def coach_notes(said: Sequence[Sequence[Nudge]]) -> tuple[TextNote, ...]:
    """Each nudge the coach gave in the period once, in the order it first came."""
    return unique_notes(TextNote(n.title, n.message, n.source, n.rule_id) for nudges in said for n in nudges)
