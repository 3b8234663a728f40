"""How long the insights of a 30,000-run journal take, and how much memory they add.

    python tests/benchmarks/insights_speed.py [--runs 30000] [--repeat 5]

Builds a journal of `--runs` sessions (one or two a day on about two days in three, most
with moods before and after) and a check-in on every day, over as many years as that needs,
in a temporary SQLite file. Measures, medians of `--repeat`:
- the statistics alone (`insights(entries_from(runs, check_ins))`);
- `Journal.insights(today)` on a journal opened before (SQLite's pages in memory);
- `Journal.insights(today)` on a freshly opened journal (what `runjournal insights` does):
  the run days, the sessions with moods and the check-ins' columns read, no Run built;
and the peak of extra memory Python allocates during one call (tracemalloc, numpy included).
Goals (issue 16): under 1 s and under 100 MB. Reported, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from runjournal.domain.model import Activity, CheckIn, Run
from runjournal.insights import entries_from, insights
from runjournal.service.journal import Journal

TODAY = date(2026, 12, 1)


def build(total: int, seed: int = 1) -> tuple[list[Run], list[CheckIn]]:
    rng = np.random.default_rng(seed)
    runs: list[Run] = []
    check_ins: list[CheckIn] = []
    days = int(total / (0.66 * 1.5)) + 1
    first = TODAY - timedelta(days=days - 1)
    for i in range(days):
        day = first + timedelta(days=i)
        mood = int(rng.integers(3, 9))
        check_ins.append(
            CheckIn(day=day, mood=mood, anxiety=int(rng.integers(2, 8)), stress=int(rng.integers(2, 8)),
                    sleep_hours=round(float(rng.normal(7, 0.7)), 1))
        )  # fmt: skip
        if rng.random() < 0.66:
            for _ in range(1 + int(rng.random() < 0.5)):
                if len(runs) == total:
                    break
                noted = rng.random() < 0.7
                runs.append(
                    Run(day=day, duration_s=1800, effort=int(rng.integers(2, 10)),
                        activity=Activity.RUN if rng.random() < 0.85 else Activity.WALK,
                        mood_before=mood if noted else None,
                        mood_after=min(10, mood + int(rng.integers(0, 3))) if noted else None)
                )  # fmt: skip
    return runs, check_ins


def measure(
    call: Callable[[], object], repeat: int, before: Callable[[], object] | None = None
) -> tuple[float, float, float]:
    """Median wall time, median CPU time of this process (the machine is shared: another
    process's load shows in the first, not the second), and peak extra memory in MB."""
    times, cpu = [], []
    for _ in range(repeat):
        if before:
            before()
        began, began_cpu = time.perf_counter(), time.process_time()
        call()
        times.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    if before:
        before()
    tracemalloc.start()
    call()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), statistics.median(cpu), peak / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    runs, check_ins = build(args.runs)
    print(f"{len(runs)} runs, {len(check_ins)} check-ins ({len(check_ins) / 365.25:.0f} years)")
    insights(entries_from(runs[:3000], check_ins[:3000]))  # numpy and the modules loaded first
    rows = []
    rows.append(("statistics alone", *measure(lambda: insights(entries_from(runs, check_ins)), args.repeat)))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.sqlite"
        with Journal.open(path) as journal:
            journal.add_entries(runs, check_ins)
        with Journal.open(path) as journal:
            journal.insights(TODAY)
            rows.append(
                (
                    "Journal.insights, journal open before",
                    *measure(lambda: journal.insights(TODAY), args.repeat),
                )
            )
        holder: list[Journal] = []

        def reopen() -> None:
            while holder:
                holder.pop().close()
            holder.append(Journal.open(path))

        rows.append(
            (
                "Journal.insights, freshly opened",
                *measure(lambda: holder[-1].insights(TODAY), args.repeat, reopen),
            )
        )
        while holder:
            holder.pop().close()
    print("| what | median wall time | median CPU time | peak extra memory |\n|---|---|---|---|")
    for what, seconds, cpu, megabytes in rows:
        print(f"| {what} | {seconds:.2f} s | {cpu:.2f} s | {megabytes:.0f} MB |")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
