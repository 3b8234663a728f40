"""Records as plain dictionaries of JSON values, for export files and stored settings.

One spelling of every record, so that an exported journal reads back into the same
records (the JSON round trip) and settings survive a change of schema.
"""

from __future__ import annotations

import types
import typing
from datetime import UTC, date, datetime, time
from typing import Any

from runjournal.domain.model import (
    Activity,
    CheckIn,
    CoachChoice,
    Company,
    DistanceUnit,
    Run,
    Settings,
    Source,
)

RUN_FIELDS = tuple(Run.__dataclass_fields__)
# The tables `export` writes and the CSV importer reads back.
RUN_CSV_COLUMNS = (
    "date", "start_local", "utc_offset_min", "activity", "duration", "duration_s", "moving_s",
    "distance_km", "distance_m", "effort", "intensity", "with", "outdoor", "mindful",
    "mood_before", "mood_after", "stress_before", "stress_after", "avg_hr", "max_hr",
    "ascent_m", "title", "note", "note_private", "source",
)  # fmt: skip
CHECK_IN_CSV_COLUMNS = (
    "date", "mood", "stress", "anxiety", "energy", "sleep_hours", "sleep_quality", "bedtime",
    "ill_or_injured", "note", "tags",
)  # fmt: skip

CHECK_IN_FIELDS = tuple(CheckIn.__dataclass_fields__)
_WORDS = {int: "a whole number", float: "a number", str: "text", bool: "yes or no (true or false)"}


def _allowed(record_type: type) -> dict[str, tuple[type, ...]]:
    """The plain JSON types each field may hold, from the record's own annotations; fields
    of other types (dates, times, choices) are left to their own readers."""
    plain = (int, float, str, bool, type(None))
    allowed: dict[str, tuple[type, ...]] = {}
    for name, hint in typing.get_type_hints(record_type).items():
        options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        if all(option in plain for option in options):
            allowed[name] = tuple(options)
    return allowed


def _check_types(values: dict[str, Any], allowed: dict[str, tuple[type, ...]]) -> None:
    """ValueError naming the first field whose value has the wrong type: a number where text
    belongs would pass into the journal and fail far from here, with no sentence."""
    for name, value in values.items():
        kinds = allowed.get(name)
        if not kinds:
            continue  # dates, times and choices are read (and checked) by their own readers
        if isinstance(value, bool):
            fits = bool in kinds
        elif isinstance(value, int):
            fits = (int in kinds or float in kinds) and abs(value) < 2**63  # what SQLite stores
        else:
            fits = isinstance(value, kinds)
        if not fits:
            wanted = next((_WORDS[k] for k in kinds if k in _WORDS), "empty")
            raise ValueError(f"{name} should be {wanted}, not {value!r}"[:200])


_RUN_TYPES = _allowed(Run)
_CHECK_IN_TYPES = _allowed(CheckIn)


def _iso(value: date | datetime | time | None) -> str | None:
    return None if value is None else value.isoformat()


def run_to_dict(run: Run) -> dict[str, Any]:
    data = {name: getattr(run, name) for name in RUN_FIELDS}
    data["day"] = run.day.isoformat()
    data["started_at"] = _iso(run.started_at.astimezone(UTC)) if run.started_at else None
    for name in ("activity", "company", "source"):
        data[name] = str(data[name])
    return data


def run_from_dict(data: dict[str, Any]) -> Run:
    """The inverse of `run_to_dict`; unknown keys are ignored, missing ones take defaults."""
    values = {k: v for k, v in data.items() if k in RUN_FIELDS}
    _check_types(values, _RUN_TYPES)
    values["day"] = date.fromisoformat(values["day"])
    if values.get("started_at"):
        started = datetime.fromisoformat(values["started_at"])
        values["started_at"] = started if started.tzinfo else started.replace(tzinfo=UTC)
    for name, kind in (("activity", Activity), ("company", Company), ("source", Source)):
        if name in values:
            values[name] = kind(values[name])
    return Run(**values)


def check_in_to_dict(check_in: CheckIn) -> dict[str, Any]:
    data = {name: getattr(check_in, name) for name in CHECK_IN_FIELDS}
    data["day"] = check_in.day.isoformat()
    data["bedtime"] = check_in.bedtime.strftime("%H:%M") if check_in.bedtime else None
    data["tags"] = list(check_in.tags)
    return data


def _tag_names(value: object) -> tuple[str, ...]:
    """A list of tag names read back; ValueError saying so when it is anything else."""
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise ValueError(f"tags should be a list of names, not {value!r}"[:200])
    return tuple(value)


def check_in_from_dict(data: dict[str, Any]) -> CheckIn:
    values = {k: v for k, v in data.items() if k in CHECK_IN_FIELDS}
    _check_types(values, _CHECK_IN_TYPES)
    values["day"] = date.fromisoformat(values["day"])
    if values.get("bedtime"):
        values["bedtime"] = time.fromisoformat(values["bedtime"])
    if "tags" in values:  # an export made before tags existed has none
        values["tags"] = _tag_names(values["tags"])
    return CheckIn(**values)


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    return {
        "units": str(settings.units),
        "weekly_minutes_goal": settings.weekly_minutes_goal,
        "weekly_sessions_goal": settings.weekly_sessions_goal,
        "week_start": settings.week_start,
        "started_running": _iso(settings.started_running),
        "tags": list(settings.tags),
    }


def settings_from_dict(data: dict[str, Any]) -> Settings:
    """Settings from stored values; a value this version cannot read keeps its default."""
    defaults = Settings()
    readers: dict[str, Any] = {
        "units": DistanceUnit,
        "weekly_minutes_goal": int,
        "weekly_sessions_goal": int,
        "week_start": int,
        "started_running": lambda v: None if v is None else date.fromisoformat(v),
        "tags": _tag_names,
    }
    values: dict[str, Any] = {}
    for name, read in readers.items():
        if name in data:
            try:
                values[name] = read(data[name])
            except (TypeError, ValueError):
                values[name] = getattr(defaults, name)
    return defaults.replace(**values)


def coach_choice_to_dict(choice: CoachChoice) -> dict[str, Any]:
    return {
        "rule_id": choice.rule_id,
        "disabled": choice.disabled,
        "snoozed_until": _iso(choice.snoozed_until),
    }


def coach_choice_from_dict(data: dict[str, Any]) -> CoachChoice:
    until = data.get("snoozed_until")
    return CoachChoice(
        rule_id=str(data["rule_id"]),
        disabled=bool(data.get("disabled", False)),
        snoozed_until=date.fromisoformat(until) if until else None,
    )
