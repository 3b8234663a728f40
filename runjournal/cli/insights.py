"""`runjournal insights`: how running and mood move together in the person's own entries."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from dataclasses import asdict
from datetime import date

from runjournal.cli.common import EXIT_OK, open_journal

NOT_YET = (
    "Not enough entries yet to compare. Insights appear once there are at least 14 days with a "
    "run and 14 without, with a mood check-in, over 4 weeks or more."
)
PAUSED = (
    "Insights are paused while your entries have been lower than usual. "
    "Talking to a GP or mental-health professional can help: see `runjournal coach`."
)


def cmd_insights(args: argparse.Namespace) -> int:
    from runjournal.insights.model import CAVEAT  # the statistics behind it load only when asked

    with open_journal(args) as journal:
        found = journal.insights(date.today())
    if args.json:
        payload = {"paused": found is None, "insights": [asdict(i) for i in found or []]}
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return EXIT_OK
    if found is None:
        print(PAUSED)
    elif not found:
        print(NOT_YET)
    else:
        for insight in found:
            marker = "clear" if insight.clear else "no clear pattern"
            print(f"{insight.title} ({marker})")
            print(textwrap.fill(insight.sentence, width=88, initial_indent="  ", subsequent_indent="  "))
            print()
        print(textwrap.fill(CAVEAT, width=88))
    return EXIT_OK


def add_insights_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    insights = commands.add_parser("insights", parents=[common], help="how running and mood move together")
    insights.add_argument("--json", action="store_true", help="every comparison with its interval and days")
    insights.set_defaults(handler=cmd_insights)
