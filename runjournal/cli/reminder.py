"""`runjournal reminder on|off|status`: a gentle daily check-in reminder, window closed or open."""

from __future__ import annotations

import argparse
import sys

from runjournal.cli.common import EXIT_OK, EXIT_REJECTED


def cmd_reminder(args: argparse.Namespace) -> int:
    from runjournal.domain.reminder import ReminderInputError
    from runjournal.paths import journal_path
    from runjournal.service import reminder

    if args.action == "run":
        from runjournal.service.reminder_loop import run_resident

        return run_resident()
    if args.action == "off":
        removed = reminder.turn_off()
        print(
            "The daily reminder is off."
            + (" Removed: " + ", ".join(map(str, removed)) + "." if removed else "")
        )
        return EXIT_OK
    if args.action == "on":
        try:
            settings = reminder.turn_on(journal_path(args.db), at=args.time, days=args.days)
        except (ReminderInputError, reminder.ReminderError) as error:
            print(f"runjournal reminder: {error} The reminder was not changed.", file=sys.stderr)
            return EXIT_REJECTED
        print(
            f"The daily reminder is on: {settings.schedule.describe()}, quiet on days you have "
            f"already checked in. Turn it off with: runjournal reminder off"
        )
        if reminder.wait_until_running() is None:
            print(
                "No desktop session was found to show reminders in right now; "
                "the reminder starts with your next desktop login."
            )
        return EXIT_OK
    state = reminder.status()
    if state.settings is None:
        print("The daily reminder is off.")
    else:
        print(
            f"The daily reminder is on: {state.settings.schedule.describe()}, for {state.settings.journal}."
        )
        running = (
            f"running (process {state.running_pid})"
            if state.running_pid
            else "not running (it starts at login)"
        )
        print(f"Reminder process: {running}.")
    for path in state.installed:
        print(f"Installed: {path}")
    return EXIT_OK


def add_reminder_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "reminder", parents=[common], help="a gentle daily check-in reminder (off until you turn it on)"
    )
    actions = parser.add_subparsers(dest="action", metavar="on|off|status", required=True)
    on = actions.add_parser("on", parents=[common], help="turn the reminder on (or change its time and days)")
    on.add_argument("--time", metavar="HH:MM", help="time of day (default 20:00)")
    on.add_argument("--days", metavar="DAYS", help="mon,tue,… or weekdays, weekends (default every day)")
    actions.add_parser("off", parents=[common], help="turn it off and remove what it installed")
    actions.add_parser("status", parents=[common], help="say whether it is on, and what it installed")
    actions.add_parser("run", parents=[common], help=argparse.SUPPRESS)  # the resident process
    parser.set_defaults(handler=cmd_reminder)
