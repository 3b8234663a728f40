"""The same speed at any size: every start-up, command and load measured on four journals (1,
10 and 30 years of the demo person, and a 30,000-run / 10,957-check-in journal), each next
to its floor in the same interleaved rounds, with the growth from the smallest size printed.

    python tests/benchmarks/bench_sizes.py [--repeat 5] [--only startup,cli,json,stall] [--json FILE]

Goals (medians; ratios to floors measured here and now, so the machine's speed cancels):
- start-up to the painted window: ≤ 1.3 × the own-stack floor (PySide6 + SQLAlchemy opening
  the same journal with one query) and ≤ 1.1 × an empty journal, at every size;
- `log-run`, `check-in`, `coach --json`: ≤ 1.2 × a floor of Python + SQLAlchemy opening the
  same journal with one query, at every size; growth from 1 year to 30,000 runs ≤ 1.15 ×;
- whole-journal JSON import of the 30,000-run journal < 1.5 s; its export with memory growth
  < 50 MB;
- the stall probe: the longest the window's thread went without running a 5 ms timer, from
  launch for 10 s, with a daily backup due, Runs and Charts opened (and the charts switched to
  all of the journal and back), on the 30,000-run journal with 150 MB of stored originals:
  ≤ 50 ms.

The journals are made once and kept under the temporary folder (they take a while to
generate); each timing runs on a copy. Every table row also gives the spread (lowest to
highest) of its repeats. Not part of the test suite: timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from run import FLOOR_PROGRAM, _child  # type: ignore[import-not-found]  # noqa: E402  (the core benchmark's start-up floor)

SIZES = ("1 yr", "10 yr", "30 yr", "30,000 runs")
BIG_RUNS, BIG_CHECK_INS = 30_000, 10_957
ORIGINALS_MB = 150
CACHE = Path(tempfile.gettempdir()) / "runjournal-bench-sizes"

CLI_FLOOR_PROGRAM = textwrap.dedent(
    """
    import sys
    from sqlalchemy import create_engine, text

    engine = create_engine("sqlite:///" + sys.argv[1])
    with engine.connect() as connection:
        connection.execute(text("SELECT count(*) FROM runs")).scalar_one()
    """
)

# For reference, not a goal: the same floor resting Python's collector while it imports and
# freezing what the imports made, as RunJournal's commands do (ui/start_collector.py). The
# commands' ratio to it is what RunJournal's own modules and reads cost over the stack.
CLI_FROZEN_FLOOR_PROGRAM = "import gc\ngc.disable()\n" + CLI_FLOOR_PROGRAM.replace(
    "from sqlalchemy import create_engine, text\n",
    "from sqlalchemy import create_engine, text\ngc.freeze()\ngc.enable()\n",
)


@dataclass
class Row:
    target: str
    size: str
    measured: str
    floor: str
    ratio: float | None
    spread: str
    goal: str
    met: bool | None  # None: a row given for reference, with no goal


# Journals ------------------------------------------------------------------------------


def _demo_entries(years: float, end: date) -> tuple[list, list, object]:
    from runjournal.samples import demo

    made = demo.generate(years, end=end, seed=1)
    return made.runs, made.check_ins, made.settings


def _big_entries(end: date) -> tuple[list, list, object]:
    """The 30-year demo person, with walks and rides added until there are 30,000
    sessions, and a check-in on each of the last 10,957 days."""
    from runjournal.domain.model import Activity, CheckIn, Run

    runs, check_ins, settings = _demo_entries(30, end)
    rng = random.Random(30_000)
    first = end - timedelta(days=BIG_CHECK_INS - 1)
    span = (end - first).days + 1
    extra = BIG_RUNS - len(runs)
    for i in range(extra):
        day = first + timedelta(days=i * span // extra)
        activity = rng.choice((Activity.WALK, Activity.BIKE))
        runs.append(
            Run(day=day, duration_s=rng.randrange(900, 3600), activity=activity, effort=rng.randrange(2, 6))
        )
    runs.sort(key=lambda r: (r.day, r.started_at or datetime.min.replace(tzinfo=UTC)))
    kept = {c.day: c for c in check_ins if c.day >= first}
    every_day = [
        kept.get(first + timedelta(days=n))
        or CheckIn(day=first + timedelta(days=n), mood=rng.randrange(4, 9))
        for n in range(BIG_CHECK_INS)
    ]
    return runs, every_day, settings


def journal_of(size: str, end: date) -> Path:
    """The journal of one size, made once per day and schema and kept in CACHE (a journal
    of an older schema would be upgraded, with a copy kept, at every timed start)."""
    from runjournal.service.journal import Journal
    from runjournal.storage.schema import HEAD

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{size.replace(' ', '-').replace(',', '')}-{end.isoformat()}-{HEAD}.sqlite"
    if path.exists():
        return path
    made = _big_entries(end) if size == "30,000 runs" else _demo_entries(float(size.split()[0]), end)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with Journal.open(partial) as journal:
        journal.add_entries(made[0], made[1], made[2], today=end)  # type: ignore[arg-type]
    partial.rename(path)
    return path


def with_originals(path: Path) -> Path:
    """A copy of `path` that also keeps 150 MB of imported originals (incompressible)."""
    from runjournal.domain.model import SourceFile
    from runjournal.storage.database import open_database
    from runjournal.storage.unit_of_work import UnitOfWork

    kept = path.with_name(path.stem + "-originals.sqlite")
    if kept.exists():
        return kept
    partial = kept.with_suffix(".partial")
    shutil.copyfile(path, partial)
    database = open_database(partial, create=False, write=True)
    rng = random.Random(150)
    try:
        with UnitOfWork(database.engine, write=True) as uow:
            for n in range(ORIGINALS_MB):
                data = rng.randbytes(1024 * 1024)
                uow.source_files.add(SourceFile(f"{n:064x}", f"watch-{n}.fit", "fit", data))
            uow.commit()
    finally:
        database.close()
    partial.rename(kept)
    return kept


def _copy(path: Path, folder: Path) -> Path:
    target = folder / f"{path.stem}-{time.perf_counter_ns()}.sqlite"
    shutil.copyfile(path, target)
    return target


# Measuring -------------------------------------------------------------------------------


def _env(folder: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("RUNJOURNAL_DB", "DISPLAY", "PYTHONDONTWRITEBYTECODE")
    }
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(folder), XDG_CONFIG_HOME=str(folder / "config"))
    return env


def _spread(values: list[float], scale: float = 1.0, unit: str = "s") -> str:
    return f"{min(values) * scale:.2f}–{max(values) * scale:.2f} {unit}"


def startup(folder: Path, journals: dict[str, Path], repeat: int) -> list[Row]:
    import compileall

    import runjournal

    compileall.compile_dir(Path(runjournal.__file__).parent, quiet=1)
    env = _env(folder)
    floor_script = folder / "floor.py"
    floor_script.write_text(FLOOR_PROGRAM)
    app = [sys.executable, "-m", "runjournal", "--smoke-test", "--db"]
    empty = folder / "empty.sqlite"
    subprocess.run([*app, str(empty)], env=env, capture_output=True, check=True)
    times: dict[str, list[float]] = {"empty": []}
    for size, path in journals.items():  # warm the file cache
        _child([sys.executable, str(floor_script), str(path)], env)
        _child([*app, str(path)], env)
        times[f"floor {size}"], times[size] = [], []
    for _ in range(repeat):  # interleaved: a busy moment hits every size and its floor alike
        times["empty"].append(_child([*app, str(empty)], env)[0])
        for size, path in journals.items():
            times[f"floor {size}"].append(_child([sys.executable, str(floor_script), str(path)], env)[0])
            times[size].append(_child([*app, str(path)], env)[0])
    empty_s = statistics.median(times["empty"])
    rows = []
    for size in journals:
        measured, floor = statistics.median(times[size]), statistics.median(times[f"floor {size}"])
        spread = _spread(times[size])
        rows.append(
            Row(
                "start-up to the painted window",
                size,
                f"{measured:.2f} s",
                f"{floor:.2f} s (own stack)",
                measured / floor,
                spread,
                "≤ 1.3 ×",
                measured / floor <= 1.3,
            )
        )
        rows.append(
            Row(
                "start-up vs an empty journal",
                size,
                f"{measured:.2f} s",
                f"{empty_s:.2f} s (empty)",
                measured / empty_s,
                spread,
                "≤ 1.1 ×",
                measured / empty_s <= 1.1,
            )
        )
    return rows  # fmt: skip


CLI_COMMANDS: dict[str, list[str]] = {
    "log-run": ["log-run", "--minutes", "30", "--km", "5", "--effort", "4"],
    "check-in": ["check-in", "--mood", "7", "--stress", "3"],
    "coach --json": ["coach", "--json"],
}


def cli(folder: Path, journals: dict[str, Path], repeat: int) -> list[Row]:
    env = _env(folder)
    floor_script = folder / "cli_floor.py"
    floor_script.write_text(CLI_FLOOR_PROGRAM)
    frozen_floor_script = folder / "cli_frozen_floor.py"
    frozen_floor_script.write_text(CLI_FROZEN_FLOOR_PROGRAM)
    copies = {size: _copy(path, folder) for size, path in journals.items()}
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(repeat):
        for size, path in copies.items():
            times.setdefault(("floor", size), []).append(
                _child([sys.executable, str(floor_script), str(path)], env)[0]
            )
            times.setdefault(("frozen floor", size), []).append(
                _child([sys.executable, str(frozen_floor_script), str(path)], env)[0]
            )
            for name, arguments in CLI_COMMANDS.items():
                command = [
                    sys.executable,
                    "-m",
                    "runjournal",
                    arguments[0],
                    "--db",
                    str(path),
                    *arguments[1:],
                ]
                times.setdefault((name, size), []).append(_child(command, env)[0])
    rows = []
    smallest = next(iter(copies))
    for name in CLI_COMMANDS:
        for size in copies:
            measured, floor = (
                statistics.median(times[(name, size)]),
                statistics.median(times[("floor", size)]),
            )
            rows.append(
                Row(
                    f"`{name}`",
                    size,
                    f"{measured:.2f} s",
                    f"{floor:.2f} s (Python + SQLAlchemy, one query)",
                    measured / floor,
                    _spread(times[(name, size)]),
                    "≤ 1.2 ×",
                    measured / floor <= 1.2,
                )
            )
            frozen = statistics.median(times[("frozen floor", size)])
            rows.append(
                Row(
                    f"`{name}`, for reference",
                    size,
                    f"{measured:.2f} s",
                    f"{frozen:.2f} s (the same floor, its collector handled as RunJournal's)",
                    measured / frozen,
                    "—",
                    "—",
                    None,
                )
            )
        first, last = statistics.median(times[(name, smallest)]), statistics.median(times[(name, size)])
        rows.append(
            Row(
                f"`{name}` growth",
                f"{smallest} → {size}",
                f"{last:.2f} s",
                f"{first:.2f} s ({smallest})",
                last / first,
                "—",
                "≤ 1.15 ×",
                last / first <= 1.15,
            )
        )
    return rows  # fmt: skip


EXPORT_PROGRAM = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from runjournal.service.journal import Journal
    from runjournal.service.export import export

    def status_kb(field):
        # VmHWM, not ru_maxrss: a process started by a bigger one inherits its ru_maxrss.
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
        raise SystemExit(f"no {field} in /proc/self/status")

    # The export's modules first (the same for any size), on an empty journal: what is
    # measured is what thirty years of entries add.
    with Journal.open(Path(sys.argv[2]).with_name("warm-up.sqlite")) as empty:
        export(empty, Path(sys.argv[2]))
    with Journal.open(sys.argv[1], write=False) as journal:
        journal.counts()
        before = status_kb("VmRSS")  # what is resident now; the peak after includes the export
        export(journal, Path(sys.argv[2]))
        after = status_kb("VmHWM")
    print((after - before) / 1024)
    """
)


def whole_journal_json(folder: Path, big: Path, repeat: int) -> list[Row]:
    from runjournal.formats.journal_json import read_document
    from runjournal.service.export import export
    from runjournal.service.journal import Journal

    exported = folder / "everything.json"
    with Journal.open(big, write=False) as journal:
        export(journal, exported)
    data = exported.read_bytes()
    loads = []
    for _ in range(repeat):
        target = folder / f"loaded-{time.perf_counter_ns()}.sqlite"
        with Journal.open(target) as journal:
            document = read_document(data, exported.name)
            start = time.perf_counter()
            journal.load_document(document)
            loads.append(time.perf_counter() - start)
        target.unlink()
    script = folder / "export.py"
    script.write_text(EXPORT_PROGRAM)
    growth = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, str(script), str(big), str(folder / "again.json")],
            capture_output=True,
            text=True,
            check=True,
        )
        growth.append(float(out.stdout.strip()))
    load, grown = statistics.median(loads), statistics.median(growth)
    return [
        Row("whole-journal JSON import (load, one transaction)", "30,000 runs", f"{load:.2f} s", "—", None, _spread(loads), "< 1.5 s", load < 1.5),
        Row("whole-journal JSON export, memory growth", "30,000 runs", f"{grown:.0f} MB", "—", None, _spread(growth, unit="MB"), "< 50 MB", grown < 50),
    ]  # fmt: skip


STALL_PROGRAM = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QTimer
    from runjournal.service.journal import Journal
    from runjournal.ui.app import make_application
    from runjournal.ui.main_window import MainWindow

    app = make_application()
    gaps = {"last": time.perf_counter()}
    stalls = []  # (how long, when after launch) of every gap over 20 ms
    launched = time.perf_counter()

    def beat():
        now = time.perf_counter()
        if now - gaps["last"] > 0.02:
            stalls.append((now - gaps["last"], gaps["last"] - launched))
        gaps["last"] = now

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    journal = Journal.open(sys.argv[1])
    window = MainWindow(journal)
    window.show()
    QTimer.singleShot(2500, lambda: window.tabs.setCurrentWidget(window.runs))
    QTimer.singleShot(4000, lambda: window.tabs.setCurrentWidget(window.charts))

    def switch_charts(weeks):
        from runjournal.figures.charts import ChartRange

        if window.charts.view is not None:
            window.charts.view.set_range(ChartRange(weeks))

    # The charts' range steps: all of the journal (drawn month by month), then back.
    QTimer.singleShot(6000, lambda: switch_charts(0))
    QTimer.singleShot(7500, lambda: switch_charts(12))
    QTimer.singleShot(10_000, app.quit)
    gaps["last"] = time.perf_counter()  # from the event loop's first turn: the paint is start-up's
    app.exec()
    backups = list((journal.path.parent / "backups").glob("*")) if (journal.path.parent / "backups").exists() else []
    stalls.sort(reverse=True)
    print(" ".join(f"{ms * 1000:.0f}ms@{at:.2f}s" for ms, at in stalls[:4]), file=sys.stderr)
    longest, at = stalls[0] if stalls else (0.0, 0.0)
    print(f"{longest * 1000:.1f} {at:.2f} {len(backups)}")
    """
)


def stall(folder: Path, big: Path, repeat: int) -> list[Row]:
    originals = with_originals(big)
    env = _env(folder)
    script = folder / "stall.py"
    script.write_text(STALL_PROGRAM)
    longest, notes = [], []
    for _ in range(repeat):
        run_folder = folder / f"stall-{time.perf_counter_ns()}"
        run_folder.mkdir()
        copy = run_folder / "journal.sqlite"
        shutil.copyfile(originals, copy)  # no backup beside it: the daily backup is due
        out = subprocess.run(
            [sys.executable, str(script), str(copy)], env=env, capture_output=True, text=True, timeout=120
        )
        if out.returncode != 0:
            raise SystemExit(f"stall probe failed: {out.stderr[-2000:]}")
        ms, at, backups = out.stdout.split()[-3:]
        longest.append(float(ms))
        notes.append(
            f"{ms} ms at {at} s, {backups} backup(s) (longest: {out.stderr.strip().splitlines()[-1]})"
        )
        shutil.rmtree(run_folder)
    worst = statistics.median(longest)
    print("stall probe:", "; ".join(notes))
    return [Row("longest stall, 10 s from launch (backup due, Runs and Charts opened, charts switched to all and back, 150 MB originals)", "30,000 runs", f"{worst:.0f} ms", "—", None, _spread(longest, unit="ms"), "≤ 50 ms", worst <= 50)]  # fmt: skip


def growth_lines(rows: list[Row]) -> list[str]:
    """Each start-up's time at every size over its time at the smallest."""
    lines = []
    for target in ("start-up to the painted window",):
        sized = [r for r in rows if r.target == target]
        if sized:
            base = float(sized[0].measured.split()[0])
            lines.append(
                f"growth of {target}: "
                + ", ".join(f"{r.size} {float(r.measured.split()[0]) / base:.2f} ×" for r in sized)
            )
    return lines  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", default="startup,cli,json,stall")
    parser.add_argument("--sizes", default=";".join(SIZES), help="separated by ';'")
    parser.add_argument("--json", type=Path, default=HERE / "sizes.json")
    args = parser.parse_args(argv)
    wanted = set(args.only.split(","))
    end = date.today()
    sizes = [s for s in SIZES if s in args.sizes.split(";")]
    made = time.perf_counter()
    journals = {size: journal_of(size, end) for size in sizes}
    print(f"journals ready in {time.perf_counter() - made:.1f} s (kept in {CACHE})")
    folder = Path(tempfile.mkdtemp(prefix="runjournal-bench-sizes-"))
    steps: dict[str, Callable[[], list[Row]]] = {
        "startup": lambda: startup(folder, journals, args.repeat),
        "cli": lambda: cli(folder, journals, args.repeat),
        "json": lambda: whole_journal_json(folder, journal_of("30,000 runs", end), max(3, args.repeat // 2)),
        "stall": lambda: stall(folder, journal_of("30,000 runs", end), max(3, args.repeat // 2)),
    }
    rows: list[Row] = []
    for name, step in steps.items():
        if name in wanted:
            rows += step()
    shutil.rmtree(folder, ignore_errors=True)
    import platform

    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    print(f"medians of {args.repeat} interleaved rounds; {machine}")
    print("| target | size | measured | floor | ratio | spread | goal | met |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "—"
        met = "—" if row.met is None else "yes" if row.met else "NO"
        print(
            f"| {row.target} | {row.size} | {row.measured} | {row.floor} | {ratio} | {row.spread} | {row.goal} | {met} |"
        )
    for line in growth_lines(rows):
        print(line)
    args.json.write_text(
        json.dumps({"machine": machine, "rows": [asdict(r) for r in rows]}, indent=1, ensure_ascii=False)
        + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
