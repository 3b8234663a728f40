"""`runjournal coach`: the day's nudges, as text for a person or JSON for a program."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from dataclasses import asdict
from typing import TYPE_CHECKING

from runjournal.cli.values import Problems, read_day
from runjournal.domain.validation import day_problems

if TYPE_CHECKING:
    from runjournal.coach.model import Nudge

QUIET_DAY = "No nudges today. What you are doing is working for you; keep moving in ways that feel good."


def nudge_text(nudge: Nudge) -> str:
    def wrap(text: str, prefix: str) -> str:
        return textwrap.fill(text, width=88, initial_indent=prefix, subsequent_indent=" " * len(prefix))

    return "\n".join(
        [
            f"[{nudge.level}] {nudge.title}  ({nudge.rule_id})",
            wrap(nudge.message, "  "),
            wrap(nudge.why, "  Why: "),
            wrap(nudge.source, "  Source: "),
        ]
    )


def cmd_coach(args: argparse.Namespace) -> int:
    from runjournal.cli import _open

    problems = Problems()
    day = problems.convert("day", "Date", args.date, read_day)
    problems.raise_any()
    assert day is not None
    problems.check(day_problems(day))  # the coach looks at weeks around the day
    with _open(args) as journal:
        found = journal.nudges(day)
    if args.json:
        json.dump(
            [{**asdict(n), "level": str(n.level)} for n in found], sys.stdout, ensure_ascii=False, indent=1
        )
        print()
    else:
        print("\n\n".join(nudge_text(n) for n in found) if found else QUIET_DAY)
    return 0


def add_coach_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    coach = commands.add_parser("coach", parents=[common], help="the coach's nudges for a day, with sources")
    coach.add_argument("--date", default="today", help="YYYY-MM-DD, today or yesterday (default today)")
    coach.add_argument(
        "--json", action="store_true", help="rule id, level, title, message, why, source, numbers"
    )
    coach.set_defaults(handler=cmd_coach)
