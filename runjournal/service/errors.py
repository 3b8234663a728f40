"""The failures the window and the command line are told about, without reaching into storage.

`JournalError`: the journal cannot be used or a file was refused (the message says why and
what to do). `StorageError`: a read or write of the journal's file failed (a full disk, a
read-only folder); `for_terminal` words it for the command line. `ValidationError`: an entry
was refused, field by field. Each of them leaves the journal as it was.
"""

from __future__ import annotations

from runjournal.domain.model import ValidationError
from runjournal.storage.backup.inspect import JournalError, NewerJournalError
from runjournal.storage.errors import StorageError

__all__ = ["JournalError", "NewerJournalError", "StorageError", "ValidationError", "for_terminal"]


def for_terminal(error: Exception) -> str:
    """An error as the command line says it: a failed save there has no form that kept
    what was typed, so it asks for the command again."""
    return error.for_terminal if isinstance(error, StorageError) else str(error)
