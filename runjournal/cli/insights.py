"""`runjournal insights`: how running and mood move together in the person's own entries."""

from __future__ import annotations

import argparse
import json
import math
import sys
import textwrap
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING

from runjournal.cli.common import EXIT_OK, open_journal

if TYPE_CHECKING:
    from runjournal.insights import Insight

NOT_YET = (
    "Not enough entries yet to compare. Insights appear once there are at least 14 days with a "
    "run and 14 without, with a mood check-in, over 4 weeks or more."
)
PAUSED = (
    "Insights are paused while your entries have been lower than usual. "
    "Talking to a GP or mental-health professional can help: see `runjournal coach`."
)


def cmd_insights(args: argparse.Namespace) -> int:

    with open_journal(args) as journal:
        found = journal.insights(date.today())
    if args.json:
        payload = {"paused": found is None, "insights": [_as_json(i) for i in found or []]}
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1, allow_nan=False)
        print()
        return EXIT_OK
    if found is None:
        print(PAUSED)
    elif not found:
        print(NOT_YET)
    else:
        print(
            textwrap.fill(
                f"Each likely range allows for chance across all {len(found)} comparisons shown. "
                "Clear pattern: the range leaves out zero and the difference is at least half a "
                "point (half an hour for sleep); small but consistent: it leaves out zero but is "
                "smaller; no clear pattern: it could be chance.",
                width=88,
            )
        )
        print()
        for insight in found:
            print(f"{insight.title}: {insight.label}")
            for line in (insight.sentence, f"Size: {insight.effect_size}.", insight.caveat):
                print(textwrap.fill(line, width=88, initial_indent="  ", subsequent_indent="  "))
            print()
    return EXIT_OK


def _as_json(insight: Insight) -> dict[str, object]:
    """Every field of an insight, its word and whether it is clear; no NaN (not JSON)."""
    fields = asdict(insight)
    fields["clear"] = insight.clear
    return {k: None if isinstance(v, float) and not math.isfinite(v) else v for k, v in fields.items()}


def add_insights_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    insights = commands.add_parser("insights", parents=[common], help="how running and mood move together")
    insights.add_argument("--json", action="store_true", help="every comparison: range, word, size, caveat")
    insights.set_defaults(handler=cmd_insights)
