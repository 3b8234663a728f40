"""Reading activity files (GPX, TCX, FIT, CSV) into runs, without Qt and without SQL.

Each of them may also come gzipped ("123.fit.gz", as in Strava's bulk export); the file
inside is what is read, checked and kept. `read_file` never raises for a bad file: whatever is wrong comes back as one sentence
for the person in `FileResult.error`, so an import of fifty files can report each one
and keep going. gpxpy and fitdecode are imported only when such a file is read, so
the application's first window does not pay for them.
"""

from __future__ import annotations

import errno
import stat
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import tzinfo
from pathlib import Path

from runjournal.domain.model import DistanceUnit, Run
from runjournal.formats.files import FileTooLarge, NotRegularFile, megabytes, read_bounded
from runjournal.formats.importers.common import ImportProblem, readable_name, sha256_hex
from runjournal.formats.importers.detect import LABELS, is_packed, kind_of_name, sniff

# Bounds on what one file may cost, each checked before the bytes are parsed (and, for a
# gzipped file, while it is unpacked). FIT is compact binary read as a stream, with its own
# bound on records (fit.MAX_FIT_MESSAGES); GPX, TCX and CSV are parsed whole, in memory
# about twelve times their size, so they get a bound a day's recording at one point a
# second stays well under.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_XML_BYTES = 32 * 1024 * 1024
MAX_TABLE_BYTES = 32 * 1024 * 1024

__all__ = ["MAX_FILE_BYTES", "MAX_TABLE_BYTES", "MAX_XML_BYTES", "FileResult", "read_bytes", "read_file"]


@dataclass(frozen=True, slots=True)
class FileResult:
    path: Path
    kind: str  # "gpx" | "tcx" | "fit" | "csv" | "" when unknown
    runs: tuple[Run, ...]  # what the file holds, ids None; empty on error
    error: str | None = None  # a sentence for a person when the file can't be imported
    data: bytes = b""  # the original bytes (empty on error) so the journal can keep them
    skipped: tuple[str, ...] = ()  # rows of a table that could not be read, a sentence each
    incomplete: bool = False  # cut short (a watch whose battery died): what came before the cut
    known_hash: str = ""  # the file's bytes are already in the journal: recognised, not parsed


def _refuse(path: Path, kind: str, message: str) -> FileResult:
    return FileResult(path=path, kind=kind, runs=(), error=message)


def _not_a_file(shown: str) -> str:
    return (
        f"“{shown}” is not an ordinary file (it is a pipe, a device or a socket), so RunJournal "
        "did not read it; choose the activity file itself."
    )


def _unknown_type(shown: str) -> str:
    return (
        f"“{shown}” is not a file type RunJournal can read; "
        "choose a .gpx, .tcx, .fit or .csv file (or one of them gzipped, such as .fit.gz)."
    )


def limit_of(kind: str) -> int:
    """The most bytes RunJournal reads of a file of this kind (unpacked, when gzipped)."""
    # Read from the module each time, so a test can lower a bound to try it.
    module = sys.modules[__name__]
    if kind in ("gpx", "tcx"):
        return min(int(module.MAX_XML_BYTES), int(module.MAX_FILE_BYTES))
    if kind == "csv":
        return min(int(module.MAX_TABLE_BYTES), int(module.MAX_FILE_BYTES))
    return int(module.MAX_FILE_BYTES)


def _too_big(shown: str, kind: str, verb: str = "is") -> str:
    limit = megabytes(limit_of(kind))
    if kind in ("gpx", "tcx"):
        return (
            f"“{shown}” {verb} larger than {limit}, more than a whole day recorded at a point a second; "
            f"RunJournal reads {LABELS[kind]} files up to {limit}, so export the activity as FIT, "
            "which is far smaller."
        )
    if kind == "csv":
        return (
            f"“{shown}” {verb} larger than {limit}, more than any list of activities needs; "
            "check that it is the right table, or split it into smaller ones."
        )
    return f"“{shown}” {verb} larger than {limit}, far more than any activity file needs; check that it is the right file."


def _unpacked(data: bytes, limit: int) -> bytes | None:
    """The file inside gzipped bytes, at most `limit` + 1 of it (so a small file that
    unpacks to gigabytes is stopped early); None when the bytes are not a whole gzip file."""
    if not data.startswith(b"\x1f\x8b"):
        return None
    unpack = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        inner = unpack.decompress(data, limit + 1)
    except zlib.error:
        return None
    if len(inner) <= limit and not unpack.eof:
        return None  # cut short
    return inner


def _parse(
    kind: str, name: str, data: bytes, zone: tzinfo | None, units: DistanceUnit, skipped: list[str]
) -> tuple[list[Run], bool]:
    """The file's runs, and whether the file was cut short (only FIT files are salvaged)."""
    if kind == "gpx":
        from runjournal.formats.importers.gpx import read_gpx

        return read_gpx(data, name, zone), False
    if kind == "tcx":
        from runjournal.formats.importers.tcx import read_tcx

        return read_tcx(data, name, zone), False
    if kind == "fit":
        from runjournal.formats.importers.fit import read_fit_salvaging

        read = read_fit_salvaging(data, name, zone)
        return read.runs, read.incomplete
    from runjournal.formats.csv_files import read_csv

    return read_csv(data, name, zone, units, skipped), False


def _distinct_hashes(runs: list[Run]) -> list[Run]:
    """Several runs from one file (a multi-sport FIT, a multi-activity TCX) get ":index"
    after the file's hash, as CSV rows do, so one never looks like a copy of another."""
    if len(runs) < 2 or any(":" in (r.content_hash or "") for r in runs):
        return runs
    return [replace(run, content_hash=f"{run.content_hash}:{i}") for i, run in enumerate(runs)]


def read_bytes(
    name: str,
    data: bytes,
    *,
    local_zone: tzinfo | None = None,
    csv_units: DistanceUnit = DistanceUnit.KM,
    known: Callable[[str], bool] | None = None,
) -> FileResult:
    """Runs from a file's bytes; `name` decides the expected kind and names it in messages.

    `local_zone` stands in for the computer's time zone (tests, or a person who was
    travelling); `csv_units` is the distance unit of a Garmin Connect CSV, which does
    not say which one it used. `known` says whether a file's hash is already in the
    journal: such a file is recognised by its bytes alone and not parsed at all.
    """
    path = Path(name)
    shown = path.name or name
    kind = kind_of_name(shown)
    if not kind:
        return _refuse(path, "", _unknown_type(shown))
    if not data:
        return _refuse(path, kind, f"“{shown}” is empty (0 bytes); copy or export the activity again.")
    limit = limit_of(kind)
    if len(data) > limit:
        return _refuse(path, kind, _too_big(shown, kind))
    inner_name = shown
    if is_packed(shown):
        unpacked = _unpacked(data, limit)
        if unpacked is None:
            return _refuse(
                path,
                kind,
                f"“{shown}” is named like a gzipped file but could not be unpacked; "
                "it may be damaged or cut short, so download or export it again.",
            )
        if len(unpacked) > limit:
            return _refuse(path, kind, _too_big(shown, kind, "unpacks to"))
        if not unpacked:
            return _refuse(path, kind, f"“{shown}” holds an empty file; copy or export the activity again.")
        data, inner_name = unpacked, shown[: -len(".gz")]
    if known is not None:
        file_hash = sha256_hex(data)
        if known(file_hash):
            return FileResult(path=path, kind=kind, runs=(), known_hash=file_hash)
    found = sniff(data)
    if found != kind and not (kind == "csv" and not found):  # read_csv names the tables it knows
        what = f"a {LABELS[found]} file" if found else "not an activity file RunJournal knows"
        return _refuse(
            path,
            kind,
            f"“{shown}” is named like a {LABELS[kind]} file but its content is {what}; "
            "check that you picked the right file, or export the activity again.",
        )
    skipped: list[str] = []
    try:
        runs, incomplete = _parse(kind, shown, data, local_zone, csv_units, skipped)
    except ImportProblem as problem:
        return _refuse(path, kind, str(problem))
    except RecursionError:
        return _refuse(path, kind, f"“{shown}” is nested too deeply to be an activity file; check the file.")
    except Exception:  # a parser's bug or an unforeseen file must not end the whole import
        return _refuse(
            path, kind, f"“{shown}” could not be read as a {LABELS[kind]} activity; try exporting it again."
        )
    if kind != "csv":
        # A watch file has no name of its own; the file's name is the best title there is.
        title = readable_name(Path(inner_name).stem)[:200]
        runs = [run if run.title else replace(run, title=title) for run in runs]
    return FileResult(
        path=path,
        kind=kind,
        runs=tuple(_distinct_hashes(runs)),
        data=data,
        skipped=tuple(skipped),
        incomplete=incomplete,
    )


def read_file(
    path: Path,
    *,
    local_zone: tzinfo | None = None,
    csv_units: DistanceUnit = DistanceUnit.KM,
    known: Callable[[str], bool] | None = None,
) -> FileResult:
    """Runs from a file on disk, or the reason it can't be imported. Never raises for bad input."""
    path = Path(path)
    shown = path.name or str(path)
    kind = kind_of_name(shown)
    try:
        info = path.stat()
    except FileNotFoundError:
        return _refuse(path, kind, f"“{shown}” could not be found; it may have been moved or deleted.")
    except OSError as error:
        return _refuse(
            path, kind, f"“{shown}” could not be opened ({error.strerror or error}); check the file."
        )
    if stat.S_ISDIR(info.st_mode):
        return _refuse(
            path,
            kind,
            f"“{shown}” is a folder with no activity files RunJournal can read in it; "
            "choose the files, or a folder that holds .fit, .tcx, .gpx or .csv files.",
        )
    if not stat.S_ISREG(info.st_mode):
        return _refuse(path, kind, _not_a_file(shown))
    if not kind:
        return _refuse(path, "", _unknown_type(shown))
    if info.st_size > limit_of("fit" if is_packed(shown) else kind):
        return _refuse(path, kind, _too_big(shown, "fit" if is_packed(shown) else kind))
    try:
        # Checked again on the open file: the path may have been swapped for a pipe since.
        data = read_bounded(path, limit_of("fit" if is_packed(shown) else kind))
    except NotRegularFile:
        return _refuse(path, kind, _not_a_file(shown))
    except FileTooLarge:
        return _refuse(path, kind, _too_big(shown, "fit" if is_packed(shown) else kind))
    except PermissionError:
        return _refuse(
            path,
            kind,
            f"RunJournal is not allowed to read “{shown}”; check the file's permissions and try again.",
        )
    except OSError as error:
        reason = "it is a folder" if error.errno == errno.EISDIR else (error.strerror or str(error))
        return _refuse(path, kind, f"“{shown}” could not be read ({reason}); check the file and try again.")
    result = read_bytes(shown, data, local_zone=local_zone, csv_units=csv_units, known=known)
    return replace(result, path=path)
