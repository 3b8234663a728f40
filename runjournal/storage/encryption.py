"""Journals locked with a passphrase: SQLCipher 4 underneath, the same schema on top.

An encrypted journal is a SQLCipher file: every page (the first one included) is AES-256
encrypted with a key derived from the passphrase (PBKDF2-HMAC-SHA512, 256 000 iterations,
SQLCipher 4's defaults) and authenticated with HMAC-SHA512, so the file reads as noise
without the passphrase and a changed byte is noticed.

Turning protection on, changing the passphrase and turning it off all work the same way
(`convert`): the whole journal is exported into a new private file beside it, the new file
is proved (SQLite's integrity check, then every row of every table compared with the
journal), flushed to disk, and only then renamed over the journal in one atomic step. A
process killed at any moment leaves either the old journal or the new one under the
journal's name, whole; a half-written copy is only ever a hidden file beside it.

The passphrases typed in this process are remembered here (never written anywhere), so
that backups and checks can open the journal's encrypted files with the same key.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from runjournal.storage.durability import fsync_file, fsync_folder
from runjournal.storage.refusals import JournalError

# SQLCipher 4's defaults, stated here so the documentation and the benchmark can say them.
KDF_ALGORITHM = "PBKDF2_HMAC_SHA512"
KDF_ITERATIONS = 256_000
CONVERTING = ".converting"
SQLITE_HEADER = b"SQLite format 3\x00"  # how a plain SQLite file starts


class PassphraseNeeded(JournalError):
    """The journal is locked with a passphrase and none was given."""


class WrongPassphrase(JournalError):
    """The passphrase given does not open the journal."""


class EngineMissing(JournalError):
    """The SQLCipher module is not installed."""


_known: list[str] = []  # passphrases typed in this process, newest first
# Keys derived from them, by (passphrase, the file's salt): a file is opened several times
# while it is checked and connected, and each derivation costs the full KDF time.
_derived: dict[tuple[str, bytes], bytes] = {}
SALT_BYTES = 16  # SQLCipher keeps a file's random salt in its first 16 bytes
KEY_BYTES = 32


def remember(passphrase: str) -> None:
    """Keeps `passphrase` in this process (memory only) for the journal's backups and checks."""
    if passphrase in _known:
        _known.remove(passphrase)
    _known.insert(0, passphrase)


def forget(passphrase: str) -> None:
    """Forgets one passphrase (it opened nothing) and the keys derived from it."""
    if passphrase in _known:
        _known.remove(passphrase)
    for derived in [d for d in _derived if d[0] == passphrase]:
        del _derived[derived]


def forget_all() -> None:
    """Forgets every passphrase and every key derived from one (the journal was locked)."""
    _known.clear()
    _derived.clear()


def known_passphrases() -> list[str]:
    return list(_known)


def cipher_module() -> Any:
    """The SQLCipher DB-API module, with its own error logging switched off for good."""
    try:
        import sqlcipher3  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise EngineMissing(
            "This journal is locked with a passphrase, and opening it needs the sqlcipher3-wheels "
            "package, which is not installed. Install RunJournal again (pip install runjournal) "
            "and try again; the journal was not changed."
        ) from None
    return sqlcipher3


def database_errors() -> tuple[type[BaseException], ...]:
    """The errors of both drivers, for catching either."""
    try:
        module = cipher_module()
    except EngineMissing:
        return (sqlite3.Error,)
    return (sqlite3.Error, module.Error)


def is_encrypted(path: Path) -> bool:
    """True when `path` looks like a SQLCipher file: whole pages (a multiple of 512 bytes)
    that do not start as a plain SQLite file does.

    An encrypted file is indistinguishable from noise; whether it is a journal is only known
    once a passphrase opens it.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode):
            return False
        size = found.st_size
        header = os.read(descriptor, len(SQLITE_HEADER))
    except OSError:
        return False
    finally:
        os.close(descriptor)
    return size >= 512 and size % 512 == 0 and header != SQLITE_HEADER


def _quoted(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def _salt(path: Path) -> bytes | None:
    """The salt of the existing encrypted file at `path` (None for a new or plain file)."""
    if not is_encrypted(path):
        return None
    with open(path, "rb") as file:
        return file.read(SALT_BYTES)


def _key_pragma(path: Path, passphrase: str) -> str:
    """`PRAGMA key` for `path`: the raw key derived once (exactly as SQLCipher 4 derives it:
    PBKDF2-HMAC-SHA512 over the file's salt) when the file exists, else the passphrase,
    from which SQLCipher derives a key with a fresh random salt."""
    salt = _salt(path)
    if salt is None:
        return f"PRAGMA key = {_quoted(passphrase)}"
    key = _derived.get((passphrase, salt))
    if key is None:
        import hashlib  # here, not at the top: opening a plain journal needs none of it

        key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES)
        if passphrase in _known:
            _derived[(passphrase, salt)] = key
    return f"PRAGMA key = \"x'{key.hex()}{salt.hex()}'\""


def _silence(connection: Any) -> None:
    # SQLCipher writes its own lines to stderr on a wrong key; a person sees one sentence instead.
    connection.execute("PRAGMA cipher_log_level = NONE")


def connect(path: Path, passphrase: str | None, *, query: str = "", check: bool = True) -> Any:
    """A SQLCipher connection on exactly `path` (a URI, so no character changes the file),
    keyed with `passphrase` (None: a plain file). With `check`, a wrong passphrase raises
    WrongPassphrase before anything is read or written."""
    module = cipher_module()
    uri = Path(path).resolve().as_uri() + (f"?{query}" if query else "")
    connection = module.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        _silence(connection)
        if passphrase is not None:
            connection.execute(_key_pragma(Path(path), passphrase))
        if check:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError:
        connection.close()
        raise WrongPassphrase(
            f"That passphrase does not open {Path(path).name}. Nothing was changed; type it again."
        ) from None
    except BaseException:
        connection.close()
        raise
    return connection


def _first_opening(path: Path, query: str) -> tuple[str, Any]:
    if not _known:
        raise PassphraseNeeded(
            f"{path} is not a RunJournal journal, or it is one locked with a passphrase. "
            "If it is locked, type its passphrase to open it; the file was not changed."
        )
    for passphrase in _known:
        try:
            return passphrase, connect(path, passphrase, query=query)
        except WrongPassphrase:
            continue
    raise WrongPassphrase(
        f"{path} is not a RunJournal journal, or the passphrase typed does not open it. "
        "Nothing was changed; check the file, or type its passphrase again."
    )


def open_with_known(path: Path, *, query: str = "") -> Any:
    """A connection on the encrypted file `path` with whichever remembered passphrase opens it."""
    return _first_opening(path, query)[1]


def passphrase_for(path: Path) -> str | None:
    """The remembered passphrase that opens `path` (None for a plain file); raises
    PassphraseNeeded or WrongPassphrase when none does."""
    if not is_encrypted(path):
        return None
    passphrase, connection = _first_opening(path, "mode=ro")
    connection.close()
    return passphrase


# Converting --------------------------------------------------------------------------------


def _tables(connection: Any, schema: str = "main") -> list[str]:
    rows = connection.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [row[0] for row in rows]


def _digest(connection: Any, table: str) -> tuple[int, str]:
    """How many rows `table` holds and a digest of every value, in rowid order."""
    import hashlib

    digest = hashlib.sha256()
    count = 0
    cursor = connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
    while batch := cursor.fetchmany(500):
        for row in batch:
            digest.update(repr(row).encode())
            count += 1
    return count, digest.hexdigest()


def _fingerprint(connection: Any) -> dict[str, tuple[int, str]]:
    return {table: _digest(connection, table) for table in _tables(connection)}


def _private_file(folder: Path, stem: str) -> Path:
    import secrets

    path = folder / f".{stem}.{secrets.token_hex(4)}{CONVERTING}"
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return path


def clear_leftovers(journal: Path) -> None:
    """Removes the hidden half-made copies a killed conversion left beside `journal`."""
    for leftover in journal.parent.glob(f".{journal.name}.*{CONVERTING}*"):
        leftover.unlink(missing_ok=True)


@contextmanager
def _settled_source(path: Path, passphrase: str | None) -> Iterator[Any]:
    """The journal opened for export, its write-ahead log folded into the file first, so
    that the file alone is the whole journal before anything is renamed over it."""
    source = connect(path, passphrase)
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        yield source
    finally:
        source.close()


def convert(path: Path, old: str | None, new: str | None) -> None:
    """Replaces the journal at `path` (locked with `old`, None for plain) with a proved copy
    locked with `new` (None: no passphrase). The caller holds the journal closed and claimed.

    Raises WrongPassphrase when `old` does not open it, JournalError when the copy cannot be
    made or proved; the journal is then exactly as it was.
    """
    path = Path(path)
    clear_leftovers(path)
    made = _private_file(path.parent, path.name)
    try:
        with _settled_source(path, old) as source:
            before = _fingerprint(source)
            source.execute(f"ATTACH DATABASE ? AS fresh KEY {_quoted(new or '')}", (os.fspath(made),))
            try:
                source.execute("SELECT sqlcipher_export('fresh')")
                version = source.execute("PRAGMA main.user_version").fetchone()[0]
                source.execute(f"PRAGMA fresh.user_version = {int(version)}")
            finally:
                source.execute("DETACH DATABASE fresh")
        _prove(made, new, before)
        fsync_file(made)
        for extra in ("-wal", "-shm"):
            Path(f"{path}{extra}").unlink(missing_ok=True)  # emptied by the checkpoint above
        os.replace(made, path)
        fsync_folder(path.parent)
    except database_errors() as error:
        raise JournalError(
            f"The journal could not be converted ({error}). It was left exactly as it was."
        ) from None
    except OSError as error:
        raise JournalError(
            f"The journal could not be converted: {error.strerror or error}. It was left exactly as it was."
        ) from None
    finally:
        for extra in ("", "-wal", "-shm", "-journal"):
            Path(f"{made}{extra}").unlink(missing_ok=True)


def _prove(made: Path, passphrase: str | None, before: dict[str, tuple[int, str]]) -> None:
    with closing(connect(made, passphrase)) as fresh:
        problems = [row[0] for row in fresh.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise JournalError(
                f"The new copy did not pass its check ({problems[0]}); the journal was not changed."
            )
        after = _fingerprint(fresh)
    if after != before:
        raise JournalError("The new copy did not hold every entry; the journal was not changed.")
    if (passphrase is None) == is_encrypted(made):
        raise JournalError("The new copy was not written as asked; the journal was not changed.")
