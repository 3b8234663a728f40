"""Folders of activity files (a watch's folder, Strava's bulk export) read as the files inside.

A folder stands for every activity file in it, at any depth, in name order: .fit, .tcx,
.gpx and their gzipped forms, and the CSV tables RunJournal knows (Strava's and Garmin
Connect's activity lists, RunJournal's own). Hidden files and folders are passed over, and
so are the other tables an export carries (Strava's profile.csv, shoes.csv…), which hold no
activities, and anything that is not a plain file (a named pipe would wait forever for a
writer). A folder with none of these is kept as it is, so the import can say so.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from runjournal.formats.files import NotRegularFile, is_regular, read_head
from runjournal.formats.importers.detect import csv_flavour, kind_of_name

_HEAD_BYTES = 4096


def expand_folders(paths: Sequence[Path]) -> list[Path]:
    """`paths` with each folder replaced by the activity files inside it; files as given."""
    expanded: list[Path] = []
    for path in paths:
        found = activity_files(path) if path.is_dir() else []
        expanded.extend(found or [path])
    return expanded


def activity_files(folder: Path) -> list[Path]:
    found = []
    for root, folders, names in os.walk(folder):  # unreadable subfolders are passed over
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(names):
            path = Path(root) / name
            if not name.startswith(".") and _holds_activities(path):
                found.append(path)
    return found


def _holds_activities(path: Path) -> bool:
    kind = kind_of_name(path.name)
    if not kind or not is_regular(path):
        return False
    if kind != "csv" or path.name.lower().endswith(".gz"):
        return True
    try:
        return csv_flavour(read_head(path, _HEAD_BYTES)) is not None
    except NotRegularFile:
        return False
    except OSError:
        return True  # the import says what is wrong with it
