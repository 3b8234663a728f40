"""The daily reminder on a real desktop session: a real D-Bus session bus, a real
notification server (dunst) on a real X server (Xvfb), and RunJournal's own processes.

Skipped, with the reason printed, where those programs are not installed (the README's
test command installs them)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from runjournal.domain.model import CheckIn, Run
from runjournal.service.journal import Journal
from tests import waiting

TOOLS = ("Xvfb", "dbus-daemon", "dbus-monitor", "dunst", "dunstctl")
DEADLINE_S = 40.0


def wait_until(condition: Callable[[], bool], what: str, timeout: float = DEADLINE_S) -> None:
    waiting.wait_until(condition, what, timeout)


class Desktop:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.processes: list[subprocess.Popen[str]] = []
        self.env = dict(os.environ)
        self.env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self.env["XDG_CONFIG_HOME"] = str(root / "config")
        self.env["XDG_RUNTIME_DIR"] = str(root / "runtime")
        self.env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(Path(__file__).parents[2]), os.environ.get("PYTHONPATH")])
        )
        (root / "runtime").mkdir(mode=0o700)

    def start(self) -> None:
        read, write = os.pipe()
        self._spawn(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write,),
        )
        os.close(write)
        with os.fdopen(read) as displays:
            self.env["DISPLAY"] = ":" + displays.readline().strip()
        bus = self._spawn(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE
        )
        assert bus.stdout is not None
        self.env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        self._spawn(["dunst"])
        wait_until(lambda: self.dunstctl("count", "displayed").returncode == 0, "the notification server")
        self.monitor = self._spawn(
            ["dbus-monitor", "--session", "interface='org.freedesktop.Notifications',member='Notify'"],
            stdout=(root_log := (self.root / "notify-calls.log")).open("w"),
        )
        self.calls_log = root_log

    def _spawn(self, command: list[str], **kwargs: object) -> subprocess.Popen[str]:
        process = subprocess.Popen(command, env=self.env, text=True, stderr=subprocess.DEVNULL, **kwargs)  # type: ignore[call-overload]
        self.processes.append(process)
        return process

    def dunstctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["dunstctl", *args], env=self.env, capture_output=True, text=True, timeout=20, check=False
        )

    def runjournal(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "runjournal", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    def displayed(self) -> int:
        answer = self.dunstctl("count", "displayed")
        return int(answer.stdout.strip() or 0)

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Desktop]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(
            f"a real desktop session needs {', '.join(missing)} (installed by the README's test command)"
        )
    session = Desktop(tmp_path)
    session.start()
    yield session
    session.runjournal("reminder", "off")
    session.stop()


def a_few_seconds_ahead() -> str:
    return f"{datetime.now() + timedelta(seconds=3):%H:%M:%S}"


def reminder_log(desktop: Desktop) -> str:
    path = desktop.root / "config" / "RunJournal" / "reminder.log"
    return path.read_text() if path.exists() else ""


def window_pid(journal: Path) -> int | None:
    from runjournal.storage.app_lock import is_live, read_lock

    info = read_lock(journal)
    return info.pid if info is not None and is_live(info) else None


def test_the_reminder_arrives_and_its_click_opens_todays_check_in(desktop: Desktop, tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite"
    with Journal.open(journal) as opened:
        opened.log_run(Run(day=date.today() - timedelta(days=1), duration_s=1800))
    on = desktop.runjournal("--db", str(journal), "reminder", "on", "--time", a_few_seconds_ahead())
    assert on.returncode == 0, on.stderr

    wait_until(lambda: desktop.displayed() == 1, "the reminder on screen")
    calls = desktop.calls_log.read_text()
    assert 'string "How was today?"' in calls
    assert 'string "A ten-second check-in, whenever you like."' in calls
    assert 'string "default"' in calls and 'string "Check in"' in calls

    assert desktop.dunstctl("action", "0").returncode == 0  # the person clicks it
    wait_until(lambda: window_pid(journal) is not None, "RunJournal's window on the journal")
    pid = window_pid(journal)
    assert pid is not None
    command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    assert b"--check-in" in command and str(journal).encode() in command
    assert "clicked: opening today's check-in" in reminder_log(desktop)
    os.kill(pid, signal.SIGTERM)
    wait_until(lambda: _is_zombie(pid), "the window to close")


def test_no_reminder_once_today_is_checked_in_and_off_leaves_nothing(
    desktop: Desktop, tmp_path: Path
) -> None:
    journal = tmp_path / "journal.sqlite"
    with Journal.open(journal) as opened:
        opened.save_check_in(CheckIn(day=date.today(), mood=6))
    assert (
        desktop.runjournal("--db", str(journal), "reminder", "on", "--time", a_few_seconds_ahead()).returncode
        == 0
    )
    status = desktop.runjournal("reminder", "status").stdout
    assert "Reminder process: running" in status
    resident = int(status.split("process ")[1].split(")")[0])

    wait_until(lambda: "quiet, today's check-in already exists" in reminder_log(desktop), "the reminder time")
    assert desktop.displayed() == 0
    assert "How was today?" not in desktop.calls_log.read_text()

    off = desktop.runjournal("reminder", "off")
    assert off.returncode == 0
    wait_until(
        lambda: not Path(f"/proc/{resident}").exists() or _is_zombie(resident), "the reminder process to end"
    )
    config = tmp_path / "config"
    assert not config.exists() or not any(config.rglob("*")), sorted(config.rglob("*"))


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except OSError:
        return True
