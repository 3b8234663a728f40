"""Benchmark of a journal locked with a passphrase against the same journal unlocked.

SQLCipher 4's defaults are used as they are: PBKDF2-HMAC-SHA512 with 256 000 iterations
derives the key from the passphrase (the cost an attacker pays per guess), AES-256 in CBC
mode encrypts each 4 KiB page, HMAC-SHA512 authenticates it.

Measured, as medians, on two copies of the same demo journal (one plain, one locked):
- the key derivation alone (one SQLCipher connection keyed and its first page read, minus a
  plain connection doing the same). RunJournal derives the key once per opening, exactly as
  SQLCipher would (storage.encryption), and hands SQLCipher the raw key for each of the
  connections that checking and opening a journal make, so the KDF is paid once, not 4 times;
- opening the journal as the window does (Journal.open, then the counts the first paint
  shows), against the own-stack floor (the same on the plain copy) plus the key derivation:
  the target is at most 1.3 × (floor + key derivation);
- the charts' figures for all weeks and the weekly report's figures, against the plain
  copy: the target is at most 1.2 ×.

Run: python tests/benchmarks/bench_encryption.py [--years 3] [--repeat 5] [--json FILE]
Not part of the test suite: timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import median_seconds

PASSPHRASE = "a benchmark passphrase"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--years", type=float, default=3)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    import shutil
    import sqlite3

    from runjournal.domain.weeks import IsoWeek
    from runjournal.figures.charts import ChartRange
    from runjournal.samples import demo
    from runjournal.service import protection
    from runjournal.service.journal import Journal
    from runjournal.storage import encryption

    folder = Path(tempfile.mkdtemp(prefix="runjournal-bench-encryption-"))
    today = date.today()
    plain = folder / "plain" / "journal.sqlite"
    locked = folder / "locked" / "journal.sqlite"
    with Journal.open(plain) as journal:
        generated = demo.generate(args.years, end=today)
        journal.add_entries(generated.runs, generated.check_ins, generated.settings)
    locked.parent.mkdir()
    shutil.copy(plain, locked)
    protection.protect(locked, PASSPHRASE, PASSPHRASE)
    encryption.forget_all()

    def kdf_and_first_page() -> None:
        encryption.forget_all()  # no key derived yet: the full derivation, as at start-up
        connection = encryption.connect(locked, PASSPHRASE, query="mode=ro")
        connection.close()

    def plain_first_page() -> None:
        connection = sqlite3.connect(f"{plain.as_uri()}?mode=ro", uri=True)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        connection.close()

    def open_plain() -> None:
        with Journal.open(plain) as journal:
            journal.counts()

    def open_locked() -> None:
        encryption.forget_all()  # as at start-up: nothing remembered yet
        with Journal.open(locked, passphrase=PASSPHRASE) as journal:
            journal.counts()

    open_plain()
    open_locked()
    kdf = median_seconds(kdf_and_first_page, args.repeat) - median_seconds(plain_first_page, args.repeat)
    floor = median_seconds(open_plain, args.repeat)
    opening = median_seconds(open_locked, args.repeat)

    week = IsoWeek.of(today) - 1
    figures: list[tuple[str, float, float]] = []
    with Journal.open(plain) as plain_journal, Journal.open(locked, passphrase=PASSPHRASE) as locked_journal:
        for name, read in (
            ("charts' figures, all weeks", lambda j: j.chart_data(ChartRange.ALL, today)),
            ("weekly report's figures", lambda j: j.week_report(week, today)),
        ):

            def timed(journal: Journal, read=read) -> float:  # type: ignore[no-untyped-def]
                def action() -> None:
                    journal._run_cache.forget()  # each read goes to the file
                    read(journal)

                action()
                return median_seconds(action, args.repeat)

            figures.append((name, timed(locked_journal), timed(plain_journal)))

    counts = Journal.open(plain, write=False).counts()
    print(
        f"{args.years:g}-year demo journal: {counts.runs} runs, {counts.check_ins} check-ins; "
        f"medians of {args.repeat}; Python {platform.python_version()}, {platform.machine()}; "
        f"SQLCipher KDF {encryption.KDF_ALGORITHM}, {encryption.KDF_ITERATIONS} iterations"
    )
    print(f"  key derivation (one keyed connection)          {kdf * 1000:8.1f} ms")
    print(f"  open + counts, plain (own-stack floor)          {floor * 1000:8.1f} ms")
    print(
        f"  open + counts, locked                           {opening * 1000:8.1f} ms   "
        f"{opening / (floor + kdf):5.2f} × (floor + key derivation)   target ≤ 1.30"
    )
    for name, locked_s, plain_s in figures:
        print(
            f"  {name:<46} {locked_s * 1000:8.1f} ms   {locked_s / plain_s:5.2f} × plain ({plain_s * 1000:.1f} ms)"
            "   target ≤ 1.20"
        )
    if args.json:
        payload = {
            "kdf_seconds": kdf,
            "open_floor_seconds": floor,
            "open_locked_seconds": opening,
            "figures": [{"name": n, "locked_seconds": a, "plain_seconds": b} for n, a, b in figures],
        }
        args.json.write_text(json.dumps(payload, indent=1) + "\n")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
