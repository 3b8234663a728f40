"""`runjournal reminder on|off|status`: what it installs, where, how private, and that off
takes all of it away again."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def desktop_env(tmp_path: Path) -> dict[str, str]:
    """A person's environment with their own config folder and no desktop session: the
    resident process starts, finds no session to show reminders in, and ends."""
    env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["RUNJOURNAL_DB"] = str(tmp_path / "journal.sqlite")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).parents[2]), env.get("PYTHONPATH")]))
    return env


def reminder(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "runjournal", "reminder", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_on_installs_a_private_autostart_entry_and_off_leaves_nothing(
    desktop_env: dict[str, str], tmp_path: Path
) -> None:
    config = tmp_path / "config"
    done = reminder(desktop_env, "on", "--time", "21:15", "--days", "mon,wed,fri")
    assert done.returncode == 0, done.stderr
    assert "on Mon, Wed, Fri at 21:15" in done.stdout
    entry = config / "autostart" / "runjournal-reminder.desktop"
    settings = config / "RunJournal" / "reminder.json"
    text = entry.read_text()
    assert "Exec=" in text and "reminder run" in text
    assert f"TryExec={sys.executable}" in text  # ignored by the desktop once the app is gone
    for path in (entry, settings):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for folder in (entry.parent, settings.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700

    status = reminder(desktop_env, "status")
    assert "The daily reminder is on: on Mon, Wed, Fri at 21:15" in status.stdout
    assert f"Installed: {entry}" in status.stdout and f"Installed: {settings}" in status.stdout

    off = reminder(desktop_env, "off")
    assert off.returncode == 0 and "The daily reminder is off." in off.stdout
    assert not config.exists() or not any(config.rglob("*")), list(config.rglob("*"))
    assert "The daily reminder is off." in reminder(desktop_env, "status").stdout


def test_changing_the_time_keeps_the_days(desktop_env: dict[str, str]) -> None:
    assert reminder(desktop_env, "on", "--days", "weekends").returncode == 0
    assert reminder(desktop_env, "on", "--time", "07:30").returncode == 0
    assert "at weekends at 07:30" in reminder(desktop_env, "status").stdout
    reminder(desktop_env, "off")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--time", "8pm"], "'8pm' is not a time of day. Give it as HH:MM, e.g. 20:00."),
        (["--days", "someday"], "'someday' is not a day of the week."),
    ],
)
def test_a_wrong_value_is_said_in_words_and_changes_nothing(
    desktop_env: dict[str, str], tmp_path: Path, args: list[str], said: str
) -> None:
    done = reminder(desktop_env, "on", *args)
    assert done.returncode == 1
    assert said in done.stderr and "The reminder was not changed." in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "config" / "autostart").exists()


def test_off_keeps_other_programs_autostart_entries(desktop_env: dict[str, str], tmp_path: Path) -> None:
    other = tmp_path / "config" / "autostart" / "someone-else.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")
    reminder(desktop_env, "on")
    reminder(desktop_env, "off")
    assert other.exists()
    assert not (other.parent / "runjournal-reminder.desktop").exists()
