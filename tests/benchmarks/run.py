"""RunJournal's speed targets, each measured next to its floor in the same run.

    python tests/benchmarks/run.py [--repeat 7] [--json FILE] [--only startup,charts,...]

Targets (medians; ratios to a floor measured here and now, so the machine's speed cancels):
- start-up to the painted main window with its data (`--smoke-test`, a whole process) on a
  10-year demo journal: ≤ 1.3 × the floor of our own stack (a minimal PySide6 program that
  imports SQLAlchemy, opens the same journal, runs one query, shows an empty QMainWindow
  and quits); and ≤ 1.1 × the same start-up on an empty journal;
- opening the charts view on a 10-year journal, onto the default 52 weeks and onto all ten
  years (the range is remembered), and changing its range: < 150 ms each, and
  no step that blocks the window for more than 100 ms (a 5 ms heartbeat timer measures the
  longest gap in the event loop while the window is used);
- import of a folder of real FIT/TCX/GPX files: ≤ 1.5 × the parsing libraries alone;
- the weekly PDF for a week of a 10-year journal: < 1 s;
- peak resident memory of the start-up with a 10-year journal: ≤ 1.3 × with an empty one.

Prints one table and writes it as JSON (default tests/benchmarks/latest.json).
Not part of the test suite: timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

FLOOR_PROGRAM = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    from sqlalchemy import create_engine, text

    app = QApplication(sys.argv[:1])
    engine = create_engine("sqlite:///" + sys.argv[1])
    with engine.connect() as connection:
        connection.execute(text("SELECT count(*) FROM runs")).scalar_one()
    window = QMainWindow()
    window.show()

    def painted():
        handle = window.windowHandle()
        if handle is None or not handle.isExposed():
            QTimer.singleShot(10, painted)
            return
        window.repaint()
        app.exit(0)

    QTimer.singleShot(0, painted)
    sys.exit(app.exec())
    """
)


@dataclass
class Row:
    target: str
    measured: str
    floor: str
    ratio: float | None
    goal: str
    met: bool


def _child(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time (s) and peak resident memory (KB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    assert process.stderr is not None  # stderr=PIPE
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")
    process.stderr.close()
    return elapsed, usage.ru_maxrss


def startup(folder: Path, journal10: Path, repeat: int) -> list[Row]:
    import compileall

    import runjournal

    # An installed app starts from bytecode (pip compiles it); so do PySide6 and SQLAlchemy
    # in the floor. Compile ours too, so source parsing is not measured against us.
    compileall.compile_dir(Path(runjournal.__file__).parent, quiet=1)
    empty = folder / "empty.sqlite"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("RUNJOURNAL_DB", "DISPLAY", "PYTHONDONTWRITEBYTECODE")
    }
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(folder), XDG_CONFIG_HOME=str(folder / "config"))
    floor_script = folder / "floor.py"
    floor_script.write_text(FLOOR_PROGRAM)
    app = [sys.executable, "-m", "runjournal", "--smoke-test", "--db"]
    subprocess.run([*app, str(empty)], env=env, capture_output=True, check=True)  # creates it
    runs: dict[str, list[float]] = {"floor": [], "empty": [], "ten": []}
    memory: dict[str, list[int]] = {"empty": [], "ten": []}
    _child([sys.executable, str(floor_script), str(journal10)], env)  # warm the file cache
    _child([*app, str(journal10)], env)
    for _ in range(repeat):  # interleaved, so a busy moment hits all three alike
        runs["floor"].append(_child([sys.executable, str(floor_script), str(journal10)], env)[0])
        for name, path in (("empty", empty), ("ten", journal10)):
            seconds, kb = _child([*app, str(path)], env)
            runs[name].append(seconds)
            memory[name].append(kb)
    floor, empty_s, ten = (statistics.median(runs[k]) for k in ("floor", "empty", "ten"))
    mem_empty, mem_ten = statistics.median(memory["empty"]), statistics.median(memory["ten"])
    return [
        Row("start-up, 10-year journal", f"{ten:.2f} s", f"{floor:.2f} s (PySide6 + SQLAlchemy floor)", ten / floor, "≤ 1.3 ×", ten / floor <= 1.3),
        Row("start-up, 10-year vs empty journal", f"{ten:.2f} s", f"{empty_s:.2f} s (empty journal)", ten / empty_s, "≤ 1.1 ×", ten / empty_s <= 1.1),
        Row("peak memory, 10-year vs empty journal", f"{mem_ten / 1024:.0f} MB", f"{mem_empty / 1024:.0f} MB (empty journal)", mem_ten / mem_empty, "≤ 1.3 ×", mem_ten / mem_empty <= 1.3),
    ]  # fmt: skip


class Heartbeat:
    """The longest time the event loop went without running a 5 ms timer: how long the
    window was unable to respond."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def start(self) -> None:
        self.longest, self._last = 0.0, time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        return self.longest


def _wait_for(signal: object, start: object, timeout_ms: int = 30_000) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    start()  # type: ignore[operator]
    loop.exec()
    signal.disconnect(loop.quit)  # type: ignore[attr-defined]


def _spin(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def charts(folder: Path, journal10: Path, repeat: int) -> list[Row]:
    import pyqtgraph  # noqa: F401  (loaded once, as the charts tab does on first show)
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from runjournal.figures.charts import ChartRange
    from runjournal.service.journal import Journal
    from runjournal.ui import start_collector
    from runjournal.ui.main_window import MainWindow
    from runjournal.ui.views.charts.charts_view import CHARTS, RANGE_KEY

    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("RunJournal-bench")
    QSettings().clear()
    # As the app starts its window: the garbage collector rests until the window is painted,
    # then what start-up made is frozen (ui/start_collector.py). Without this, every full
    # collection here would walk all of this process's objects (pyqtgraph and numpy were
    # imported before the window), far more than the app's do, and land in the stalls.
    start_collector.pause()
    journal = Journal.open(journal10)
    window = MainWindow(journal)
    window.resize(1280, 860)
    window.show()
    _spin(200)
    start_collector.resume()
    heartbeat = Heartbeat()

    # Each opening starts on the range the person last chose (remembered), so both the
    # default 52 weeks and all ten years are opened onto, then switched away from. The window
    # builds the charts while idle once it is on screen ("prepared"); a person who opens the
    # tab within the first second or two meets them unbuilt ("cold").
    ranges = (ChartRange.WEEKS_52, ChartRange.ALL)
    opening: dict[tuple[bool, ChartRange], list[float]] = {(p, r): [] for p in (True, False) for r in ranges}
    switching, stalls = [], []
    for _ in range(repeat):
        for prepared in (True, False):
            for first, other in (ranges, ranges[::-1]):
                window.tabs.setCurrentIndex(0)
                _spin(50)
                if window.charts.view is not None:  # a fresh view each time: its first opening counts
                    window.charts.view.deleteLater()
                    window.charts.view = None
                    _spin(20)
                QSettings().setValue(RANGE_KEY, int(first))
                if prepared:  # as the window does once it is on screen and idle
                    window.charts.prepare()
                    while window.charts.view is None or len(window.charts.view.panels) < len(CHARTS):
                        _spin(20)
                heartbeat.start()
                start = time.perf_counter()

                def show_charts() -> None:
                    window.tabs.setCurrentIndex(2)

                view_ready = window.charts.ensure_view()
                _wait_for(view_ready.chartsShown, show_charts)
                app.processEvents()
                opening[prepared, first].append(time.perf_counter() - start)
                start = time.perf_counter()
                _wait_for(view_ready.chartsShown, lambda t=other, v=view_ready: v.set_range(t))
                app.processEvents()
                switching.append(time.perf_counter() - start)
                for tab in (0, 1, 3, 2):  # the other views, as a person looks around
                    window.tabs.setCurrentIndex(tab)
                    _spin(60)
                stalls.append(heartbeat.stop())
    window.close()
    journal.close()
    med = {key: statistics.median(times) for key, times in opening.items()}
    switch_s, stall = statistics.median(switching), max(stalls)
    cold = f"opened before it was built: {med[False, ChartRange.WEEKS_52] * 1000:.0f} / {med[False, ChartRange.ALL] * 1000:.0f} ms"
    return [
        Row("open the charts view on 52 weeks, 10-year journal", f"{med[True, ChartRange.WEEKS_52] * 1000:.0f} ms", cold, None, "< 150 ms", med[True, ChartRange.WEEKS_52] < 0.150),
        Row("open the charts view on all 10 years", f"{med[True, ChartRange.ALL] * 1000:.0f} ms", "", None, "< 150 ms", med[True, ChartRange.ALL] < 0.150),
        Row("change the charts' range (52 weeks ⇄ all)", f"{switch_s * 1000:.0f} ms", "—", None, "< 150 ms", switch_s < 0.150),
        Row("longest time the window did not respond", f"{stall * 1000:.0f} ms", "—", None, "≤ 100 ms", stall <= 0.100),
    ]  # fmt: skip


def importing(folder: Path, repeat: int) -> list[Row]:
    sys.path.insert(0, str(HERE))
    import gzip
    from datetime import UTC

    from bench_import import DATA, parse_alone
    from timing import interleaved_medians

    from runjournal.formats.importers import read_file
    from runjournal.service.journal import Journal

    files = []
    for packed in sorted(DATA.glob("*.gz")):
        target = folder / packed.name.removesuffix(".gz")
        target.write_bytes(gzip.decompress(packed.read_bytes()))
        files.append(target)

    def import_all() -> None:
        with Journal.open(folder / f"import-{time.perf_counter_ns()}.sqlite") as journal:
            journal.store_import(journal.plan_import([read_file(f, local_zone=UTC) for f in files]))

    # Interleaved: the floor and the import take turns, so a busy moment cannot flip the ratio.
    timed = interleaved_medians(
        {"floor": lambda: [parse_alone(f) for f in files], "whole": import_all}, repeat
    )
    floor, whole = timed["floor"], timed["whole"]
    return [
        Row(f"import {len(files)} real activity files", f"{whole:.2f} s", f"{floor:.2f} s (gpxpy, fitdecode, defusedxml alone)", whole / floor, "≤ 1.5 ×", whole / floor <= 1.5),
    ]  # fmt: skip


def report(folder: Path, journal10: Path, repeat: int) -> list[Row]:
    from PySide6.QtWidgets import QApplication

    from runjournal.domain.weeks import IsoWeek
    from runjournal.reports.weekly import write_pdf
    from runjournal.service.journal import Journal

    _app = QApplication.instance() or QApplication([])
    today = date.today()
    week = IsoWeek.of(today) - 1
    timings = []
    with Journal.open(journal10) as journal:
        for _ in range(repeat):
            start = time.perf_counter()
            write_pdf(folder / "week.pdf", journal.week_report(week, today), printed_on=today)
            timings.append(time.perf_counter() - start)
    seconds = statistics.median(timings)
    return [Row("weekly PDF, 10-year journal", f"{seconds * 1000:.0f} ms", "—", None, "< 1 s", seconds < 1.0)]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--only", default="startup,charts,import,report")
    parser.add_argument("--json", type=Path, default=HERE / "latest.json")
    args = parser.parse_args()
    wanted = set(args.only.split(","))

    from runjournal.samples import demo
    from runjournal.service.journal import Journal

    folder = Path(tempfile.mkdtemp(prefix="runjournal-bench-"))
    journal10 = folder / "ten-years.sqlite"
    with Journal.open(journal10) as journal:
        made = demo.generate(args.years, end=date.today())
        journal.add_entries(made.runs, made.check_ins, made.settings)
        counts = journal.counts()

    rows: list[Row] = []
    if "startup" in wanted:
        rows += startup(folder, journal10, args.repeat)
    if "charts" in wanted:
        rows += charts(folder, journal10, args.repeat)
    if "import" in wanted:
        rows += importing(folder, max(3, args.repeat // 2))
    if "report" in wanted:
        rows += report(folder, journal10, args.repeat)

    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()} {platform.release()}"
    print(
        f"{args.years:g}-year demo journal ({counts.runs} runs, {counts.check_ins} check-ins); medians of {args.repeat}; {machine}"
    )
    print(f"| {'target':<42} | {'measured':>9} | {'floor':<44} | {'ratio':>6} | {'goal':<8} | met |")
    print(f"|{'-' * 44}|{'-' * 11}|{'-' * 46}|{'-' * 8}|{'-' * 10}|-----|")
    for row in rows:
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "—"
        print(
            f"| {row.target:<42} | {row.measured:>9} | {row.floor:<44} | {ratio:>6} | {row.goal:<8} | {'yes' if row.met else 'NO':<3} |"
        )
    args.json.write_text(
        json.dumps({"machine": machine, "runs": counts.runs, "check_ins": counts.check_ins, "rows": [asdict(r) for r in rows]}, indent=1, ensure_ascii=False)
        + "\n"
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
