"""The garbage collector rests while the window starts and runs again once it is painted."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel

from runjournal.ui import start_collector
from runjournal.ui.app import after_first_paint

WATCH_A_START = """
import gc, json, sys
from runjournal.ui import main_window

seen = {}
build = main_window.MainWindow.__init__

def watched(self, *args, **kwargs):
    seen["while_building"] = gc.isenabled()
    build(self, *args, **kwargs)

main_window.MainWindow.__init__ = watched
from runjournal.cli import main

code = main(["--smoke-test", "--db", sys.argv[1]])
seen.update(code=code, after=gc.isenabled(), frozen=gc.get_freeze_count())
print(json.dumps(seen))
"""


def test_the_collector_rests_while_the_window_starts_and_runs_after(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", WATCH_A_START, str(tmp_path / "journal.sqlite")],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0
    assert seen["while_building"] is False
    assert seen["after"] is True
    assert seen["frozen"] > 0  # what start-up made is out of later collections' way


def test_the_collector_resumes_only_after_the_first_paint(qtbot) -> None:
    start_collector.pause()
    try:
        label = QLabel("A window")
        qtbot.addWidget(label)
        after_first_paint(label, start_collector.resume)  # type: ignore[arg-type]
        assert not gc.isenabled()  # nothing on screen yet
        label.show()
        qtbot.waitUntil(gc.isenabled, timeout=5000)
    finally:
        start_collector.resume()
        gc.unfreeze()


def test_resuming_a_running_collector_changes_nothing() -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    start_collector.resume()
    assert gc.isenabled() and gc.get_freeze_count() == frozen
