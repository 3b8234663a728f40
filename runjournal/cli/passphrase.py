"""The passphrase of a locked journal on the command line: typed at a terminal, or read
from a file only its owner can read (`--passphrase-file`), for scripts.

Never from an environment variable or an argument: both are visible to other programs
(`ps`, /proc) and end up in shell histories. With neither a terminal nor a file, the
command stops with exit code 3 and a sentence saying what to do.
"""

from __future__ import annotations

import argparse
import getpass
import os
import stat
import sys
from pathlib import Path

from runjournal.service.errors import JournalError

MAX_FILE_BYTES = 4096


class NoPassphrase(JournalError):
    """A locked journal, and no way to have its passphrase."""


class _Refused(argparse.Action):
    """`--passphrase`: refused with a sentence, so no abbreviation ever takes a passphrase for a file name."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        parser.error(
            "a passphrase is never given as an argument (other programs can see arguments). "
            "Type it when asked, or use --passphrase-file PATH."
        )


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase", nargs="?", action=_Refused, help=argparse.SUPPRESS)
    parser.add_argument(
        "--passphrase-file",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="for a locked journal: read its passphrase from PATH (first line; the file must be "
        "readable by you alone, chmod 600). Without it, the passphrase is asked for at the terminal",
    )


def read_passphrase_file(path: Path) -> str:
    """The first line of `path`, refused unless the file is a regular file only its owner can read."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        raise NoPassphrase(
            f"The passphrase file {path} cannot be read: {error.strerror or error}. Nothing was changed."
        ) from None
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode):
            raise NoPassphrase(f"The passphrase file {path} is not a regular file. Nothing was changed.")
        if os.name == "posix" and found.st_mode & 0o077:
            raise NoPassphrase(
                f"The passphrase file {path} can be read by others (mode {stat.S_IMODE(found.st_mode):o}). "
                f"Run chmod 600 {path} first; nothing was changed."
            )
        data = os.read(descriptor, MAX_FILE_BYTES)
    finally:
        os.close(descriptor)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise NoPassphrase(f"The passphrase file {path} is not UTF-8 text. Nothing was changed.") from None
    passphrase = text.splitlines()[0] if text.strip() else ""
    if not passphrase:
        raise NoPassphrase(f"The passphrase file {path} is empty. Nothing was changed.")
    return passphrase


def passphrase_for(args: argparse.Namespace, journal: Path) -> str | None:
    """The passphrase to open `journal` with: None when it is not locked."""
    from runjournal.service.protection import is_protected

    if not journal.exists() or not is_protected(journal):
        return None
    return _ask(args, journal)


def unlock_files(args: argparse.Namespace, *paths: Path) -> None:
    """Asks once for the passphrase of whichever of `paths` (a journal, a backup) is locked,
    and keeps it for this command; raises WrongPassphrase when it opens none of them."""
    from runjournal.service.protection import is_protected, unlock

    locked = [path for path in paths if path.exists() and is_protected(path)]
    if locked:
        unlock(locked, _ask(args, locked[0]))


def _ask(args: argparse.Namespace, journal: Path) -> str:
    given = getattr(args, "passphrase_file", None)
    if given is not None:
        return read_passphrase_file(Path(given))
    if not sys.stdin.isatty():
        raise NoPassphrase(
            f"{journal} is locked with a passphrase, and there is no terminal to ask for it. "
            "Give it with --passphrase-file PATH (a file only you can read), or run the command in a terminal."
        )
    try:
        typed = getpass.getpass(f"Passphrase for {journal.name}: ")
    except (EOFError, KeyboardInterrupt):
        typed = ""
    if not typed:
        raise NoPassphrase(f"No passphrase was typed, so {journal.name} stays locked. Nothing was changed.")
    return typed


UNENCRYPTED_COPY = "this copy is not encrypted: anyone who can read the file can read your entries."
