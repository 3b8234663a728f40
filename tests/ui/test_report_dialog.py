"""File → Print Weekly Report…: a preview with a week picker, and the same page as a PDF."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from runjournal.domain.model import CheckIn, Run
from runjournal.domain.weeks import IsoWeek
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.dialogs import report_dialog
from runjournal.ui.dialogs.report_dialog import ReportDialog

TODAY = date(2026, 11, 18)  # Wednesday of ISO week 47
THIS_WEEK = IsoWeek(2026, 47)


def _dialog(qtbot, journal: Journal) -> ReportDialog:
    dialog = ReportDialog(JournalBridge(journal), today=TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def test_opens_on_the_last_full_week(qtbot, journal: Journal) -> None:
    journal.log_run(Run(day=TODAY - timedelta(days=7), duration_s=1800))
    journal.log_run(Run(day=TODAY, duration_s=1800))
    dialog = _dialog(qtbot, journal)
    assert dialog.first_day == (THIS_WEEK - 1).monday
    assert dialog.week_label.text() == "9–15 November 2026"


def test_the_week_picker_moves_by_week_but_not_into_the_future(qtbot, journal: Journal) -> None:
    journal.log_run(Run(day=TODAY, duration_s=25 * 60))
    dialog = _dialog(qtbot, journal)
    assert dialog.first_day == (THIS_WEEK - 1).monday
    qtbot.mouseClick(dialog.previous_button, Qt.MouseButton.LeftButton)
    assert dialog.first_day == (THIS_WEEK - 2).monday
    assert dialog.report is not None and dialog.report.totals.minutes == 0
    qtbot.keyClick(dialog, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert dialog.first_day == (THIS_WEEK - 3).monday
    qtbot.mouseClick(dialog.this_week_button, Qt.MouseButton.LeftButton)
    assert dialog.first_day == THIS_WEEK.monday and dialog.report.totals.minutes == 25
    assert dialog.week_label.text().endswith("(so far)")
    assert not dialog.next_button.isEnabled()
    dialog.day_edit.setDate(dialog.day_edit.date().addDays(-30))
    assert dialog.first_day == IsoWeek.of(THIS_WEEK.monday - timedelta(days=30)).monday


def test_the_preview_shows_one_page(qtbot, journal: Journal) -> None:
    journal.log_run(Run(day=TODAY, duration_s=1800, note="Easy loop"))
    dialog = _dialog(qtbot, journal)
    qtbot.waitUntil(lambda: dialog.preview.pageCount() == 1, timeout=5000)
    dialog.include_notes.setChecked(True)
    qtbot.waitUntil(lambda: dialog.preview.pageCount() == 1, timeout=5000)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_export_pdf_writes_the_page_that_is_previewed(
    qtbot, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for offset in range(3):
        journal.log_run(Run(day=THIS_WEEK.monday + timedelta(days=offset), duration_s=35 * 60, effort=3))
    journal.save_check_in(CheckIn(day=TODAY, mood=8, note="Felt lighter today"))
    target = tmp_path / "week.pdf"
    monkeypatch.setattr(report_dialog, "ask_pdf_path", lambda _parent, suggested: target)
    dialog = _dialog(qtbot, journal)
    dialog.set_week(TODAY)
    assert dialog.suggested_path().name == "runjournal-week-2026-11-16.pdf"
    dialog.include_notes.setChecked(True)

    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)

    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Week of 16–22 November 2026" in text and "105" in text  # 3 × 35 minutes
    assert "Felt lighter today" in text


def test_a_pdf_that_cannot_be_written_is_explained(
    qtbot, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "missing-folder" / "week.pdf"
    monkeypatch.setattr(report_dialog, "ask_pdf_path", lambda _parent, _suggested: target)
    warnings: list[str] = []
    monkeypatch.setattr(
        report_dialog.QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text)
    )
    dialog = _dialog(qtbot, journal)
    assert dialog.export_pdf() is None
    assert warnings and "Nothing was written" in warnings[0]
    assert not target.exists()


def test_ctrl_p_opens_the_report_from_the_main_window(qtbot, journal: Journal) -> None:
    from runjournal.ui.main_window import MainWindow

    window = MainWindow(journal)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: getattr(window, "report_dialog", None) is not None and window.report_dialog.isVisible()
    )
    window.report_dialog.close()
