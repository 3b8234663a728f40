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
import platform
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import median_seconds

from runjournal.formats.importers import read_bytes
from runjournal.insights.stats import block_bootstrap_interval
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


def _refuse_hostile_files() -> None:
    for name, data in HOSTILE.items():
        result = read_bytes(name, data)
        if result.runs or not result.error:
            raise SystemExit(f"{name} was not refused: the benchmark measures the wrong thing")


def budgets() -> list[tuple[str, Callable[[], object], float]]:
    run_days, other_days = _ten_years_of_days()
    return [
        ("sample journal, 10 years", lambda: generate(10, end=END, seed=11), 1.0),
        ("block bootstrap, 10 years of days", lambda: block_bootstrap_interval(run_days, other_days), 0.5),
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
