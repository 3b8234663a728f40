"""Time budgets of the pure core: the speed limits the test suite used to assert.

The test suite asserts no time (a 2-CPU machine shared with other work makes any clock in
a test flaky); these limits live here instead, each as the median of several runs against
its budget:
- a 10-year sample journal is generated well under a second (the first start's sample);
- the moving-block bootstrap over ten years of days takes well under a second (Insights);
- a hostile file (an XML entity bomb, GPX and TCX) is refused at once, never expanded.

Run: python tests/benchmarks/bench_limits.py [--repeat 5] [--json FILE]
Exit code 1 when a budget is missed, 0 when all are met.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import median_seconds

from runjournal.formats.importers import read_bytes
from runjournal.insights.stats import (
    block_resample_sums,
    centring_correction,
    choose_block,
    interval_at,
    resamples_for,
    spread,
)
from runjournal.samples.demo import generate

END = date(2026, 11, 22)
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE {root} [
 <!ENTITY a "laugh">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
 <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<{root} xmlns="{namespace}"><name>&i;</name></{root}>"""
HOSTILE = {
    "bomb.gpx": BILLION_LAUGHS.format(root="gpx", namespace="http://www.topografix.com/GPX/1/1").encode(),
    "bomb.tcx": BILLION_LAUGHS.format(
        root="TrainingCenterDatabase", namespace="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
    ).encode(),
}


def _ten_years_of_days(seed: int = 0) -> tuple[dict[date, float], dict[date, float]]:
    """Mood on run days and on other days, over 3,650 days (as the insights test used)."""
    rng = np.random.default_rng(seed)
    days = [date(2015, 1, 1) + timedelta(days=i) for i in range(3650)]
    ran = rng.random(3650) < 0.4
    run_days = {d: float(rng.integers(1, 11)) for d, r in zip(days, ran, strict=True) if r}
    other_days = {d: float(rng.integers(1, 11)) for d, r in zip(days, ran, strict=True) if not r}
    return run_days, other_days


def _block_bootstrap_interval(
    run_days: dict[date, float], other_days: dict[date, float]
) -> tuple[float, float]:
    """A 95 % interval for mood on run days against other days, worked out as the insights
    work out each comparison (runjournal.insights.comparisons): the block length the days
    ask for (`choose_block`), the moving-block resamples of each day's share in the
    difference (`block_resample_sums`), and the interval from their spread with the
    bootstrap's known shortfalls undone."""
    first = min(min(run_days), min(other_days))
    length = (max(max(run_days), max(other_days)) - first).days + 1
    mood = np.full(length, np.nan)
    ran = np.zeros(length, dtype=bool)
    for days, is_run_day in ((run_days, True), (other_days, False)):
        at = np.fromiter(((d - first).days for d in days), dtype=np.int64, count=len(days))
        mood[at] = np.fromiter(days.values(), dtype=float, count=len(days))
        ran[at] = is_run_day
    seen = ~np.isnan(mood)
    in_a, in_b = seen & ran, seen & ~ran
    filled = np.where(seen, mood, 0.0)
    mean_a, mean_b = float(filled[in_a].mean()), float(filled[in_b].mean())
    influence = np.where(in_a, (filled - mean_a) / in_a.sum(), 0.0) - np.where(
        in_b, (filled - mean_b) / in_b.sum(), 0.0
    )
    grouping = np.where(seen, in_a, np.nan)
    pair = choose_block(mood, grouping)
    block = max(pair.days, choose_block(grouping).days)
    sums = block_resample_sums(influence, block, resamples=resamples_for(length, block, 1))
    blocks = -(-length // block)  # every day has a mood, so every block holds entries
    correction = pair.variance_correction * centring_correction(length, block) * blocks / (blocks - 1)
    standard_error = spread(sums[:, 0]) * math.sqrt(correction)
    return interval_at(mean_a - mean_b, standard_error, tail=0.05, blocks=blocks)


def _refuse_hostile_files() -> None:
    for name, data in HOSTILE.items():
        result = read_bytes(name, data)
        if result.runs or not result.error:
            raise SystemExit(f"{name} was not refused: the benchmark measures the wrong thing")


def budgets() -> list[tuple[str, Callable[[], object], float]]:
    run_days, other_days = _ten_years_of_days()
    return [
        ("sample journal, 10 years", lambda: generate(10, end=END, seed=11), 1.0),
        ("block bootstrap, 10 years of days", lambda: _block_bootstrap_interval(run_days, other_days), 0.5),
        ("refusing two XML entity bombs", _refuse_hostile_files, 1.0),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    rows = []
    print(f"{'target':<36} {'median':>9} {'budget':>8}  met")
    for name, action, budget in budgets():
        seconds = median_seconds(action, args.repeat)
        met = seconds < budget
        rows.append({"target": name, "median_s": seconds, "budget_s": budget, "met": met})
        print(f"{name:<36} {seconds * 1000:>7.0f} ms {budget * 1000:>5.0f} ms  {'yes' if met else 'NO'}")
    if args.json:
        args.json.write_text(
            json.dumps({"machine": platform.platform(), "repeat": args.repeat, "results": rows}, indent=2),
            encoding="utf-8",
        )
    return 0 if all(row["met"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
