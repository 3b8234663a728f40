"""Today's week panel shows the week day by day (weekday and date, mood, sessions with
minutes), fits beside the check-in at the window's first size and grows on a big screen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect

from runjournal.domain.model import Activity, CheckIn, Run
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.today.week_summary import WeekSummary
from tests.ui.windows import open_window

TODAY = date(2026, 12, 3)


@pytest.fixture(autouse=True)
def no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        monkeypatch.delenv(name, raising=False)


def test_the_week_is_listed_day_by_day_with_mood_and_sessions(qtbot, journal: Journal) -> None:
    journal.add_entries(
        [
            Run(day=date(2026, 12, 1), duration_s=41 * 60 + 20),
            Run(day=date(2026, 12, 1), duration_s=8 * 60, activity=Activity.WALK),
        ],
        [CheckIn(date(2026, 11, 30), mood=6)],
        today=TODAY,
    )
    panel = WeekSummary(JournalBridge(journal))
    qtbot.addWidget(panel)
    panel.refresh(TODAY)
    assert panel.days.row_texts() == [
        ("Mon 30 Nov", "6", "–"),
        ("Tue 1 Dec", "", "Run 41 min · Walk 8 min"),
        ("Wed 2 Dec", "", "–"),
        ("Thu 3 Dec", "", "–"),
        ("Fri 4 Dec", "", ""),
        ("Sat 5 Dec", "", ""),
        ("Sun 6 Dec", "", ""),
    ]
    tuesday = panel.days.rows[1][0]
    assert tuesday.accessibleName() == (
        "Tuesday 1 December: no mood recorded, 1 session of 10 minutes or more, 49 min in all"
    )
    assert "30 Nov – 6 Dec, so far" in panel.heading.text()


def test_a_check_in_saved_elsewhere_shows_its_mood_at_once(qtbot, journal: Journal) -> None:
    panel = WeekSummary(JournalBridge(journal))
    qtbot.addWidget(panel)
    today = date.today()
    journal.save_check_in(CheckIn(today, mood=8))
    row = next(r for r in panel.days.rows if r[0].font().bold())  # today's row
    qtbot.waitUntil(lambda: row[2].text() == "8")


@pytest.mark.usefixtures("fresh_qsettings")
def test_the_days_fit_at_the_first_size_and_grow_on_a_big_screen(
    qtbot, journal: Journal, tmp_path: Path
) -> None:
    window = open_window(qtbot, journal, 1100, 720)
    summary = window.today.summary
    seen = QRect(QPoint(0, 0), summary.size())
    for labels in summary.days.rows:
        for label in labels:
            qtbot.waitUntil(
                lambda label=label: seen.contains(QRect(label.mapTo(summary, QPoint(0, 0)), label.size()))
            )
    small = summary.days.height()
    panel_text = summary.runs_label.font().pointSizeF()

    window.resize(1920, 1080)
    # The days spread over the room a big screen gives, in the panel's own size of text
    # (a little larger at most), so the list never shouts over the rest of the panel.
    qtbot.waitUntil(lambda: summary.days.height() >= small * 1.3)
    for labels in summary.days.rows:
        assert labels[0].font().pointSizeF() <= panel_text * 1.15
