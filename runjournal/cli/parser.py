"""The command line's grammar: every command's options, and the quick read of a plain window start.

Each command module adds its own sub-parser (`add_*_command`); they are imported only when
the full parser is built, so that starting the window reads its two options without
loading any command.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from runjournal import __version__
from runjournal.cli.common import WRITE_COMMANDS
from runjournal.paths import DB_ENV

EPILOG = f"""\
Without a command, RunJournal opens its window.
Every command works on the journal given by --db, else ${DB_ENV}, else the default journal.
Exit codes: 0 done; 1 some input rejected (nothing of it stored); 2 usage; 3 the journal
cannot be used (the file is left untouched)."""

__all__ = ["WRITE_COMMANDS", "build_parser", "window_args"]


# Every command, in the order `runjournal --help` lists them: (module, function adding its parser).
COMMANDS: dict[str, tuple[str, str]] = {
    "log-run": ("log_run", "add_log_run_command"),
    "check-in": ("check_in", "add_check_in_command"),
    "export": ("export", "add_export_command"),
    "backup": ("backup", "add_backup_command"),
    "restore": ("restore", "add_restore_command"),
    "check": ("check", "add_check_command"),
    "coach": ("coach", "add_coach_command"),
    "support": ("support", "add_support_command"),
    "insights": ("insights", "add_insights_command"),
    "report": ("report", "add_report_command"),
    "import": ("import_command", "add_import_command"),
    "reminder": ("reminder", "add_reminder_command"),
    "demo": ("demo", "add_demo_command"),
}


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The whole grammar; when `argv` names a command (and asks for no overall help), only
    that command's parser is built, so a command does not load every other one."""
    import importlib

    from runjournal.cli.passphrase import add_passphrase_option

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"the journal file (default: ${DB_ENV} or your data folder)",
    )
    add_passphrase_option(common)
    parser = argparse.ArgumentParser(
        prog="runjournal",
        description="RunJournal: a journal for people who run to feel better. Your data stays on this computer.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"RunJournal {__version__}")
    parser.add_argument(
        "--smoke-test", action="store_true", help="open the window, wait until it is painted, then exit"
    )
    parser.add_argument("--check-in", action="store_true", help="open on today's check-in, ready to type")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _commands_to_build(argv):
        module, function = COMMANDS[name]
        add = getattr(importlib.import_module(f"runjournal.cli.{module}"), function)
        add(commands, common)
    return parser


def _commands_to_build(argv: Sequence[str]) -> Sequence[str]:
    named = next((arg for arg in argv if not arg.startswith("-")), None)
    if named in COMMANDS and argv and argv[0] == named:
        return (named,)
    return tuple(COMMANDS)


def window_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options of a plain start of the window (`--db`, `--smoke-test`), read without
    building every command's parser; None when `argv` holds anything else (a command, help,
    a mistake), which the full parser then reads and explains."""
    if any(arg in ("-h", "--help", "--version") for arg in argv):
        return None
    window = argparse.ArgumentParser(prog="runjournal", add_help=False, exit_on_error=False)
    window.add_argument("--db", default=None)
    window.add_argument("--smoke-test", action="store_true")
    window.add_argument("--check-in", action="store_true")
    try:
        args, rest = window.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.command = None
    return args
