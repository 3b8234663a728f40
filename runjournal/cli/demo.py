"""`runjournal demo --years N`: a realistic sample journal, written into an empty file only."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from runjournal.cli.common import EXIT_OK, EXIT_REJECTED, open_journal
from runjournal.cli.values import Problems, read_number, read_whole
from runjournal.domain.model import Problem
from runjournal.domain.units import count


def cmd_demo(args: argparse.Namespace) -> int:
    from runjournal.service.samples import fill_with_sample

    problems = Problems()
    years = problems.convert("years", "Years", args.years, read_number)
    seed = problems.convert("seed", "Seed", args.seed, read_whole)
    if years is not None and not 0 < years <= 50:
        problems.items.append(Problem("years", "Years must be more than 0 and at most 50."))
    problems.raise_any()
    assert years is not None and seed is not None
    with open_journal(args) as journal:
        counts = journal.counts()
        if counts.runs or counts.check_ins:
            print(
                f"runjournal demo: {journal.path} already holds {count(counts.runs, 'run')} and "
                f"{count(counts.check_ins, 'check-in')}. A sample journal is written only into an empty one: give a new file with --db.",
                file=sys.stderr,
            )
            return EXIT_REJECTED
        runs, check_ins = fill_with_sample(journal, years, end=date.today(), seed=seed)
    print(
        f"Wrote a sample journal to {journal.path}: {count(runs, 'run')} and "
        f"{count(check_ins, 'check-in')} over {years:g} {'year' if years == 1 else 'years'}."
    )
    return EXIT_OK


def add_demo_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    demo = commands.add_parser(
        "demo", parents=[common], help="write a realistic sample journal (empty file only)"
    )
    demo.add_argument("--years", required=True, metavar="N", help="how many years of entries (e.g. 2)")
    demo.add_argument(
        "--seed", default="1", metavar="S", help="the same seed writes the same journal (default 1)"
    )
    demo.set_defaults(handler=cmd_demo)
