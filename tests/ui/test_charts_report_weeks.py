"""The Print Report dialog walks through the person's own weeks and opens on the last full one."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from runjournal.domain.model import CheckIn, Run
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.dialogs import report_dialog
from runjournal.ui.dialogs.report_dialog import ReportDialog, week_title

TODAY = date(2026, 11, 18)  # a Wednesday
SUNDAY = 6


def _dialog(qtbot, journal: Journal) -> ReportDialog:
    dialog = ReportDialog(JournalBridge(journal), today=TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def test_weeks_are_named_by_their_dates_not_iso_numbers() -> None:
    assert week_title(date(2026, 11, 15)) == "15–21 November 2026"
    assert week_title(date(2026, 11, 29)) == "29 November – 5 December 2026"
    assert week_title(date(2026, 12, 27)) == "27 December 2026 – 2 January 2027"


def test_opens_on_the_last_full_week_of_a_sunday_week(qtbot, journal: Journal) -> None:
    journal.save_settings(replace(journal.settings(), week_start=SUNDAY))
    journal.log_run(Run(day=date(2026, 11, 10), duration_s=30 * 60))
    journal.log_run(Run(day=TODAY, duration_s=20 * 60))  # this week has begun, but is not over
    dialog = _dialog(qtbot, journal)
    assert dialog.first_day == date(2026, 11, 8)  # Sunday 8 – Saturday 14 November
    assert dialog.week_label.text() == "8–14 November 2026"
    assert dialog.report is not None and dialog.report.first == date(2026, 11, 8)
    assert dialog.report.totals.minutes == 30


def test_the_arrows_step_through_the_persons_weeks_up_to_this_one(qtbot, journal: Journal) -> None:
    journal.save_settings(replace(journal.settings(), week_start=SUNDAY))
    journal.save_check_in(CheckIn(day=TODAY - timedelta(days=1), mood=6))
    dialog = _dialog(qtbot, journal)
    qtbot.mouseClick(dialog.previous_button, Qt.MouseButton.LeftButton)
    assert dialog.first_day == date(2026, 11, 1)
    qtbot.keyClick(dialog, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(dialog, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert dialog.first_day == date(2026, 11, 15)  # this week, still running
    assert not dialog.next_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert dialog.first_day == date(2026, 11, 15)
    dialog.day_edit.setDate(dialog.day_edit.date().addDays(-10))  # Thursday 5 November
    assert dialog.first_day == date(2026, 11, 1)
    assert "2026-11-01" in dialog.suggested_path().name


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_the_dialog_previews_prints_and_exports_a_period_of_weeks(
    qtbot, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for week in range(6):
        journal.log_run(Run(day=date(2026, 10, 5) + timedelta(weeks=week), duration_s=30 * 60, effort=3))
    dialog = _dialog(qtbot, journal)
    dialog.span_box.setCurrentIndex(dialog.span_box.findData(4))
    assert dialog.period is not None and dialog.period.weeks_count == 4
    assert dialog.week_label.text() == "19 October – 15 November 2026 (4 weeks)"
    qtbot.waitUntil(lambda: dialog.preview.pageCount() == 2, timeout=5000)
    target = tmp_path / "period.pdf"
    monkeypatch.setattr(report_dialog, "ask_pdf_path", lambda _parent, _suggested: target)
    assert dialog.export_pdf() == target
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Week by week" in text and "19 Oct – 25 Oct" in text
    dialog.span_box.setCurrentIndex(dialog.span_box.findData(1))
    assert dialog.period is None and dialog.week_label.text() == "9–15 November 2026"
