"""The unit of work: one transaction, and the repositories that work inside it.

Leaving the `with` block without `commit()` rolls everything back, so an error half way
through a save can never leave half a record behind.
"""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Connection, Engine

from runjournal.storage.repositories import (
    CheckInRepository,
    CoachChoiceRepository,
    RunRepository,
    SettingsRepository,
)
from runjournal.storage.source_files import SourceFileRepository


class UnitOfWork:
    runs: RunRepository
    check_ins: CheckInRepository
    settings: SettingsRepository
    coach_choices: CoachChoiceRepository
    source_files: SourceFileRepository
    connection: Connection

    def __init__(self, engine: Engine, *, write: bool = False) -> None:
        self._engine = engine
        self._write = write
        self._committed = False

    def __enter__(self) -> UnitOfWork:
        self.connection = self._engine.connect()
        # Read by the engine's "begin" hook: a writer takes SQLite's write lock at BEGIN,
        # so two writers queue up instead of failing half way through.
        self.connection.info["write"] = self._write
        self._transaction = self.connection.begin()
        self.runs = RunRepository(self.connection)
        self.check_ins = CheckInRepository(self.connection)
        self.settings = SettingsRepository(self.connection)
        self.coach_choices = CoachChoiceRepository(self.connection)
        self.source_files = SourceFileRepository(self.connection)
        return self

    def commit(self) -> None:
        if not self._write:
            raise RuntimeError("This unit of work was opened for reading only.")
        self._transaction.commit()
        self._committed = True

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if not self._committed and self._transaction.is_active:
                self._transaction.rollback()
        finally:
            self.connection.close()
