"""Started where there is no screen (over ssh, in a container), the window cannot open.

RunJournal says so in a sentence and exits 3, instead of Qt aborting the process with a
message about a library that is in fact installed. Run as a person would, in a process
of its own, with no display in its environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from runjournal.ui.display import display_problem

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11 and Wayland only")
NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def _start_without_display(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY and not k.startswith("RUNJOURNAL_")}
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_RUNTIME_DIR=str(tmp_path / "run"))  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "runjournal", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_without_a_display_the_window_says_so_and_exits_3(tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite"
    result = _start_without_display(tmp_path, "--db", str(journal))
    assert result.returncode == 3, result.stderr
    assert "no display found" in result.stderr
    assert "Traceback" not in result.stderr and "xcb" not in result.stderr
    assert not journal.exists()  # nothing was made or changed on the way


def test_without_a_display_the_commands_still_work(tmp_path: Path) -> None:
    result = _start_without_display(tmp_path, "--db", str(tmp_path / "journal.sqlite"), "coach")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("env", "found"),
    [
        ({}, False),
        ({"DISPLAY": ""}, False),
        ({"DISPLAY": ":0"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, True),  # a platform chosen by hand is trusted
    ],
)
def test_a_display_is_looked_for_where_qt_looks(env: dict[str, str], found: bool) -> None:
    problem = display_problem(env, platform="linux")
    assert (problem is None) == found
    if problem is not None:
        assert "no display found" in problem


def test_windows_and_macos_always_have_their_own_screen() -> None:
    assert display_problem({}, platform="win32") is None
    assert display_problem({}, platform="darwin") is None
