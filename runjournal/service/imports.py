"""The writing side of imports, inside one of the journal's transactions: storing a reviewed
import with its original files, taking it away and putting it back, and loading a
whole-journal export. The journal checks the records and tells its listeners."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, replace
from typing import TYPE_CHECKING

from runjournal.domain.model import source_hash
from runjournal.storage.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from runjournal.formats.importers import FileResult
    from runjournal.formats.journal_json import JournalDocument
    from runjournal.service.import_plan import ImportDone, ImportPlan

SUPPORT_CONTACTS_KEY = "support_contacts"


def plan(uow: UnitOfWork, results: Sequence[FileResult]) -> ImportPlan:
    """New, duplicate or refused for every entry, against the runs around the batch's days
    and the files imported before."""
    from runjournal.service.import_plan import day_span, plan_import
    from runjournal.storage.source_files import pack

    span = day_span(results)
    hashes = [source_hash(r.content_hash) or "" for result in results for r in result.runs]
    existing = uow.runs.between(*span) if span else []
    known = uow.source_files.known(h for h in hashes if h)
    reviewed = plan_import(results, existing, known)
    # Packed now, where the plan is worked out (off the window's thread): storing only copies.
    return replace(reviewed, packed={source.hash: pack(source.data) for source in reviewed.sources})


def store(uow: UnitOfWork, import_plan: ImportPlan) -> ImportDone:
    from runjournal.service.import_plan import ImportDone, with_measurements_of

    stored = [uow.runs.add(run) for run in import_plan.new_runs]
    replaced = []
    for after in import_plan.replacements:
        before = uow.runs.get(after.id) if after.id is not None else None
        if before is None:
            continue  # taken away since the review was made: nothing to replace
        after = with_measurements_of(before, after)  # the person's latest words, the new measurements
        uow.runs.update(after)
        replaced.append((before, after))
    packed = import_plan.packed
    added = [
        source
        for source in import_plan.stored_sources
        if uow.source_files.add(source, packed.get(source.hash))
    ]
    return ImportDone(
        tuple(stored),
        tuple(replaced),
        tuple(added),
        {s.hash: packed[s.hash] for s in added if s.hash in packed},
    )


def take_away(uow: UnitOfWork, done: ImportDone) -> None:
    for run in done.runs:
        if run.id is not None:
            uow.runs.delete(run.id)
    for before, _after in done.replaced:
        uow.runs.update(before)
    for source in done.sources:
        uow.source_files.delete(source.hash)


def put_back(uow: UnitOfWork, done: ImportDone) -> None:
    for run in done.runs:
        uow.runs.add(run)
    for _before, after in done.replaced:
        uow.runs.update(after)
    for source in done.sources:
        uow.source_files.add(source, done.packed.get(source.hash))


def load_document(uow: UnitOfWork, document: JournalDocument) -> None:
    """Every record of the export, under its own ids; the runs in one batch."""
    uow.runs.add_many(list(document.runs))
    uow.check_ins.add_many(list(document.check_ins))
    uow.settings.save(document.settings)
    for choice in document.coach_choices:
        uow.coach_choices.put(choice)
    if document.support_contacts:
        uow.settings.put_value(SUPPORT_CONTACTS_KEY, [asdict(c) for c in document.support_contacts])
    for source in document.sources:
        uow.source_files.add(source)
