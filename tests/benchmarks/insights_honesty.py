"""How honest the Insights tab is, measured on simulated journals with a known truth.

    python tests/benchmarks/insights_honesty.py [--seeds 500] [--workers 2] [--days 150]
                                                [--adjustment NAME | --compare]

Each simulated journal holds `--days` days of check-ins (about one day in ten left out;
anxiety and stress left out more often). Mood wanders like a real one: an autocorrelated
level (φ drawn between 0.6 and 0.8 per journal, so a good or bad spell lasts a week or two)
plus a weekly rhythm (weekends a little better), rounded to the 1–10 slider. Anxiety and
stress follow the same level the other way, sleep has its own slow drift. Runs are drawn:

- no relation, random runs: each day a run with probability 0.4, whatever the mood;
- no relation, clustered runs: active and quiet weeks that last (as in real life), mood
  still unrelated to running;
- real difference +0.5 / +1.0: mood is that much higher on run days, and mood after a
  session that much higher than before it (random runs; +1.0 also with clustered runs);
- reverse causation: running does nothing to mood, but a better mood makes a run likelier.

Each journal goes through the real `runjournal.insights` code. The "truth" of every
comparison is its value on one very long journal from the same process (a million days),
so rounding and clipping to the slider are part of it. Printed per condition: the share of
journals with any "Clear pattern", with any interval leaving out zero (clear or small but
consistent), the coverage of the intervals as shown (adjusted for the family) and of
plain 95 % intervals from the same bootstrap, and the power (mood on run days called a clear
pattern upward; before/after change called clear upward).

The intervals are adjusted as the app does it (weighted Holm) unless `--adjustment` names
another way (bonferroni, holm); `--compare` prints a table for each, on the same journals.

Goals (docs/coach.md, "Insights"): any clear ≤ 5 % with no relation; coverage ≥ 93 %; power
at +1.0 ≥ 90 %. Uses at most 2 worker processes: the machine is shared.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from runjournal.domain.model import Activity, CheckIn, Run
from runjournal.insights import entries_from, insights
from runjournal.insights.model import Adjustment, Label
from runjournal.insights.stats import adjusted_interval

START = date(2025, 1, 6)  # a Monday
TRUTH_DAYS = 1_000_000


@dataclass(frozen=True)
class Condition:
    name: str
    runs: str  # "random", "clustered" or "reverse"
    effect: float  # points added to mood on run days and to mood after a session


CONDITIONS = (
    Condition("no relation, random runs", "random", 0.0),
    Condition("no relation, clustered runs", "clustered", 0.0),
    Condition("real difference +0.5", "random", 0.5),
    Condition("real difference +1.0", "random", 1.0),
    Condition("real difference +1.0, clustered runs", "clustered", 1.0),
    Condition("reverse causation", "reverse", 0.0),
)


@dataclass(frozen=True)
class Journal:
    """One simulated journal as arrays, one row a day."""

    mood: np.ndarray
    anxiety: np.ndarray
    stress: np.ndarray
    sleep: np.ndarray
    ran: np.ndarray
    walked: np.ndarray
    before: np.ndarray  # mood before a session that day (NaN: none noted)
    after: np.ndarray
    effort: np.ndarray


def _ar(rng: np.random.Generator, phi: float, sd: float, days: int) -> np.ndarray:
    """An AR(1) series with marginal standard deviation `sd`, started in its steady state."""
    shocks = rng.normal(0.0, sd * math.sqrt(1 - phi * phi), days)
    out = np.empty(days)
    level = rng.normal(0.0, sd)
    for i in range(days):  # a plain loop is fast enough for 150 days; lfilter-free
        level = phi * level + shocks[i]
        out[i] = level
    return out


def _ar_fast(rng: np.random.Generator, phi: float, sd: float, days: int) -> np.ndarray:
    if days < 5000:
        return _ar(rng, phi, sd, days)
    # Long series (the truth): sum the recursion in chunks with powers of phi.
    shocks = rng.normal(0.0, sd * math.sqrt(1 - phi * phi), days)
    out = np.empty(days)
    level = rng.normal(0.0, sd)
    chunk = 64
    powers = phi ** np.arange(1, chunk + 1)
    kernel = phi ** np.arange(chunk)
    for at in range(0, days, chunk):
        e = shocks[at : at + chunk]
        k = e.size
        conv = np.convolve(e, kernel[:k])[:k]
        out[at : at + k] = level * powers[:k] + conv
        level = out[at + k - 1]
    return out


def simulate(condition: Condition, seed: int, days: int) -> Journal:
    rng = np.random.default_rng(seed)
    phi = rng.uniform(0.6, 0.8)
    level = _ar_fast(rng, phi, 1.2, days)
    weekday = np.arange(days) % 7  # 0 Monday
    weekly = 0.4 * np.cos(2 * np.pi * (weekday - 5.5) / 7)
    if condition.runs == "random":
        ran = rng.random(days) < 0.4
    elif condition.runs == "clustered":
        weeks = -(-days // 7)
        active = np.empty(weeks, dtype=bool)
        active[0] = rng.random() < 0.5
        for w in range(1, weeks):
            active[w] = rng.random() < (0.8 if active[w - 1] else 0.2)
        ran = rng.random(days) < np.where(np.repeat(active, 7)[:days], 0.65, 0.12)
    else:  # reverse: a better mood makes a run likelier
        ran = rng.random(days) < 1 / (1 + np.exp(-(-0.45 + 0.9 * level / 1.2)))
    lift = condition.effect * ran
    mood = np.clip(np.round(6 + level + weekly + lift + rng.normal(0, 0.5, days)), 1, 10)
    anxiety = np.clip(
        np.round(4 - 0.6 * level + _ar_fast(rng, 0.5, 0.8, days) + rng.normal(0, 0.5, days)), 1, 10
    )
    stress = np.clip(
        np.round(4.5 - 0.5 * level - weekly + _ar_fast(rng, 0.5, 0.8, days) + rng.normal(0, 0.5, days)), 1, 10
    )
    sleep = np.round(7 + _ar_fast(rng, 0.4, 0.6, days) + rng.normal(0, 0.4, days), 1)
    missing = rng.random(days) < 0.1
    mood[missing] = np.nan
    sleep[missing | (rng.random(days) < 0.05)] = np.nan
    anxiety[missing | (rng.random(days) < 0.25)] = np.nan
    stress[missing | (rng.random(days) < 0.25)] = np.nan
    walked = ~ran & (rng.random(days) < 0.15)
    noted = (ran & (rng.random(days) < 0.7)) | (walked & (rng.random(days) < 0.5))
    base = 6 + level + weekly
    before = np.where(noted, np.clip(np.round(base + rng.normal(0, 0.7, days)), 1, 10), np.nan)
    change = np.where(ran, condition.effect, 0.0)
    after = np.where(noted, np.clip(np.round(base + change + rng.normal(0, 0.7, days)), 1, 10), np.nan)
    effort = rng.integers(2, 10, days)
    return Journal(mood, anxiety, stress, sleep, ran, walked, before, after, effort)


def entries(journal: Journal) -> tuple[list[Run], list[CheckIn]]:
    """The journal as a person's entries: the insights see exactly what the app would."""
    runs: list[Run] = []
    check_ins: list[CheckIn] = []

    def value(x: float) -> int | None:
        return None if math.isnan(x) else int(x)

    for i in range(journal.mood.size):
        day = START + timedelta(days=i)
        if journal.ran[i] or journal.walked[i]:
            noted = not math.isnan(journal.before[i])
            runs.append(
                Run(
                    day=day,
                    duration_s=1800,
                    activity=Activity.RUN if journal.ran[i] else Activity.WALK,
                    effort=int(journal.effort[i]),
                    mood_before=value(journal.before[i]) if noted else None,
                    mood_after=value(journal.after[i]) if noted else None,
                )
            )
        fields = (journal.mood[i], journal.anxiety[i], journal.stress[i], journal.sleep[i])
        if not all(math.isnan(f) for f in fields):
            check_ins.append(
                CheckIn(
                    day=day,
                    mood=value(fields[0]),
                    anxiety=value(fields[1]),
                    stress=value(fields[2]),
                    sleep_hours=None if math.isnan(fields[3]) else float(fields[3]),
                )
            )
    return runs, check_ins


def point_estimates(journal: Journal) -> dict[str, float]:
    """Every comparison's plain difference, worked out here independently of the app."""

    def diff(values: np.ndarray, group: np.ndarray) -> float:
        seen = ~np.isnan(values)
        return float(values[seen & group].mean() - values[seen & ~group].mean())

    after_run = np.concatenate(([False], journal.ran[:-1]))
    found = {
        "mood-run-days": diff(journal.mood, journal.ran),
        "anxiety-run-days": diff(journal.anxiety, journal.ran),
        "stress-run-days": diff(journal.stress, journal.ran),
        "mood-next-day": diff(journal.mood, after_run),
        "sleep-night-before": diff(journal.sleep, journal.ran),
    }
    noted = ~np.isnan(journal.before)
    change = journal.after - journal.before
    bands = np.where(journal.effort <= 4, 0, np.where(journal.effort <= 6, 1, 2))
    groups = {
        "mood-change": noted,
        "mood-change-run": noted & journal.ran,
        "mood-change-walk": noted & journal.walked,
        "mood-change-easy": noted & (bands == 0),
        "mood-change-moderate": noted & (bands == 1),
        "mood-change-hard": noted & (bands == 2),
    }
    found.update({key: float(change[mine].mean()) for key, mine in groups.items()})
    return found


_TRUTHS: dict[str, dict[str, float]] = {}


def truths(condition: Condition) -> dict[str, float]:
    if condition.name not in _TRUTHS:
        _TRUTHS[condition.name] = point_estimates(simulate(condition, 987_654, TRUTH_DAYS))
    return _TRUTHS[condition.name]


@dataclass
class Tally:
    journals: int = 0
    any_clear: int = 0
    any_excludes_zero: int = 0
    intervals: int = 0
    covered: int = 0
    covered_95: int = 0
    mood_clear_up: int = 0
    mood_shown: int = 0
    change_clear_up: int = 0
    change_shown: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def evaluate(
    condition: Condition, seed: int, days: int, adjustment: Adjustment = Adjustment.WEIGHTED_HOLM
) -> Tally:
    journal = simulate(condition, seed, days)
    found = insights(entries_from(*entries(journal)), adjustment=adjustment)
    truth = truths(condition)
    tally = Tally(journals=1)
    tally.any_clear = int(any(i.label is Label.CLEAR for i in found))
    tally.any_excludes_zero = int(any(i.label is not Label.NONE for i in found))
    for insight in found:
        true = truth[insight.key]
        tally.intervals += 1
        tally.covered += int(insight.low <= true <= insight.high)
        low, high = adjusted_interval(
            insight.difference, insight.standard_error, family=1, blocks=insight.blocks
        )
        tally.covered_95 += int(low <= true <= high)
        clear_up = insight.label is Label.CLEAR and insight.difference > 0
        if insight.key == "mood-run-days":
            tally.mood_shown += 1
            tally.mood_clear_up += int(clear_up)
        elif insight.key == "mood-change":
            tally.change_shown += 1
            tally.change_clear_up += int(clear_up)
    return tally


def _work(job: tuple[int, int, int, Adjustment]) -> tuple[int, Tally]:
    index, seed, days, adjustment = job
    return index, evaluate(CONDITIONS[index], seed, days, adjustment)


def run(
    seeds: int,
    days: int,
    workers: int,
    conditions: Iterable[int] | None = None,
    adjustment: Adjustment = Adjustment.WEIGHTED_HOLM,
) -> dict[str, Tally]:
    chosen = list(range(len(CONDITIONS))) if conditions is None else list(conditions)
    for index in chosen:
        truths(CONDITIONS[index])  # once here, so workers started by fork inherit them
    jobs = [(index, 1000 * index + seed, days, adjustment) for index in chosen for seed in range(seeds)]
    tallies = {CONDITIONS[i].name: Tally() for i in chosen}
    if workers <= 1:
        results: Iterable[tuple[int, Tally]] = map(_work, jobs)
        for index, tally in results:
            tallies[CONDITIONS[index].name].add(tally)
    else:
        with multiprocessing.get_context("fork").Pool(min(2, workers)) as pool:
            for index, tally in pool.imap_unordered(_work, jobs, chunksize=8):
                tallies[CONDITIONS[index].name].add(tally)
    return tallies


def _pct(part: int, whole: int) -> str:
    return "–" if whole == 0 else f"{100 * part / whole:.1f} %"


def table(tallies: dict[str, Tally]) -> str:
    header = (
        "| condition | journals | any clear | any interval off zero | coverage (shown) "
        "| coverage (plain 95 %) | power: mood on run days | power: before/after |"
    )
    lines = [header, "|" + "---|" * 8]
    for name, t in tallies.items():
        lines.append(
            f"| {name} | {t.journals} | {_pct(t.any_clear, t.journals)} "
            f"| {_pct(t.any_excludes_zero, t.journals)} | {_pct(t.covered, t.intervals)} "
            f"| {_pct(t.covered_95, t.intervals)} | {_pct(t.mood_clear_up, t.mood_shown)} "
            f"| {_pct(t.change_clear_up, t.change_shown)} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=500)
    parser.add_argument("--days", type=int, default=150)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--adjustment", type=Adjustment, default=Adjustment.WEIGHTED_HOLM,
        choices=list(Adjustment), help="how the intervals allow for the comparisons shown",
    )  # fmt: skip
    parser.add_argument("--compare", action="store_true", help="a table for every adjustment")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    for adjustment in list(Adjustment) if args.compare else [args.adjustment]:
        tallies = run(args.seeds, args.days, args.workers, adjustment=adjustment)
        print(f"\nAdjustment: {adjustment}\n")
        print(table(tallies))
    print(
        f"\n{args.seeds} seeds per condition, {args.days}-day journals, "
        f"{time.perf_counter() - began:.0f} s with {min(2, args.workers)} workers"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
