"""What a person's own entries show about running and how they feel (docs/coach.md, "Insights").

Two families of comparisons. Run days against other days: mood, anxiety and stress that day,
mood the next day, and sleep the night before (a check-in's sleep is the night before its
day). And mood before against after the same sessions: all of them, by activity and by
effort. Every interval is widened for the comparisons shown together (Holm's weighted
step-down, the two headline comparisons counting twice), so a page of insights from entries
with no real relation rarely shows any pattern at all; docs/coach.md ("Insights") has the
simulation that measures it.

Whether MOOD-LOW pauses the insights is the service's question, not this module's: it sees
only the daily values, never the coach.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np

from runjournal.domain.model import Activity, Intensity
from runjournal.insights.model import (
    CAVEAT,
    CLEAR_DIFFERENCE,
    HEADLINE_WEIGHT,
    LEVEL,
    SESSION_CAVEAT,
    TAG_CAVEAT,
    Adjustment,
    Insight,
    InsightsInput,
    Kind,
    Label,
    PairedSession,
)
from runjournal.insights.stats import (
    DEFAULT_SEED,
    BlockChoice,
    block_resample_sums,
    centring_correction,
    choose_block,
    hedges_g,
    hedges_g_change,
    holm_tails,
    interval_at,
    resamples_for,
    spread,
)

MIN_DAYS_EACH = 14  # days of each kind before a day comparison is shown
MIN_SPAN_DAYS = 28  # first to last compared day, both counted
MIN_SESSIONS = 14  # sessions with mood before and after before a change is shown

_ACTIVITY_PLURAL = {
    Activity.RUN: "runs",
    Activity.WALK: "walks",
    Activity.BIKE: "bike rides",
    Activity.SWIM: "swims",
    Activity.OTHER: "other sessions",
}


def insights(
    entries: InsightsInput,
    *,
    seed: int = DEFAULT_SEED,
    adjustment: Adjustment = Adjustment.WEIGHTED_HOLM,
) -> list[Insight]:
    """The insights these entries support, in a fixed order.

    A comparison without enough entries is left out rather than shown with a guess. The
    others are resampled on one calendar and judged together, so that in entries with no
    real relation the intervals shown leave out zero, any of them, at most 5 times in 100
    (see `_judge_all`). `adjustment` is for the simulation that compares the ways of doing
    that; the app keeps the default.
    """
    parts = [*_day_parts(entries), *_session_parts(entries.sessions)]
    if not parts:
        return []
    return _judge_all(parts, seed, adjustment)


@dataclass(frozen=True)
class _Part:
    """One comparison before its interval: its numbers, and each day's share in it."""

    key: str
    kind: Kind
    title: str
    unit: str
    mean_with: float
    mean_without: float
    n_with: int
    n_without: int | None
    hedges_g: float | None
    lead: str  # the sentence's first half, with the two means in it
    first: date  # the calendar day of influence[0]
    # Each day's share in the difference (its influence): a resample's total of these is how
    # far its difference moves from the journal's, to first order. One column per comparison,
    # so decades of days stay quick to resample.
    influence: np.ndarray
    block: BlockChoice  # what this comparison's days ask for
    sides: tuple[np.ndarray, ...]  # calendar offsets of each side's entries

    @property
    def difference(self) -> float:
        return self.mean_with - self.mean_without


def _judge_all(parts: list[_Part], seed: int, adjustment: Adjustment) -> list[Insight]:
    """Intervals that hold together for every comparison shown, and the word for each.

    All comparisons share one calendar and are resampled with the same seed; each with the
    block length its own days ask for (comparisons asking for the same length are resampled
    together). Each one's standard error is the spread of its resampled differences, with
    the block bootstrap's known shortfalls undone; its interval is that standard error times
    Student's t, with one degree of freedom fewer than the blocks the smaller side's entries
    fall in, at the two-sided tail the family leaves it.

    The tails come from Holm's weighted step-down (`holm_tails`): each comparison gets its
    share of the 5 %, a comparison whose interval then leaves out zero is decided, and the
    rest are judged again as a smaller family, until none is decided. The two headline
    comparisons ("Mood on days you ran", "Mood before and after moving") count twice in the
    shares (docs/coach.md, "Insights", says why).
    """
    columns = _calendar_columns(parts)
    errors = _resampled_errors(columns, parts, seed)
    standard_errors = np.empty(len(parts))
    blocks_held = np.empty(len(parts), dtype=np.int64)
    for j, part in enumerate(parts):
        block = part.block.days
        blocks = min(_blocks_holding(side, block) for side in part.sides)
        correction = (
            part.block.variance_correction
            * centring_correction(part.influence.size, block)
            * (blocks / (blocks - 1) if blocks > 1 else 2.0)  # Bessel's, over the blocks the entries fill
        )
        standard_errors[j] = errors[j] * math.sqrt(correction)
        blocks_held[j] = blocks
    weighted = adjustment is Adjustment.WEIGHTED_HOLM
    weights = np.array([HEADLINE_WEIGHT if weighted and p.key in _HEADLINES else 1.0 for p in parts])
    if adjustment is Adjustment.BONFERRONI:
        tails = np.full(len(parts), (1 - LEVEL) / len(parts))
    else:
        estimates = np.array([p.difference for p in parts])
        tails = holm_tails(estimates, standard_errors, blocks_held, weights, level=LEVEL)
    found = []
    for j, part in enumerate(parts):
        tail, error, blocks = float(tails[j]), float(standard_errors[j]), int(blocks_held[j])
        low, high = interval_at(part.difference, error, tail=tail, blocks=blocks)
        family = _Family(1 - tail, len(parts), adjustment, float(weights[j]))
        found.append(_insight(part, low, high, family, error, blocks))
    return found


def _calendar_columns(parts: list[_Part]) -> np.ndarray:
    """Each comparison's daily influence, one column each, laid on one shared calendar."""
    first = min(p.first for p in parts)
    length = max((p.first - first).days + p.influence.size for p in parts)
    columns = np.zeros((length, len(parts)))
    for k, part in enumerate(parts):
        at = (part.first - first).days
        columns[at : at + part.influence.size, k] = part.influence
    return columns


def _resampled_errors(columns: np.ndarray, parts: list[_Part], seed: int) -> np.ndarray:
    """Each comparison's bootstrap standard error (before corrections): comparisons asking
    for the same block length are resampled together, from the same blocks of days."""
    length = columns.shape[0]
    errors = np.full(len(parts), math.nan)
    for block in sorted({p.block.days for p in parts}):
        chosen = [j for j, p in enumerate(parts) if p.block.days == block]
        resamples = resamples_for(length, block, len(chosen))
        draw = block_resample_sums(columns[:, chosen], block, resamples=resamples, seed=seed)
        for k, j in enumerate(chosen):
            errors[j] = spread(draw[:, k])
    return errors


# The page's two headline questions: does mood differ on days with a run, and does it change
# across a session. Each counts twice in the family's shares; every other comparison once.
_HEADLINES = frozenset({"mood-run-days", "mood-change"})


@dataclass(frozen=True)
class _Family:
    """What an interval's width was judged with: its own level, the family and its share."""

    level: float
    size: int
    adjustment: Adjustment
    weight: float


@dataclass(frozen=True)
class _DaySpec:
    key: str
    title: str
    column: int  # in the check-in tuples: 1 mood, 2 anxiety, 3 stress, 4 sleep hours
    day_after: bool  # compares the day after a run day instead of the run day itself
    unit: str
    lead: str  # format with {a} and {b}


_DAY_SPECS = (
    _DaySpec(
        "mood-run-days", "Mood on days you ran", 1, False, "points",
        "On days you ran, your mood averaged {a} out of 10, against {b} on other days",
    ),
    _DaySpec(
        "anxiety-run-days", "Anxiety on days you ran", 2, False, "points",
        "On days you ran, your anxiety averaged {a} out of 10, against {b} on other days",
    ),
    _DaySpec(
        "stress-run-days", "Stress on days you ran", 3, False, "points",
        "On days you ran, your stress averaged {a} out of 10, against {b} on other days",
    ),
    _DaySpec(
        "mood-next-day", "Mood the day after a run", 1, True, "points",
        "The day after a run, your mood averaged {a} out of 10, against {b} after other days",
    ),
    _DaySpec(
        "sleep-night-before", "Sleep the night before a run", 4, False, "hours",
        "The night before a run you slept {a} hours on average, against {b} hours before other "
        "days (sleep is recorded with the next day's check-in)",
    ),
)  # fmt: skip


def _braces(text: str) -> str:
    """`text` safe inside a str.format pattern."""
    return text.replace("{", "{{").replace("}", "}}")


def _day_parts(entries: InsightsInput) -> list[_Part]:
    if not entries.check_ins:
        return []
    first = entries.check_ins[0][0]
    length = (entries.check_ins[-1][0] - first).days + 1
    offsets = np.fromiter(((c[0] - first).days for c in entries.check_ins), dtype=np.int64)
    table = np.full((length, 4), np.nan)
    table[offsets] = np.array(
        [[math.nan if v is None else float(v) for v in c[1:]] for c in entries.check_ins], dtype=float
    )
    ran = np.zeros(length + 1, dtype=bool)  # ran[i + 1]: a run on calendar day i; ran[0]: the day before
    ran_offsets = [(d - first).days + 1 for d in entries.run_days if 0 <= (d - first).days + 1 <= length]
    ran[np.asarray(ran_offsets, dtype=np.int64)] = True

    comparisons: list[tuple[_DaySpec, Kind, np.ndarray]] = [
        (spec, Kind.RUN_DAYS, ran[:-1] if spec.day_after else ran[1:]) for spec in _DAY_SPECS
    ]
    # Mood on days with each of the person's tags: judged in the same family as the run days.
    for tag, tag_days in entries.tag_days:
        group = np.zeros(length, dtype=bool)
        group[[(d - first).days for d in tag_days if 0 <= (d - first).days < length]] = True
        spec = _DaySpec(
            f"mood-tag-{tag}",
            f"Mood on days with “{tag}”",
            1,
            False,
            "points",
            f"On days with “{_braces(tag)}”, your mood averaged {{a}} out of 10, against {{b}} on other days",
        )
        comparisons.append((spec, Kind.TAG_DAYS, group))

    found = []
    for spec, kind, group in comparisons:
        values = table[:, spec.column - 1]
        seen = ~np.isnan(values)
        in_a, in_b = seen & group, seen & ~group
        n_a, n_b = int(in_a.sum()), int(in_b.sum())
        if n_a < MIN_DAYS_EACH or n_b < MIN_DAYS_EACH:
            continue
        seen_at = np.flatnonzero(seen)
        if int(seen_at[-1] - seen_at[0]) + 1 < MIN_SPAN_DAYS:
            continue
        filled = np.where(seen, values, 0.0)
        a_values, b_values = filled[in_a], filled[in_b]
        mean_a, mean_b = float(a_values.mean()), float(b_values.mean())
        grouping = np.where(seen, in_a, np.nan)
        # How alike neighbouring days are in this feeling and in running at once; and, since
        # running days come in spells (active weeks, quiet weeks), in running alone.
        pair = choose_block(values, grouping)
        alone = choose_block(grouping)
        found.append(
            _Part(
                key=spec.key,
                kind=kind,
                title=spec.title,
                unit=spec.unit,
                mean_with=mean_a,
                mean_without=mean_b,
                n_with=n_a,
                n_without=n_b,
                hedges_g=hedges_g(a_values, b_values),
                lead=spec.lead.format(a=_num(mean_a), b=_num(mean_b)),
                first=first,
                influence=np.where(in_a, (filled - mean_a) / n_a, 0.0)
                - np.where(in_b, (filled - mean_b) / n_b, 0.0),
                block=BlockChoice(max(pair.days, alone.days), pair.variance_correction),
                sides=(np.flatnonzero(in_a), np.flatnonzero(in_b)),
            )
        )
    return found


def _session_parts(sessions: tuple[PairedSession, ...]) -> list[_Part]:
    if len(sessions) < MIN_SESSIONS:
        return []
    groups: list[tuple[str, str, str, np.ndarray]] = []
    everyone = np.ones(len(sessions), dtype=bool)
    groups.append(("mood-change", "Mood before and after moving", "sessions", everyone))
    for activity in Activity:
        mine = np.fromiter((s.activity is activity for s in sessions), dtype=bool, count=len(sessions))
        plural = _ACTIVITY_PLURAL[activity]
        groups.append((f"mood-change-{activity.value}", f"Mood before and after: {plural}", plural, mine))
    for band in Intensity:
        mine = np.fromiter((s.intensity is band for s in sessions), dtype=bool, count=len(sessions))
        groups.append(
            (f"mood-change-{band.value}", f"Mood before and after: {band.value} efforts",
             f"{band.value}-effort sessions", mine)
        )  # fmt: skip
    # A subgroup that leaves out fewer than MIN_SESSIONS sessions says nearly what all of them
    # say: it would only add to the comparisons the others must allow for.
    total = len(sessions)
    groups = [
        g for i, g in enumerate(groups)
        if g[3].sum() >= MIN_SESSIONS and (i == 0 or total - g[3].sum() >= MIN_SESSIONS)
    ]  # fmt: skip

    first = sessions[0].day
    length = (sessions[-1].day - first).days + 1
    at = np.fromiter(((s.day - first).days for s in sessions), dtype=np.int64, count=len(sessions))
    # As for the run days, the sessions must spread over four weeks or more: crowded into a
    # few days they cannot show how the change varies from one week to another.
    groups = [g for g in groups if int(np.ptp(at[g[3]])) + 1 >= MIN_SPAN_DAYS]
    if not groups:
        return []
    before = np.fromiter((s.mood_before for s in sessions), dtype=float, count=len(sessions))
    after = np.fromiter((s.mood_after for s in sessions), dtype=float, count=len(sessions))
    change = after - before
    found = []
    for key, title, noun, mine in groups:
        per_day = np.bincount(at[mine], weights=change[mine], minlength=length)
        count = np.bincount(at[mine], minlength=length)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean_change = np.where(count > 0, per_day / count, np.nan)  # this group's days only
        mean_before, mean_after = float(before[mine].mean()), float(after[mine].mean())
        n = int(mine.sum())
        found.append(
            _Part(
                key=key,
                kind=Kind.BEFORE_AFTER,
                title=title,
                unit="points",
                mean_with=mean_after,
                mean_without=mean_before,
                n_with=n,
                n_without=None,
                hedges_g=hedges_g_change(change[mine]),
                lead=(
                    f"Across {n} {noun} where you noted your mood before and after, it went from "
                    f"{_num(mean_before)} to {_num(mean_after)} out of 10 on average"
                ),
                first=first,
                influence=np.bincount(
                    at[mine], weights=(change[mine] - change[mine].mean()) / n, minlength=length
                ),
                block=choose_block(mean_change),
                sides=(at[mine],),
            )
        )
    return found


def _insight(
    part: _Part, low: float, high: float, family: _Family, standard_error: float, blocks: int
) -> Insight:
    difference = part.difference
    label = judge(difference, low, high)
    unit = part.unit
    if part.kind is Kind.BEFORE_AFTER:
        moved = _direction(difference, "up", "down", unit)
    elif unit == "hours":
        moved = _direction(difference, "more", "less", unit)
    else:
        moved = _direction(difference, "higher", "lower", unit)
    span = f"likely range {_signed(low)} to {_signed(high)} {unit}"
    summary = f"{part.lead}: {moved}."
    shown = (
        f"the {family.size} comparison shown" if family.size == 1 else f"the {family.size} comparisons shown"
    )
    sentence = f"{part.lead}: {moved} ({span}, allowing for chance across {shown})."
    return Insight(
        key=part.key,
        kind=part.kind,
        title=part.title,
        unit=unit,
        summary=summary,
        sentence=sentence,
        difference=difference,
        low=low,
        high=high,
        level=family.level,
        family_size=family.size,
        label=label,
        hedges_g=part.hedges_g,
        effect_size=effect_size_words(part.hedges_g),
        mean_with=part.mean_with,
        mean_without=part.mean_without,
        days_with=part.n_with,
        days_without=part.n_without,
        block_days=part.block.days,
        standard_error=standard_error,
        blocks=blocks,
        caveat={Kind.RUN_DAYS: CAVEAT, Kind.TAG_DAYS: TAG_CAVEAT}.get(part.kind, SESSION_CAVEAT),
        adjustment=family.adjustment,
        weight=family.weight,
    )


def _blocks_holding(offsets: np.ndarray, block: int) -> int:
    """How many separate `block`-day stretches of the calendar hold a compared entry: the
    number of independent pieces the interval really rests on (a sparse journal has fewer)."""
    return max(1, int(np.unique(offsets // block).size))


def judge(difference: float, low: float, high: float) -> Label:
    """The spec's three words: clear only when the adjusted interval leaves out zero and the
    difference is at least half a unit; small but consistent when it leaves out zero below that."""
    if not (math.isfinite(low) and math.isfinite(high)) or low <= 0 <= high:
        return Label.NONE
    if abs(difference) >= CLEAR_DIFFERENCE - 1e-9:
        return Label.CLEAR
    return Label.SMALL


def effect_size_words(g: float | None) -> str:
    """Hedges' g in words, with Cohen's usual steps (0.2, 0.5, 0.8)."""
    if g is None or not math.isfinite(g):
        return "no size to give: the entries do not vary"
    size = abs(g)
    word = (
        "a very small" if size < 0.2 else "a small" if size < 0.5 else "a medium" if size < 0.8 else "a large"
    )
    return f"{word} difference for you"


def _direction(difference: float, up: str, down: str, unit: str) -> str:
    amount = abs(difference)
    if round(amount, 1) == 0:
        return "about the same"
    if unit == "hours":  # people think of a night's sleep in minutes
        text = f"{_num(amount)} hours (about {round(amount * 60)} minutes)"
    else:
        text = f"{_num(amount)} {'point' if amount == 1 else 'points'}"
    return f"{text} {up if difference > 0 else down}"


def _num(x: float) -> str:
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text.replace("-", "−")


def _signed(x: float) -> str:
    if not math.isfinite(x):
        return "?"
    text = f"{x:+.1f}"
    return "±0.0" if text in ("+0.0", "-0.0") else text.replace("-", "−")
