"""An import checks each of its runs once in the service, and loading a whole-journal
export asks whether the journal is empty without unpacking the files it keeps."""

from __future__ import annotations

import hashlib
import zlib
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from runjournal.domain import validation
from runjournal.domain.model import Run, Settings, Source
from runjournal.formats.importers import FileResult
from runjournal.formats.journal_json import JournalDocument
from runjournal.service import import_plan
from runjournal.service import journal as journal_module
from runjournal.service.journal import Journal, ValidationError

DAY = date(2026, 11, 3)


def _fit(name: str, data: bytes, *hours: int) -> FileResult:
    digest = hashlib.sha256(data).hexdigest()
    runs = tuple(
        Run(
            day=DAY,
            started_at=datetime.combine(DAY, time(hour), tzinfo=UTC),
            duration_s=1800,
            distance_m=5000,
            source=Source.FIT,
            content_hash=f"{digest}:{i}",
        )
        for i, hour in enumerate(hours)
    )
    return FileResult(path=Path(name), kind="fit", runs=runs, data=data)


def test_each_imported_run_is_checked_once_between_review_and_storing(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[Run] = []

    def counting(run: Run, today: date | None = None):  # type: ignore[no-untyped-def]
        checked.append(run)
        return validation.validate_run(run, today)

    for module in (import_plan, journal_module):
        monkeypatch.setattr(module, "validate_run", counting)

    done = journal.store_import(journal.plan_import([_fit("two.fit", b"two outings", 7, 18)]))

    assert len(done.runs) == 2 and len(journal.runs()) == 2
    assert sorted(r.content_hash or "" for r in checked) == sorted(r.content_hash or "" for r in done.runs)


def test_a_run_the_review_refused_is_never_stored(journal: Journal) -> None:
    broken = _fit("broken.fit", b"broken", 7)
    broken = FileResult(broken.path, broken.kind, (broken.runs[0].replace(duration_s=0),), data=broken.data)
    plan = journal.plan_import([broken])
    assert plan.new_runs == []
    journal.store_import(plan)
    assert journal.runs() == []


def test_loading_an_export_asks_for_no_stored_file_bytes(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.store_import(journal.plan_import([_fit("kept.fit", b"kept bytes", 7)]))
    journal.delete_runs([r.id for r in journal.runs() if r.id is not None])  # only the file is left
    unpacked: list[bytes] = []
    original = zlib.decompress

    def watching(data: bytes, *args: object) -> bytes:
        unpacked.append(data)
        return original(data, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(zlib, "decompress", watching)
    with pytest.raises(ValidationError, match="only be loaded into an empty journal"):
        journal.load_document(JournalDocument(Settings(), (), (), (), (), ()))
    assert unpacked == []  # emptiness was asked of the database, not of every file's bytes
