"""What every command shares: the exit codes, opening the journal, and saying an error.

Exit codes: 0 done; 1 some input was rejected (nothing of it was stored, and stderr says
why); 2 usage; 3 the journal cannot be used (stderr says why; the file is untouched).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from runjournal.paths import journal_path

# Commands that change the journal: refused while the window has it open.
WRITE_COMMANDS = frozenset({"log-run", "check-in", "import", "restore", "demo"})

if TYPE_CHECKING:
    from runjournal.service.journal import Journal

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_UNUSABLE = 0, 1, 2, 3


def open_journal(args: argparse.Namespace, *, create: bool = True) -> Journal:
    """The journal named by `--db` (else the environment, else the default journal)."""
    from runjournal.cli.passphrase import passphrase_for
    from runjournal.service.journal import Journal

    writes = getattr(args, "command", None) in WRITE_COMMANDS  # readers work beside a writer
    from runjournal.ui import start_collector

    path = journal_path(args.db)
    try:
        return Journal.open(path, create=create, write=writes, passphrase=passphrase_for(args, path))
    finally:
        start_collector.resume()  # rested while the command's modules were imported (entry)


def said(error: Exception) -> str:
    """A journal error as the command line says it: a failed save there has no form that kept
    what was typed, so it asks for the command again."""
    from runjournal.service.errors import for_terminal

    return for_terminal(error)


def journal_is_locked(args: argparse.Namespace) -> bool:
    """True when the journal the command works on is locked with a passphrase."""
    from runjournal.service.protection import is_protected

    path = journal_path(args.db)
    return path.exists() and is_protected(path)
