"""`runjournal restore FILE`: the journal replaced by a checked backup, the old one kept."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from runjournal.cli.common import EXIT_OK, EXIT_REJECTED, open_journal, said
from runjournal.domain.units import count


def cmd_restore(args: argparse.Namespace) -> int:
    from runjournal.service.errors import JournalError

    source = Path(args.file)
    if not source.exists():
        print(f"runjournal restore: there is no file {source}. Nothing was changed.", file=sys.stderr)
        return EXIT_REJECTED
    with open_journal(args) as journal:
        try:
            before = journal.restore(source)
        except JournalError as error:
            print(f"runjournal restore: {said(error)}", file=sys.stderr)
            return EXIT_REJECTED
        counts = journal.counts()
    print(
        f"Restored {journal.path} from {source}: {count(counts.runs, 'run')}, "
        f"{count(counts.check_ins, 'check-in')}. "
        f"The journal as it was before is kept at {before.path}."
    )
    return EXIT_OK


def add_restore_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    restore = commands.add_parser("restore", parents=[common], help="replace the journal with a backup")
    restore.add_argument("file", metavar="FILE", help="a backup made by RunJournal")
    restore.set_defaults(handler=cmd_restore)
