"""`runjournal report`: the printable weekly page as a PDF, written without a display."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from runjournal.cli.common import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, journal_is_locked, open_journal
from runjournal.cli.passphrase import UNENCRYPTED_COPY
from runjournal.domain.terminal_text import for_terminal
from runjournal.domain.units import format_day
from runjournal.domain.validation import day_problems
from runjournal.domain.weeks import IsoWeek, week_start

if TYPE_CHECKING:
    from PySide6.QtGui import QPageSize


def _gui_application() -> object:
    """A Qt GUI application for fonts and painting, on the offscreen platform unless the
    person chose another: the report is written the same with or without a screen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not os.environ.get("LANG"):
        os.environ["LANG"] = "C.UTF-8"  # Qt warns about an unset locale otherwise
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["runjournal"])


def cmd_report(args: argparse.Namespace) -> int:
    if args.period_from or args.period_to:
        return _period_report(args)
    try:
        # Without --week: the person's last full week (their own week start, e.g. a Sunday),
        # never a half-empty week that would read as a failure.
        week: IsoWeek | None = IsoWeek.parse(args.week) if args.week else None
    except ValueError as error:
        print(f"runjournal report: {for_terminal(error)}", file=sys.stderr)
        return EXIT_USAGE
    if week is not None and day_problems(week.monday):
        print(
            f"runjournal report: {week} is outside the weeks a journal holds (from 1900 to this week); "
            "choose another week.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    output = Path(args.output)
    shown = for_terminal(output)
    if output.suffix.lower() != ".pdf":
        print(f"runjournal report: {shown} should end in .pdf: the report is a PDF file.", file=sys.stderr)
        return EXIT_USAGE
    with open_journal(args, create=False) as journal:
        today = date.today()
        if week is None:
            first = week_start(today, journal.settings().week_start) - timedelta(weeks=1)
            report = journal.week_report(first, today)
        else:
            report = journal.week_report(week, today)
    _application = _gui_application()  # kept alive while the page is painted
    from runjournal.reports.weekly import ReportError, write_pdf

    page_size = None
    if args.paper:
        from PySide6.QtGui import QPageSize

        page_size = QPageSize(QPageSize.PageSizeId.A4 if args.paper == "a4" else QPageSize.PageSizeId.Letter)
    try:
        write_pdf(
            output, report, include_notes=args.include_notes, printed_on=date.today(), page_size=page_size
        )
    except ReportError as error:
        print(f"runjournal report: {for_terminal(error)}", file=sys.stderr)
        return EXIT_REJECTED
    print(
        f"Weekly report for {week if week is not None else 'the last full week'} "
        f"({format_day(report.first)} – {format_day(report.last)}) written to {shown}."
    )
    if journal_is_locked(args):
        print(f"runjournal report: {UNENCRYPTED_COPY}", file=sys.stderr)
    return EXIT_OK


def _period_report(args: argparse.Namespace) -> int:
    """`--from D --to D`: the period report, the person's whole weeks holding those days."""
    if args.week:
        print("runjournal report: give either --week or --from and --to, not both.", file=sys.stderr)
        return EXIT_USAGE
    if not (args.period_from and args.period_to):
        missing = "--to" if args.period_from else "--from"
        print(
            f"runjournal report: a period needs both --from and --to (add {missing} D, e.g. 2026-11-29).",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        first, last = date.fromisoformat(args.period_from), date.fromisoformat(args.period_to)
    except ValueError:
        print(
            "runjournal report: --from and --to take dates written as YYYY-MM-DD, e.g. 2026-09-07.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if first > last:
        print(f"runjournal report: --from ({first}) should be on or before --to ({last}).", file=sys.stderr)
        return EXIT_USAGE
    if day_problems(first) or day_problems(last):
        print(
            "runjournal report: --from and --to must be days a journal can hold (from 1900 to today).",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if (last - first).days > 366:
        print(
            "runjournal report: a period report covers at most a year; pick a shorter period.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        print(
            f"runjournal report: {for_terminal(output)} should end in .pdf: the report is a PDF file.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    with open_journal(args, create=False) as journal:
        report = journal.period_report(first, last, date.today())
    _application = _gui_application()  # kept alive while the pages are painted
    from runjournal.reports.period import write_period_pdf
    from runjournal.reports.weekly import ReportError

    try:
        write_period_pdf(output, report, printed_on=date.today(), page_size=_page_size(args.paper))
    except ReportError as error:
        print(f"runjournal report: {error}", file=sys.stderr)
        return EXIT_REJECTED
    print(
        f"Report of {report.weeks_count} weeks ({format_day(report.first)} – {format_day(report.last)}) "
        f"written to {output}."
    )
    return EXIT_OK


def _page_size(paper: str | None) -> QPageSize | None:
    if not paper:
        return None
    from PySide6.QtGui import QPageSize

    return QPageSize(QPageSize.PageSizeId.A4 if paper == "a4" else QPageSize.PageSizeId.Letter)


def add_report_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser(
        "report",
        parents=[common],
        help="write the weekly report (or, with --from and --to, a report of several weeks) as a PDF",
    )
    report.add_argument(
        "--week", metavar="WEEK", help="the ISO week, e.g. 2026-W47 (default: your last full week)"
    )
    report.add_argument(
        "--from",
        dest="period_from",
        metavar="D",
        help="with --to: a report of the weeks from this day (YYYY-MM-DD)",
    )
    report.add_argument("--to", dest="period_to", metavar="D", help="with --from: the last day of the period")
    report.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="where to write the PDF")
    report.add_argument(
        "--include-notes", action="store_true", help="print the week's notes (never the private ones)"
    )
    report.add_argument(
        "--paper", choices=("a4", "letter"), help="paper size (default: what this computer's locale uses)"
    )
    report.set_defaults(handler=cmd_report)
