"""A bug behind a button is logged with its traceback, said to the person in words, and
leaves the journal as it was."""

from __future__ import annotations

import logging
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from runjournal.domain.model import Run
from runjournal.service.journal import Journal
from runjournal.ui import commands
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.dialogs import restore_dialog
from runjournal.ui.dialogs.restore_dialog import RestoreDialog
from runjournal.ui.views.coach.coach_panel import CoachPanel

TODAY = date.today()


def a_bug(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("a bug behind the button")


def logged_bugs(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.exc_info and r.exc_info[0] is RuntimeError]


def test_a_bug_while_restoring_is_logged_and_said(
    qtbot, journal: Journal, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    journal.log_run(Run(day=TODAY, duration_s=1800))
    journal.backup()
    monkeypatch.setattr(restore_dialog, "ask_to_restore", lambda *_args: True)
    monkeypatch.setattr(Journal, "restore", a_bug)
    dialog = RestoreDialog(JournalBridge(journal))
    qtbot.addWidget(dialog)
    dialog.show()

    with caplog.at_level(logging.ERROR):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert dialog.status.text().startswith("<b>Nothing was restored")
    assert "Traceback" not in dialog.status.text()
    assert logged_bugs(caplog)
    assert len(journal.runs()) == 1


def test_a_bug_while_snoozing_is_logged_and_said(
    qtbot, journal: Journal, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    for day in [TODAY - timedelta(days=d) for d in range(70, 4, -7)] + [
        TODAY - timedelta(days=d) for d in range(4)
    ]:
        journal.log_run(Run(day=day, duration_s=30 * 60, distance_m=5000, effort=3))
    panel = CoachPanel(JournalBridge(journal), today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.show()
    card = panel.card("REST")
    assert card is not None
    monkeypatch.setattr(Journal, "snooze_rule", a_bug)

    with caplog.at_level(logging.ERROR, logger=commands.__name__):
        qtbot.mouseClick(card.snooze_button, Qt.MouseButton.LeftButton)

    assert panel.error_label.text().startswith("Your choice was not saved")
    assert logged_bugs(caplog)
    assert journal.coach_choices() == {}
    assert panel.undo_stack.count() == 0
