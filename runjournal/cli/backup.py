"""`runjournal backup [-o FILE]`: a checked copy of the journal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from runjournal.cli.common import EXIT_OK, EXIT_REJECTED, open_journal, said
from runjournal.domain.units import count


def file_size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def cmd_backup(args: argparse.Namespace) -> int:
    from runjournal.service.errors import JournalError

    with open_journal(args, create=False) as journal:
        try:
            info = journal.backup(Path(args.output) if args.output else None)
        except JournalError as error:  # the journal is fine; the target was refused
            print(f"runjournal backup: {said(error)}", file=sys.stderr)
            return EXIT_REJECTED
    print(
        f"Backed up to {info.path} ({count(info.runs, 'run')}, {count(info.check_ins, 'check-in')}, "
        f"{file_size(info.size)}); "
        "the copy was read back and checked."
    )
    return EXIT_OK


def add_backup_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser("backup", parents=[common], help="write a checked copy of the journal")
    backup.add_argument(
        "-o", "--output", metavar="FILE", help="where (default: the backups folder beside it)"
    )
    backup.set_defaults(handler=cmd_backup)
