"""Telling what a file really holds from its first bytes, whatever its name says.

People rename files, and apps save HTML error pages under ".gpx". Looking at the
content first lets the importer say "this is not a GPX file" instead of a parser's
traceback, and lets it refuse a mislabelled file before any heavy parser is loaded.
"""

from __future__ import annotations

import csv
import io
import re

from runjournal.formats.importers.csv_headers import canonical

EXTENSIONS = {".gpx": "gpx", ".tcx": "tcx", ".fit": "fit", ".csv": "csv"}
PACKED = ".gz"  # Strava's bulk export and some apps gzip each file: "123.fit.gz"
LABELS = {"gpx": "GPX", "tcx": "TCX", "fit": "FIT", "csv": "CSV", "": "activity"}

# CSV flavours, recognised by columns no other flavour has.
RUNJOURNAL_COLUMNS = {"date", "start_local", "utc_offset_min", "activity", "duration_s"}
STRAVA_COLUMNS = {"Activity ID", "Activity Date", "Activity Type", "Elapsed Time"}
GARMIN_COLUMNS = {"Activity Type", "Date", "Title", "Distance", "Time"}

_HEAD = 64 * 1024
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
_ROOT = re.compile(r"<(?![?!])(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


def kind_of_name(name: str) -> str:
    """The kind a file's extension promises, gzipped or not; "" for extensions RunJournal
    cannot read."""
    lowered = name.lower().removesuffix(PACKED)
    for extension, kind in EXTENSIONS.items():
        if lowered.endswith(extension):
            return kind
    return ""


def is_packed(name: str) -> bool:
    return name.lower().endswith(PACKED)


class _RootFound(Exception):
    def __init__(self, name: str) -> None:
        self.name = name


class _DoctypeFound(Exception):
    pass


def _found(name: str, *_: object) -> None:
    raise _RootFound(name)


def _doctype(*_: object) -> None:
    raise _DoctypeFound


def _root_after_doctype(data: bytes, position: int) -> str | None:
    """The first element after a document type declaration, read as text, never parsed:
    a declaration's entities must not be expanded, not even to find the root."""
    if data.startswith(_UTF16_MARKS):
        text = data[: position + _HEAD].decode("utf-16", "ignore")
    else:
        text = data[: position + _HEAD].decode("utf-8", "ignore")
    start = text.find("<!DOCTYPE")
    end = text.find("]>", start)
    rest = text[end + 2 :] if end != -1 else text[text.find(">", start) + 1 :]
    match = _ROOT.search(rest)
    return match.group(1) if match else None


def xml_root(data: bytes) -> str | None:
    """Local name of the first element, found by an XML parser that stops right there.

    A parser rather than a pattern, so any comment before the root, however long, and any
    encoding XML allows (UTF-16 with its byte order mark, as Windows tools write it) are
    read as XML reads them. A document type declaration stops the parser at once and names
    the root it declares; nothing of it is expanded here, and the XML readers refuse it.
    """
    from xml.parsers import expat

    if data.startswith(_UTF16_MARKS):
        if not data[:_HEAD].decode("utf-16", "ignore").lstrip().startswith("<"):
            return None
    else:
        data = data.removeprefix(b"\xef\xbb\xbf")
        if not data.lstrip(b" \t\r\n").startswith(b"<"):
            return None
        data = data.lstrip(b" \t\r\n")  # XML allows nothing before its declaration
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = _found
    parser.StartDoctypeDeclHandler = _doctype
    if hasattr(parser, "SetReparseDeferralEnabled"):
        parser.SetReparseDeferralEnabled(False)  # a long comment is one token: read it as it comes
    try:
        for start in range(0, len(data), _HEAD):
            parser.Parse(data[start : start + _HEAD], False)
        parser.Parse(b"", True)  # whatever an expat that defers long tokens still holds
    except _RootFound as found:
        return found.name.rsplit(":", 1)[-1]
    except _DoctypeFound:
        return _root_after_doctype(data, parser.CurrentByteIndex)
    except expat.ExpatError:
        return None
    return None


def csv_flavour(data: bytes) -> str | None:
    """ "runjournal", "strava" or "garmin" from the header row; None if unrecognised."""
    head = data[:_HEAD].decode("utf-8-sig", errors="replace")
    first_line = head.splitlines()[0] if head else ""
    try:
        header = next(csv.reader(io.StringIO(first_line)))
    except (StopIteration, csv.Error):
        return None
    columns = set(canonical(header))
    if columns >= RUNJOURNAL_COLUMNS:
        return "runjournal"
    if columns >= STRAVA_COLUMNS:
        return "strava"
    if columns >= GARMIN_COLUMNS:
        return "garmin"
    return None


def sniff(data: bytes) -> str:
    """ "gpx", "tcx", "fit" or "csv" from the content; "" when it is none of them."""
    if len(data) >= 12 and data[8:12] == b".FIT":
        return "fit"
    root = xml_root(data)
    if root == "gpx":
        return "gpx"
    if root == "TrainingCenterDatabase":
        return "tcx"
    if root is None and b"\x00" not in data[:_HEAD] and csv_flavour(data):
        return "csv"
    return ""
