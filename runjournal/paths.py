"""Where things live: the person's journal, its backups, and files shipped with the app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "RunJournal"
JOURNAL_FILE = "journal.sqlite"
DB_ENV = "RUNJOURNAL_DB"


def package_dir() -> Path:
    """The installed package folder, in a checkout, a wheel or a PyInstaller bundle alike."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "runjournal"
    return Path(__file__).resolve().parent


def resource(*parts: str) -> Path:
    return package_dir().joinpath(*parts)


def data_dir() -> Path:
    """The per-user data folder (appdirs), e.g. ~/.local/share/RunJournal on Linux."""
    from appdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_journal_path() -> Path:
    return data_dir() / JOURNAL_FILE


def journal_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The journal to use: --db first, then $RUNJOURNAL_DB, then the default."""
    chosen = explicit or os.environ.get(DB_ENV) or default_journal_path()
    return Path(chosen).expanduser()


def backups_dir(journal: Path) -> Path:
    """Backups sit beside the journal's real file (links followed) so they move with it and
    share its privacy; a journal reached through a link has the same backups."""
    return Path(os.path.realpath(journal)).parent / "backups"


def make_private_dir(path: Path) -> None:
    """Creates `path` (and missing parents) readable by this user only on POSIX.

    Folders that already exist are left as their owner set them.
    """
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700)
        if os.name == "posix":
            os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask
