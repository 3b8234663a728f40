"""The figures of one printed weekly page: the person's week (their first day, their goal,
"so far" while it runs) next to the guidelines and the week before, the weeks leading up to it, its sessions, the coach's nudges and its notes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from runjournal.coach.model import Nudge
from runjournal.domain.model import CheckIn, Run, Settings, WeekTotals
from runjournal.domain.progress import WeekProgress
from runjournal.domain.weeks import IsoWeek
from runjournal.figures.daily import DailySeries, mean
from runjournal.figures.runs import MoodChange

REPORT_WEEKS = 12  # the weekly charts on the page: this week and the eleven before it
REPORT_DAYS = 28  # the daily chart: this week and the three before it


@dataclass(frozen=True, slots=True)
class WeekAverages:
    """Averages of the check-ins of one week; None for a value never recorded that week."""

    check_ins: int = 0
    mood: float | None = None
    stress: float | None = None
    anxiety: float | None = None
    energy: float | None = None
    sleep_hours: float | None = None

    @classmethod
    def of(cls, check_ins: Iterable[CheckIn]) -> WeekAverages:
        kept = list(check_ins)
        return cls(
            check_ins=len(kept),
            mood=mean(c.mood for c in kept),
            stress=mean(c.stress for c in kept),
            anxiety=mean(c.anxiety for c in kept),
            energy=mean(c.energy for c in kept),
            sleep_hours=mean(c.sleep_hours for c in kept),
        )


@dataclass(frozen=True, slots=True)
class NoteLine:
    """A note the person may choose to print; private run notes never become one."""

    day: date
    source: str  # "run" or "check-in"
    text: str


@dataclass(frozen=True)
class WeekReport:
    week: IsoWeek  # the ISO week holding the week's first day, for file names only
    settings: Settings
    totals: WeekTotals
    previous: WeekTotals
    averages: WeekAverages
    previous_averages: WeekAverages
    weeks: tuple[WeekTotals, ...]  # REPORT_WEEKS weeks ending with this one
    daily: dict[str, DailySeries]  # REPORT_DAYS days ending on the week's last day
    runs: tuple[Run, ...]  # this week's sessions
    run_days: tuple[date, ...]  # days with a session among the REPORT_DAYS of the daily chart
    mood_changes: tuple[MoodChange, ...]  # this week's
    nudges: tuple[Nudge, ...]
    notes: tuple[NoteLine, ...]
    progress: WeekProgress  # the week's numbers as Today's panel and the coach count them
    previous_progress: WeekProgress
    check_ins: tuple[CheckIn, ...] = ()  # this week's, one a day, for the page's day-by-day table

    @property
    def first(self) -> date:
        return self.progress.week_start

    @property
    def last(self) -> date:
        return self.progress.week_end

    @property
    def is_empty(self) -> bool:
        """Nothing was logged that week: the page says so instead of showing empty charts."""
        return not self.runs and self.averages.check_ins == 0

    @property
    def has_history(self) -> bool:
        return any(w.sessions for w in self.weeks) or any(s.recorded for s in self.daily.values())


def note_lines(runs: Iterable[Run], check_ins: Iterable[CheckIn]) -> list[NoteLine]:
    """The week's notes in day order, without the ones the person marked private."""
    lines = [NoteLine(r.day, "run", r.note.strip()) for r in runs if r.note.strip() and not r.note_private]
    lines += [NoteLine(c.day, "check-in", c.note.strip()) for c in check_ins if c.note.strip()]
    return sorted(lines, key=lambda line: (line.day, line.source != "run"))
