"""The check-in fits: at the window's first size every field is on screen without
scrolling, a big screen is not filled with an empty note box, and larger scaling clips
nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QScrollArea, QWidget

from runjournal.service.journal import Journal
from runjournal.ui.main_window import MainWindow
from runjournal.ui.views.today.check_in_panel import CheckInPanel
from tests.ui.windows import open_window

ROOT = Path(__file__).resolve().parents[2]


pytestmark = pytest.mark.usefixtures("fresh_qsettings")


def check_in_fields(panel: CheckInPanel) -> dict[str, QWidget]:
    fields: dict[str, QWidget] = {name: slider for name, slider in panel.sliders.items()}
    fields.update(sleep_hours=panel.sleep_hours, bedtime=panel.bedtime_known, ill=panel.ill, note=panel.note)
    return fields


def hidden_fields(window: MainWindow) -> list[str]:
    """The check-in fields not wholly inside the visible part of the Today view's scroll area."""
    panel = window.today.check_in
    scroll = panel.parentWidget()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    assert scroll is not None
    viewport = scroll.viewport()
    seen = QRect(QPoint(0, 0), viewport.size())
    hidden = []
    for name, widget in check_in_fields(panel).items():
        top_left = widget.mapTo(viewport, QPoint(0, 0))
        if not widget.isVisible() or not seen.contains(QRect(top_left, widget.size())):
            hidden.append(name)
    return hidden


@pytest.mark.parametrize("size", [(1100, 720), (1366, 768), (1920, 1080)])
def test_the_whole_check_in_is_on_screen_without_scrolling(qtbot, journal: Journal, size) -> None:
    window = open_window(qtbot, journal, *size)
    qtbot.waitUntil(lambda: hidden_fields(window) == [])


def test_a_big_screen_does_not_turn_the_note_into_an_empty_page(qtbot, journal: Journal) -> None:
    window = open_window(qtbot, journal, 1920, 1080)
    note = window.today.check_in.note
    lines = note.height() / note.fontMetrics().lineSpacing()
    assert 3 <= lines <= 12


SCALED_CHECK = """
import json, os, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QSettings
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
from runjournal.ui import app as app_module
app = app_module.make_application()
from runjournal.service.journal import Journal
from runjournal.ui.main_window import MainWindow
sys.path.insert(0, sys.argv[2])
from test_check_in_layout import check_in_fields, hidden_fields
with Journal.open(Path(sys.argv[1]) / "journal.sqlite") as journal:
    window = MainWindow(journal)
    window.show()
    window.resize(1100, 720)
    for _ in range(50):
        QCoreApplication.processEvents()
    panel = window.today.check_in
    clipped = [
        name for name, widget in check_in_fields(panel).items()
        if widget.width() < widget.minimumSizeHint().width() or widget.height() < widget.minimumSizeHint().height()
    ]
    print(json.dumps({"clipped": clipped, "hidden": hidden_fields(window)}))
    window.close()
"""


@pytest.mark.slow
@pytest.mark.parametrize("factor", ["1.25", "1.5"])
def test_larger_scaling_clips_no_field(tmp_path: Path, factor: str) -> None:
    environment = dict(os.environ, QT_SCALE_FACTOR=factor, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", SCALED_CHECK, str(tmp_path), str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"clipped": [], "hidden": []}


def test_the_clear_hours_button_is_only_active_when_there_are_hours_to_clear(qtbot, journal: Journal) -> None:
    window = open_window(qtbot, journal, 1100, 720)
    panel = window.today.check_in
    assert not panel.clear_hours_button.isEnabled()
    panel.sleep_hours.set_hours(7.5)
    assert panel.clear_hours_button.isEnabled()
    qtbot.mouseClick(panel.clear_hours_button, Qt.MouseButton.LeftButton)
    assert panel.sleep_hours.hours() is None
    assert not panel.clear_hours_button.isEnabled()
