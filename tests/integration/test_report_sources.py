"""The printed page cites each coach card's sources whole, by the short names of Help → Sources."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from runjournal.coach.engine import nudges
from runjournal.coach.model import History
from runjournal.domain.model import CheckIn, Run, Settings
from runjournal.domain.weeks import IsoWeek
from runjournal.reports.weekly import write_pdf

WEEK = IsoWeek(2026, 47)

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", out)


def test_a_cards_sources_print_whole_and_in_words_a_person_can_look_up(qapp, journal, tmp_path) -> None:
    sunday = WEEK.sunday
    days = [sunday - timedelta(days=n) for n in range(12)]
    check_ins = [CheckIn(day=d, mood=4, anxiety=8, stress=8, sleep_hours=5.5) for d in days]
    runs = [
        Run(
            day=sunday - timedelta(days=n),
            duration_s=1800,
            distance_m=5000,
            effort=4,
            mood_before=3,
            mood_after=5,
        )
        for n in range(0, 40, 6)
    ]
    journal.add_entries(runs, check_ins, None)
    history = History(
        today=sunday, runs=tuple(runs[::-1]), check_ins=tuple(check_ins[::-1]), settings=Settings()
    )
    shown = nudges(history, {})
    assert len(shown) == 3 and any(len(n.sources) >= 2 for n in shown)
    report = replace(journal.week_report(WEEK, today=sunday), nudges=tuple(shown))
    pdf = tmp_path / "week.pdf"
    write_pdf(pdf, report, printed_on=sunday)
    text = _text(pdf)
    printed = [n for n in shown if n.title in text]
    assert printed and any(len(n.sources) >= 2 for n in printed)
    for nudge in printed:
        assert "; ".join(nudge.sources) in text, (nudge.rule_id, text)
    assert not re.search(r"\b(seed|ours)\b", text, re.IGNORECASE)
    assert not re.search(r"Sources?: [^…]*…(?!and \d+ more)", text)


def test_a_long_list_of_sources_is_never_cut_off(qapp, journal, tmp_path) -> None:
    from runjournal.coach.model import Level, Nudge
    from runjournal.coach.sources import SOURCES

    every = "; ".join(SOURCES)  # far more than two printed lines
    card = Nudge("SOURCES-TEST", Level.SUGGEST, "A card citing everything", "Short message.", "why", every)
    report = replace(journal.week_report(WEEK, today=WEEK.sunday), nudges=(card,))
    pdf = tmp_path / "week.pdf"
    write_pdf(pdf, report, printed_on=WEEK.sunday)
    text = _text(pdf)
    assert every in text
