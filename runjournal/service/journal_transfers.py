"""The Journal's batches and imports: many entries in one transaction, activity files
through their review, and a whole-journal export loaded into an empty journal."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from runjournal.domain.model import CheckIn, Problem, Run, Settings, SourceFile, ValidationError
from runjournal.domain.validation import validate_settings
from runjournal.service import imports as journal_imports
from runjournal.service.changes import Change
from runjournal.service.journal_core import entry_problems, raise_if
from runjournal.service.journal_safety import JournalSafety
from runjournal.storage.repositories import journal_counts

if TYPE_CHECKING:
    from runjournal.formats.importers import FileResult
    from runjournal.formats.journal_json import JournalDocument
    from runjournal.service.import_plan import ImportDone, ImportPlan

LARGE_IMPORT_RUNS = 50  # an import this big is preceded by a checked backup


class JournalTransfers(JournalSafety):
    # Batches ----------------------------------------------------------------------------

    def add_entries(
        self,
        runs: Iterable[Run],
        check_ins: Iterable[CheckIn],
        settings: Settings | None = None,
        *,
        today: date | None = None,
    ) -> tuple[int, int]:
        """Adds many records in one transaction: all of them, or (on any problem) none."""
        runs, check_ins = list(runs), list(check_ins)
        problems = entry_problems(runs, check_ins, today)
        if settings is not None:
            problems += validate_settings(settings)
        raise_if(problems)
        with self._write() as uow:
            uow.runs.add_many(runs)
            uow.check_ins.add_many(check_ins)
            if settings is not None:
                uow.settings.save(settings)
            uow.commit()
        self.changes.emit(Change.EVERYTHING)
        return len(runs), len(check_ins)

    # Imports ----------------------------------------------------------------------------

    def plan_import(self, results: Sequence[FileResult]) -> ImportPlan:
        """What importing these read files would add, and what it would skip and why."""
        with self._read() as uow:
            return journal_imports.plan(uow, results)

    def imported_before(self, file_hash: str) -> bool:
        """Whether a file with these bytes is already in the journal: asked before a file
        is parsed, so re-importing a whole export costs little more than reading it."""
        with self._read() as uow:
            return bool(uow.source_files.known([file_hash]))

    def store_import(self, plan: ImportPlan) -> ImportDone:
        """Stores the plan's new entries and their original files in one transaction;
        a large import is preceded by a checked backup."""
        runs = plan.new_runs  # each passed validate_run when the plan was made (plan_import)
        if len(runs) >= LARGE_IMPORT_RUNS:
            self.backup(reason="before-import")
        with self._write() as uow:
            done = journal_imports.store(uow, plan)
            uow.commit()
        self.changes.emit(Change.RUNS)
        return done

    def undo_import(self, done: ImportDone) -> None:
        """Takes a whole import away again: its runs and the files it added."""
        with self._write() as uow:
            journal_imports.take_away(uow, done)
            uow.commit()
        self.changes.emit(Change.RUNS)

    def redo_import(self, done: ImportDone) -> None:
        """Puts an undone import back, under the same ids."""
        with self._write() as uow:
            journal_imports.put_back(uow, done)
            uow.commit()
        self.changes.emit(Change.RUNS)

    def load_document(self, document: JournalDocument) -> tuple[int, int]:
        """Fills an empty journal from a whole-journal export, ids included, so exporting
        and loading gives the same journal. All of it, or (on any problem) nothing."""
        if not self.holds_nothing():
            raise ValidationError(
                [Problem("document", "A whole-journal export can only be loaded into an empty journal.")]
            )
        problems = entry_problems(document.runs, document.check_ins)
        raise_if(problems + validate_settings(document.settings))
        with self._write() as uow:
            journal_imports.load_document(uow, document)
            uow.commit()
        self.changes.emit(Change.EVERYTHING)
        return len(document.runs), len(document.check_ins)

    def holds_nothing(self) -> bool:
        """No entry and no kept file: counted by the database, no file's bytes unpacked."""
        with self._read() as uow:
            counts = journal_counts(uow.connection)
            return counts.runs == 0 and counts.check_ins == 0 and uow.source_files.count() == 0

    def source_files(self) -> list[SourceFile]:
        """Every imported file's original bytes."""
        with self._read() as uow:
            return uow.source_files.all()
