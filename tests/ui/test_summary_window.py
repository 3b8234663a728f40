"""The window a person sees when they start RunJournal without a command."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from runjournal.domain.model import Run
from runjournal.journal import Journal
from runjournal.ui.app import SummaryWindow, run


def test_the_window_shows_this_week_and_follows_new_runs(qtbot, journal: Journal) -> None:
    window = SummaryWindow(journal)
    qtbot.addWidget(window)
    window.show()
    assert "0 sessions" in window.label.text()
    journal.log_run(Run(day=date.today(), duration_s=1930, distance_m=5000))
    text = window.label.text()
    assert "32 min" in text and "1 session." in text
    assert "5.00 km" in text
    assert str(journal.path) in text and "not a medical device" in text


def test_a_damaged_journal_is_explained_not_opened(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("not a journal")
    shown: list[str] = []
    monkeypatch.setattr(
        "runjournal.ui.app.QMessageBox.critical", lambda _parent, _title, text: shown.append(text)
    )
    assert run(path) == 3
    assert shown and "not a RunJournal journal" in shown[0]
    assert path.read_text() == "not a journal"
