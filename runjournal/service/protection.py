"""Locking a journal with a passphrase, changing it, and taking it off again.

Each change makes a new copy of the journal (encrypted with the new passphrase, or plain),
proves it holds every row and passes SQLite's integrity check, and only then puts it in the
journal's place in one step (storage.encryption): a crash at any moment leaves the old
journal or the new one, whole. The journal's own backups follow it, so a backup never
stays readable once the journal is locked.

The journal must be closed while it changes: the window closes its journal, calls one of
these, and opens the journal again with the new passphrase.
"""

from __future__ import annotations

import logging
from pathlib import Path

from runjournal.domain.model import Problem, ValidationError
from runjournal.storage import encryption
from runjournal.storage.backup.inspect import JournalError
from runjournal.storage.encryption import KDF_ALGORITHM, KDF_ITERATIONS, PassphraseNeeded, WrongPassphrase
from runjournal.storage.journal_lock import lock_for_writing, real_path

__all__ = [
    "KDF_ALGORITHM",
    "KDF_ITERATIONS",
    "MIN_LENGTH",
    "NOT_RECOVERABLE",
    "PassphraseNeeded",
    "WrongPassphrase",
    "asks_for_passphrase",
    "change_passphrase",
    "check_passphrase",
    "forget_passphrases",
    "is_protected",
    "passphrase_problems",
    "protect",
    "remove_protection",
    "unlock",
]

_log = logging.getLogger(__name__)

MIN_LENGTH = 8
NOT_RECOVERABLE = (
    "If you forget this passphrase, nobody can open the journal or its backups again: "
    "not you, not RunJournal, not anyone. Keep it somewhere safe."
)
UNENCRYPTED_COPY = "This copy will not be encrypted: anyone who can read the file can read your entries."


def is_protected(path: Path) -> bool:
    """True when the journal at `path` is locked with a passphrase."""
    return encryption.is_encrypted(real_path(Path(path)))


def asks_for_passphrase(path: Path) -> bool:
    """True when the journal at `path` is to be opened by asking for its passphrase.

    A locked journal reads as noise, and so does a journal overwritten with noise. Its
    backups tell them apart: a locked journal's backups are locked too, so a journal that
    looks locked while every backup of it is plain was never locked, and is damaged.
    """
    if not is_protected(path):
        return False
    from runjournal.storage.backup.backup import backup_files  # only for a journal that looks locked

    backups = backup_files(real_path(Path(path)))
    return not backups or any(encryption.is_encrypted(backup) for backup in backups)


def check_passphrase(path: Path, passphrase: str) -> None:
    """Raises WrongPassphrase (one sentence) unless `passphrase` opens the journal at `path`;
    reads nothing but the first page, and changes nothing."""
    encryption.connect(real_path(Path(path)), passphrase, query="mode=ro").close()


def unlock(paths: list[Path], passphrase: str) -> None:
    """Keeps `passphrase` for this process once it opens every one of `paths` (a journal and
    its backups); raises WrongPassphrase, keeping nothing, otherwise."""
    for path in paths:
        check_passphrase(path, passphrase)
    encryption.remember(passphrase)


def passphrase_problems(passphrase: str, repeated: str) -> list[Problem]:
    """What is wrong with a new passphrase typed twice, in words (empty when it is fine)."""
    if len(passphrase) < MIN_LENGTH:
        return [
            Problem("passphrase", f"Use at least {MIN_LENGTH} characters; a few words in a row work well.")
        ]
    if passphrase != repeated:
        return [Problem("repeated", "The two passphrases are not the same. Type the same one twice.")]
    return []


def _check_new(passphrase: str, repeated: str | None) -> None:
    problems = passphrase_problems(passphrase, passphrase if repeated is None else repeated)
    if problems:
        raise ValidationError(problems)


def forget_passphrases() -> None:
    """Forgets every passphrase typed in this process (the journal was locked)."""
    encryption.forget_all()


def _convert(path: Path, old: str | None, new: str | None) -> None:
    path = real_path(Path(path))
    if old is not None:
        encryption.connect(path, old, query="mode=ro").close()  # a wrong one changes nothing
        encryption.remember(old)  # so the backups made with it can be listed and checked
    from runjournal.storage.backup.backup import list_backups

    backups = [entry.path for entry in list_backups(path) if entry.ok]
    lock = lock_for_writing(path)
    try:
        encryption.convert(path, old, new)
    finally:
        lock.release()
    if new is not None:
        encryption.remember(new)
    for backup in backups:
        _follow(backup, old, new)


def _follow(backup: Path, old: str | None, new: str | None) -> None:
    """A backup takes the journal's new lock (or loses it with the journal's)."""
    if encryption.is_encrypted(backup) != (old is not None):
        return  # made under another passphrase, or none: left as it is
    try:
        encryption.convert(backup, old, new)
    except JournalError as error:
        _log.warning("A backup could not follow the journal's passphrase: %s", error)


def protect(path: Path, passphrase: str, repeated: str | None = None) -> None:
    """Locks the plain journal at `path` with `passphrase` (and its backups with it)."""
    _check_new(passphrase, repeated)
    if is_protected(path):
        raise JournalError("This journal is already locked with a passphrase. Use Change passphrase instead.")
    _convert(path, None, passphrase)


def change_passphrase(path: Path, old: str, new: str, repeated: str | None = None) -> None:
    """Locks the journal at `path` (and its backups) with `new` instead of `old`."""
    _check_new(new, repeated)
    if not is_protected(path):
        raise JournalError("This journal has no passphrase yet. Use Protect this journal instead.")
    _convert(path, old, new)


def remove_protection(path: Path, passphrase: str) -> None:
    """Makes the journal at `path` (and its backups) plain files again."""
    if not is_protected(path):
        raise JournalError("This journal has no passphrase; there is nothing to remove.")
    _convert(path, passphrase, None)
