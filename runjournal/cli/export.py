"""`runjournal export -o FILE`: the whole journal as .json, or runs (or check-ins) as .csv."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from runjournal.cli.common import EXIT_OK, EXIT_REJECTED, journal_is_locked, open_journal
from runjournal.cli.passphrase import UNENCRYPTED_COPY
from runjournal.domain.units import count


def cmd_export(args: argparse.Namespace) -> int:
    from runjournal.domain.terminal_text import for_terminal
    from runjournal.service.export import ExportError, export

    with open_journal(args, create=False) as journal:
        try:
            written = export(journal, Path(args.output), check_ins=args.check_ins)
        except ExportError as error:
            print(f"runjournal export: {for_terminal(error)}", file=sys.stderr)
            return EXIT_REJECTED
    if Path(args.output).suffix.lower() == ".json":
        what = "record"
    else:
        what = "check-in" if args.check_ins else "run"
    print(f"Exported {count(written, what)} to {for_terminal(args.output)}.")
    if journal_is_locked(args):
        print(f"runjournal export: {UNENCRYPTED_COPY}", file=sys.stderr)
    return EXIT_OK


def add_export_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    export = commands.add_parser("export", parents=[common], help="write the journal to .json or .csv")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help=".json: everything; .csv: runs")
    export.add_argument(
        "--check-ins", action="store_true", help="with .csv: write the check-ins instead of runs"
    )
    export.set_defaults(handler=cmd_export)
