"""The weekly page, version 2: each day's check-in beside the sessions, fair words for a week
that has not ended, and comparisons that know a week of check-ins is not an empty week."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QPageSize

from runjournal.domain.model import CheckIn, Run
from runjournal.reports.page_numbers import activity_tiles, feeling_tiles
from runjournal.reports.weekly import write_pdf
from runjournal.service.journal import Journal

MONDAY = date(2026, 11, 9)
UK = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def _tile(tiles, label_start: str):
    return next(tile for tile in tiles if tile.label.startswith(label_start))


def test_an_unfinished_week_names_last_weeks_numbers_instead_of_a_fall(journal: Journal) -> None:
    for offset in range(4):
        journal.log_run(Run(day=MONDAY - timedelta(days=7 - offset), duration_s=30 * 60, effort=3))
    journal.log_run(Run(day=MONDAY, duration_s=20 * 60, effort=8))  # Monday of this week: one hard run
    report = journal.week_report(MONDAY, MONDAY)  # read on the Monday: the week has barely begun
    tiles = activity_tiles(report, UK)
    easy = _tile(tiles, "Easy share")
    assert "▼" not in easy.change and "100 points" not in easy.change
    assert easy.change == "last week 100 %"
    assert _tile(tiles, "Minutes moved").change == "last week 120 min"
    assert "so far" in _tile(tiles, "Minutes moved").label


def test_a_week_of_check_ins_without_runs_is_not_an_empty_week(journal: Journal) -> None:
    for offset in range(6):
        journal.save_check_in(CheckIn(day=MONDAY - timedelta(days=7 - offset), mood=5))
    journal.log_run(Run(day=MONDAY + timedelta(days=1), duration_s=45 * 60, effort=3))
    journal.save_check_in(CheckIn(day=MONDAY + timedelta(days=1), mood=7))
    report = journal.week_report(MONDAY, MONDAY + timedelta(days=10))
    for tile in activity_tiles(report, UK):
        assert "no entries" not in tile.change, tile
    assert _tile(activity_tiles(report, UK), "Minutes moved").change == "▲ 45 since last week"
    assert _tile(feeling_tiles(report, UK), "Average mood").change == "▲ 2.0 since last week"


def _week_with_check_ins(journal: Journal) -> None:
    journal.save_settings(replace(journal.settings(), week_start=6))  # weeks start on Sunday
    sunday = MONDAY - timedelta(days=1)
    for offset, (mood, energy) in enumerate([(6, 5), (7, 6), (4, 3), (8, 7), (6, 6), (5, 4), (7, 8)]):
        journal.save_check_in(
            CheckIn(
                day=sunday + timedelta(days=offset),
                mood=mood,
                stress=10 - mood,
                anxiety=3,
                energy=energy,
                sleep_hours=7.5,
                ill=offset == 2,
            )
        )
    journal.log_run(Run(day=MONDAY, duration_s=35 * 60, effort=3, mood_before=5, mood_after=7))


@needs_poppler
@pytest.mark.parametrize("paper", [QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter])
def test_the_page_lists_each_days_check_in_on_one_sheet(
    qapp, journal: Journal, tmp_path: Path, paper: QPageSize.PageSizeId
) -> None:
    _week_with_check_ins(journal)
    report = journal.week_report(MONDAY, MONDAY + timedelta(days=20))
    target = tmp_path / "week.pdf"
    write_pdf(target, report, printed_on=date(2026, 12, 1), page_size=QPageSize(paper))
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Each day's check-in" in text
    rows = [line for line in text.splitlines() if re.search(r"\b(Sun 8|Mon 9|Tue 10|Wed 11|Sat 14)\b", line)]
    tuesday = next(line for line in rows if "Tue 10" in line and "Ill" in line)
    assert re.search(r"Tue 10\s+4\s+6\s+3\s+3\s+7\.5 h\s+Ill", tuesday), tuesday
    assert any(re.search(r"Sat 14\s+7\s+3\s+3\s+8\s+7\.5 h", line) for line in rows), rows


@needs_poppler
def test_the_pages_daily_chart_draws_anxiety_and_energy(qapp, journal: Journal, tmp_path: Path) -> None:
    _week_with_check_ins(journal)
    report = journal.week_report(MONDAY, MONDAY + timedelta(days=20))
    target = tmp_path / "week.pdf"
    write_pdf(target, report, printed_on=date(2026, 12, 1), page_size=QPageSize(QPageSize.PageSizeId.A4))
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Daily check-ins · last 28 days" in text
    assert "Anxiety (7-day)" in text and "Energy (7-day)" in text
