"""Reading and writing the numbers people type: durations, distances and paces.

Stored values are seconds and metres; these helpers turn them into what a runner reads
("32:10", "5.00 km", "6:26 /km") and back. Parsers raise `ValueError` with a message
that can be shown to a person as it is.
"""

from __future__ import annotations

import math
import re
from datetime import date

from runjournal.domain.model import DistanceUnit

METRES_PER_KM = 1000.0
METRES_PER_MILE = 1609.344

_DURATION = re.compile(r"^(?:(\d+):)?(\d{1,3}):(\d{1,2}(?:[.,]\d+)?)$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


def metres_per(unit: DistanceUnit) -> float:
    return METRES_PER_KM if unit is DistanceUnit.KM else METRES_PER_MILE


def to_metres(value: float, unit: DistanceUnit) -> float:
    return value * metres_per(unit)


def from_metres(metres: float, unit: DistanceUnit) -> float:
    return metres / metres_per(unit)


def unit_label(unit: DistanceUnit) -> str:
    return "km" if unit is DistanceUnit.KM else "mi"


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def parse_duration(text: str) -> float:
    """Seconds from "32:10" (minutes:seconds), "1:05:00" (hours:minutes:seconds) or "45" (minutes)."""
    cleaned = text.strip().lower().removesuffix("min").strip()
    if not cleaned:
        raise ValueError("Enter a duration, like 32:10 or 1:05:00.")
    if _NUMBER.match(cleaned):
        seconds = _number(cleaned) * 60.0
    else:
        match = _DURATION.match(cleaned)
        if not match:
            raise ValueError(
                f"“{text.strip()}” is not a duration: type minutes:seconds (32:10) or hours:minutes:seconds (1:05:00)."
            )
        hours_text, first, second = match.groups()
        if hours_text is None:
            minutes, secs = int(first), _number(second)
            hours = 0
        else:
            hours, minutes, secs = int(hours_text), int(first), _number(second)
            if minutes >= 60:
                raise ValueError(f"“{text.strip()}”: minutes must be below 60 when hours are given.")
        if secs >= 60:
            raise ValueError(f"“{text.strip()}”: seconds must be below 60.")
        seconds = hours * 3600 + minutes * 60 + secs
    if seconds <= 0:
        raise ValueError("Duration must be more than 0 minutes.")
    return seconds


def format_duration(seconds: float) -> str:
    """ "32:10" below an hour, "1:05:00" from an hour; whole seconds, rounded."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_minutes(seconds: float) -> str:
    """A rounded amount of time for summaries: "45 min", "2 h 05 min"."""
    total = round(seconds / 60.0)
    hours, minutes = divmod(total, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def parse_distance(text: str, unit: DistanceUnit) -> float:
    """Metres from a number in the person's unit ("5", "5.2", "5,2"); a "km"/"mi" suffix wins."""
    cleaned = text.strip().lower()
    for suffix, suffix_unit in (("km", DistanceUnit.KM), ("mi", DistanceUnit.MI), ("miles", DistanceUnit.MI)):
        if cleaned.endswith(suffix) and _NUMBER.match(cleaned.removesuffix(suffix).strip()):
            cleaned, unit = cleaned.removesuffix(suffix).strip(), suffix_unit
            break
    if not _NUMBER.match(cleaned):
        raise ValueError(
            f"“{text.strip()}” is not a distance: type a number of {unit_label(unit)}, like 5.2."
        )
    value = _number(cleaned)
    if value <= 0:
        raise ValueError("Distance must be more than 0 (leave it empty if you don't know it).")
    return to_metres(value, unit)


def format_distance(metres: float, unit: DistanceUnit, decimals: int = 2) -> str:
    return f"{from_metres(metres, unit):.{decimals}f} {unit_label(unit)}"


def pace_s_per_unit(duration_s: float, distance_m: float | None, unit: DistanceUnit) -> float | None:
    """Seconds per km or mile; None when there is no distance to divide by."""
    if not distance_m or distance_m <= 0 or duration_s <= 0:
        return None
    return duration_s / from_metres(distance_m, unit)


def format_pace(duration_s: float, distance_m: float | None, unit: DistanceUnit) -> str:
    """ "6:26 /km", or "" when the pace is unknown."""
    pace = pace_s_per_unit(duration_s, distance_m, unit)
    if pace is None or not math.isfinite(pace):
        return ""
    return f"{format_duration(pace)} /{unit_label(unit)}"


def parse_clock(text: str) -> tuple[int, int]:
    """(hour, minute) from "22:45"."""
    match = _CLOCK.match(text.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValueError(f"“{text.strip()}” is not a time of day: type it as HH:MM, like 22:45.")
    return int(match.group(1)), int(match.group(2))


def count(number: int, singular: str, plural: str | None = None) -> str:
    """ "1 run", "3 runs", "1 check-in": counts read as a person would write them."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_day(day: date) -> str:
    """ "Fri 20 Nov 2026": a day in one of the app's English sentences. The names are spelled
    out here, as strftime's would follow the C library's locale, which Qt sets from the
    desktop's, and mix another language into the sentence."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"
