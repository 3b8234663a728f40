"""File → Export…: written in the background, said in the status bar, nothing half-written."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from runjournal.domain.model import CheckIn, Run
from runjournal.service.journal import Journal
from runjournal.ui import app as app_module
from runjournal.ui import exporting
from runjournal.ui.main_window import MainWindow

TODAY = date.today()
TIMEOUT_MS = 10_000


@pytest.fixture
def window(qtbot, journal: Journal, tmp_path: Path) -> MainWindow:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    app_module.make_application()
    journal.log_run(Run(day=TODAY - timedelta(days=1), duration_s=1800, distance_m=5000))
    journal.save_check_in(CheckIn(day=TODAY, mood=7))
    window = MainWindow(journal)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _choose(monkeypatch, target: Path, check_ins: bool = False) -> None:
    monkeypatch.setattr(exporting, "ask_target", lambda _parent: (target, check_ins))


def test_the_whole_journal_is_exported_in_the_background(qtbot, window, monkeypatch, tmp_path) -> None:
    target = tmp_path / "everything.json"
    _choose(monkeypatch, target)
    with qtbot.waitSignal(window.exporter.finished, timeout=TIMEOUT_MS):
        window.export_action.trigger()
        assert not window.export_action.isEnabled()  # one export at a time
        assert "Exporting to everything.json" in window.statusBar().currentMessage()
    document = json.loads(target.read_text())
    assert len(document["runs"]) == 1 and len(document["check_ins"]) == 1
    assert window.statusBar().currentMessage() == f"Exported 2 entries to {target}"
    assert window.export_action.isEnabled()


def test_the_check_ins_table(qtbot, window, monkeypatch, tmp_path) -> None:
    target = tmp_path / "check-ins.csv"
    _choose(monkeypatch, target, check_ins=True)
    with qtbot.waitSignal(window.exporter.finished, timeout=TIMEOUT_MS):
        window.export_action.trigger()
    rows = list(csv.DictReader(target.open()))
    assert [row["mood"] for row in rows] == ["7"]
    assert window.statusBar().currentMessage().startswith("Exported 1 entry to ")


def test_a_failed_export_says_why_and_writes_nothing(qtbot, window, monkeypatch, tmp_path) -> None:
    told: list[str] = []
    monkeypatch.setattr(exporting, "tell_failure", lambda _parent, message: told.append(message))
    target = tmp_path / "no such folder" / "everything.json"
    _choose(monkeypatch, target)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=TIMEOUT_MS)
    assert "does not exist" in told[0] and "Choose a folder" in told[0]
    assert not target.parent.exists()
    assert window.statusBar().currentMessage() == "The export failed; nothing was written."
    assert window.export_action.isEnabled()


def test_cancelling_the_file_dialog_exports_nothing(window, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(exporting, "ask_target", lambda _parent: None)
    window.export_action.trigger()
    assert not window.exporter.is_exporting and window.export_action.isEnabled()
    assert list(tmp_path.glob("*.json")) == []
