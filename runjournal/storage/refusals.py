"""The refusals every part of storage can raise: a journal (or a backup) that cannot be used."""

from __future__ import annotations


class JournalError(Exception):
    """The journal cannot be used; the message says why in plain words and what to do."""


class NewerJournalError(JournalError):
    pass
