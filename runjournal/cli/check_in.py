"""`runjournal check-in`: how a day felt; options given change those fields, the rest is kept."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from runjournal.cli.common import EXIT_OK, EXIT_USAGE, open_journal
from runjournal.cli.values import Problems, read_clock, read_day, read_number, read_scale, read_yes_no
from runjournal.domain.model import CheckIn, find_tag
from runjournal.domain.units import format_day
from runjournal.domain.validation import validate_check_in, validate_settings

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
    given: dict[str, Any] = {
        name: problems.convert(name, label, getattr(args, name), read)
        for name, label, read in CHECK_IN_OPTIONS
        if getattr(args, name) is not None
    }
    day = day or date.today()
    if args.ill is not None:
        given["ill"] = problems.convert("ill", "Ill or injured", args.ill, read_yes_no)
    if args.note is not None:
        given["note"] = args.note
    tags = tuple(dict.fromkeys(name.strip() for name in args.tag or ()))
    if tags:
        given["tags"] = tags
    if not given:
        print(
            "runjournal check-in: nothing to record; give at least one value, e.g. --mood 7.", file=sys.stderr
        )
        return EXIT_USAGE
    problems.check(validate_check_in(CheckIn(day=day, **{k: v for k, v in given.items() if v is not None})))
    added: tuple[str, ...] = ()
    with open_journal(args) as journal:
        # Options given now change those fields; what the day already had is kept.
        current = journal.check_in(day) or CheckIn(day=day)
        if tags:
            # A tag the person has not listed yet joins their list, so the window shows it too.
            settings = journal.settings()
            known = tuple(find_tag(tag, settings.tags) or tag for tag in tags)
            added = tuple(tag for tag in known if find_tag(tag, settings.tags) is None)
            given["tags"] = tuple(dict.fromkeys((*current.tags, *known)))
            problems.check(validate_check_in(current.replace(**given)))
            if added:
                problems.check(validate_settings(settings.replace(tags=(*settings.tags, *added))))
                journal.save_settings(settings.replace(tags=(*settings.tags, *added)))
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
    elif given.get("ill") is False:
        recorded.append("no longer ill or injured")
    if saved is not None and saved.tags:
        recorded.append("tags: " + ", ".join(saved.tags))
    print(f"Check-in for {format_day(day)} saved: {', '.join(recorded) or 'a note'}.")
    for tag in added:
        print(f"New tag: added “{tag}” to your tags (rename or remove it in Preferences).")
    return EXIT_OK


def add_check_in_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    check_in = commands.add_parser("check-in", parents=[common], help="record how a day felt")
    check_in.add_argument("--date", default="today", help="YYYY-MM-DD, today or yesterday (default today)")
    for name, label, _ in CHECK_IN_OPTIONS:
        option = "--" + name.replace("_", "-")
        hint = {"sleep_hours": "hours slept, 0–16", "bedtime": "HH:MM"}.get(name, "1–10")
        check_in.add_argument(option, dest=name, metavar="N", help=f"{label.lower()}, {hint}")
    ill = check_in.add_mutually_exclusive_group()
    ill.add_argument(
        "--ill", nargs="?", const="yes", metavar="yes|no", help="ill or injured today (--ill no clears it)"
    )
    ill.add_argument(
        "--not-ill", dest="ill", action="store_const", const="no", help="no longer ill or injured"
    )
    check_in.add_argument("--note", help="a note")
    check_in.add_argument(
        "--tag",
        action="append",
        metavar="NAME",
        help="a tag for what shaped the day (repeatable); a new name joins your list of tags",
    )
    check_in.set_defaults(handler=cmd_check_in)
