"""`runjournal restore FILE`: the journal replaced by a checked backup, the old one kept."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from runjournal.cli.common import EXIT_OK, EXIT_REJECTED, said
from runjournal.cli.passphrase import unlock_files
from runjournal.domain.units import count
from runjournal.paths import journal_path


def cmd_restore(args: argparse.Namespace) -> int:
    from runjournal.service.errors import JournalError
    from runjournal.service.restoring import restore_journal_file

    source = Path(args.file)
    if not os.path.lexists(source):
        print(f"runjournal restore: there is no file {source}. Nothing was changed.", file=sys.stderr)
        return EXIT_REJECTED
    unlock_files(args, journal_path(args.db), source)  # locked ones: exit 3 without their passphrase
    try:  # the journal is not opened first: a damaged one is restored over, and kept aside
        done = restore_journal_file(journal_path(args.db), source)
    except JournalError as error:
        print(f"runjournal restore: {said(error)}", file=sys.stderr)
        return EXIT_REJECTED
    if done.before is None:
        kept = "There was no journal there before."
    elif done.before_was_damaged:
        kept = f"The journal as it was (it could not be read) is kept, byte for byte, at {done.before}."
    else:
        kept = f"The journal as it was before is kept at {done.before}."
    print(
        f"Restored {done.journal} from {source}: {count(done.runs, 'run')}, "
        f"{count(done.check_ins, 'check-in')}. {kept}"
    )
    return EXIT_OK


def add_restore_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    restore = commands.add_parser("restore", parents=[common], help="replace the journal with a backup")
    restore.add_argument("file", metavar="FILE", help="a backup made by RunJournal")
    restore.set_defaults(handler=cmd_restore)
