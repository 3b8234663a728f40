"""What every part of the Journal stands on: the open database, its read and write
transactions (which keep the run cache honest), the change hub, and the checks shared by
the methods that store entries."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, Self

from runjournal.domain.model import (
    CheckIn,
    JournalCounts,
    Problem,
    Run,
    SupportContact,
    ValidationError,
)
from runjournal.domain.validation import validate_check_in, validate_run
from runjournal.service.changes import Change, ChangeHub
from runjournal.service.imports import SUPPORT_CONTACTS_KEY
from runjournal.service.run_cache import RunCache
from runjournal.storage.database import Database, open_database
from runjournal.storage.repositories import RunRepository, journal_counts, journal_is_empty
from runjournal.storage.unit_of_work import UnitOfWork


def raise_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def entry_problems(
    runs: Iterable[Run], check_ins: Iterable[CheckIn], today: date | None = None
) -> list[Problem]:
    """Every problem of a batch of entries, each naming the entry it belongs to."""
    problems = [
        Problem(p.field, f"Run on {r.day}: {p.message}") for r in runs for p in validate_run(r, today)
    ]
    problems += [
        Problem(p.field, f"Check-in of {c.day}: {p.message}")
        for c in check_ins
        for p in validate_check_in(c, today)
    ]
    return problems


def stored_support_contacts(uow: UnitOfWork) -> list[SupportContact]:
    stored = uow.settings.value(SUPPORT_CONTACTS_KEY) or []
    return [
        SupportContact(str(c.get("name", "")), str(c.get("phone", "")), str(c.get("note", "")))
        for c in stored
        if isinstance(c, dict) and c.get("name")
    ]


class ReadUnit(UnitOfWork):
    """A read transaction that remembers the run cache's generation from before it began,
    so what it reads is kept only if no write came meanwhile (see run_cache)."""

    def __init__(self, database: Database, runs_generation: int | None) -> None:
        super().__init__(database.engine)
        self.runs_generation = runs_generation

    def __enter__(self) -> ReadUnit:
        super().__enter__()
        return self


class WriteUnit(UnitOfWork):
    """A write transaction that tells the run cache, before its first statement on the
    runs and again once it is over, so no read keeps or is handed a copy it overtook."""

    def __init__(self, database: Database, run_cache: RunCache) -> None:
        super().__init__(database.engine, write=True)
        self._run_cache = run_cache
        self._writes_runs = False

    @property
    def runs(self) -> RunRepository:
        if not self._writes_runs:
            self._writes_runs = True
            self._run_cache.begin_write()
        return self._runs

    @runs.setter
    def runs(self, repository: RunRepository) -> None:
        self._runs = repository

    def __enter__(self) -> WriteUnit:
        super().__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        try:
            super().__exit__(*exc)
        finally:
            if self._writes_runs:
                self._run_cache.end_write()


class JournalCore:
    """The open journal and its transactions; the Journal's methods are built on these."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self.changes = ChangeHub()
        self._run_cache = RunCache()  # every run, kept between writes (see run_cache)
        self.changes.subscribe(self._forget_runs)

    def _forget_runs(self, change: Change) -> None:
        if change & Change.RUNS:
            self._run_cache.forget()

    def _all_runs(self, uow: ReadUnit) -> tuple[Run, ...]:
        """Every run as this read's transaction sees it: the copy kept between writes when
        no write came since the read began."""
        # One small read first: SQLite fixes a transaction's snapshot at its first read,
        # and the kept copy may only stand in for the runs of a snapshot already taken.
        uow.settings.value(SUPPORT_CONTACTS_KEY)
        return self._run_cache.runs(uow.runs_generation, lambda: uow.runs.between(None, None))

    @classmethod
    def open(
        cls, path: Path | str, *, create: bool = True, write: bool = True, passphrase: str | None = None
    ) -> Self:
        """Opens the journal at `path`; raises JournalError (with a plain message) if it can't.

        With `write` (the default) this process becomes the journal's one writer, however the
        journal is named; `write=False` only reads, and works while another process writes."""
        return cls(open_database(Path(path), create=create, write=write, passphrase=passphrase))

    @property
    def path(self) -> Path:
        return self._db.path

    @property
    def upgrade_copy(self) -> Path | None:
        """The copy kept from before this journal was migrated when opened, if it was."""
        return self._db.upgrade_copy

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _read(self) -> ReadUnit:
        return ReadUnit(self._db, self._run_cache.generation)

    def _write(self) -> WriteUnit:
        return WriteUnit(self._db, self._run_cache)

    def counts(self) -> JournalCounts:
        with self._read() as uow:
            return journal_counts(uow.connection)

    def is_empty(self) -> bool:
        with self._read() as uow:
            return journal_is_empty(uow.connection)
