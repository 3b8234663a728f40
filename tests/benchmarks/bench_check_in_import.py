"""Benchmark: how long the window's thread goes without a turn while a check-ins table is
read and its review opens (issues 19 and 22: nothing on the window's thread over 50 ms).

Each run is a fresh process: a journal with ten years of sample entries, the main window
painted, then File → Import Check-ins (CSV)… with a table of DAYS daily check-ins (thirty
years; the first ten differ from the journal's days). A 5 ms timer on the window's thread
records every gap; the probe reports the longest gap from the moment the import is chosen
until the review is on screen, and how long that took. The first import of a session is
measured (its modules load then), as a person meets it.

Run: python tests/benchmarks/bench_check_in_import.py [--repeat 5] [--days 11000]
Not part of the test suite: timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOAL_MS = 50

PROBE = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from runjournal.service.journal import Journal
    from runjournal.ui.app import make_application
    from runjournal.ui.main_window import MainWindow

    app = make_application()
    journal = Journal.open(sys.argv[1])
    window = MainWindow(journal)
    window.show()
    beats = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    heartbeat.start()
    result = {}

    def reviewed():
        dialog = window.importer.check_in_dialog
        return dialog is not None and dialog.plan is not None

    def watch():
        if reviewed():
            result["ended"] = time.perf_counter()
            app.quit()
        else:
            QTimer.singleShot(1, watch)

    def choose():
        result["began"] = time.perf_counter()
        window.importer.import_check_ins(Path(sys.argv[2]))
        watch()

    QTimer.singleShot(3000, choose)  # the window painted and settled, as when a person picks the menu
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    began, ended = result["began"], result.get("ended")
    if ended is None:
        raise SystemExit("the review never opened")
    moments = [began, *(b for b in beats if began < b < ended), ended]
    longest = max(b - a for a, b in zip(moments, moments[1:]))
    print(f"{longest * 1000:.1f} {(ended - began) * 1000:.1f}")
    """
)


def make_inputs(folder: Path, days: int) -> tuple[Path, Path]:
    from datetime import date, timedelta

    from runjournal.domain.model import CheckIn
    from runjournal.formats.csv_files import check_ins_table
    from runjournal.samples.demo import generate
    from runjournal.service.journal import Journal

    end = date.today()
    demo = generate(10, end=end)
    journal_path = folder / "journal.sqlite"
    with Journal.open(journal_path) as journal:
        journal.add_entries(list(demo.runs), list(demo.check_ins))
    first = end - timedelta(days=days - 1)
    table = [
        CheckIn(first + timedelta(days=n), mood=1 + n % 10, stress=1 + (n * 7) % 10, sleep_hours=7.0)
        for n in range(days)
    ]
    table_path = folder / "check-ins.csv"
    table_path.write_text(check_ins_table(table), encoding="utf-8")
    return journal_path, table_path


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--days", type=int, default=11_000)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory(prefix="bench-check-ins-") as temporary:
        folder = Path(temporary)
        journal_path, table_path = make_inputs(folder, args.days)
        script = folder / "probe.py"
        script.write_text(PROBE, encoding="utf-8")
        longest, whole = [], []
        for run in range(args.repeat):
            copy = folder / f"journal-{run}.sqlite"
            copy.write_bytes(journal_path.read_bytes())
            home = folder / f"home-{run}"
            out = subprocess.run(
                [sys.executable, str(script), str(copy), str(table_path)],
                capture_output=True,
                text=True,
                env={**env, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config")},
                timeout=120,
            )
            if out.returncode != 0:
                raise SystemExit(f"probe failed: {out.stderr[-2000:]}")
            gap_ms, whole_ms = (float(word) for word in out.stdout.split()[-2:])
            longest.append(gap_ms)
            whole.append(whole_ms)
    worst = statistics.median(longest)
    print(f"check-ins table of {args.days:,} days, {args.repeat} runs (medians; range in brackets)")
    print(
        f"  longest gap on the window's thread: {worst:.0f} ms [{min(longest):.0f}–{max(longest):.0f}]"
        f"  goal ≤ {GOAL_MS} ms: {'met' if worst <= GOAL_MS else 'NOT met'}"
    )
    print(
        f"  chosen → review on screen: {statistics.median(whole):.0f} ms [{min(whole):.0f}–{max(whole):.0f}]"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
