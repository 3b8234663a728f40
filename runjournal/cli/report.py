"""`runjournal report`: the printable weekly page as a PDF, written without a display."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from runjournal.cli.common import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, journal_is_locked, open_journal
from runjournal.cli.passphrase import UNENCRYPTED_COPY
from runjournal.domain.terminal_text import for_terminal
from runjournal.domain.units import format_day
from runjournal.domain.validation import day_problems
from runjournal.domain.weeks import IsoWeek


def _gui_application() -> object:
    """A Qt GUI application for fonts and painting, on the offscreen platform unless the
    person chose another: the report is written the same with or without a screen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not os.environ.get("LANG"):
        os.environ["LANG"] = "C.UTF-8"  # Qt warns about an unset locale otherwise
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["runjournal"])


def cmd_report(args: argparse.Namespace) -> int:

    try:
        # Without --week: the person's own week holding today (it may start on a Sunday).
        week: IsoWeek | date = IsoWeek.parse(args.week) if args.week else date.today()
    except ValueError as error:
        print(f"runjournal report: {for_terminal(error)}", file=sys.stderr)
        return EXIT_USAGE
    if day_problems(week if isinstance(week, date) else week.monday):
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
        report = journal.week_report(week, date.today())
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
        f"Weekly report for {week if isinstance(week, IsoWeek) else 'this week'} "
        f"({format_day(report.first)} – {format_day(report.last)}) written to {shown}."
    )
    if journal_is_locked(args):
        print(f"runjournal report: {UNENCRYPTED_COPY}", file=sys.stderr)
    return EXIT_OK


def add_report_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser("report", parents=[common], help="write the weekly report as a PDF")
    report.add_argument("--week", metavar="WEEK", help="the ISO week, e.g. 2026-W47 (default: this week)")
    report.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="where to write the PDF")
    report.add_argument(
        "--include-notes", action="store_true", help="print the week's notes (never the private ones)"
    )
    report.add_argument(
        "--paper", choices=("a4", "letter"), help="paper size (default: what this computer's locale uses)"
    )
    report.set_defaults(handler=cmd_report)
