"""Taking everything out again: the whole journal as JSON, runs or check-ins as CSV.

The file formats themselves live in formats/ (journal_json, csv_files); this is the
service step around them: read the journal in one read transaction, hand the records to
the writer, and write the file atomically. Files are written to a temporary name and
renamed into place, so an export that fails (a full disk, a damaged original) never
leaves a half-written file under the name the person chose.
"""

from __future__ import annotations

import os
import tempfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO, TypeVar

from runjournal import __version__
from runjournal.formats import importers
from runjournal.formats.csv_files import check_ins_table, runs_table
from runjournal.formats.files import megabytes
from runjournal.formats.journal_json import Original, write_document
from runjournal.service.journal import Journal
from runjournal.storage.source_files import PackedTooLarge, unpacked_pieces

T = TypeVar("T")


class ExportError(Exception):
    """The export could not be written; the message says why."""


def write_atomically(path: Path, write: Callable[[TextIO], T]) -> T:
    """Writes `path` through `write` under a temporary name, then renames it into place;
    returns what `write` returned. ExportError, with nothing written, on any OSError; whatever
    else `write` raises goes up after the temporary file is removed."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist. Choose a folder that does.")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".partial")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                result = write(out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise ExportError(
            f"{path} could not be written: {error.strerror or error}. Nothing was written."
        ) from None
    return result


def _damaged_original(name: str, why: str) -> ExportError:
    return ExportError(
        f"The original file “{name}” kept in your journal is damaged ({why}), so the whole-journal "
        "export was not written. Runs and check-ins can still be exported as CSV; "
        "`runjournal check` looks at the journal."
    )


def _bounded(name: str, packed: bytes, limit: int) -> Iterator[bytes]:
    """The original's bytes as they are written; a sentence instead of gigabytes when a
    stored file unpacks to more than any import accepts (or cannot be unpacked at all)."""
    try:
        yield from unpacked_pieces(packed, limit)
    except PackedTooLarge:
        raise _damaged_original(name, f"it unpacks to more than {megabytes(limit)}") from None
    except zlib.error:
        raise _damaged_original(name, "its stored bytes cannot be unpacked") from None


def _write_journal(journal: Journal, path: Path) -> int:
    limit = importers.MAX_FILE_BYTES  # no import keeps a larger file
    with journal._read() as uow:  # one read: the file never mixes two states of the journal
        support_contacts = journal.support_contacts()
        originals = (
            Original(
                source.hash,
                source.name,
                source.kind,
                source.imported_at,
                _bounded(source.name, packed, limit),
            )
            for source, packed in uow.source_files.each_packed()
        )
        return write_atomically(
            path,
            lambda out: write_document(
                out,
                app_version=__version__,
                settings=uow.settings.load(),
                coach_choices=uow.coach_choices.all().values(),
                support_contacts=support_contacts,
                runs=uow.runs.each(),  # streamed: thirty years are never all in memory
                check_ins=uow.check_ins.each(),
                originals=originals,
            ),
        )


def export(journal: Journal, path: Path, *, check_ins: bool = False) -> int:
    """Writes `path` by its extension: .json (everything) or .csv (runs, or check-ins).

    Returns the number of records written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if path.resolve() == journal.path.resolve():
        raise ExportError("An export cannot be written over the journal itself. Choose another file name.")
    if suffix == ".json":
        return _write_journal(journal, path)
    if suffix == ".csv":
        if check_ins:
            entries = journal.check_ins()
            write_atomically(path, lambda out: out.write(check_ins_table(entries)))
            return len(entries)
        runs = journal.runs()
        write_atomically(path, lambda out: out.write(runs_table(runs)))
        return len(runs)
    raise ExportError(f"{path.name}: choose a file ending in .json (the whole journal) or .csv (a table).")
