"""Benchmark of the charts view and the weekly PDF on a 10-year demo journal.

Each figure is a median of several runs, reported next to a baseline measured in the
same run on the same machine:
- opening the charts view (build it, read the figures off the UI thread, draw all five
  charts, paint) and switching its range, against the floor of pyqtgraph itself: one
  PlotWidget drawing the same number of weekly bars and daily points, shown and painted;
- writing the weekly PDF for one week, against a bare QPdfWriter page with one line of
  text (the fixed cost of a PDF), and the journal read behind it on its own;
- reading and writing the 12-week period report (its pages, charts and coach notes).

`--runs N` adds short sessions spread over the journal's days until it holds N runs (the
"30,000 runs" case); `--years 30` is a 30-year journal.

Run: python tests/benchmarks/bench_charts_report.py [--years 10] [--runs N] [--repeat 5] [--json FILE]
Not part of the test suite: timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import median_seconds

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")


def wait_for(signal: object, start: Callable[[], object], timeout_ms: int = 30_000) -> None:
    """Runs `start` and spins the event loop until `signal` fires."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    start()
    loop.exec()
    signal.disconnect(loop.quit)  # type: ignore[attr-defined]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--runs", type=int, default=0, help="add sessions until the journal holds this many runs"
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter
    from PySide6.QtWidgets import QApplication

    from runjournal.domain.model import Run
    from runjournal.domain.weeks import IsoWeek
    from runjournal.figures.charts import ChartRange
    from runjournal.figures.period_report import last_full_weeks
    from runjournal.reports.period import write_period_pdf
    from runjournal.reports.weekly import write_pdf
    from runjournal.samples import demo
    from runjournal.service.journal import Journal
    from runjournal.ui.bridge import JournalBridge
    from runjournal.ui.views.charts.charts_view import ChartsView

    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("RunJournal-bench")
    QSettings().clear()
    folder = Path(tempfile.mkdtemp(prefix="runjournal-bench-charts-"))
    today = date.today()
    journal = Journal.open(folder / "journal.sqlite")
    generated = demo.generate(args.years, end=today)
    journal.add_entries(generated.runs, generated.check_ins, generated.settings)
    extra = max(args.runs - len(generated.runs), 0)
    if extra:
        span = max((today - generated.runs[0].day).days, 1)
        journal.add_entries(
            [
                Run(
                    day=date.fromordinal(today.toordinal() - (i * 7919) % span),
                    duration_s=900 + (i % 40) * 60,
                    effort=2 + i % 7,
                )
                for i in range(extra)
            ],
            [],
        )
    bridge = JournalBridge(journal)
    all_data = journal.chart_data(ChartRange.ALL, today)
    weeks, days = len(all_data.weeks), len(all_data.daily["mood"].values)

    def floor_plot() -> None:
        widget = pg.PlotWidget()
        x = np.arange(weeks, dtype=float)
        widget.addItem(pg.BarGraphItem(x=x, height=np.ones(weeks), width=0.7))
        widget.plot(np.arange(days, dtype=float), np.ones(days), pen=None, symbol="o")
        widget.resize(1000, 300)
        widget.show()
        app.processEvents()
        widget.grab()  # make sure it is painted
        widget.close()
        widget.deleteLater()
        app.processEvents()

    def open_view(chart_range: ChartRange) -> float:
        """Seconds from building the view on `chart_range` to its first figures painted. The
        range is stored before, and the view put away after, outside the time (storing
        QSettings waits for the disk; deleting widgets is not opening them)."""
        QSettings().setValue("charts/range", int(chart_range))
        start = time.perf_counter()
        view = ChartsView(bridge)
        view.resize(1100, 1600)
        wait_for(view.chartsShown, view.show)
        view.repaint()  # what the window paints next, painted now
        seconds = time.perf_counter() - start
        view.close()
        view.deleteLater()
        app.processEvents()
        return seconds

    def open_timings(chart_range: ChartRange) -> float:
        return statistics.median(open_view(chart_range) for _ in range(args.repeat))

    switching = ChartsView(bridge)
    switching.resize(1100, 1600)
    wait_for(switching.chartsShown, switching.show)
    ranges = iter([ChartRange.WEEKS_52, ChartRange.ALL] * (args.repeat + 1))

    def switch_range() -> None:
        wait_for(switching.chartsShown, lambda: switching.set_range(next(ranges)))
        # The charts as the window paints them next, painted now: one paint a switch (a
        # grab() would paint a second time, and leave the window's own paint to the next).
        switching.repaint()

    week = IsoWeek.of(today) - 1
    report = journal.week_report(week, today)

    def floor_pdf() -> None:
        writer = QPdfWriter(str(folder / "floor.pdf"))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setResolution(300)
        painter = QPainter(writer)
        painter.drawText(100, 100, "RunJournal")
        painter.end()

    floor_plot()  # first-use costs (fonts, pyqtgraph's caches) stay out of the medians
    open_view(ChartRange.ALL)
    floor_pdf()
    plot_floor = median_seconds(floor_plot, args.repeat)
    rows = [
        ("pyqtgraph floor: one plot of the same data", plot_floor, plot_floor),
        (
            "open the charts view, 52 weeks",
            open_timings(ChartRange.WEEKS_52),
            plot_floor,
        ),
        (
            "open the charts view, all weeks",
            open_timings(ChartRange.ALL),
            plot_floor,
        ),
        ("switch range 52 weeks ⇄ all", median_seconds(switch_range, args.repeat), plot_floor),
    ]
    pdf_floor = median_seconds(floor_pdf, args.repeat)
    rows += [
        ("PDF floor: one page, one line of text", pdf_floor, pdf_floor),
        (
            "read the week's figures (Journal.week_report)",
            median_seconds(lambda: journal.week_report(week, today), args.repeat),
            pdf_floor,
        ),
        (
            "write the weekly PDF",
            median_seconds(lambda: write_pdf(folder / "week.pdf", report, printed_on=today), args.repeat),
            pdf_floor,
        ),
    ]
    first, last = last_full_weeks(today, journal.settings().week_start, 12)
    period = journal.period_report(first, last, today)
    rows += [
        (
            "read the 12-week report's figures",
            median_seconds(lambda: journal.period_report(first, last, today), args.repeat),
            pdf_floor,
        ),
        (
            "write the 12-week report PDF",
            median_seconds(
                lambda: write_period_pdf(folder / "period.pdf", period, printed_on=today), args.repeat
            ),
            pdf_floor,
        ),
    ]
    counts = journal.counts()
    print(
        f"{args.years:g}-year demo journal: {counts.runs} runs, {counts.check_ins} check-ins, {weeks} weeks; "
        f"medians of {args.repeat}; Python {platform.python_version()}, {platform.machine()}"
    )
    for name, seconds, baseline in rows:
        print(f"  {name:<48} {seconds * 1000:8.1f} ms   {seconds / baseline:5.2f} × its floor")
    if args.json:
        payload = [{"name": n, "seconds": s, "floor_seconds": b} for n, s, b in rows]
        args.json.write_text(json.dumps(payload, indent=1) + "\n")
    journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
