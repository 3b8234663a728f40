"""`runjournal`: the window by default, and commands for the terminal.

Commands that write refuse (exit 3) while RunJournal's window has the journal open, so the
window never shows a journal that changed underneath it; reading commands still work.
Expected failures become a sentence on stderr and an exit code (see `common`); anything
else is a bug, logged with its traceback before the person reads a sentence about it.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from runjournal.cli.common import EXIT_OK, EXIT_REJECTED, EXIT_UNUSABLE, said
from runjournal.cli.parser import WRITE_COMMANDS, build_parser, window_args
from runjournal.cli.values import Rejected
from runjournal.paths import journal_path
from runjournal.ui import start_collector

log = logging.getLogger(__name__)

EXIT_INTERRUPTED = 130
# Commands that open the journal before any long work: the collector rests until then
# (`open_journal` resumes it); every other command gets it back before it starts.
OPEN_THE_JOURNAL_FIRST = frozenset(
    {"log-run", "check-in", "coach", "backup", "export", "insights", "report", "support"}
)


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command in `argv` (else in `sys.argv`: the command is then the whole
    process, and what its imports made is frozen once they are loaded, see `start_collector`)."""
    # Imports make many lasting objects and next to no garbage.
    start_collector.pause(freeze_on_resume=argv is None)
    try:
        return _run(argv)
    finally:
        start_collector.resume()
        from runjournal.service.check_ahead import forget_checks_ahead

        forget_checks_ahead()


def _run(argv: Sequence[str] | None) -> int:
    from runjournal.domain.terminal_text import guard_terminal_output
    from runjournal.service.errors import JournalError, ValidationError

    guard_terminal_output()  # file names and imported text never print escape sequences
    argv = list(sys.argv[1:] if argv is None else argv)
    args = window_args(argv) or build_parser(argv).parse_args(argv)
    args.db = getattr(args, "db", None)
    try:
        if args.command is None:
            from runjournal.cli.window import start_window

            return start_window(args)
        if args.command in OPEN_THE_JOURNAL_FIRST | WRITE_COMMANDS:
            from runjournal.service.check_ahead import check_ahead

            check_ahead(journal_path(args.db))  # while the command's modules load
        if args.command in WRITE_COMMANDS:
            from runjournal.service.app_lock import held_by_app

            in_use = held_by_app(journal_path(args.db))
            if in_use:
                print(f"runjournal {args.command}: {in_use} Nothing was changed.", file=sys.stderr)
                return EXIT_UNUSABLE
        if args.command not in OPEN_THE_JOURNAL_FIRST:
            start_collector.resume()
        return int(args.handler(args))
    except (Rejected, ValidationError) as error:
        prefix = f"runjournal {args.command}"
        for problem in error.problems:
            print(f"{prefix}: {problem.message}", file=sys.stderr)
        print(f"{prefix}: nothing was stored.", file=sys.stderr)
        return EXIT_REJECTED
    except JournalError as error:
        print(f"runjournal: {said(error)}", file=sys.stderr)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped listening; nothing is wrong
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (keeps Python quiet at exit)
        return EXIT_OK
    except OSError as error:  # a file the person named could not be read or written
        where = f" ({error.filename})" if error.filename else ""
        print(f"runjournal {args.command}: {error.strerror or error}{where}.", file=sys.stderr)
        return EXIT_REJECTED
    except Exception as error:  # a bug: the traceback goes to the log, the person reads a sentence
        log.exception("runjournal %s failed", args.command or "(window)")
        prefix = f"runjournal {args.command}" if args.command else "runjournal"
        print(
            f"{prefix}: something went wrong inside RunJournal ({error}). Each change is stored whole or "
            "not at all, so the journal is not half-changed. The details are in RunJournal's log.",
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
