"""Opening files a person points RunJournal at, refusing anything that is not a plain file.

A named pipe (FIFO), a device or a socket can carry any name, "runs.json" included, and
reading one waits for a writer that may never come, so the import would hang. Files are
therefore opened without waiting (O_NONBLOCK) and checked on the open handle itself, so
nothing can be swapped in between the check and the read. Every read is bounded in bytes.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

NOT_A_FILE = "it is not an ordinary file (it is a pipe, a device or a socket); choose the file itself"


class NotRegularFile(OSError):
    """The path names a pipe, device or socket: nothing RunJournal reads from."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, NOT_A_FILE, str(path))


class FileTooLarge(OSError):
    """The file is larger than what RunJournal reads of its kind."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(errno.EFBIG, f"it is larger than {megabytes(limit)}", str(path))
        self.limit = limit


def megabytes(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"


def is_regular(path: Path) -> bool:
    """Whether `path` is a plain file (links followed), without opening it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def open_regular(path: Path) -> BinaryIO:
    """The file opened for reading; NotRegularFile (an OSError) for anything but a plain file.

    Opening a FIFO for reading would block until a writer appears; O_NONBLOCK makes the
    open return at once, and the type is then read from the open descriptor.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            if stat.S_ISDIR(os.fstat(descriptor).st_mode):
                raise IsADirectoryError(errno.EISDIR, "it is a folder", str(path))
            raise NotRegularFile(Path(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_head(path: Path, size: int) -> bytes:
    """The first `size` bytes of a plain file (OSError, NotRegularFile included, otherwise)."""
    with open_regular(path) as handle:
        return handle.read(size)


def read_bounded(path: Path, limit: int) -> bytes:
    """The whole of a plain file of at most `limit` bytes; FileTooLarge above that, found
    from its size before anything is read and checked again while reading (it may grow)."""
    with open_regular(path) as handle:
        if os.fstat(handle.fileno()).st_size > limit:
            raise FileTooLarge(Path(path), limit)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(Path(path), limit)
    return data
