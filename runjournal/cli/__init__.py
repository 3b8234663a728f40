"""The `runjournal` command: the window by default, and commands for the terminal.

Exit codes: 0 done; 1 some input was rejected (nothing of it was stored, and stderr says
why); 2 usage; 3 the journal cannot be used (stderr says why; the file is untouched).
Commands that write refuse (exit 3) while RunJournal's window has the journal open, so
the window never shows a journal that changed underneath it; reading commands still work.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from runjournal import __version__
from runjournal.cli.values import (
    Problems,
    Rejected,
    read_choice,
    read_clock,
    read_day,
    read_number,
    read_scale,
    read_whole,
)
from runjournal.domain.model import (
    Activity,
    CheckIn,
    Company,
    DistanceUnit,
    Problem,
    Run,
    ValidationError,
)
from runjournal.domain.units import (
    count,
    format_day,
    format_distance,
    format_duration,
    format_pace,
    parse_distance,
    parse_duration,
)
from runjournal.domain.validation import validate_check_in, validate_run
from runjournal.paths import DB_ENV, journal_path

if TYPE_CHECKING:
    from runjournal.service.journal import Journal

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_UNUSABLE = 0, 1, 2, 3
# Commands that change the journal: refused while the window has it open.
WRITE_COMMANDS = frozenset({"log-run", "check-in", "import", "restore", "demo"})

EPILOG = f"""\
Without a command, RunJournal opens its window.
Every command works on the journal given by --db, else ${DB_ENV}, else the default journal.
Exit codes: 0 done; 1 some input rejected (nothing of it stored); 2 usage; 3 the journal
cannot be used (the file is left untouched)."""


def said(error: Exception) -> str:
    """A journal error as the command line says it: a failed save there has no form that kept
    what was typed, so it asks for the command again."""
    from runjournal.storage.errors import StorageError

    return error.for_terminal if isinstance(error, StorageError) else str(error)


# Commands -------------------------------------------------------------------------------


def _open(args: argparse.Namespace, *, create: bool = True) -> Journal:
    from runjournal.service.journal import Journal

    return Journal.open(journal_path(args.db), create=create)


def cmd_log_run(args: argparse.Namespace) -> int:
    problems = Problems()
    day = problems.convert("day", "Date", args.date, read_day)
    start = problems.convert("started_at", "Start time", args.time, read_clock)
    duration = problems.convert("duration_s", "Duration", args.minutes, parse_duration)
    distance = None
    if args.km is not None:
        distance = problems.convert(
            "distance_m", "Distance", args.km, lambda t: parse_distance(t, DistanceUnit.KM)
        )
    elif args.mi is not None:
        distance = problems.convert(
            "distance_m", "Distance", args.mi, lambda t: parse_distance(t, DistanceUnit.MI)
        )
    fields = {
        name: problems.convert(name, label, getattr(args, name), read)
        for name, label, read in (
            ("effort", "Effort", read_scale),
            ("mood_before", "Mood before", read_scale),
            ("mood_after", "Mood after", read_scale),
            ("stress_before", "Stress before", read_scale),
            ("stress_after", "Stress after", read_scale),
            ("avg_hr", "Average heart rate", read_whole),
            ("max_hr", "Maximum heart rate", read_whole),
            ("ascent_m", "Ascent", read_number),
        )
    }
    activity = problems.convert("activity", "Activity", args.activity, read_choice(Activity))
    company = problems.convert("company", "With", args.company, read_choice(Company))
    day = day or date.today()
    started_at = offset = None
    if start is not None:
        local = datetime.combine(day, start).astimezone()  # the computer's own time zone
        started_at = local.astimezone(UTC)
        offset = int(local.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
    run = Run(
        day=day,
        duration_s=duration or 60.0,  # stands in for an unreadable duration, only to check the rest
        distance_m=distance,
        activity=activity or Activity.RUN,
        company=company or Company.SOLO,
        started_at=started_at,
        utc_offset_min=offset,
        outdoor=not args.indoor,
        mindful=args.mindful,
        title=args.title or "",
        note=args.note or "",
        note_private=args.private,
        **fields,
    )
    problems.check(validate_run(run))
    with _open(args) as journal:
        stored = journal.log_run(run)
        units = journal.settings().units
    parts = [format_duration(stored.duration_s)]
    if stored.distance_m:
        parts.append(format_distance(stored.distance_m, units))
        parts.append(format_pace(stored.duration_s, stored.distance_m, units))
    if stored.effort is not None:
        parts.append(f"effort {stored.effort} ({stored.intensity})")
    print(
        f"Logged a {stored.activity.label.lower()} on {format_day(stored.day)}: {', '.join(parts)}. (id {stored.id})"
    )
    return EXIT_OK


CHECK_IN_OPTIONS = (
    ("mood", "Mood", read_scale),
    ("stress", "Stress", read_scale),
    ("anxiety", "Anxiety", read_scale),
    ("energy", "Energy", read_scale),
    ("sleep_hours", "Sleep hours", read_number),
    ("sleep_quality", "Sleep quality", read_scale),
    ("bedtime", "Bedtime", read_clock),
)


def cmd_check_in(args: argparse.Namespace) -> int:
    problems = Problems()
    day = problems.convert("day", "Date", args.date, read_day)
    given = {
        name: problems.convert(name, label, getattr(args, name), read)
        for name, label, read in CHECK_IN_OPTIONS
        if getattr(args, name) is not None
    }
    day = day or date.today()
    if args.ill:
        given["ill"] = True
    if args.note is not None:
        given["note"] = args.note
    if not given:
        print(
            "runjournal check-in: nothing to record; give at least one value, e.g. --mood 7.", file=sys.stderr
        )
        return EXIT_USAGE
    problems.check(validate_check_in(CheckIn(day=day, **{k: v for k, v in given.items() if v is not None})))
    with _open(args) as journal:
        # Options given now change those fields; what the day already had is kept.
        current = journal.check_in(day) or CheckIn(day=day)
        saved = journal.save_check_in(current.replace(**given))
    recorded = [
        f"{label.lower()} {getattr(saved, name)}"
        for name, label, _ in CHECK_IN_OPTIONS
        if saved is not None and getattr(saved, name) is not None and name not in ("sleep_hours", "bedtime")
    ]
    if saved is not None and saved.sleep_hours is not None:
        recorded.append(f"sleep {saved.sleep_hours:g} h")
    if saved is not None and saved.bedtime is not None:
        recorded.append(f"bedtime {saved.bedtime:%H:%M}")
    if saved is not None and saved.ill:
        recorded.append("ill or injured")
    print(f"Check-in for {format_day(day)} saved: {', '.join(recorded) or 'a note'}.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from runjournal.domain.terminal_text import for_terminal
    from runjournal.service.export import ExportError, export

    with _open(args, create=False) as journal:
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
    return EXIT_OK


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def cmd_backup(args: argparse.Namespace) -> int:
    from runjournal.storage.backup.inspect import JournalError

    with _open(args, create=False) as journal:
        try:
            info = journal.backup(Path(args.output) if args.output else None)
        except JournalError as error:  # the journal is fine; the target was refused
            print(f"runjournal backup: {said(error)}", file=sys.stderr)
            return EXIT_REJECTED
    print(
        f"Backed up to {info.path} ({count(info.runs, 'run')}, {count(info.check_ins, 'check-in')}, "
        f"{_size(info.size)}); "
        "the copy was read back and checked."
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from runjournal.storage.backup.inspect import JournalError

    source = Path(args.file)
    if not source.exists():
        print(f"runjournal restore: there is no file {source}. Nothing was changed.", file=sys.stderr)
        return EXIT_REJECTED
    with _open(args) as journal:
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


def cmd_check(args: argparse.Namespace) -> int:
    from runjournal.service.journal import check_journal

    path = journal_path(args.db)
    if not path.exists():
        print(f"runjournal check: there is no journal at {path}.", file=sys.stderr)
        return EXIT_UNUSABLE
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


def cmd_demo(args: argparse.Namespace) -> int:
    from runjournal.samples import demo

    problems = Problems()
    years = problems.convert("years", "Years", args.years, read_number)
    seed = problems.convert("seed", "Seed", args.seed, read_whole)
    if years is not None and not 0 < years <= 50:
        problems.items.append(Problem("years", "Years must be more than 0 and at most 50."))
    problems.raise_any()
    assert years is not None and seed is not None
    with _open(args) as journal:
        counts = journal.counts()
        if counts.runs or counts.check_ins:
            print(
                f"runjournal demo: {journal.path} already holds {count(counts.runs, 'run')} and "
                f"{count(counts.check_ins, 'check-in')}. A sample journal is written only into an empty one: give a new file with --db.",
                file=sys.stderr,
            )
            return EXIT_REJECTED
        sample = demo.generate(years, end=date.today(), seed=seed)
        runs, check_ins = journal.add_entries(sample.runs, sample.check_ins, sample.settings)
    print(
        f"Wrote a sample journal to {journal.path}: {count(runs, 'run')} and "
        f"{count(check_ins, 'check-in')} over {years:g} {'year' if years == 1 else 'years'}."
    )
    return EXIT_OK


def start_gui(args: argparse.Namespace) -> int:
    from runjournal.ui import start_collector

    start_collector.pause()  # until the window is painted (ui.app)
    try:
        from runjournal.ui.app import run

        return run(journal_path(args.db), smoke=args.smoke_test)
    finally:
        start_collector.resume()


# Parser ---------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"the journal file (default: ${DB_ENV} or your data folder)",
    )
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    log = commands.add_parser("log-run", parents=[common], help="log a run (or a walk, ride, swim)")
    log.add_argument("--date", default="today", help="YYYY-MM-DD, today or yesterday (default today)")
    log.add_argument("--time", help="start time, HH:MM in this computer's time zone")
    log.add_argument(
        "--minutes", required=True, metavar="M", help="duration: minutes (32) or 32:10 or 1:05:00"
    )
    distance = log.add_mutually_exclusive_group()
    distance.add_argument("--km", metavar="K", help="distance in kilometres")
    distance.add_argument("--mi", metavar="K", help="distance in miles")
    log.add_argument(
        "--effort", metavar="N", help="how hard it felt, 1–10 (easy ≤ 4, moderate 5–6, hard ≥ 7)"
    )
    log.add_argument("--activity", help="run (default), walk, bike, swim or other")
    log.add_argument("--with", dest="company", metavar="WHO", help="solo (default), buddy, group or event")
    log.add_argument("--indoor", action="store_true", help="indoors (treadmill, gym)")
    log.add_argument("--mindful", action="store_true", help="no music or podcasts")
    for option in ("mood-before", "mood-after", "stress-before", "stress-after"):
        log.add_argument(f"--{option}", metavar="N", help=f"{option.replace('-', ' ')}, 1–10")
    log.add_argument("--hr", dest="avg_hr", metavar="BPM", help="average heart rate")
    log.add_argument("--max-hr", metavar="BPM", help="maximum heart rate")
    log.add_argument("--ascent", dest="ascent_m", metavar="METRES", help="total ascent in metres")
    log.add_argument("--title", help="a short title")
    log.add_argument("--note", help="a note")
    log.add_argument("--private", action="store_true", help="keep the note private (never printed)")
    log.set_defaults(handler=cmd_log_run)

    check_in = commands.add_parser("check-in", parents=[common], help="record how a day felt")
    check_in.add_argument("--date", default="today", help="YYYY-MM-DD, today or yesterday (default today)")
    for name, label, _ in CHECK_IN_OPTIONS:
        option = "--" + name.replace("_", "-")
        hint = {"sleep_hours": "hours slept, 0–16", "bedtime": "HH:MM"}.get(name, "1–10")
        check_in.add_argument(option, dest=name, metavar="N", help=f"{label.lower()}, {hint}")
    check_in.add_argument("--ill", action="store_true", help="ill or injured today")
    check_in.add_argument("--note", help="a note")
    check_in.set_defaults(handler=cmd_check_in)

    export = commands.add_parser("export", parents=[common], help="write the journal to .json or .csv")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help=".json: everything; .csv: runs")
    export.add_argument(
        "--check-ins", action="store_true", help="with .csv: write the check-ins instead of runs"
    )
    export.set_defaults(handler=cmd_export)

    backup = commands.add_parser("backup", parents=[common], help="write a checked copy of the journal")
    backup.add_argument(
        "-o", "--output", metavar="FILE", help="where (default: the backups folder beside it)"
    )
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser("restore", parents=[common], help="replace the journal with a backup")
    restore.add_argument("file", metavar="FILE", help="a backup made by RunJournal")
    restore.set_defaults(handler=cmd_restore)

    check = commands.add_parser("check", parents=[common], help="check that the journal is whole (read-only)")
    check.set_defaults(handler=cmd_check)

    from runjournal.cli.coach import add_coach_command
    from runjournal.cli.import_command import add_import_command
    from runjournal.cli.insights import add_insights_command
    from runjournal.cli.report import add_report_command

    add_coach_command(commands, common)
    add_insights_command(commands, common)
    add_report_command(commands, common)
    add_import_command(commands, common)

    demo = commands.add_parser(
        "demo", parents=[common], help="write a realistic sample journal (empty file only)"
    )
    demo.add_argument("--years", required=True, metavar="N", help="how many years of entries (e.g. 2)")
    demo.add_argument(
        "--seed", default="1", metavar="S", help="the same seed writes the same journal (default 1)"
    )
    demo.set_defaults(handler=cmd_demo)
    return parser


def window_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options of a plain start of the window (`--db`, `--smoke-test`), read without
    building every command's parser; None when `argv` holds anything else (a command, help,
    a mistake), which the full parser then reads and explains."""
    if any(arg in ("-h", "--help", "--version") for arg in argv):
        return None
    window = argparse.ArgumentParser(prog="runjournal", add_help=False, exit_on_error=False)
    window.add_argument("--db", default=None)
    window.add_argument("--smoke-test", action="store_true")
    try:
        args, rest = window.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    from runjournal.domain.terminal_text import guard_terminal_output
    from runjournal.storage.backup.inspect import JournalError

    guard_terminal_output()  # file names and imported text never print escape sequences
    argv = list(sys.argv[1:] if argv is None else argv)
    args = window_args(argv) or build_parser().parse_args(argv)
    args.db = getattr(args, "db", None)
    try:
        if args.command is None:
            return start_gui(args)
        if args.command in WRITE_COMMANDS:
            from runjournal.storage.app_lock import held_by_app

            in_use = held_by_app(journal_path(args.db))
            if in_use:
                print(f"runjournal {args.command}: {in_use} Nothing was changed.", file=sys.stderr)
                return EXIT_UNUSABLE
        return args.handler(args)
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
        return 130
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped listening; nothing is wrong
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (keeps Python quiet at exit)
        return 0


if __name__ == "__main__":
    sys.exit(main())
