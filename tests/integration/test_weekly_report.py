"""The printed weekly page, read back from the PDF the way a person (or a coach) sees it."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QPageSize

from runjournal.coach.model import Level, Nudge
from runjournal.domain.model import CheckIn, Run
from runjournal.domain.weeks import IsoWeek
from runjournal.reports import weekly
from runjournal.reports.weekly import ReportError, locale_page_size, write_pdf

WEEK = IsoWeek(2026, 47)
TODAY = date(2026, 11, 22)
PRINTED = date(2026, 11, 22)

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo") and shutil.which("pdfimages")),
    reason="poppler-utils (pdftotext, pdfinfo, pdfimages) is not installed",
)


def _run(day: date, minutes: float, **fields) -> Run:
    start = datetime(day.year, day.month, day.day, 7, 30, tzinfo=UTC)
    return Run(day=day, duration_s=minutes * 60, started_at=start, utc_offset_min=0, **fields)


def _fill(journal) -> None:
    """Three runs and a check-in every day in week 47; one run and check-ins the week before."""
    monday = WEEK.monday
    runs = [
        _run(monday, 40, distance_m=7200, effort=4, mood_before=5, mood_after=7, note="Felt light today."),
        _run(monday + timedelta(days=2), 35, distance_m=6000, effort=6, mood_before=4, mood_after=6),
        _run(
            monday + timedelta(days=5),
            50,
            distance_m=9000,
            effort=8,
            mood_before=6,
            mood_after=8,
            note="PRIVATE-THOUGHT about work",
            note_private=True,
        ),
        _run(monday - timedelta(days=4), 30, distance_m=5000, effort=4, mood_before=5, mood_after=6),
    ]
    check_ins = [
        CheckIn(day=monday + timedelta(days=i), mood=7, stress=3, anxiety=2, sleep_hours=7.5)
        for i in range(7)
    ]
    check_ins[3] = check_ins[3].replace(note="Slept well after the swim.")
    check_ins += [
        CheckIn(day=monday - timedelta(days=i), mood=6, stress=5, sleep_hours=6.5) for i in range(1, 8)
    ]
    journal.add_entries(runs, check_ins, None)


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _images(pdf: Path) -> list[str]:
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return listing.splitlines()[2:]  # two header lines, then one line per image


@pytest.fixture
def report(qapp, journal):
    _fill(journal)
    return journal.week_report(WEEK, today=TODAY)


@needs_poppler
def test_the_page_holds_the_weeks_numbers_as_real_text_on_one_page(report, tmp_path):
    pdf = tmp_path / "week.pdf"
    write_pdf(pdf, report, printed_on=PRINTED, page_size=QPageSize(QPageSize.PageSizeId.A4))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert _pages(pdf) == 1
    text = _text(pdf)
    assert "Week of 16–22 November 2026" in text  # named by its dates, not its ISO number
    assert "RunJournal weekly report" in text
    assert "125" in text  # minutes moved: 40 + 35 + 50
    assert "175" in text  # moderate-equivalent: the 50 hard minutes count twice
    assert "7.0" in text  # average mood
    assert "▲ 1.0 since last week" in text  # mood 6 → 7
    assert "not a medical assessment" in text
    assert "Printed 22 November 2026" in text
    assert "7.20 km" in text
    assert "5→7" in text.replace(" ", "")  # mood before → after in the sessions table
    assert _images(pdf) == []  # charts are vector graphics, not pictures


@needs_poppler
def test_notes_are_printed_only_when_asked_and_private_ones_never(report, tmp_path):
    without, with_notes = tmp_path / "plain.pdf", tmp_path / "notes.pdf"
    write_pdf(without, report, printed_on=PRINTED)
    write_pdf(with_notes, report, include_notes=True, printed_on=PRINTED)
    assert "Felt light today." not in _text(without)
    text = _text(with_notes)
    assert "Felt light today." in text
    assert "Slept well after the swim." in text
    assert "PRIVATE-THOUGHT" not in text
    assert _pages(with_notes) == 1


@needs_poppler
def test_an_empty_week_prints_one_plain_page(qapp, journal, tmp_path):
    pdf = tmp_path / "empty.pdf"
    write_pdf(pdf, journal.week_report(WEEK, today=TODAY), printed_on=PRINTED)
    assert _pages(pdf) == 1
    text = _text(pdf)
    assert "Nothing was logged in the week of 16–22 November 2026." in text
    assert "Minutes moved per week" not in text  # no empty axes without any history


@needs_poppler
def test_an_empty_week_after_active_ones_shows_the_weeks_before(qapp, journal, tmp_path):
    _fill(journal)
    pdf = tmp_path / "quiet.pdf"
    write_pdf(pdf, journal.week_report(WEEK + 1, today=TODAY + timedelta(days=7)), printed_on=PRINTED)
    text = _text(pdf)
    assert _pages(pdf) == 1
    assert "Nothing was logged in the week of 23–29 November 2026" in text
    assert "Minutes moved per week" in text


@needs_poppler
@pytest.mark.parametrize("size", [QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter])
def test_a_very_full_week_still_fits_one_page(qapp, journal, tmp_path, size):
    long_note = "A long, winding note about the run, the weather and the day. " * 12
    runs = [
        _run(
            WEEK.monday + timedelta(days=i % 7),
            30 + i,
            distance_m=5000 + 100 * i,
            effort=1 + i % 10,
            mood_before=4,
            mood_after=7,
            note=long_note,
            title=f"Session {i}",
        )
        for i in range(20)
    ]
    check_ins = [CheckIn(day=day, mood=6, stress=4, sleep_hours=7, note=long_note) for day in WEEK.days()]
    journal.add_entries(runs, check_ins, None)
    report = journal.week_report(WEEK, today=TODAY)
    nudges = tuple(
        Nudge(f"TEST-{i}", Level.SUGGEST, f"Nudge {i}", long_note, "why", "a published source")
        for i in range(10)
    )
    report = replace(report, nudges=nudges)
    pdf = tmp_path / "full.pdf"
    write_pdf(pdf, report, include_notes=True, printed_on=PRINTED, page_size=QPageSize(size))
    assert _pages(pdf) == 1
    text = _text(pdf)
    assert "more session" in text  # 20 sessions do not all fit; the page says how many it left out
    assert "not a medical assessment" in text


def test_a_missing_folder_is_reported_and_nothing_is_written(report, tmp_path):
    target = tmp_path / "no such folder" / "week.pdf"
    with pytest.raises(ReportError, match=r"could not be written.*Nothing was written"):
        write_pdf(target, report, printed_on=PRINTED)
    assert not target.parent.exists()


def test_a_folder_that_is_a_file_is_reported(report, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(ReportError, match="could not be written"):
        write_pdf(blocker / "week.pdf", report, printed_on=PRINTED)
    assert blocker.read_text() == "x"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_a_read_only_folder_is_reported_and_left_empty(report, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ReportError, match="could not be written"):
            write_pdf(folder / "week.pdf", report, printed_on=PRINTED)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_painter_that_cannot_start_leaves_no_file(report, tmp_path, monkeypatch):
    monkeypatch.setattr(weekly.QPainter, "begin", lambda self, device: False)
    target = tmp_path / "week.pdf"
    with pytest.raises(ReportError, match="Nothing was written"):
        write_pdf(target, report, printed_on=PRINTED)
    assert not target.exists()
    assert not any(p.suffix == ".part" for p in tmp_path.iterdir())


def test_an_existing_pdf_is_replaced_whole(report, tmp_path):
    target = tmp_path / "week.pdf"
    target.write_bytes(b"old")
    write_pdf(target, report, printed_on=PRINTED)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_letter_for_the_us_and_a4_for_germany():
    letter = locale_page_size(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    a4 = locale_page_size(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert letter.id() == QPageSize.PageSizeId.Letter
    assert a4.id() == QPageSize.PageSizeId.A4
    canada = locale_page_size(QLocale(QLocale.Language.French, QLocale.Country.Canada))
    assert canada.id() == QPageSize.PageSizeId.Letter


def test_a_finished_weeks_page_carries_no_minutes_to_go(journal) -> None:
    """On the page about a week that has ended, "about N minutes to go this week" would read as
    a target still open; the current week's page keeps it."""
    from runjournal.domain.weeks import week_start

    today = date.today()
    this_week = week_start(today, journal.settings().week_start)
    for back in range(10, 0, -1):  # a runner: sessions every week, a short one in each week below
        journal.log_run(_run(this_week - timedelta(weeks=back), 30))
    last_week = this_week - timedelta(weeks=1)
    for offset in (0, 4):  # two sessions last week, well short of 150 minutes
        journal.log_run(_run(last_week + timedelta(days=offset), 30))
    said_then = {n.rule_id for n in journal.nudges(last_week + timedelta(days=6))}
    assert "VOL" in said_then  # the coach did say "minutes to go" at the end of that week
    page = journal.week_report(last_week, today)
    assert not [n for n in page.nudges if n.rule_id in ("VOL", "FREQ") and n.level == Level.SUGGEST]
    from runjournal.reports.page_numbers import activity_tiles

    tiles = {tile.label: tile for tile in activity_tiles(page, QLocale.c())}
    short = page.progress.minutes_to_go
    assert short > 0 and tiles["Moderate-equivalent"].guide == f"goal 150 a week · {short} short"
