"""Telling what a file really holds from its first bytes, whatever its name says.

People rename files, and apps save HTML error pages under ".gpx". Looking at the
content first lets the importer say "this is not a GPX file" instead of a parser's
traceback, and lets it refuse a mislabelled file before any heavy parser is loaded.
"""

from __future__ import annotations

import csv
import io
import re

EXTENSIONS = {".gpx": "gpx", ".tcx": "tcx", ".fit": "fit", ".csv": "csv"}
PACKED = ".gz"  # Strava's bulk export and some apps gzip each file: "123.fit.gz"
LABELS = {"gpx": "GPX", "tcx": "TCX", "fit": "FIT", "csv": "CSV", "": "activity"}

# CSV flavours, recognised by columns no other flavour has.
RUNJOURNAL_COLUMNS = {"date", "start_local", "utc_offset_min", "activity", "duration_s"}
STRAVA_COLUMNS = {"Activity ID", "Activity Date", "Activity Type", "Elapsed Time"}
GARMIN_COLUMNS = {"Activity Type", "Date", "Title", "Distance", "Time"}

_HEAD = 64 * 1024
_ROOT = re.compile(rb"<(?![?!])(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_COMMENT = re.compile(rb"<!--.*?-->", re.S)


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


def xml_root(data: bytes) -> str | None:
    """Local name of the first element, read from the head of the file only."""
    head = data[:_HEAD].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return None
    head = _COMMENT.sub(b"", head)
    if b"<!DOCTYPE" in head:
        # Skip a document type declaration (and its internal subset) to find the root;
        # the XML readers refuse the declaration itself later.
        end = head.find(b"]>", head.find(b"<!DOCTYPE"))
        head = head[end + 2 :] if end != -1 else head[head.find(b">", head.find(b"<!DOCTYPE")) + 1 :]
    match = _ROOT.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def csv_flavour(data: bytes) -> str | None:
    """ "runjournal", "strava" or "garmin" from the header row; None if unrecognised."""
    head = data[:_HEAD].decode("utf-8-sig", errors="replace")
    first_line = head.splitlines()[0] if head else ""
    try:
        header = next(csv.reader(io.StringIO(first_line)))
    except (StopIteration, csv.Error):
        return None
    columns = {c.strip() for c in header}
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
