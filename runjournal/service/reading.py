"""Reading files a person names for an import, before anything is stored.

Activity files (GPX, TCX, FIT, CSV, gzipped or not, or folders of them) become a
`FileResult` each: the runs found, or why the file can't be imported (never an exception
for a bad file). A whole-journal export is recognised by its first bytes and read as a
`JournalDocument`, which only an empty journal can take (`Journal.load_document`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from runjournal.domain.model import DistanceUnit
from runjournal.formats.journal_json import (
    DocumentError,
    JournalDocument,
    is_whole_journal,
    read_document_file,
)

if TYPE_CHECKING:
    from runjournal.formats.importers import FileResult

__all__ = [
    "DocumentError",
    "FileResult",
    "JournalDocument",
    "activity_files_in",
    "is_whole_journal",
    "read_activity_file",
    "read_whole_journal",
]


def activity_files_in(paths: Sequence[Path]) -> list[Path]:
    """`paths` with each folder replaced by the activity files inside it; files as given."""
    from runjournal.formats.importers.folders import expand_folders

    return expand_folders([Path(p) for p in paths])


def read_whole_journal(path: Path) -> JournalDocument:
    """The whole-journal export at `path`, bounded in size; raises DocumentError (or OSError)
    saying why not."""
    return read_document_file(Path(path), Path(path).name)


def read_activity_file(
    path: Path, csv_units: DistanceUnit, known: Callable[[str], bool] | None = None
) -> FileResult:
    """One activity file's runs, or why it can't be imported (a CSV's distances in `csv_units`);
    a file `known` says is in the journal already is recognised by its bytes, not parsed."""
    from runjournal.formats.importers import read_file  # gpxpy and fitdecode load only when needed

    return read_file(Path(path), csv_units=csv_units, known=known)
