"""Benchmark of importing real activity files, against the parsing libraries alone.

For every real file in tests/data/activities (FIT, TCX, GPX from a watch, Garmin Connect
and Strava), reports the median time of:
- the floor: gpxpy / fitdecode / defusedxml parsing the same bytes and nothing else;
- `read_file` (sniffing, safety checks, parsing, building runs);
- the whole import into a journal (read, review for duplicates, store with originals);
- importing the same files again into that journal, where each file is recognised by the
  hash of its bytes before it is parsed; the ratio first / again is the goal of issue 21
  (at least 20×), measured in the same run so the machine's speed cancels out.

Run: python tests/benchmarks/bench_import.py [--repeat 5] [--json FILE]
Not part of the test suite: timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import platform
import sys
import tempfile
import time
import warnings
from datetime import UTC
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import interleaved_medians, median_seconds

DATA = Path(__file__).parents[1] / "data" / "activities"


def parse_alone(path: Path) -> None:
    """What the parsing libraries need for the file, with nothing of ours around them."""
    import fitdecode
    import gpxpy
    from defusedxml.ElementTree import fromstring

    data = path.read_bytes()
    if path.suffix == ".gpx":
        gpxpy.parse(data.decode("utf-8"))
    elif path.suffix == ".fit":
        with warnings.catch_warnings(), fitdecode.FitReader(io.BytesIO(data)) as reader:
            warnings.simplefilter("ignore")
            for _frame in reader:
                pass
    else:
        fromstring(data)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    from runjournal.formats.importers import read_file
    from runjournal.service.journal import Journal

    folder = Path(tempfile.mkdtemp(prefix="runjournal-bench-import-"))
    files = []
    for packed in sorted(DATA.glob("*.gz")):
        target = folder / packed.name.removesuffix(".gz")
        target.write_bytes(gzip.decompress(packed.read_bytes()))
        files.append(target)
    size_mb = sum(f.stat().st_size for f in files) / 1e6

    def import_all() -> None:
        with Journal.open(folder / f"journal-{time.perf_counter_ns()}.sqlite") as journal:
            journal.store_import(journal.plan_import([read_file(f, local_zone=UTC) for f in files]))

    # In turn within each round, so a busy moment hits the floor and what it bounds alike.
    timed = interleaved_medians(
        {
            "floor": lambda: list(map(parse_alone, files)),
            "reading": lambda: [read_file(f, local_zone=UTC) for f in files],
            "whole": import_all,
        },
        args.repeat,
    )
    floor, reading, whole = timed["floor"], timed["reading"], timed["whole"]

    with Journal.open(folder / "journal-again.sqlite") as journal:

        def import_as_the_window_does() -> None:
            results = [read_file(f, local_zone=UTC, known=journal.imported_before) for f in files]
            plan = journal.plan_import(results)
            if plan.new_runs:
                journal.store_import(plan)

        first = median_seconds(import_as_the_window_does, 1)
        again = median_seconds(import_as_the_window_does, args.repeat)
    rows = [
        ("parsing libraries alone (floor)", floor, 1.0),
        ("read_file on every file", reading, reading / floor),
        ("import into a journal (read, review, store)", whole, whole / floor),
        ("the same export imported again (by hash)", again, again / floor),
    ]
    print(
        f"{len(files)} real files, {size_mb:.1f} MB; medians of {args.repeat} runs; Python {platform.python_version()}"
    )
    for name, seconds, ratio in rows:
        print(f"  {name:<46} {seconds * 1000:8.0f} ms   {ratio:5.2f} × floor")
    print(f"  first import / import again: {first / again:.0f}× (goal: at least 20×)")
    if args.json:
        payload = {
            "files": len(files),
            "megabytes": round(size_mb, 2),
            "results": [{"name": n, "seconds": s, "ratio": r} for n, s, r in rows],
            "reimport_speedup": first / again,
        }
        args.json.write_text(json.dumps(payload, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
