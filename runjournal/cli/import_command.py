"""`runjournal import FILE...`: runs from watches and apps, one line (or JSON object) per file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from runjournal.cli.common import EXIT_OK, EXIT_REJECTED, open_journal
from runjournal.domain.model import ValidationError
from runjournal.domain.terminal_text import for_terminal
from runjournal.domain.units import count, format_day, format_distance, format_duration


def _entry(item: Any, units: Any) -> dict[str, Any]:
    run = item.run
    entry: dict[str, Any] = {"status": str(item.status), "reason": item.reason or None}
    if run is not None:
        local = run.local_start
        entry.update(
            date=run.day.isoformat(),
            start_local=local.strftime("%H:%M") if local else None,
            activity=str(run.activity),
            duration_s=round(run.duration_s, 1),
            distance_m=None if run.distance_m is None else round(run.distance_m, 1),
        )
    return entry


def _line(path: Path, items: list[Any], units: Any) -> str:
    if len(items) == 1 and items[0].run is None:
        # A file recognised by its bytes is a duplicate, not read again; others can't be read.
        what = "duplicate" if items[0].status == "duplicate" else "can't import"
        return f"{path}: {what}: {items[0].reason}"
    described = []
    for item in items:
        run = item.run
        if run is None:  # a row of a table that could not be read
            described.append(f"can't import: {item.reason.rstrip('.')}")
            continue
        what = f"{run.activity.label.lower()} {format_day(run.day)}, {format_duration(run.duration_s)}"
        if run.distance_m:
            what += f", {format_distance(run.distance_m, units)}"
        label = "can't import: " + item.reason if item.status == "can't import" else item.label
        described.append(f"{label} ({what})")
    return f"{path}: " + "; ".join(described)


def _load_document(args: argparse.Namespace, path: Path) -> int:
    from runjournal.service.reading import DocumentError, read_whole_journal

    shown = for_terminal(path)
    try:
        document = read_whole_journal(path)
    except OSError as error:
        print(f"runjournal import: {shown} could not be read: {error.strerror or error}.", file=sys.stderr)
        return EXIT_REJECTED
    except DocumentError as error:
        print(f"runjournal import: {shown}: {for_terminal(error)}", file=sys.stderr)
        return EXIT_REJECTED
    with open_journal(args) as journal:
        if not journal.is_empty():
            print(
                f"runjournal import: {shown} is a whole journal; it can only be loaded into an empty "
                "journal. Use --db with a new file name.",
                file=sys.stderr,
            )
            return EXIT_REJECTED
        try:
            runs, check_ins = journal.load_document(document)
        except ValidationError as error:
            for problem in error.problems:
                print(f"runjournal import: {shown}: {for_terminal(problem.message)}", file=sys.stderr)
            print(f"runjournal import: {shown}: nothing was loaded.", file=sys.stderr)
            return EXIT_REJECTED
    print(
        f"{shown}: loaded the whole journal: {count(runs, 'run')}, {count(check_ins, 'check-in')}, its settings and files."
    )
    return EXIT_OK


def _check_ins_record(path: Path, plan: Any, stored: int) -> dict[str, Any]:
    """The check-ins table as one JSON object: a day per row of it, with what became of it."""
    return {
        "file": str(path),
        "kind": "check-ins",
        "outcome": "read",
        "stored": stored,
        "entries": [
            {
                "row": item.line,
                "date": item.check_in.day.isoformat() if item.check_in is not None else None,
                "status": str(item.status),
                "replaced": item.use_file,
                "reason": item.reason or None,
                "differences": item.differences or None,
            }
            for item in plan.items
        ],
    }


def _import_check_ins(args: argparse.Namespace, path: Path) -> int:
    """A check-ins table: new days added, unchanged ones skipped, and a day that differs from
    the journal kept as the journal has it unless --replace-differing says otherwise."""
    from runjournal.service.check_in_import import (
        CheckInTableError,
        DayStatus,
        differing_days,
        plan_check_in_import,
        read_check_ins_file,
        store_check_in_import,
    )

    shown = for_terminal(path)
    try:
        table = read_check_ins_file(path)
    except OSError as error:
        print(f"runjournal import: {shown} could not be read: {error.strerror or error}.", file=sys.stderr)
        return EXIT_REJECTED
    except CheckInTableError as error:
        print(f"runjournal import: {for_terminal(error)} Nothing was imported.", file=sys.stderr)
        return EXIT_REJECTED
    with open_journal(args) as journal:
        plan = plan_check_in_import(journal, table)
        if args.replace_differing:
            plan = plan.with_choices({row: True for row in range(len(plan.items))})
        try:
            done = store_check_in_import(journal, plan)
        except ValidationError as error:
            for problem in error.problems:
                print(f"runjournal import: {shown}: {for_terminal(problem.message)}", file=sys.stderr)
            print(f"runjournal import: {shown}: nothing was imported.", file=sys.stderr)
            return EXIT_REJECTED
    if args.json:
        print(json.dumps(_check_ins_record(path, plan, done.days)))
        return EXIT_REJECTED if plan.count(DayStatus.REFUSED) else EXIT_OK
    for reason in plan.problems:
        print(f"runjournal import: {shown}: {for_terminal(reason)} It was left out.", file=sys.stderr)
    differing = differing_days(plan)
    if differing:
        action = "replaced with the file's" if args.replace_differing else "kept as your journal has them"
        print(f"{shown}: days that differ from your journal, {action}:")
        for line in differing:
            print(f"  {for_terminal(line)}")
        if not args.replace_differing:
            print("  (add --replace-differing to take the file's version of these days)")
    print(f"{shown}: check-ins: {for_terminal(plan.summary())} {count(done.days, 'day')} stored.")
    return EXIT_REJECTED if plan.count(DayStatus.REFUSED) else EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from runjournal.service.check_in_import import is_check_ins_file
    from runjournal.service.reading import activity_files_in, is_whole_journal, read_activity_file

    paths = activity_files_in([Path(p) for p in args.files])
    if len(paths) == 1 and is_whole_journal(paths[0]):
        return _load_document(args, paths[0])
    if len(paths) == 1 and is_check_ins_file(paths[0]):
        return _import_check_ins(args, paths[0])
    if any(is_check_ins_file(path) for path in paths):
        print(
            "runjournal import: a check-ins table is imported on its own; run `runjournal import` "
            "once for it and once for the activity files. Nothing was imported.",
            file=sys.stderr,
        )
        return EXIT_REJECTED
    with open_journal(args) as journal:
        units = journal.settings().units
        results = [read_activity_file(path, units, journal.imported_before) for path in paths]
        plan = journal.plan_import(results)
        done = journal.store_import(plan)
    by_file: dict[Path, list[Any]] = {}
    for item in plan.items:
        by_file.setdefault(item.path, []).append(item)
    for path in paths:
        items = by_file.get(path, [])
        if args.json:
            refused = [i for i in items if i.status == "can't import"]
            record = {
                "file": str(path),
                "kind": items[0].kind if items else "",
                "outcome": "refused" if items and len(refused) == len(items) else "read",
                "error": items[0].reason if len(items) == 1 and items[0].run is None else None,
                "entries": [_entry(i, units) for i in items if i.run is not None or len(items) > 1],
            }
            # Every character beyond ASCII is escaped: nothing from a file reaches the terminal raw.
            print(json.dumps(record))
        else:
            print(for_terminal(_line(path, items, units)))
    if not args.json:
        replaced = f", {len(done.replaced)} replaced with a richer recording" if done.replaced else ""
        print(f"Import finished: {plan.summary()}; {len(done.runs)} stored{replaced}.")
    return EXIT_REJECTED if any(i.status == "can't import" for i in plan.items) else EXIT_OK


def add_import_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    command = commands.add_parser(
        "import",
        parents=[common],
        help="import runs from GPX, TCX, FIT or CSV files, gzipped or not (or a whole-journal .json, "
        "or a check-ins .csv)",
    )
    command.add_argument(
        "files", nargs="+", metavar="FILE", help="files from a watch or an app, or folders of them"
    )
    command.add_argument("--json", action="store_true", help="one JSON object per file")
    command.add_argument(
        "--replace-differing",
        action="store_true",
        help="with a check-ins table: where a day differs from your journal, take the file's "
        "version (by default your journal's day is kept)",
    )
    command.set_defaults(handler=cmd_import)
