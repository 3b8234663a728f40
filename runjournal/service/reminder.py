"""Turning the daily reminder on and off: its settings, its autostart entry, its process.

The reminder must work while the window is closed, so a small resident process (no Qt,
no window: `runjournal reminder run`) waits for the chosen time and asks the desktop's
notification service to show one line. It is started at login by an XDG autostart entry
(`~/.config/autostart/runjournal-reminder.desktop`), which every Linux desktop that
follows freedesktop.org reads, and at once when the reminder is turned on. Its `TryExec`
names the program, so once the app is uninstalled the entry is ignored; turning the
reminder off removes the entry, the settings and stops the process. Nothing is written
outside the person's own config folder, and every file is readable by them only.
See docs/architecture.md ("The daily reminder") for why not a systemd timer.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from runjournal.domain.reminder import (
    DEFAULT_TIME,
    EVERY_DAY,
    ReminderSchedule,
    format_days,
    parse_days,
    parse_time,
)
from runjournal.paths import APP_NAME, make_private_dir

SETTINGS_FILE = "reminder.json"
PID_FILE = "reminder.pid"
LOG_FILE = "reminder.log"
AUTOSTART_FILE = "runjournal-reminder.desktop"
START_WAIT_S = 5.0


class ReminderError(Exception):
    """The reminder could not be turned on or off; the message says why and what to do."""


@dataclass(frozen=True)
class ReminderSettings:
    schedule: ReminderSchedule
    journal: Path


@dataclass(frozen=True)
class ReminderStatus:
    settings: ReminderSettings | None
    installed: tuple[Path, ...]
    running_pid: int | None

    @property
    def on(self) -> bool:
        return self.settings is not None


def config_home() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def config_dir() -> Path:
    """RunJournal's own config folder (~/.config/RunJournal)."""
    return config_home() / APP_NAME


def autostart_path() -> Path:
    return config_home() / "autostart" / AUTOSTART_FILE


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def pid_path() -> Path:
    return config_dir() / PID_FILE


def log_path() -> Path:
    """What the resident process did and when (times and outcomes only, never entries)."""
    return config_dir() / LOG_FILE


def app_command() -> list[str]:
    """How to start this installed copy of RunJournal: the bundle's own program when frozen,
    else this Python with the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "runjournal"]


def _write_private(path: Path, text: str) -> None:
    make_private_dir(path.parent)
    temporary = path.with_name(f".{path.name}.partial")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read_settings() -> ReminderSettings | None:
    """The reminder's settings, or None when it is off (or its file cannot be read)."""
    path = settings_path()
    if not path.is_file() or path.is_symlink():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        schedule = ReminderSchedule(parse_time(str(data["time"])), parse_days(str(data["days"])))
        return ReminderSettings(schedule, Path(str(data["journal"])))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _desktop_entry() -> str:
    command = app_command()
    exec_line = " ".join(_quote_exec(part) for part in [*command, "reminder", "run"])
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=RunJournal daily reminder\n"
        "Comment=A gentle once-a-day check-in reminder from RunJournal\n"
        f"Exec={exec_line}\n"
        f"TryExec={command[0]}\n"
        "Icon=runjournal\n"
        "NoDisplay=true\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _quote_exec(argument: str) -> str:
    """An argument quoted as the Desktop Entry specification's Exec key wants it."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`%"):
        return argument
    escaped = argument.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped.replace("%", "%%")}"'


def turn_on(journal: Path, *, at: str | None = None, days: str | None = None) -> ReminderSettings:
    """Saves the schedule, installs the autostart entry and (re)starts the resident process."""
    current = read_settings()
    schedule = ReminderSchedule(
        parse_time(at) if at else (current.schedule.at if current else DEFAULT_TIME),
        parse_days(days) if days else (current.schedule.days if current else EVERY_DAY),
    )
    settings = ReminderSettings(schedule, journal.expanduser().resolve())
    data = {
        "time": f"{schedule.at:%H:%M:%S}",
        "days": format_days(schedule.days),
        "journal": str(settings.journal),
    }
    try:
        _write_private(settings_path(), json.dumps(data, indent=2) + "\n")
        _write_private(autostart_path(), _desktop_entry())
    except OSError as error:
        raise ReminderError(
            f"The reminder could not be saved in {config_home()}: {error.strerror or error}. "
            "Check that the folder is yours and the disk is not full."
        ) from None
    stop_process()
    start_process()
    return settings


def wait_until_running(timeout: float = START_WAIT_S) -> int | None:
    """The resident process's id once it has started, or None when it did not stay (no
    desktop session to show reminders in, e.g. over ssh): it then starts at next login."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        pid = running_pid()
        if pid is not None:
            return pid
        if _started is not None and _started.poll() is not None:
            return None
        time.sleep(0.05)
    return running_pid()


def turn_off() -> tuple[Path, ...]:
    """Stops the resident process and removes everything the reminder installed; returns
    what was removed."""
    stop_process()
    removed = []
    for path in (autostart_path(), settings_path(), pid_path(), log_path()):
        if path.exists() or path.is_symlink():
            path.unlink()
            removed.append(path)
    for folder in (autostart_path().parent, config_dir()):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty: other programs' entries and the app's settings stay
    return tuple(removed)


def status() -> ReminderStatus:
    installed = tuple(p for p in (settings_path(), autostart_path()) if p.is_file())
    return ReminderStatus(read_settings(), installed, running_pid())


def running_pid() -> int | None:
    """The resident process's id while it runs, else None (a stale pid file is ignored)."""
    try:
        pid = int(pid_path().read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None
    if not _is_reminder_process(pid):
        return None
    return pid


def _is_reminder_process(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists():
        try:
            parts = cmdline.read_bytes().split(b"\0")
        except OSError:
            return False
        return b"reminder" in parts and b"run" in parts
    return True


def claim_pid_file() -> bool:
    """Called by the resident process: True when it is now the only one; False when another
    is already running."""
    other = running_pid()
    if other is not None and other != os.getpid():
        return False
    _write_private(pid_path(), f"{os.getpid()}\n")
    return True


def release_pid_file() -> None:
    if running_pid() in (None, os.getpid()):
        pid_path().unlink(missing_ok=True)


_started: subprocess.Popen[bytes] | None = None


def start_process() -> None:
    """Starts the resident process in its own session, so it outlives this command."""
    global _started
    _started = subprocess.Popen(
        [*app_command(), "reminder", "run"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
    )


def stop_process() -> None:
    pid = running_pid()
    if pid is None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
