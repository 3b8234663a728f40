"""`runjournal log-run`: one run (or walk, ride, swim), checked before anything is stored."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from typing import Any

from runjournal.cli.common import EXIT_OK, open_journal
from runjournal.cli.values import (
    Problems,
    read_choice,
    read_clock,
    read_day,
    read_number,
    read_scale,
    read_whole,
)
from runjournal.domain.model import Activity, Company, DistanceUnit, Run
from runjournal.domain.units import (
    format_day,
    format_distance,
    format_duration,
    format_pace,
    parse_distance,
    parse_duration,
)
from runjournal.domain.validation import validate_run


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
    fields: dict[str, Any] = {
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
    with open_journal(args) as journal:
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


def add_log_run_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
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
