"""The period report a person takes to an appointment: 4, 8 or 12 weeks (or dates picked),
one row a week, the trends, the clear insights and what the coach said in those weeks."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from runjournal.domain.model import CheckIn, Run
from runjournal.service.journal import Journal

FIRST = date(2026, 8, 31)  # a Monday; twelve weeks to Sunday 22 November
LAST = date(2026, 11, 22)
TODAY = date(2026, 11, 25)
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def _fill(journal: Journal) -> None:
    for week in range(12):
        monday = FIRST + timedelta(weeks=week)
        for offset in (0, 2, 4)[: 1 + week % 3]:
            journal.log_run(Run(day=monday + timedelta(days=offset), duration_s=(20 + week) * 60, effort=4))
        for offset in range(7):
            journal.save_check_in(
                CheckIn(
                    day=monday + timedelta(days=offset),
                    mood=4 + week // 3,
                    stress=6,
                    energy=5,
                    sleep_hours=7.0,
                    ill=week == 5 and offset < 2,
                )
            )


def test_the_period_has_one_row_for_each_of_the_persons_weeks(journal: Journal) -> None:
    _fill(journal)
    report = journal.period_report(FIRST, LAST, TODAY)
    assert [row.progress.week_start for row in report.rows] == [FIRST + timedelta(weeks=w) for w in range(12)]
    assert [row.progress.sessions for row in report.rows] == [1 + w % 3 for w in range(12)]
    assert report.rows[0].progress.minutes == 20
    assert report.rows[5].ill_days == 2 and report.rows[4].ill_days == 0
    assert report.rows[-1].averages.mood == pytest.approx(7.0)
    assert report.rows[0].averages.energy == pytest.approx(5.0)
    assert report.weeks_count == 12


def test_a_period_of_dates_picked_is_widened_to_whole_weeks(journal: Journal) -> None:
    report = journal.period_report(date(2026, 9, 3), date(2026, 9, 16), TODAY)  # Thursday to Wednesday
    assert report.first == date(2026, 8, 31) and report.last == date(2026, 9, 20)
    assert report.is_empty


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("RUNJOURNAL_DB", "DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "runjournal", "report", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@needs_poppler
def test_the_command_line_writes_the_period_report(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
    with Journal.open(db) as journal:
        _fill(journal)
    target = tmp_path / "period.pdf"
    result = _cli(
        db, "--from", FIRST.isoformat(), "--to", LAST.isoformat(), "-o", str(target), "--paper", "a4"
    )
    assert result.returncode == 0, result.stderr
    assert "12 weeks" in result.stdout and str(target) in result.stdout
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert 1 <= pages <= 3
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True).stdout
    assert "31 August – 22 November 2026" in text
    assert "Week by week" in text and "From the coach" in text
    week_rows = [
        line
        for line in text.splitlines()
        if re.match(r"\s*\d{1,2} [A-Z][a-z]{2} – \d{1,2} [A-Z][a-z]{2}\s", line)
    ]
    assert len(week_rows) == 12, week_rows
    assert re.search(r"5 Oct – 11 Oct\s.*\b2\b\s*$", next(r for r in week_rows if "5 Oct" in r)), week_rows


def test_the_command_line_explains_a_period_it_cannot_write(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
    with Journal.open(db):
        pass
    backwards = _cli(db, "--from", "2026-11-22", "--to", "2026-08-31", "-o", str(tmp_path / "p.pdf"))
    assert backwards.returncode == 2
    assert "--from" in backwards.stderr and "before" in backwards.stderr
    alone = _cli(db, "--from", "2026-11-01", "-o", str(tmp_path / "p.pdf"))
    assert alone.returncode == 2 and "--to" in alone.stderr
    mixed = _cli(
        db, "--week", "2026-W45", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(tmp_path / "p.pdf")
    )
    assert mixed.returncode == 2 and "either" in mixed.stderr
    assert not (tmp_path / "p.pdf").exists()


@needs_poppler
def test_the_weekly_page_from_the_command_line_defaults_to_the_last_full_week(tmp_path: Path) -> None:
    from runjournal.domain.units import format_day
    from runjournal.domain.weeks import week_start

    db = tmp_path / "journal.sqlite"
    with Journal.open(db):
        pass
    target = tmp_path / "week.pdf"
    result = _cli(db, "-o", str(target))
    assert result.returncode == 0, result.stderr
    last_full = week_start(date.today(), 0) - timedelta(weeks=1)
    assert format_day(last_full) in result.stdout and "last full week" in result.stdout
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "(so far)" not in text
