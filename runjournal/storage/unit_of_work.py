"""The unit of work: one transaction, and the repositories that work inside it.

Leaving the `with` block without `commit()` rolls everything back, so an error half way
through a save can never leave half a record behind. A failure of the file itself (a full
disk, a read-only folder, another program holding the lock, a disk error) leaves as a
StorageError whose message a person can act on, after the transaction was rolled back.
Any other failure of the database (a constraint, a bug) leaves as a StorageError too, with
a general sentence: an error message never carries the statement or the entry's text.
"""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from runjournal.storage.errors import StorageError, private_storage_error
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
        try:
            self.connection = self._engine.connect()
        except DBAPIError as error:
            raise self._translated(error) from None
        # Read by the engine's "begin" hook: a writer takes SQLite's write lock at BEGIN,
        # so two writers queue up instead of failing half way through.
        self.connection.info["write"] = self._write
        try:
            self._transaction = self.connection.begin()
        except DBAPIError as error:
            self.connection.invalidate()
            self.connection.close()
            raise self._translated(error) from None
        self.runs = RunRepository(self.connection)
        self.check_ins = CheckInRepository(self.connection)
        self.settings = SettingsRepository(self.connection)
        self.coach_choices = CoachChoiceRepository(self.connection)
        self.source_files = SourceFileRepository(self.connection)
        return self

    def commit(self) -> None:
        if not self._write:
            raise RuntimeError("This unit of work was opened for reading only.")
        try:
            self._transaction.commit()
        except DBAPIError as error:
            # A commit that failed (a full disk, a disk error) did not happen: say so plainly.
            # __exit__ rolls back what is left of the transaction.
            raise self._translated(error) from None
        self._committed = True

    def _translated(self, error: DBAPIError) -> StorageError:
        return private_storage_error(error, write=self._write)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        rollback_failed: DBAPIError | None = None
        try:
            if not self._committed and self._transaction.is_active:
                self._transaction.rollback()
        except DBAPIError as error:
            # SQLite undoes an unfinished transaction by itself (from the rollback journal
            # or by ignoring uncommitted WAL frames); this connection is not reused.
            rollback_failed = error
            self.connection.invalidate()
        finally:
            self.connection.close()
        if isinstance(exc, DBAPIError):
            raise self._translated(exc) from None
        elif exc is None and rollback_failed is not None:
            raise self._translated(rollback_failed) from None
