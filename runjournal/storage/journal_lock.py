"""One writer per journal, however the journal is named.

A journal is its real file: a symlink, a hard link or another spelling of the path all
reach the same file on disk (the same device and inode). SQLite keeps unsaved changes in
a `-wal` file beside the *name* it was opened by, so two programs writing through two
names would each keep their own log and strand each other's entries.

Every process that writes takes an exclusive advisory lock (`flock`) on the journal file
itself, which the operating system keys on the file, not on its name, and drops by itself
when the process ends (no stale locks after a crash). Within one process the lock is
shared and counted, so opening the same journal twice there does not lock itself out.
A second process waits a few seconds (a command that is just finishing), then is refused
with one sentence. Readers take no lock: reading while the window writes is fine.
"""

from __future__ import annotations

import errno
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from runjournal.storage.backup.inspect import JournalError

_log = logging.getLogger(__name__)

WAIT_S = 5.0  # as long as SQLite's own busy timeout: a command that is just finishing
POLL_S = 0.05

IN_USE = (
    "Another RunJournal window or command has this journal open ({path}), so it was not opened "
    "for writing. Close the other window, or wait for the command to finish, then try again."
)

try:
    import fcntl
except ImportError:  # Windows: the file cannot be opened twice for writing there anyway
    fcntl = None  # type: ignore[assignment]


def real_path(path: Path) -> Path:
    """The journal's real file: symlinks followed, `..` and relative parts resolved."""
    return Path(os.path.realpath(Path(path).expanduser()))


FileId = tuple[int, int]


@dataclass
class _Held:
    descriptor: int
    count: int


_held: dict[FileId, _Held] = {}


def _file_id(stat: os.stat_result) -> FileId:
    return (stat.st_dev, stat.st_ino)


class WriterLock:
    """This process's claim to write the journal file; `release()` gives it up once."""

    def __init__(self, file_id: FileId) -> None:
        self.file_id = file_id
        self._released = False

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        held = _held.get(self.file_id)
        if held is None:
            return
        held.count -= 1
        if held.count == 0:
            del _held[self.file_id]
            os.close(held.descriptor)  # closing drops the flock


def _already_held(path: Path) -> WriterLock | None:
    """Counts one more claim when this process already holds the file's lock.

    Looks with stat only: opening and closing another descriptor of the file here would
    make the system drop the locks SQLite holds on it in this process.
    """
    try:
        file_id = _file_id(os.stat(path))
    except OSError:
        return None
    held = _held.get(file_id)
    if held is None:
        return None
    held.count += 1
    return WriterLock(file_id)


def _try_lock(descriptor: int) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        # A filesystem without advisory locks (some network shares): SQLite's own locking
        # is all there is there; say so in the log rather than refuse the journal.
        _log.warning("The journal's file cannot be locked here (%s); going on without it.", error)
    return True


def lock_for_writing(path: Path, wait_s: float | None = None) -> WriterLock:
    """Claims the journal at `path` (an existing regular file) for this process.

    Waits up to `wait_s` (default WAIT_S) for another process to let go, then raises
    JournalError. A journal replaced meanwhile (a restore swapped in a new file) is
    claimed again under its new identity.
    """
    wait_s = WAIT_S if wait_s is None else wait_s
    deadline = time.monotonic() + wait_s
    while True:
        already = _already_held(path)
        if already is not None:
            return already
        try:
            descriptor = os.open(
                path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)
            )
        except PermissionError:
            raise JournalError(
                f"{path} cannot be read: permission denied. Check the file's permissions."
            ) from None
        except OSError as error:
            raise JournalError(f"{path} cannot be read: {error.strerror or error}.") from None
        file_id = _file_id(os.fstat(descriptor))
        held = _held.get(file_id)
        if held is not None:  # already ours, in this process
            os.close(descriptor)
            held.count += 1
            return WriterLock(file_id)
        if _try_lock(descriptor):
            try:
                current = _file_id(os.stat(path))
            except OSError:
                current = None
            if current == file_id:
                _held[file_id] = _Held(descriptor, 1)
                return WriterLock(file_id)
            os.close(descriptor)  # the name now points at another file: claim that one
            continue
        os.close(descriptor)
        if time.monotonic() >= deadline:
            raise JournalError(IN_USE.format(path=path))
        time.sleep(POLL_S)


def lock_new_file(path: Path) -> WriterLock:
    """Claims a file this process has just created and nobody else knows of yet."""
    return lock_for_writing(path, wait_s=0)


def held_here(path: Path) -> bool:
    """Whether this process holds the writer lock of the file at `path`."""
    try:
        return _file_id(os.stat(path)) in _held
    except OSError:
        return False
