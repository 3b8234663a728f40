"""Helpers every importer shares: the refusal exception, local days and clean values.

Files come from many devices and apps, and some carry values the journal would refuse
(a heart rate of 0 from a strap that lost contact, a distance of 0 on a treadmill).
`finish_run` turns those into "not recorded" instead of turning a whole file away.
"""

from __future__ import annotations

import hashlib
import math
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from runjournal.domain.model import Activity, Run
from runjournal.domain.validation import MAX_DURATION_S, validate_run

# Fields a file may carry that are worth dropping rather than losing the whole run over.
_OPTIONAL = ("moving_s", "distance_m", "effort", "avg_hr", "max_hr", "ascent_m", "utc_offset_min")


class ImportProblem(Exception):
    """A file cannot be imported; the message is one sentence for the person."""


def readable_name(name: str) -> str:
    """A file name as text that can be stored: bytes the file system could not decode
    (a name written on another system, which Python keeps as lone surrogates) become "�"."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def as_utc(moment: datetime) -> datetime:
    """Aware UTC; a naive time from a file is UTC by every format's own definition."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def offset_minutes(started_at: datetime, zone: tzinfo | None) -> int:
    """The UTC offset on the person's clock at that instant (the computer's zone by default).

    Files without an offset of their own (GPX, TCX, Strava CSV) say nothing about where
    the person was; the computer's zone *at that instant* (so summer time is right) is
    the best guess and gives the local day people expect.
    """
    local = started_at.astimezone(zone) if zone is not None else started_at.astimezone()
    offset = local.utcoffset() or timedelta(0)
    return round(offset.total_seconds() / 60)


def local_day(started_at: datetime, offset_min: int) -> date:
    return (started_at + timedelta(minutes=offset_min)).date()


def number(value: object) -> float | None:
    """A finite float, or None for anything missing, blank or nonsensical."""
    if value is None or isinstance(value, bool):
        return None
    try:
        result = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return result if math.isfinite(result) else None


def positive(value: object) -> float | None:
    result = number(value)
    return result if result is not None and result > 0 else None


def heart_rate(value: object) -> int | None:
    """Beats per minute, or None when a strap reported 0 or nonsense."""
    result = number(value)
    if result is None or not 25 <= result <= 250:
        return None
    return round(result)


# The fastest average a person could keep up for the activity, in km/h, with room to spare:
# faster than this, the file's times or distance are wrong (a GPS jump, times on a few points).
MAX_SPEED_KMH = {
    Activity.RUN: 30.0,
    Activity.WALK: 15.0,
    Activity.SWIM: 10.0,
    Activity.BIKE: 100.0,
    Activity.OTHER: 150.0,
}


def speed_doubt(run: Run) -> str | None:
    """A question for the review when the average speed is beyond what the activity allows
    (such a run is not imported unless the person ticks it); None when it is believable."""
    if run.distance_m is None or run.duration_s <= 0:
        return None
    kmh = run.distance_m / 1000 / (run.duration_s / 3600)
    limit = MAX_SPEED_KMH[run.activity]
    if kmh <= limit:
        return None
    return (
        f"its average speed is {kmh:,.0f} km/h, faster than a {run.activity.label.lower()} can go "
        f"(at most about {limit:.0f} km/h), so its times or distance are probably wrong; "
        "it is left out unless you tick it."
    )


def duration_refusal(name: str, seconds: float) -> str | None:
    """The sentence for a file whose span of time cannot be one activity, else None."""
    if seconds < 0:
        return (
            f"“{name}” has times going backwards (its end is before its start), so it has no "
            "duration; export the activity again from your watch or app."
        )
    if seconds == 0:
        return (
            f"“{name}” starts and ends at the same moment, so it has no duration; "
            "export the recorded activity rather than a single point."
        )
    if seconds > MAX_DURATION_S:
        days = seconds / 86400
        return (
            f"“{name}” spans {days:.0f} days from its first time to its last; RunJournal keeps "
            "activities up to 7 days long, so split it into days in your app and import those."
        )
    return None


def finish_run(run: Run, today: date | None = None) -> Run | None:
    """The run with values the journal would refuse emptied; None if nothing usable is left.

    A broken heart-rate strap should not cost the person their run, but a run without a
    duration, or dated in the future by a watch with a wrong clock, is not one to keep.
    """
    if run.moving_s is not None and run.moving_s > run.duration_s:
        run = run.replace(moving_s=run.duration_s)
    if run.avg_hr is not None and run.max_hr is not None and run.avg_hr > run.max_hr:
        run = run.replace(max_hr=None)
    for _ in range(3):
        problems = validate_run(run, today)
        if not problems:
            return run
        fields = {p.field for p in problems}
        if fields - set(_OPTIONAL) - {"title", "note"}:
            return None
        changes: dict[str, object] = {f: None for f in fields if f in _OPTIONAL}
        if "title" in fields:
            changes["title"] = run.title[:200]
        if "note" in fields:
            changes["note"] = run.note[:20_000]
        run = run.replace(**changes)
    return None


def parse_xml(data: bytes, name: str, label: str) -> Any:  # an xml.etree.ElementTree.Element
    """The XML tree, refusing document type declarations outright.

    GPX and TCX never need a DTD, and a DTD is how entity bombs ("billion laughs") and
    external entities (reading other files on the computer) get in, so any DTD is refused
    before anything else looks at the text.
    """
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportProblem(_unsafe(name, label)) from None
    except ParseError as error:
        where = "ends early" if "no element found" in str(error) or "unclosed" in str(error) else "is damaged"
        raise ImportProblem(
            f"“{name}” {where} (its XML is incomplete or broken); copy or export the file again."
        ) from None


class _RootSeen(Exception):
    """Raised from the parser's target: everything a DTD could hide comes before this."""


class _StopAtRoot:
    def start(self, tag: str, attributes: dict[str, str]) -> None:
        raise _RootSeen

    def end(self, tag: str) -> None:
        pass

    def data(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


def check_prolog(data: bytes, name: str, label: str) -> None:
    """Refuse a DTD the way `parse_xml` does, reading only up to the root element.

    XML allows a document type declaration (and so entity declarations) only before the
    root element, so defusedxml accepting the prolog means no entity can be expanded or
    fetched later in the file. That lets gpxpy do the one full parse of a large GPX.
    """
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    parser = DefusedXMLParser(target=_StopAtRoot(), forbid_dtd=True)
    try:
        for start in range(0, len(data), 64 * 1024):
            parser.feed(data[start : start + 64 * 1024])
        parser.close()  # an expat that defers long tokens (a long comment) reads them now
    except _RootSeen:
        return
    except DefusedXmlException:
        raise ImportProblem(_unsafe(name, label)) from None
    except ParseError:
        pass
    raise ImportProblem(
        f"“{name}” is damaged (its XML is broken near the start); copy or export the file again."
    )


def _unsafe(name: str, label: str) -> str:
    return (
        f"“{name}” contains XML declarations that {label} files never use, so RunJournal "
        "did not open it for safety; export the activity again from your watch or app."
    )
