"""Checks on what a person entered, returning every problem at once.

Forms show each message beside its field and the command line prints them all, so each
message names the field and the allowed range in plain words.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import UTC, date, timedelta

from runjournal.domain.model import MAX_TAG_LENGTH, MAX_TAGS, TAG_SEPARATOR, CheckIn, Problem, Run, Settings

SCALE_MIN, SCALE_MAX = 1, 10
MAX_DURATION_S = 7 * 24 * 3600  # multi-day events: ultramarathons, 24-hour races, brevets
MAX_DISTANCE_M = 1_000_000.0
MAX_ASCENT_M = 20_000.0
HR_MIN, HR_MAX = 25, 250
MAX_SLEEP_HOURS = 16.0
MAX_TEXT = 20_000
EARLIEST_DAY = date(1900, 1, 1)
# A few days of slack for time zones and a travelling clock; later than that is a typo.
FUTURE_SLACK = timedelta(days=2)

_RUN_SCALES = {
    "effort": "Effort",
    "mood_before": "Mood before",
    "mood_after": "Mood after",
    "stress_before": "Stress before",
    "stress_after": "Stress after",
}
_CHECK_IN_SCALES = {
    "mood": "Mood",
    "stress": "Stress",
    "anxiety": "Anxiety",
    "energy": "Energy",
    "sleep_quality": "Sleep quality",
}


def _scale(field: str, label: str, value: int | None) -> Iterator[Problem]:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not SCALE_MIN <= value <= SCALE_MAX:
        yield Problem(field, f"{label} is on a 1–10 scale (you gave {value}).")


def _day(value: date, today: date | None, field: str = "day") -> Iterator[Problem]:
    today = today or date.today()
    if value < EARLIEST_DAY:
        yield Problem(field, f"The date {value.isoformat()} is too far in the past.")
    elif value > today + FUTURE_SLACK:
        yield Problem(field, f"The date {value.isoformat()} is in the future.")


def day_problems(value: date, today: date | None = None, field: str = "day") -> list[Problem]:
    """Whether a day is one a journal can hold (from 1900 to a couple of days ahead): the
    days a command is asked about are held to the same bounds as the days stored, so no
    sum over the weeks around them runs off the end of the calendar."""
    return list(_day(value, today, field))


def _start_time(run: Run, today: date | None) -> Iterator[Problem]:
    """A start time within the same bounds as days: with the offset added (at most 14
    hours) the local time is then always a real date, which every export and view needs."""
    started = run.started_at
    if started is None:
        return
    if started.tzinfo is None:
        yield Problem("started_at", "The start time needs a time zone.")
        return
    day = started.astimezone(UTC).date()
    if day < EARLIEST_DAY or day > (today or date.today()) + FUTURE_SLACK:
        yield Problem("started_at", f"The start time ({day.isoformat()}) is not a day a journal can hold.")


def _finite(value: float) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _unicode(field: str, label: str, value: str) -> Iterator[Problem]:
    """Text that can be stored and written out: a string, with no lone surrogates (which
    JSON's escapes and undecodable file names can carry, and no file encoding can hold)."""
    if not isinstance(value, str):
        yield Problem(field, f"{label} should be text.")
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        yield Problem(field, f"{label} holds characters that are not valid Unicode; type it again.")


def _text(field: str, label: str, value: str) -> Iterator[Problem]:
    if isinstance(value, str) and len(value) > MAX_TEXT:
        yield Problem(field, f"{label} is too long ({len(value):,} characters; at most {MAX_TEXT:,}).")
    yield from _unicode(field, label, value)


def validate_run(run: Run, today: date | None = None) -> list[Problem]:
    problems: list[Problem] = []
    problems += _day(run.day, today)
    if not _finite(run.duration_s) or run.duration_s <= 0:
        problems.append(Problem("duration_s", "Duration must be more than 0 minutes."))
    elif run.duration_s > MAX_DURATION_S:
        problems.append(Problem("duration_s", "Duration can be at most 7 days (168 hours) for one activity."))
    if run.moving_s is not None and (
        not _finite(run.moving_s) or run.moving_s < 0 or run.moving_s > run.duration_s + 1
    ):
        problems.append(Problem("moving_s", "Moving time must be between 0 and the whole duration."))
    if run.distance_m is not None:
        if not _finite(run.distance_m) or run.distance_m <= 0:
            problems.append(
                Problem("distance_m", "Distance must be more than 0 (leave it empty if you don't know it).")
            )
        elif run.distance_m > MAX_DISTANCE_M:
            problems.append(Problem("distance_m", "Distance can be at most 1,000 km (621 miles)."))
    for name, label in _RUN_SCALES.items():
        problems += _scale(name, label, getattr(run, name))
    for name, label in (("avg_hr", "Average heart rate"), ("max_hr", "Maximum heart rate")):
        value = getattr(run, name)
        if value is not None and (isinstance(value, bool) or not HR_MIN <= value <= HR_MAX):
            problems.append(Problem(name, f"{label} must be between {HR_MIN} and {HR_MAX} beats per minute."))
    if run.avg_hr is not None and run.max_hr is not None and run.avg_hr > run.max_hr:
        problems.append(Problem("max_hr", "Maximum heart rate cannot be below the average."))
    if run.ascent_m is not None and (not _finite(run.ascent_m) or not 0 <= run.ascent_m <= MAX_ASCENT_M):
        problems.append(Problem("ascent_m", "Ascent must be between 0 and 20,000 m."))
    problems += _start_time(run, today)
    if run.utc_offset_min is not None and not -14 * 60 <= run.utc_offset_min <= 14 * 60:
        problems.append(Problem("utc_offset_min", "The UTC offset must be between −14:00 and +14:00."))
    if isinstance(run.title, str) and len(run.title) > 200:
        problems.append(Problem("title", "The title can be at most 200 characters."))
    problems += _unicode("title", "The title", run.title)
    problems += _text("note", "The note", run.note)
    return problems


def validate_check_in(check_in: CheckIn, today: date | None = None) -> list[Problem]:
    problems: list[Problem] = list(_day(check_in.day, today))
    for name, label in _CHECK_IN_SCALES.items():
        problems += _scale(name, label, getattr(check_in, name))
    hours = check_in.sleep_hours
    if hours is not None and (not _finite(hours) or not 0 <= hours <= MAX_SLEEP_HOURS):
        problems.append(Problem("sleep_hours", "Sleep is recorded as 0 to 16 hours."))
    problems += _text("note", "The note", check_in.note)
    problems += validate_tags(check_in.tags)
    return problems


def validate_tags(tags: tuple[str, ...]) -> list[Problem]:
    """Tag names of 1 to 40 characters, each once, at most 30 of them."""
    if not isinstance(tags, tuple) or not all(isinstance(tag, str) for tag in tags):
        return [Problem("tags", "Tags should be a list of names.")]
    problems: list[Problem] = []
    if len(tags) > MAX_TAGS:
        problems.append(Problem("tags", f"There can be at most {MAX_TAGS} tags; remove one you use least."))
    seen: set[str] = set()
    for tag in tags:
        if not 1 <= len(tag.strip()) <= MAX_TAG_LENGTH or tag != tag.strip():
            problems.append(
                Problem(
                    "tags", f"A tag is a name of 1 to {MAX_TAG_LENGTH} characters, without spaces around it."
                )
            )
        elif any(ord(ch) < 32 for ch in tag):
            problems.append(Problem("tags", "A tag name fits on one line; remove the line break from it."))
        elif TAG_SEPARATOR in tag:
            problems.append(
                Problem(
                    "tags",
                    f"The tag “{tag}” holds “;”, which separates tags in the check-ins table; "
                    "use a comma or another word instead.",
                )
            )
        elif tag.casefold() in seen:
            problems.append(Problem("tags", f"The tag “{tag}” is there twice; keep it once."))
        seen.add(tag.casefold())
        problems += _unicode("tags", "A tag", tag)
    return problems[:3]


def validate_settings(settings: Settings) -> list[Problem]:
    problems: list[Problem] = []
    if not 0 <= settings.weekly_minutes_goal <= 3000:
        problems.append(
            Problem("weekly_minutes_goal", "The weekly minutes goal must be between 0 and 3,000.")
        )
    if not 1 <= settings.weekly_sessions_goal <= 21:
        problems.append(Problem("weekly_sessions_goal", "The sessions goal must be between 1 and 21 a week."))
    if not 0 <= settings.week_start <= 6:
        problems.append(Problem("week_start", "The week starts on a day from Monday to Sunday."))
    if settings.started_running is not None:
        problems += [Problem("started_running", p.message) for p in _day(settings.started_running, None)]
    problems += validate_tags(settings.tags)
    return problems
