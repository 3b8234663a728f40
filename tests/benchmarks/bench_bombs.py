"""Peak memory of RunJournal given hostile files, each in a fresh process.

Cases (each is the command a person would run, in a subprocess whose peak resident
memory, its own high-water mark VmHWM, or ru_maxrss without /proc, is read when it ends):
- records bomb: `runjournal import` of a small .fit.gz that unpacks to tens of millions
  of two-byte FIT records;
- export bomb: `runjournal export -o everything.json` of a journal whose stored original
  is a zlib bomb (a few MB stored, gigabytes unpacked);
- the largest honest original: the same export with a 190 MB original file kept;
- huge GPX: `runjournal import` of a 195 MB GPX;
- GPX just under the bound: `runjournal import` of a GPX just under the GPX size bound.

Goal: under 500 MB peak for each. Also reports the exit code, the time taken and the
first line of what the command said, so a refusal is seen to be a sentence.

Run: python tests/benchmarks/bench_bombs.py [--records 22000000] [--bomb-gb 4] [--only 1,2] [--json FILE]
Not part of the test suite: numbers are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
GOAL_MB = 500

# The child's own high-water mark: Linux carries ru_maxrss over from the parent across
# fork and exec, so a parent that once held a large file would show in every child;
# VmHWM belongs to the child's own address space (ru_maxrss where /proc is missing).
_CHILD = """
import json, resource, sys
from runjournal.cli import main
code = main(sys.argv[2:])
try:
    status = open("/proc/self/status").read().split("VmHWM:")[1]
    peak = int(status.split()[0])  # kilobytes
except (OSError, IndexError):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
with open(sys.argv[1], "w") as out:
    json.dump({"exit": code, "peak_kb": peak}, out)
"""


def _run(label: str, args: list[str], folder: Path) -> dict[str, object]:
    result_file = folder / f"result-{time.perf_counter_ns()}.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("RUNJOURNAL_DB", None)
    started = time.perf_counter()
    finished = subprocess.run(
        [sys.executable, "-c", _CHILD, str(result_file), *args],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    measured = json.loads(result_file.read_text()) if result_file.exists() else {"exit": finished.returncode}
    said = (finished.stderr.strip() or finished.stdout.strip()).splitlines()
    peak_mb = measured.get("peak_kb", 0) / 1024
    row = {
        "case": label,
        "exit": measured["exit"],
        "peak_mb": round(peak_mb, 1),
        "under_goal": peak_mb < GOAL_MB,
        "seconds": round(seconds, 1),
        "said": said[0][:300] if said else "",
    }
    print(
        f"{label}: exit {row['exit']}, peak {row['peak_mb']} MB, {row['seconds']} s; said: {row['said']}",
        flush=True,
    )
    return row


def _gpx(path: Path, size: int) -> None:
    """A GPX track of about `size` bytes: one point a second with heart rate, as watches write."""
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="bench" '
        'xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
        "<trk><name>Long day</name><type>running</type><trkseg>\n"
    )
    tail = "</trkseg></trk>\n</gpx>\n"
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        written, second = len(head) + len(tail), 0
        start = datetime(2025, 6, 1, 5, 0, tzinfo=UTC).timestamp()
        while True:
            moment = datetime.fromtimestamp(start + second % 86_000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            point = (
                f'<trkpt lat="{52.5 + second % 5000 * 1e-5:.6f}" lon="13.400000"><ele>40.0</ele>'
                f"<time>{moment}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>140"
                "</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>\n"
            )
            if written + len(point) > size:
                break
            out.write(point)
            written += len(point)
            second += 1
        out.write(tail)


def _journal_with_original(path: Path, packed: bytes, name: str) -> None:
    from runjournal.domain.model import Run, SourceFile
    from runjournal.service.journal import Journal

    with Journal.open(path) as journal:
        journal.log_run(Run(day=date(2025, 6, 1), duration_s=1800.0))
        with journal._write() as uow:  # as a damaged or hostile journal would hold it
            uow.source_files.add(SourceFile("ab" * 32, name, "fit", b""), packed)
            uow.commit()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=22_000_000, help="records in the FIT bomb")
    parser.add_argument("--bomb-gb", type=float, default=4.0, help="what the stored zlib bomb unpacks to")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--only", default="", help="comma-separated case numbers (1-5) to run")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="runjournal-bench-bombs-"))
    rows: list[dict[str, object]] = []
    chosen = {int(n) for n in args.only.split(",") if n.strip()} or {1, 2, 3, 4, 5}

    if 1 in chosen:
        _records_bomb(folder, args.records, rows)
    if 2 in chosen:
        _export_bomb(folder, args.bomb_gb, rows)
    if 3 in chosen:
        _honest_export(folder, rows)
    if 4 in chosen:
        _huge_gpx(folder, rows)
    if 5 in chosen:
        _gpx_under_the_bound(folder, rows)
    shutil.rmtree(folder, ignore_errors=True)
    print_table(rows)
    if args.json:
        report = {"machine": platform.platform(), "python": platform.python_version(), "rows": rows}
        args.json.write_text(json.dumps(report, indent=1) + "\n")
    return 0


def _records_bomb(folder: Path, records: int, rows: list[dict[str, object]]) -> None:
    from tests.hostile_files import fit_file, gzipped

    bomb = folder / "bomb.fit.gz"
    bomb.write_bytes(gzipped(fit_file(records)))
    rows.append(_run(f"records bomb ({bomb.stat().st_size / 1024:.0f} KB .fit.gz, {records:,} records)",
                     ["import", "--db", str(folder / "records.sqlite"), str(bomb)], folder))  # fmt: skip


def _export_bomb(folder: Path, gigabytes: float, rows: list[dict[str, object]]) -> None:
    from tests.hostile_files import zlib_bomb_chunks

    packed = b"".join(zlib_bomb_chunks(int(gigabytes * 1024**3)))
    _journal_with_original(folder / "export-bomb.sqlite", packed, "bomb.fit")
    rows.append(_run(f"export bomb ({len(packed) / 1e6:.1f} MB stored, {gigabytes:g} GB unpacked)",
                     ["export", "--db", str(folder / "export-bomb.sqlite"), "-o", str(folder / "bomb.json")],
                     folder))  # fmt: skip


def _honest_export(folder: Path, rows: list[dict[str, object]]) -> None:
    import zlib

    honest = os.urandom(190 * 1024 * 1024)
    _journal_with_original(folder / "honest.sqlite", zlib.compress(honest, 1), "long-ride.fit")
    del honest
    rows.append(_run("export with a 190 MB original", ["export", "--db", str(folder / "honest.sqlite"),
                     "-o", str(folder / "honest.json")], folder))  # fmt: skip


def _huge_gpx(folder: Path, rows: list[dict[str, object]]) -> None:
    huge = folder / "huge.gpx"
    _gpx(huge, 195 * 1024 * 1024)
    rows.append(_run("huge GPX (195 MB)", ["import", "--db", str(folder / "huge.sqlite"), str(huge)], folder))
    huge.unlink()


def _gpx_under_the_bound(folder: Path, rows: list[dict[str, object]]) -> None:
    from runjournal.formats import importers

    under = folder / "just-under.gpx"
    _gpx(under, importers.MAX_XML_BYTES - 1024)
    rows.append(_run(f"GPX just under the bound ({under.stat().st_size / 1e6:.1f} MB)",
                     ["import", "--db", str(folder / "under.sqlite"), str(under)], folder))  # fmt: skip


def print_table(rows: list[dict[str, object]]) -> None:
    width = max((len(str(r["case"])) for r in rows), default=4)
    print(f"\n{'case':<{width}}  exit  peak MB  < {GOAL_MB} MB  seconds")
    for r in rows:
        print(f"{r['case']:<{width}}  {r['exit']:>4}  {r['peak_mb']:>7}  {'yes' if r['under_goal'] else 'NO':>8}  "
              f"{r['seconds']:>7}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
