"""`runjournal check`: whether the journal is whole, read without changing a byte."""

from __future__ import annotations

import argparse
import sys

from runjournal.cli.common import EXIT_OK, EXIT_UNUSABLE
from runjournal.cli.passphrase import unlock_files
from runjournal.domain.units import count
from runjournal.paths import journal_path


def cmd_check(args: argparse.Namespace) -> int:
    from runjournal.service.opening import check_journal

    path = journal_path(args.db)
    if not path.exists():
        print(f"runjournal check: there is no journal at {path}.", file=sys.stderr)
        return EXIT_UNUSABLE
    unlock_files(args, path)
    report = check_journal(path)
    if not report.ok:
        for problem in report.problems:
            print(f"runjournal check: {problem}", file=sys.stderr)
        return EXIT_UNUSABLE
    print(
        f"{path}: the journal is whole ({count(report.runs, 'run')}, "
        f"{count(report.check_ins, 'check-in')}, schema {report.revision})."
    )
    return EXIT_OK


def add_check_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    check = commands.add_parser("check", parents=[common], help="check that the journal is whole (read-only)")
    check.set_defaults(handler=cmd_check)
