"""FIT: the watch's own binary file, with a summary ("session") per sport.

The session totals are what the watch showed the person at the end, so they are used as
they are. A multi-sport activity (a triathlon, a run then a row) has one session per
sport and becomes one run per session; transitions between sports are left out.

FIT records can be two bytes each, so a few hundred kilobytes gzipped can hold tens of
millions of them. The file is read as a stream: of the records only the moments with a
position are kept (as plain numbers), and reading stops with a sentence past
MAX_FIT_MESSAGES messages, twenty times what a whole day recorded every second gives.
"""

from __future__ import annotations

import io
import sys
import warnings
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from runjournal.domain.model import Run, Source
from runjournal.formats.importers.activity_types import activity_of, is_indoor
from runjournal.formats.importers.common import (
    ImportProblem,
    as_utc,
    duration_refusal,
    finish_run,
    heart_rate,
    local_day,
    number,
    offset_minutes,
    positive,
    sha256_hex,
)

# Session fields 192 and 193 of the FIT profile (21.x). fitdecode 0.11's profile predates
# them, so they arrive as "unknown_192" / "unknown_193"; newer profiles name them.
FEEL_FIELDS = ("workout_feel", "unknown_192")
RPE_FIELDS = ("workout_rpe", "unknown_193")
# Garmin's five "How did you feel?" answers, stored as 0, 25, 50, 75 and 100.
FEEL_WORDS = {0: "very weak", 25: "weak", 50: "normal", 75: "strong", 100: "very strong"}
_SKIPPED_SPORTS = {"transition"}
MAX_FIT_MESSAGES = 2_000_000  # a day at one record a second is 86,400
MAX_KEPT_MESSAGES = 10_000  # sessions and the like, kept whole: a triathlon has a handful


class TooManyMessages(Exception):
    """The file holds more messages than any recorded activity."""


Message = Mapping[str, Any]


def effort_of(workout_rpe: object) -> int | None:
    """RPE 1–10 from the watch's 0–100 value (RPE × 10); 0 or missing means not rated."""
    value = number(workout_rpe)
    if value is None or value <= 0 or value > 100:
        return None
    return max(1, min(10, round(value / 10)))


def feel_note(workout_feel: object) -> str:
    """The watch's own words for how the workout felt, as a line for the note; no guessing."""
    value = number(workout_feel)
    if value is None or not 0 <= value <= 100:
        return ""
    nearest = min(FEEL_WORDS, key=lambda level: abs(level - value))
    return f"Feel on the watch: {FEEL_WORDS[nearest]}"


def _first(message: Message, names: Iterable[str]) -> Any:
    for name in names:
        if message.get(name) is not None:
            return message[name]
    return None


def runs_from_messages(
    messages: Iterable[tuple[str, Message]], content_hash: str, zone: tzinfo | None = None
) -> list[Run]:
    """Runs from decoded FIT messages: one per sport session.

    Separate from the decoding so multi-sport splitting, effort and feel can be checked on
    hand-made messages (fitdecode reads FIT files but cannot write them).
    """
    sessions: list[Message] = []
    positions = array("d")  # seconds since 1970 of each record with a position
    offset: int | None = None
    for kind, fields in messages:
        if kind == "session":
            sessions.append(fields)
        elif kind == "record" and fields.get("position_lat") is not None and fields.get("timestamp"):
            positions.append(as_utc(fields["timestamp"]).timestamp())
        elif kind == "activity" and fields.get("local_timestamp") and fields.get("timestamp"):
            # The watch's local clock minus UTC is the offset where the person was.
            local = fields["local_timestamp"].replace(tzinfo=None)
            utc = as_utc(fields["timestamp"]).replace(tzinfo=None)
            minutes = round((local - utc).total_seconds() / 60 / 15) * 15
            offset = minutes if -14 * 60 <= minutes <= 14 * 60 else None
    ordered = sorted(positions)
    runs: list[Run] = []
    for session in sessions:
        sport, sub_sport = session.get("sport"), session.get("sub_sport")
        start = session.get("start_time") or session.get("timestamp")
        if str(sport) in _SKIPPED_SPORTS or not isinstance(start, datetime):
            continue
        started_at = as_utc(start)
        duration = positive(session.get("total_elapsed_time")) or positive(session.get("total_timer_time"))
        if duration is None:
            continue
        end = started_at + timedelta(seconds=duration)
        first_after_start = bisect_left(ordered, started_at.timestamp())
        has_gps = session.get("start_position_lat") is not None or (
            first_after_start < len(ordered) and ordered[first_after_start] <= end.timestamp()
        )
        utc_offset = offset if offset is not None else offset_minutes(started_at, zone)
        ascent = number(session.get("total_ascent"))
        run = Run(
            day=local_day(started_at, utc_offset),
            duration_s=duration,
            activity=activity_of(str(sport) if sport is not None else None, str(sub_sport or "")),
            started_at=started_at,
            utc_offset_min=utc_offset,
            moving_s=positive(session.get("total_timer_time")),
            distance_m=positive(session.get("total_distance")),
            effort=effort_of(_first(session, RPE_FIELDS)),
            outdoor=has_gps and not is_indoor(str(sport or ""), str(sub_sport or "")),
            avg_hr=heart_rate(session.get("avg_heart_rate")),
            max_hr=heart_rate(session.get("max_heart_rate")),
            ascent_m=ascent if ascent is not None and ascent >= 0 else None,
            note=feel_note(_first(session, FEEL_FIELDS)),
            source=Source.FIT,
            content_hash=content_hash,
        )
        finished = finish_run(run)
        if finished is not None:
            runs.append(finished)
    return runs


def _messages(data: bytes) -> Iterator[tuple[str, dict[str, Any]]]:
    """The messages that matter, one at a time; TooManyMessages past the bound."""
    import fitdecode

    limit = sys.modules[__name__].MAX_FIT_MESSAGES  # looked up here so a test can lower it
    wanted = {"file_id", "session", "record", "activity", "sport"}
    seen = kept = 0
    with (
        warnings.catch_warnings(),
        fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as reader,
    ):
        warnings.simplefilter("ignore")  # odd vendor fields are not the person's problem
        for frame in reader:
            if not isinstance(frame, fitdecode.FitDataMessage):
                continue
            seen += 1
            if seen > limit:
                raise TooManyMessages
            if frame.name not in wanted:
                continue
            if frame.name == "record":
                # Only a record's moment, whether it has a position, and what a file cut
                # short is summed up from (its distance so far and the heart rate).
                fields = {
                    "timestamp": frame.get_value("timestamp", fallback=None),
                    "position_lat": True
                    if frame.get_value("position_lat", fallback=None) is not None
                    else None,
                    "distance": frame.get_value("distance", fallback=None),
                    "heart_rate": frame.get_value("heart_rate", fallback=None),
                }
            else:
                kept += 1
                if kept > MAX_KEPT_MESSAGES:
                    raise TooManyMessages
                fields = {field.name: field.value for field in frame.fields}
            yield frame.name, fields


@dataclass
class _Salvage:
    """What the records before the damage say, summed as they are read: a watch writes its
    summary (the session) only at the end, so a file cut short has none."""

    first: datetime | None = None
    last: datetime | None = None
    distance: float = 0.0
    beats: float = 0.0
    timed_beats: int = 0
    most_beats: int = 0

    def add(self, fields: Message) -> None:
        moment = fields.get("timestamp")
        if not isinstance(moment, datetime):
            return
        moment = as_utc(moment)
        self.first = moment if self.first is None else min(self.first, moment)
        self.last = moment if self.last is None else max(self.last, moment)
        self.distance = max(self.distance, number(fields.get("distance")) or 0.0)
        rate = heart_rate(fields.get("heart_rate"))
        if rate is not None:
            self.beats += rate
            self.timed_beats += 1
            self.most_beats = max(self.most_beats, rate)

    def session(self, sport: Message | None) -> dict[str, Any] | None:
        if self.first is None or self.last is None or self.last <= self.first:
            return None
        return {
            "sport": (sport or {}).get("sport"),
            "sub_sport": (sport or {}).get("sub_sport"),
            "start_time": self.first,
            "total_elapsed_time": (self.last - self.first).total_seconds(),
            "total_distance": self.distance or None,
            "avg_heart_rate": self.beats / self.timed_beats if self.timed_beats else None,
            "max_heart_rate": self.most_beats or None,
        }


@dataclass(frozen=True)
class FitRead:
    runs: list[Run]
    incomplete: bool  # cut short: the runs were summed up from the records before the cut


def read_fit(data: bytes, name: str, zone: tzinfo | None = None) -> list[Run]:
    return read_fit_salvaging(data, name, zone).runs


def read_fit_salvaging(data: bytes, name: str, zone: tzinfo | None = None) -> FitRead:
    """Runs from a FIT file; one cut short (a watch whose battery died) gives what its
    records say up to the cut, marked incomplete."""
    import fitdecode

    messages: list[tuple[str, Message]] = []
    salvage = _Salvage()
    cut = False
    try:
        for kind, fields in _messages(data):
            if kind == "record":
                salvage.add(fields)
                if fields.get("position_lat") is None:
                    continue  # only records with a position are kept
            messages.append((kind, fields))
    except TooManyMessages:
        limit = sys.modules[__name__].MAX_FIT_MESSAGES
        raise ImportProblem(
            f"“{name}” holds more records than any recorded activity (over {limit:,}), so "
            "RunJournal stopped reading it; check that it is the file from your watch."
        ) from None
    except fitdecode.FitEOFError:
        cut = True
    except fitdecode.FitCRCError:
        raise ImportProblem(
            f"“{name}” is damaged (its checksum does not match); copy it from the watch again."
        ) from None
    except fitdecode.FitError:
        raise ImportProblem(
            f"“{name}” is not a FIT file RunJournal can read; copy or export it again."
        ) from None
    file_type = next((f.get("type") for k, f in messages if k == "file_id"), "activity")
    if file_type not in ("activity", None):
        raise ImportProblem(
            f"“{name}” is a FIT {str(file_type).replace('_', ' ')} file, not a recorded activity; "
            "choose the activity's file instead."
        )
    incomplete = cut  # the summary may be whole, but what came after it is lost
    if not any(kind == "session" for kind, _ in messages):
        sport = next((f for k, f in messages if k == "sport"), None)
        session = salvage.session(sport) if cut else None
        if session is None and cut:
            raise ImportProblem(
                f"“{name}” ends early, as if it was cut off while copying, before any timed record; "
                "copy it from the watch again."
            )
        if session is None:
            raise ImportProblem(
                f"“{name}” has no activity summary, so the recording was probably not finished; "
                "save the activity on the watch and copy it again."
            )
        messages.append(("session", session))
        incomplete = True
    runs = runs_from_messages(messages, sha256_hex(data), zone)
    if not runs:
        durations = [positive(f.get("total_elapsed_time")) for k, f in messages if k == "session"]
        too_long = [d for d in durations if d is not None and duration_refusal(name, d)]
        if too_long:
            raise ImportProblem(duration_refusal(name, too_long[0]) or "")
        raise ImportProblem(
            f"“{name}” has no activity with a positive duration and a start time in its summary; "
            "check the file, or copy it from the watch again."
        )
    return FitRead(runs, incomplete)
