"""`runjournal support`: the "Need support now?" card in the terminal, with the person's own
contacts and the date the lines were last checked. It only prints; nothing is dialled."""

from __future__ import annotations

import argparse


def cmd_support(args: argparse.Namespace) -> int:
    from runjournal.cli.common import open_journal
    from runjournal.domain import support_lines

    with open_journal(args) as journal:
        contacts = [(c.name, c.phone, c.note) for c in journal.support_contacts()]
    print(support_lines.as_text(contacts))
    return 0


def add_support_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    support = commands.add_parser(
        "support", parents=[common], help="helplines and your own contacts (Need support now?)"
    )
    support.set_defaults(handler=cmd_support)
