"""`runjournal report`: the weekly page as a PDF, written with no display at all."""

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
from runjournal.domain.weeks import IsoWeek
from runjournal.service.journal import Journal

WEEK = IsoWeek(2026, 45)  # a finished week, whatever today is in the test run
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def report(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("RUNJOURNAL_DB", "DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "runjournal", "report", "--db", str(db), *args],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite"
    with Journal.open(path) as journal:
        for offset, minutes in ((0, 32), (2, 41), (5, 55)):
            day = WEEK.monday + timedelta(days=offset)
            journal.log_run(Run(day=day, duration_s=minutes * 60, distance_m=minutes * 160.0, effort=4))
            journal.save_check_in(CheckIn(day=day, mood=7, stress=3, sleep_hours=7.5, note="Slept well"))
    return path


@needs_poppler
def test_writes_one_page_with_the_weeks_numbers_without_a_display(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "week.pdf"
    result = report(db, "--week", str(WEEK), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert str(WEEK) in result.stdout and str(out) in result.stdout
    assert out.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    assert "Week of 2–8 November 2026" in text
    assert "128" in text  # 32 + 41 + 55 minutes
    assert "not a medical assessment" in text
    assert "Slept well" not in text  # notes only when asked for

    with_notes = tmp_path / "notes.pdf"
    assert report(db, "--week", str(WEEK), "-o", str(with_notes), "--include-notes").returncode == 0
    notes_text = subprocess.run(["pdftotext", str(with_notes), "-"], capture_output=True, text=True).stdout
    assert "Slept well" in notes_text


@needs_poppler
def test_paper_size_can_be_chosen(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    assert report(db, "--week", str(WEEK), "-o", str(out), "--paper", "letter").returncode == 0
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "612 x 792 pts" in info  # US Letter


def test_a_week_that_is_not_a_week_is_a_usage_error(db: Path, tmp_path: Path) -> None:
    result = report(db, "--week", "2026-W60", "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 2
    assert "2026 has no week 60" in result.stderr
    result = report(db, "--week", "last tuesday", "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 2 and "2026-W47" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_the_output_must_be_a_pdf(db: Path, tmp_path: Path) -> None:
    result = report(db, "--week", str(WEEK), "-o", str(tmp_path / "week.png"))
    assert result.returncode == 2 and ".pdf" in result.stderr


def test_an_unwritable_place_is_refused_and_leaves_nothing(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "week.pdf"
    result = report(db, "--week", str(WEEK), "-o", str(target))
    assert result.returncode == 1
    assert "Nothing was written" in result.stderr
    assert not target.parent.exists()


def test_a_journal_that_does_not_exist_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "missing.sqlite"
    result = report(missing, "-o", str(tmp_path / "week.pdf"))
    assert result.returncode == 3
    assert not missing.exists()


@needs_poppler
def test_an_empty_week_still_prints_a_clean_page(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    assert report(db, "--week", "2025-W10", "-o", str(out)).returncode == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Nothing was logged" in text
    assert date(2025, 3, 3).strftime("%B") in text
