"""Benchmark of the journal core on a 10-year demo journal.

Reports medians of several runs, each next to a baseline measured in the same run:
- the per-week aggregates through the Journal API, against the bare SQL floor (the same
  GROUP BY run by the sqlite3 module, no mapping to records);
- writing the demo journal through the Journal API, against generating it alone plus
  inserting the same rows with sqlite3's executemany.

Run: python tests/benchmarks/bench_core.py [--years 10] [--repeat 7] [--json FILE]
Not part of the test suite: timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import interleaved_medians, median_seconds

from runjournal.samples import demo
from runjournal.service.journal import Journal

# The same grouping the repository builds, written out by hand: the floor for SQLite.
FLOOR_SQL = """
SELECT date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days') AS week,
       count(*),
       sum(CASE WHEN duration_s >= 600 THEN 1 ELSE 0 END),
       sum(CASE WHEN activity = 'run' THEN 1 ELSE 0 END),
       sum(duration_s / 60.0),
       sum(CASE WHEN effort <= 4 THEN duration_s / 60.0 ELSE 0 END),
       sum(CASE WHEN effort IS NULL OR effort BETWEEN 5 AND 6 THEN duration_s / 60.0 ELSE 0 END),
       sum(CASE WHEN effort >= 7 THEN duration_s / 60.0 ELSE 0 END),
       sum(CASE WHEN activity = 'run' THEN duration_s / 60.0 ELSE 0 END),
       sum(CASE WHEN activity = 'run' AND effort <= 4 THEN duration_s / 60.0 ELSE 0 END),
       coalesce(sum(distance_m), 0),
       sum(CASE WHEN activity = 'run' THEN coalesce(distance_m, 0) ELSE 0 END)
FROM runs WHERE day >= ? AND day <= ? GROUP BY week ORDER BY week
"""


def _write_demo(folder: Path, years: float, end: date) -> Path:
    path = folder / f"demo-{time.perf_counter_ns()}.sqlite"
    with Journal.open(path) as journal:
        sample = demo.generate(years, end=end, seed=1)
        journal.add_entries(sample.runs, sample.check_ins, sample.settings)
    return path


def _floor_demo(folder: Path, years: float, end: date, empty: Path) -> None:
    """Generating the same journal and inserting its rows with bare sqlite3."""
    sample = demo.generate(years, end=end, seed=1)
    path = folder / f"floor-{time.perf_counter_ns()}.sqlite"
    shutil.copyfile(empty, path)  # an empty journal: the schema without Alembic's cost
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        db.executemany(
            "INSERT INTO runs (day, activity, duration_s, distance_m, effort, company, outdoor, mindful,"
            " title, note, note_private, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (r.day, str(r.activity), r.duration_s, r.distance_m, r.effort, str(r.company),
                 r.outdoor, r.mindful, r.title, r.note, r.note_private, str(r.source))
                for r in sample.runs
            ],
        )  # fmt: skip
        db.executemany(
            "INSERT INTO check_ins (day, mood, stress, anxiety, energy, sleep_hours, sleep_quality, ill, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (c.day, c.mood, c.stress, c.anxiety, c.energy, c.sleep_hours, c.sleep_quality, c.ill, c.note)
                for c in sample.check_ins
            ],
        )
        db.commit()


def _row(
    what: str, seconds: float, baseline: str | None = None, baseline_seconds: float | None = None
) -> dict:
    return {"what": what, "seconds": seconds, "baseline": baseline, "baseline_seconds": baseline_seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the table as JSON")
    args = parser.parse_args(argv)
    end = date.today()
    rows: list[dict[str, Any]] = []

    with tempfile.TemporaryDirectory(prefix="runjournal-bench-") as tmp:
        folder = Path(tmp)
        template = _write_demo(folder, args.years, end)
        with Journal.open(template) as journal:
            counts = journal.counts()
            first, last = counts.first_day, counts.last_day
            assert first is not None and last is not None
            recent = date.fromordinal(last.toordinal() - 7 * 52)

            def floor(since: date) -> Callable[[], object]:
                def query() -> object:
                    with closing(sqlite3.connect(template)) as db:
                        return db.execute(FLOOR_SQL, (since.isoformat(), last.isoformat())).fetchall()

                return query

            for label, since in (
                (f"week totals, all {args.years:g} years", first),
                ("week totals, 52 weeks", recent),
            ):
                ours_read: Callable[[], object] = partial(journal.week_totals, since, last)
                timed = interleaved_medians(  # in turn, so a busy moment hits both alike
                    {"ours": ours_read, "floor": floor(since)}, args.repeat
                )
                ours, base = timed["ours"], timed["floor"]
                rows.append(_row(label, ours, "bare sqlite3 GROUP BY", base))

        generate = median_seconds(lambda: demo.generate(args.years, end=end, seed=1), args.repeat)
        rows.append(_row(f"demo generation, {args.years:g} years", generate))
        empty = folder / "empty.sqlite"
        Journal.open(empty).close()
        timed = interleaved_medians(
            {
                "write": lambda: _write_demo(folder, args.years, end),
                "floor": lambda: _floor_demo(folder, args.years, end, empty),
            },
            max(3, args.repeat // 2),
        )
        write, floor_write = timed["write"], timed["floor"]
        rows.append(
            _row("demo journal written via Journal", write, "generate + sqlite3 executemany", floor_write)
        )

    print(f"RunJournal core benchmark: {counts.runs} runs, {counts.check_ins} check-ins; "
          f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {platform.machine()}")  # fmt: skip
    print(f"{'what':<40} {'median':>10} {'baseline':>10} {'ratio':>7}  baseline is")
    for row in rows:
        base = row["baseline_seconds"]
        ratio = f"{row['seconds'] / base:6.2f}x" if base else "      -"
        base_text = f"{base * 1000:8.1f}ms" if base else "         -"
        print(
            f"{row['what']:<40} {row['seconds'] * 1000:8.1f}ms {base_text} {ratio}  {row['baseline'] or ''}"
        )
    if args.json:
        args.json.write_text(
            json.dumps({"runs": counts.runs, "check_ins": counts.check_ins, "rows": rows}, indent=1)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
