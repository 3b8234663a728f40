"""CSV tables: the runs and check-ins RunJournal exports, and the activity lists it reads
back (its own, Strava's and Garmin Connect's).

Writing: every text cell that a spreadsheet would run as a formula (one starting with =,
+, -, @, a tab or a carriage return) gets a leading apostrophe, as OWASP recommends
against CSV injection; numbers are written as numbers, so a negative UTC offset stays a
number. Reading RunJournal's own table takes that apostrophe off again, so a note
round-trips exactly as the person typed it.

Reading: each row becomes one run. A row's content hash is the file's SHA-256, a colon and the
row's index among the data rows (0 for the first activity), so rows of one file stay
distinct and importing the same file again finds every row already there. A row that
cannot be read is left out; the rest of the file is still imported.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from runjournal.domain.model import TAG_SEPARATOR, Activity, CheckIn, Company, DistanceUnit, Run, Source
from runjournal.domain.serialize import CHECK_IN_CSV_COLUMNS, RUN_CSV_COLUMNS
from runjournal.domain.units import METRES_PER_KM, format_duration, parse_duration, to_metres
from runjournal.formats.importers.activity_types import activity_of, is_indoor
from runjournal.formats.importers.common import (
    ImportProblem,
    finish_run,
    heart_rate,
    local_day,
    number,
    offset_minutes,
    positive,
    sha256_hex,
)
from runjournal.formats.importers.csv_headers import canonical
from runjournal.formats.importers.detect import csv_flavour

RUNJOURNAL_COLUMNS = RUN_CSV_COLUMNS  # the runs table RunJournal itself exports
FEET = 0.3048
YARD = 0.9144
MAX_TABLE_ROWS = 200_000  # a run a day for five centuries
_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$")
# What makes a spreadsheet run a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


# Writing ----------------------------------------------------------------------------------


def _marked(text: str) -> bool:
    """Whether `text` would read back as carrying the apostrophe `neutralised` adds."""
    return text.startswith(_QUOTE) and text[1:].startswith((*FORMULA_STARTS, _QUOTE))


def neutralised(text: str) -> str:
    """A text cell a spreadsheet shows as text: an apostrophe before anything that would
    start a formula, and before a typed apostrophe that would read back as that mark, so
    that `restored(neutralised(text)) == text` for every text."""
    return _QUOTE + text if text.startswith(FORMULA_STARTS) or _marked(text) else text


def numbered_rows(rows: Iterator[list[str]], limit: int) -> list[tuple[int, list[str]]] | None:
    """The table's rows after its header with their line numbers as a spreadsheet shows
    them (the header is line 1), blank lines left out; None when there are over `limit`."""
    body: list[tuple[int, list[str]]] = []
    for line, values in enumerate(rows, start=2):
        if any(value.strip() for value in values):
            body.append((line, values))
            if len(body) > limit:
                return None
    return body


def restored(text: str) -> str:
    """The text as it was before `neutralised`."""
    return text[1:] if _marked(text) else text


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    if isinstance(value, str):
        return neutralised(value)
    return value  # whole numbers, written as numbers


def run_row(run: Run) -> dict[str, Any]:
    local = run.local_start
    return {
        "date": run.day.isoformat(),
        "start_local": local.strftime("%H:%M") if local else "",
        "utc_offset_min": run.utc_offset_min,
        "activity": str(run.activity),
        "duration": format_duration(run.duration_s),
        "duration_s": run.duration_s,
        "moving_s": run.moving_s,
        "distance_km": None if run.distance_m is None else round(run.distance_m / METRES_PER_KM, 3),
        "distance_m": run.distance_m,
        "effort": run.effort,
        "intensity": str(run.intensity) if run.effort is not None else "",
        "with": str(run.company),
        "outdoor": run.outdoor,
        "mindful": run.mindful,
        "mood_before": run.mood_before,
        "mood_after": run.mood_after,
        "stress_before": run.stress_before,
        "stress_after": run.stress_after,
        "avg_hr": run.avg_hr,
        "max_hr": run.max_hr,
        "ascent_m": run.ascent_m,
        "title": run.title,
        "note": run.note,
        "note_private": run.note_private,
        "source": str(run.source),
    }


def check_in_row(check_in: CheckIn) -> dict[str, Any]:
    return {
        "date": check_in.day.isoformat(),
        "mood": check_in.mood,
        "stress": check_in.stress,
        "anxiety": check_in.anxiety,
        "energy": check_in.energy,
        "sleep_hours": check_in.sleep_hours,
        "sleep_quality": check_in.sleep_quality,
        "bedtime": check_in.bedtime.strftime("%H:%M") if check_in.bedtime else None,
        "ill_or_injured": check_in.ill,
        "note": check_in.note,
        "tags": f"{TAG_SEPARATOR} ".join(check_in.tags),
    }


def table_text(columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> str:
    """A CSV table (header first, CRLF line ends as RFC 4180 has them), every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return buffer.getvalue()


def runs_table(runs: Iterable[Run]) -> str:
    return table_text(RUN_CSV_COLUMNS, (run_row(run) for run in runs))


def check_ins_table(check_ins: Iterable[CheckIn]) -> str:
    return table_text(CHECK_IN_CSV_COLUMNS, (check_in_row(check_in) for check_in in check_ins))


# Reading ----------------------------------------------------------------------------------


class Row:
    """One CSV row read by column name; Strava repeats names, so `nth` picks a repeat."""

    def __init__(self, header: list[str], values: list[str]) -> None:
        self._header, self._values = header, values

    def get(self, name: str, nth: int = 0) -> str:
        seen = -1
        for index, column in enumerate(self._header):
            if column == name:
                seen += 1
                if seen == nth:
                    value = self._values[index].strip() if index < len(self._values) else ""
                    return "" if value in ("--", "-") else value
        return ""


def clock_seconds(text: str) -> float | None:
    """Seconds from Garmin's "00:32:10", "1:05:00.5" or "32:10"."""
    match = _CLOCK.match(text.strip())
    if not match:
        return None
    hours, minutes, seconds = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)


def garmin_number(text: str) -> float | None:
    """A number written "1,034.56" (thousands) or "7,00" (a decimal comma)."""
    text = text.strip().replace("\u00a0", "").replace(" ", "")
    if "." in text or re.fullmatch(r"\d{1,3}(,\d{3})+", text):
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    return number(text)


def _localize(naive: datetime, zone: tzinfo | None) -> tuple[datetime, int]:
    """A wall-clock time from a file, as a UTC instant and the offset of `zone` then."""
    aware = naive.astimezone() if zone is None else naive.replace(tzinfo=zone)
    offset = aware.utcoffset() or timedelta(0)
    return aware.astimezone(UTC), round(offset.total_seconds() / 60)


def _flag(text: str) -> bool:
    return text.strip().lower() in ("yes", "true", "1", "y")


def _scale(text: str) -> int | None:
    value = number(text)
    return round(value) if value is not None and 1 <= value <= 10 else None


def _runjournal(row: Row, zone: tzinfo | None, units: DistanceUnit) -> Run | None:
    day = date.fromisoformat(row.get("date"))
    started_at, offset = None, number(row.get("utc_offset_min"))
    if row.get("start_local"):
        wall = datetime.combine(day, time.fromisoformat(row.get("start_local")))
        if offset is None:
            started_at, offset = _localize(wall, zone)
        else:
            started_at = (wall - timedelta(minutes=offset)).replace(tzinfo=UTC)
    duration = number(row.get("duration_s"))
    if duration is None and row.get("duration"):
        duration = parse_duration(row.get("duration"))
    distance = positive(row.get("distance_m"))
    if distance is None and positive(row.get("distance_km")):
        distance = positive(row.get("distance_km")) * 1000.0  # type: ignore[operator]
    activity = row.get("activity")
    company = row.get("with")
    return Run(
        day=day,
        duration_s=duration or 0.0,
        activity=Activity(activity) if activity in Activity._value2member_map_ else activity_of(activity),
        started_at=started_at,
        utc_offset_min=None if offset is None else round(offset),
        moving_s=number(row.get("moving_s")),
        distance_m=distance,
        effort=_scale(row.get("effort")),
        company=Company(company) if company in Company._value2member_map_ else Company.SOLO,
        outdoor=not row.get("outdoor") or _flag(row.get("outdoor")),
        mindful=_flag(row.get("mindful")),
        mood_before=_scale(row.get("mood_before")),
        mood_after=_scale(row.get("mood_after")),
        stress_before=_scale(row.get("stress_before")),
        stress_after=_scale(row.get("stress_after")),
        avg_hr=heart_rate(row.get("avg_hr")),
        max_hr=heart_rate(row.get("max_hr")),
        ascent_m=number(row.get("ascent_m")),
        title=restored(row.get("title")),
        note=restored(row.get("note")),
        note_private=_flag(row.get("note_private")),
    )


_MONTH_NUMBERS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
)}  # fmt: skip
# The first three letters of the months in German, Spanish and French, where they differ
# from English ("Okt.", "ene", "déc."), for exports written in those languages.
_MONTH_NUMBERS.update({
    "mär": 3, "mai": 5, "okt": 10, "dez": 12,
    "ene": 1, "abr": 4, "ago": 8, "dic": 12,
    "fév": 2, "fev": 2, "avr": 4, "jui": 6, "aoû": 8, "aou": 8, "déc": 12,
})  # fmt: skip
_FRENCH_JULY = ("juil", "juill")
_TIME_OF_DAY = r"(?P<hour>\d{1,2}):(?P<minute>\d{2}):(?P<second>\d{2})"
_STRAVA_DATES = (
    re.compile(  # "Nov 3, 2023, 7:12:45 AM"
        r"(?P<month>[^\W\d_]{3})[^\W\d_]*\.? (?P<day>\d{1,2}), (?P<year>\d{4}),? "
        + _TIME_OF_DAY
        + r" ?(?P<half>[AaPp])[Mm]$"
    ),
    re.compile(
        r"(?P<day>\d{1,2})\.? (?P<month>[^\W\d_]{3,5})[^\W\d_]*\.? (?P<year>\d{4})(?:,? | à )"
        + _TIME_OF_DAY
        + r"(?: ?(?P<half>[AaPp])\.? ?[Mm]\.?)?$"
    ),  # "3 Nov 2023, 07:12:45" (British English), "24 mai 2012 à 16:27:40" (French),
    # "26 ago 2020, 10:38:41 p.m." (Latin American Spanish)
)
# German exports write the day first, in numbers: "03.11.2023, 07:12:45".
_NUMERIC_STRAVA_DATE = re.compile(
    r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}),? " + _TIME_OF_DAY + "$"
)


def _month(name: str) -> int | None:
    """The month of an English, German, Spanish or French name or abbreviation."""
    name = name.lower()
    if name.startswith(_FRENCH_JULY):
        return 7  # "juil." beside "juin"; "jui" alone would be either
    if name.startswith("jui") and name != "juin"[: len(name)]:
        return None
    if name.startswith("juin"):
        return 6
    return _MONTH_NUMBERS.get(name[:3])


def _strava_date(text: str) -> datetime:
    """Strava's "Nov 3, 2023, 7:12:45 AM" (English exports), "24 Dec 2020, 08:13:59" (British
    English), "03.11.2023, 07:12:45" (German), "13 juil. 2026, 08:52:18" or "24 mai 2012 à
    16:27:40" (French), "27 jun 2026, 13:17:16" or "26 ago 2020, 10:38:41 p.m." (Spanish) or
    "2018-09-12 15:02:23" (until June 2019), always in UTC.

    Read by hand rather than with strptime, whose month names and AM/PM follow the C
    library's locale: Qt sets that from the desktop, so on a German one strptime would
    look for "Okt" and never find Strava's English "Oct".
    """
    text = text.strip()
    numeric = _NUMERIC_STRAVA_DATE.match(text)
    if numeric is not None:
        parts = [int(part) for part in numeric.groups()]  # day, month, year, hour, minute, second
        try:
            return datetime(parts[2], parts[1], parts[0], parts[3], parts[4], parts[5], tzinfo=UTC)
        except ValueError:
            raise ValueError(f"not a Strava date: {text!r}") from None
    for pattern in _STRAVA_DATES:
        found = pattern.match(text)
        month = _month(found["month"]) if found else None
        if found is None or month is None:
            continue
        hour = int(found["hour"])
        half = (found.groupdict().get("half") or "").lower()
        if half and not 1 <= hour <= 12:
            break
        if half:
            hour = hour % 12 + (12 if half == "p" else 0)
        try:
            return datetime(
                int(found["year"]), month, int(found["day"]), hour, int(found["minute"]), int(found["second"]),
                tzinfo=UTC,
            )  # fmt: skip
        except ValueError:
            break
    try:
        return datetime.fromisoformat(text).replace(tzinfo=UTC)  # "2023-11-03 07:12:45"
    except ValueError:
        raise ValueError(f"not a Strava date: {text!r}") from None


def _strava(row: Row, zone: tzinfo | None, units: DistanceUnit) -> Run | None:
    started_at = _strava_date(row.get("Activity Date"))
    offset = offset_minutes(started_at, zone)
    kind = row.get("Activity Type")
    activity = activity_of(kind)
    # The second "Distance" column is metres for every sport; the first is kilometres,
    # except for swims, where Strava writes metres there too. Exports until June 2019 have
    # one distance, in metres.
    distance = positive(garmin_number(row.get("Distance", 1) or row.get("Distance in metres")))
    if distance is None and positive(garmin_number(row.get("Distance"))):
        first = positive(garmin_number(row.get("Distance"))) or 0.0
        distance = first if activity is Activity.SWIM else first * 1000.0
    ascent = garmin_number(row.get("Elevation Gain"))
    return Run(
        day=local_day(started_at, offset),
        duration_s=garmin_number(row.get("Elapsed Time")) or garmin_number(row.get("Elapsed Time", 1)) or 0.0,
        activity=activity,
        started_at=started_at,
        utc_offset_min=offset,
        moving_s=positive(garmin_number(row.get("Moving Time"))),
        distance_m=distance,
        effort=_scale(row.get("Perceived Exertion")),
        outdoor=not is_indoor(kind),
        avg_hr=heart_rate(garmin_number(row.get("Average Heart Rate"))),
        max_hr=heart_rate(garmin_number(row.get("Max Heart Rate"))),
        ascent_m=ascent if ascent is not None and ascent >= 0 else None,
        title=row.get("Activity Name"),
        note=row.get("Activity Description"),
    )


def _garmin(row: Row, zone: tzinfo | None, units: DistanceUnit) -> Run | None:
    # Garmin Connect writes the wall-clock time where the activity happened, with no zone.
    started_at, offset = _localize(datetime.fromisoformat(row.get("Date")), zone)
    kind = row.get("Activity Type")
    activity = activity_of(kind)
    distance = positive(garmin_number(row.get("Distance")))
    if distance is not None:
        # Swims are listed in metres or yards, everything else in km or miles.
        if activity is Activity.SWIM:
            distance *= 1.0 if units is DistanceUnit.KM else YARD
        else:
            distance = to_metres(distance, units)
    ascent = garmin_number(row.get("Total Ascent"))
    if ascent is not None and units is DistanceUnit.MI:
        ascent *= FEET
    duration = clock_seconds(row.get("Elapsed Time")) or clock_seconds(row.get("Time"))
    return Run(
        day=local_day(started_at, offset),
        duration_s=duration or 0.0,
        activity=activity,
        started_at=started_at,
        utc_offset_min=offset,
        moving_s=clock_seconds(row.get("Moving Time")) or clock_seconds(row.get("Time")),
        distance_m=distance,
        outdoor=not is_indoor(kind),
        avg_hr=heart_rate(garmin_number(row.get("Avg HR") or row.get("Average Heart Rate"))),
        max_hr=heart_rate(garmin_number(row.get("Max HR") or row.get("Max Heart Rate"))),
        ascent_m=ascent if ascent is not None and ascent >= 0 else None,
        title=row.get("Title"),
    )


_READERS: dict[str, Callable[[Row, tzinfo | None, DistanceUnit], Run | None]] = {
    "runjournal": _runjournal,
    "strava": _strava,
    "garmin": _garmin,
}


def read_csv(
    data: bytes,
    name: str,
    zone: tzinfo | None = None,
    units: DistanceUnit = DistanceUnit.KM,
    skipped: list[str] | None = None,
) -> list[Run]:
    """The table's activities; a row that cannot be read is left out and, when `skipped`
    is given, described there ("row 7 …") so the person hears about it."""
    flavour = csv_flavour(data)
    if flavour is None:
        raise ImportProblem(
            f"“{name}” is not a table RunJournal knows; use RunJournal's own runs export, "
            "Strava's activities.csv or Garmin Connect's Activities.csv."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    rows = csv.reader(io.StringIO(text))
    try:
        header = canonical(next(rows, []))
        body = numbered_rows(rows, MAX_TABLE_ROWS)
        if body is None:
            raise ImportProblem(
                f"“{name}” has more than {MAX_TABLE_ROWS:,} rows, more than any list of "
                "activities; check that it is the right table, or split it into smaller ones."
            )
    except csv.Error:
        raise ImportProblem(
            f"“{name}” is damaged (its rows cannot be read); export the table again."
        ) from None
    if not body:
        raise ImportProblem(f"“{name}” has a header but no activities in it; export the table again.")
    file_hash = sha256_hex(data)
    reader = _READERS[flavour]
    runs: list[Run] = []
    for index, (line, values) in enumerate(body):
        try:
            run = reader(Row(header, values), zone, units)
        except (ValueError, TypeError, OverflowError):
            run = None  # an unreadable row is left out; the others still count
        run = finish_run(run.replace(source=Source.CSV, content_hash=f"{file_hash}:{index}")) if run else None
        if run is not None:
            runs.append(run)
        elif skipped is not None:
            skipped.append(
                f"row {line} of “{name}” could not be read as an activity (a date or duration is missing or wrong)."
            )
    if not runs:
        raise ImportProblem(
            f"None of the {len(body)} rows of “{name}” could be read as an activity; "
            "check that it is the unchanged export file."
        )
    return runs
