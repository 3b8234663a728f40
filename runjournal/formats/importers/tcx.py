"""TCX: Garmin's Training Center format, laps with the device's own totals and a track.

Lap totals (distance, timer time, heart rate) are the watch's summary, so they win over
anything recomputed from the track; the track supplies the elapsed time, pauses included.
Parsed with defusedxml only.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from xml.etree.ElementTree import Element

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
    parse_xml,
    positive,
    sha256_hex,
)

NS = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"


def _time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return as_utc(datetime.fromisoformat(text.strip().replace("Z", "+00:00")))
    except ValueError:
        return None


def _value(parent: Element, path: str) -> float | None:
    element = parent.find(path)
    return number(element.text) if element is not None else None


def _ascent(altitudes: list[float]) -> float | None:
    """Climb from the track's altitudes, ignoring wobbles under 2 m (barometer and GPS noise)."""
    if not altitudes:
        return None
    total, low = 0.0, altitudes[0]
    for altitude in altitudes[1:]:
        if altitude < low:
            low = altitude
        elif altitude - low >= 2.0:
            total += altitude - low
            low = altitude
    return round(total, 1) if total else None


def _run_of(activity: Element, data: bytes, name: str, zone: tzinfo | None) -> Run | None:
    """The activity's run; None when it has no start; ImportProblem naming why its span of
    time cannot be one activity."""
    sport = activity.get("Sport")
    laps = activity.findall(f"{NS}Lap")
    times = [t for t in (_time(e.text) for e in activity.iter(f"{NS}Time")) if t]
    lap_starts = [t for t in (_time(lap.get("StartTime")) for lap in laps) if t]
    # The earliest moment the file names, whatever order its laps and points are in.
    started_at = min(lap_starts + times, default=None) or _time(activity.findtext(f"{NS}Id"))
    if started_at is None:
        return None
    lap_seconds = sum(_value(lap, f"{NS}TotalTimeSeconds") or 0.0 for lap in laps)
    elapsed = (max(times) - started_at).total_seconds() if times else 0.0
    duration = max(elapsed, lap_seconds)
    refusal = duration_refusal(name, duration)
    if refusal is not None:
        raise ImportProblem(refusal)
    distances = [_value(lap, f"{NS}DistanceMeters") for lap in laps]
    distance = positive(sum(d for d in distances if d)) if any(distances) else None
    weighted = [
        (_value(lap, f"{NS}AverageHeartRateBpm/{NS}Value"), _value(lap, f"{NS}TotalTimeSeconds") or 0.0)
        for lap in laps
    ]
    rated = [(hr, s) for hr, s in weighted if hr is not None and heart_rate(hr) is not None and s > 0]
    avg_hr = heart_rate(sum(hr * s for hr, s in rated) / sum(s for _, s in rated)) if rated else None
    lap_maxima = [heart_rate(_value(lap, f"{NS}MaximumHeartRateBpm/{NS}Value")) for lap in laps]
    maxima = [m for m in lap_maxima if m is not None]
    altitudes = [number(e.text) for e in activity.iter(f"{NS}AltitudeMeters")]
    has_position = activity.find(f".//{NS}Position") is not None
    notes = (activity.findtext(f"{NS}Notes") or "").strip()
    offset = offset_minutes(started_at, zone)
    run = Run(
        day=local_day(started_at, offset),
        duration_s=duration,
        activity=activity_of(sport),
        started_at=started_at,
        utc_offset_min=offset,
        # Lap time is timer time: it differs from the elapsed time when the watch was paused.
        moving_s=lap_seconds if lap_seconds and abs(lap_seconds - duration) > 1 else None,
        distance_m=distance,
        outdoor=has_position and not is_indoor(sport),
        avg_hr=avg_hr,
        max_hr=max(maxima) if maxima else None,
        ascent_m=_ascent([a for a in altitudes if a is not None]),
        title=notes.splitlines()[0][:200] if notes else "",
        source=Source.TCX,
        content_hash=sha256_hex(data),
    )
    return finish_run(run)


def read_tcx(data: bytes, name: str, zone: tzinfo | None = None) -> list[Run]:
    root = parse_xml(data, name, "TCX")
    activities = root.findall(f"{NS}Activities/{NS}Activity")
    if not activities:
        raise ImportProblem(
            f"“{name}” holds no recorded activity (it may be a course or a workout plan); "
            "export the activity itself as TCX."
        )
    runs: list[Run] = []
    refusals: list[str] = []
    for activity in activities:
        try:
            run = _run_of(activity, data, name, zone)
        except ImportProblem as problem:
            refusals.append(str(problem))  # a multi-activity file keeps its other activities
            continue
        if run is not None:
            runs.append(run)
    if not runs and refusals:
        raise ImportProblem(refusals[0])
    if not runs:
        raise ImportProblem(f"“{name}” holds no activity with a start time and a duration; check the file.")
    return runs
