"""Whether RunJournal's window has a journal open, read without Qt (for the terminal).

The window holds a QLockFile at `<journal>.lock` for as long as it has the journal open.
Qt writes the lock file as lines: the owner's process id, its process name, the host
name, then (on some systems) the machine id and boot id. A lock whose process is gone is
stale, left by a crash, and does not count. The command-line tools read it so they never
write to a journal while the window is writing to it too.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from runjournal.storage.journal_lock import real_path

LOCK_SUFFIX = ".lock"


def lock_path(journal: Path) -> Path:
    """`journal.sqlite` → `journal.sqlite.lock`, beside the journal's real file: a symlink or
    another spelling of the path finds the same lock (a hard link is caught by journal_lock)."""
    journal = real_path(Path(journal))
    return journal.with_name(journal.name + LOCK_SUFFIX)


@dataclass(frozen=True)
class LockInfo:
    pid: int
    app: str
    host: str
    boot_id: str = ""


def read_lock(journal: Path) -> LockInfo | None:
    """What the journal's lock file says, or None without a readable one."""
    try:
        lines = lock_path(journal).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    if not lines:
        return None
    try:
        pid = int(lines[0].strip())
    except ValueError:
        return None
    app = lines[1].strip() if len(lines) > 1 else ""
    host = lines[2].strip() if len(lines) > 2 else ""
    boot_id = lines[4].strip() if len(lines) > 4 else ""
    return LockInfo(pid, app, host, boot_id)


def _this_boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip().replace("-", "")
    except OSError:
        return ""


def _windows_pid_alive(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    query_limited_information, still_active = 0x1000, 259
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (signal 0 only asks)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill would end the process there
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    except OSError:
        return False
    return True


def _same_program(info: LockInfo) -> bool:
    """Guards against a reused process id, as Qt does: the process name must still match."""
    if not sys.platform.startswith("linux") or not info.app:
        return True
    try:
        running = Path(os.readlink(f"/proc/{info.pid}/exe")).name
    except OSError:
        return True  # cannot tell: err on the side of "in use"
    running = running.removesuffix(" (deleted)")
    return running == info.app


def is_live(info: LockInfo) -> bool:
    """True when the lock's owner still runs; a lock from another computer counts as live."""
    if info.host and info.host != _host_name():
        return True  # a journal on a shared folder, open elsewhere: cannot check, so respect it
    this_boot = _this_boot_id()
    if info.boot_id and this_boot and info.boot_id.replace("-", "") != this_boot:
        return False  # written before the last restart
    return pid_alive(info.pid) and _same_program(info)


def held_by_app(journal: Path) -> str | None:
    """A message for a person when RunJournal's window has `journal` open, else None."""
    info = read_lock(journal)
    if info is None or not is_live(info):
        return None
    if info.host and info.host != _host_name():
        return (
            f"RunJournal on {info.host} has this journal open. Close it there, "
            "or make the change in that window."
        )
    return (
        f"RunJournal's window has this journal open (process {info.pid}). "
        "Close it, or make the change in the window."
    )


def _host_name() -> str:
    import socket  # only when a lock names a host: a plain command start needs none of it

    return socket.gethostname()
