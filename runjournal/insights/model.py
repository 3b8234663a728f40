"""What an insight is and what it is worked out from, without the statistics (no numpy),
so views and the command line can name it cheaply."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from runjournal.domain.model import Activity, Intensity

CLEAR_DIFFERENCE = 0.5  # in the comparison's own unit: mood points, or hours of sleep
LEVEL = 0.95  # how often all the intervals shown together hold
HEADLINE_WEIGHT = 2.0  # the two headline comparisons' share of the page's 5 %, against 1 for the rest

CAVEAT = (
    "This is an association in your entries, not proof of cause — "
    "good days may also make running more likely."
)
SESSION_CAVEAT = (
    "This compares your mood before and after the same sessions, not days with and without "
    "one — and how you felt may have changed for other reasons too."
)


TAG_CAVEAT = (
    "This is an association in your entries, not proof of cause — "
    "the tag and how you felt may both follow from something else."
)


class Kind(enum.StrEnum):
    RUN_DAYS = "run-days"  # days with a run against other days
    TAG_DAYS = "tag-days"  # days with one of the person's tags against other days
    BEFORE_AFTER = "before-after"  # mood before and after the same session


class Adjustment(enum.StrEnum):
    """How the intervals allow for the comparisons shown together (docs/coach.md, "Insights").

    The app uses WEIGHTED_HOLM; the others are there so the simulation can measure what each
    step of it adds.
    """

    BONFERRONI = "bonferroni"  # an equal share of the 5 % each
    HOLM = "holm"  # equal shares, again over the undecided ones after each decision
    WEIGHTED_HOLM = "weighted-holm"  # as HOLM; the two headline comparisons count twice


class Label(enum.StrEnum):
    CLEAR = "Clear pattern"
    SMALL = "Small but consistent"
    NONE = "No clear pattern"


@dataclass(frozen=True, slots=True)
class PairedSession:
    """A session with the mood noted before and after it."""

    day: date
    activity: Activity
    intensity: Intensity | None  # None when no effort was recorded
    mood_before: int
    mood_after: int


@dataclass(frozen=True)
class InsightsInput:
    """What the insights read: one value per day and the sessions with moods, not every run.

    `check_ins` holds (day, mood, anxiety, stress, sleep hours) per day with a check-in,
    None for what was not recorded; `run_days` the days with a run (walks and rides do not
    make a run day); `tag_days` the days with each of the person's tags.
    """

    run_days: frozenset[date]
    check_ins: tuple[tuple[date, int | None, int | None, int | None, float | None], ...]
    sessions: tuple[PairedSession, ...]
    # (tag, the days whose check-in has it), in the order the tags were first used
    tag_days: tuple[tuple[str, frozenset[date]], ...] = ()


@dataclass(frozen=True)
class Insight:
    """One comparison in the person's own numbers.

    For run-day comparisons `difference` is the group's mean minus the other days' mean and
    `days_with` / `days_without` count the days on each side; for before/after ones it is
    the mean change (after minus before), `days_with` counts the sessions and `days_without`
    is None. `low`–`high` is the interval adjusted for the `family_size` comparisons shown
    together, by `adjustment`, in which this one counted `weight` times; `level` is this
    interval's own level (1 − the tail it was given); `label` is judged on it. `hedges_g` is None when there is
    no spread to scale by. `block_days` is the bootstrap's block length; `standard_error` and
    `blocks` let anyone redo the interval for another family size.
    """

    key: str
    kind: Kind
    title: str
    unit: str  # "points" or "hours"
    summary: str  # the two means and the difference, in words
    sentence: str  # the summary with the likely range, for the command line
    difference: float
    low: float
    high: float
    level: float
    family_size: int
    label: Label
    hedges_g: float | None
    effect_size: str
    mean_with: float
    mean_without: float
    days_with: int
    days_without: int | None
    block_days: int
    standard_error: float  # of the difference, from the bootstrap
    blocks: int  # independent blocks the compared days span: the interval's degrees of freedom + 1
    caveat: str
    adjustment: Adjustment = Adjustment.WEIGHTED_HOLM
    weight: float = 1.0  # this comparison's share of the family's 5 %, against 1 for most

    @property
    def clear(self) -> bool:
        return self.label is Label.CLEAR
