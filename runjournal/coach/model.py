"""What the coach reads (a History) and what it says (Nudges)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from runjournal.domain.model import Activity, CheckIn, Run, Settings


class Level(enum.StrEnum):
    SAFETY = "safety"
    CARE = "care"
    CAUTION = "caution"
    SUGGEST = "suggest"
    CELEBRATE = "celebrate"


@dataclass(frozen=True)
class Nudge:
    """One thing the coach says, with the person's own numbers behind it and its source."""

    rule_id: str
    level: Level
    title: str
    message: str
    why: str  # the person's own numbers that made the rule fire, and the days they cover
    source: str  # short names from coach/sources.py, joined with "; "
    numbers: dict[str, float | int | str | None] = field(default_factory=dict)
    offers_support: bool = False  # carries the "Need support now?" button

    @property
    def sources(self) -> tuple[str, ...]:
        """The short names of the sources, in order (Help → Sources has each in full)."""
        from runjournal.coach.sources import short_names

        return short_names(self.source)


@dataclass(frozen=True)
class EarlierRuns:
    """What the rules need of the sessions before a History's runs begin, when it holds only
    recent ones: the journal reads a bounded window of recent weeks and adds these totals,
    so the coach's words are those of the whole history without reading all of it."""

    since: date | None = None  # the window's first day (the start of one of the person's weeks)
    runs: int = 0  # runs (Activity.RUN) before `since`
    first_run: date | None = None  # the day of the very first run, when it is before `since`
    goal_week: date | None = None  # the first week to reach the weekly goal, when before `since`
    weeks_in_a_row: int = 0  # weeks with a run, back from the week just before `since`


@dataclass(frozen=True)
class History:
    """The entries a rule may look at, up to and including `today`.

    Runs and check-ins are sorted by day; nothing after `today` is included.
    """

    today: date
    runs: tuple[Run, ...]
    check_ins: tuple[CheckIn, ...]
    settings: Settings = field(default_factory=Settings)
    earlier: EarlierRuns = field(default_factory=EarlierRuns)  # none: `runs` is everything

    @cached_property
    def runs_only(self) -> tuple[Run, ...]:
        """Only the runs (not walks, rides…), oldest first; worked out once per History,
        since several rules read it."""
        return tuple(sorted((r for r in self.runs if r.activity is Activity.RUN), key=lambda r: r.day))

    def runs_between(self, first: date, last: date) -> list[Run]:
        return [r for r in self.runs if first <= r.day <= last]

    def check_ins_between(self, first: date, last: date) -> list[CheckIn]:
        return [c for c in self.check_ins if first <= c.day <= last]

    def last_days(self, days: int) -> tuple[date, date]:
        """The window of the last `days` days, ending today (inclusive)."""
        return self.today - timedelta(days=days - 1), self.today
