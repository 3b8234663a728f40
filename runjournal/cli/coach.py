"""`runjournal coach`: the day's nudges, as text for a person or JSON for a program."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from dataclasses import asdict
from typing import TYPE_CHECKING

from runjournal.cli.common import EXIT_OK, open_journal
from runjournal.cli.values import Problems, read_day
from runjournal.domain.validation import day_problems

if TYPE_CHECKING:
    from runjournal.coach.model import Nudge

SUPPORT_HINT = "Need support now? Run `runjournal support` for helplines and your own contacts."


def nudge_text(nudge: Nudge) -> str:
    def wrap(text: str, prefix: str) -> str:
        return textwrap.fill(text, width=88, initial_indent=prefix, subsequent_indent=" " * len(prefix))

    return "\n".join(
        [
            f"[{nudge.level}] {nudge.title}  ({nudge.rule_id})",
            wrap(nudge.message, "  "),
            wrap(nudge.why, "  Why: "),
            wrap(nudge.source, "  Sources: " if len(nudge.sources) > 1 else "  Source: "),
        ]
    )


def cmd_coach(args: argparse.Namespace) -> int:

    problems = Problems()
    day = problems.convert("day", "Date", args.date, read_day)
    problems.raise_any()
    assert day is not None
    problems.check(day_problems(day))  # the coach looks at weeks around the day
    with open_journal(args) as journal:
        found = journal.nudges(day)
        quiet = "" if found else journal.coach_quiet_words()
    if args.json:
        json.dump(
            [{**asdict(n), "level": str(n.level), "sources": list(n.sources)} for n in found],
            sys.stdout,
            ensure_ascii=False,
            indent=1,
        )
        print()
    elif found:
        print("\n\n".join(nudge_text(n) for n in found))
        if any(n.level == "safety" or n.offers_support for n in found):
            print("\n" + SUPPORT_HINT)  # MOOD-LOW, or a hard day at its hardest
    else:
        print(quiet)
    return EXIT_OK


def add_coach_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    coach = commands.add_parser("coach", parents=[common], help="the coach's nudges for a day, with sources")
    coach.add_argument("--date", default="today", help="YYYY-MM-DD, today or yesterday (default today)")
    coach.add_argument(
        "--json", action="store_true", help="rule id, level, title, message, why, source, numbers"
    )
    coach.set_defaults(handler=cmd_coach)
