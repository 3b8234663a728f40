"""One week everywhere: for every day of a two-year sample journal, Today's week summary, the
run log's week row, the charts' week figure, the printed page's tiles and the coach's VOL and
FREQ show the same minutes, goal, "to go" and sessions (docs/coach.md, Definitions).

The sample is seeded, so a failure names a day that can be looked at again.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QLocale

from runjournal.coach.engine import default_rules
from runjournal.coach.model import Level
from runjournal.domain.model import Settings
from runjournal.figures.charts import ChartRange
from runjournal.reports.page_numbers import activity_tiles
from runjournal.samples.demo import generate
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.charts.sessions_chart import SessionsChart
from runjournal.ui.views.runs.week_totals_table import WEEK_COL_MINUTES, WEEK_COL_SESSIONS, WeekTotalsTable
from runjournal.ui.views.today.week_summary import WeekSummary

END = date(2026, 12, 3)
SEED = int(os.environ.get("RUNJOURNAL_TEST_SEED", "11"))
YEARS = 2


@dataclass(frozen=True)
class Seen:
    """What one place shows for the week: moderate-equivalent minutes, goal, to go, sessions."""

    meq: int
    goal: int
    to_go: int
    sessions: int


def _today_panel(panel: WeekSummary, day: date) -> Seen:
    panel.refresh(day)
    done, goal = map(int, re.fullmatch(r"(\d+) of (\d+) min", panel.minutes_bar.format()).groups())  # type: ignore[union-attr]
    note = panel.minutes_note.text()
    found = re.match(r"About (\d+) minutes? to go\.", note)
    to_go = int(found.group(1)) if found else 0 if note.startswith("Weekly goal reached") else goal - done
    sessions = int(panel.sessions_bar.format().split(" of ")[0])
    return Seen(done, goal, to_go, sessions)


def _run_log_row(table: WeekTotalsTable, journal: Journal, settings: Settings, day: date) -> Seen:
    table.show_weeks(list(reversed(journal.week_totals(day, day, settings.week_start))), settings, day)
    tip = table.item(0, WEEK_COL_MINUTES).toolTip()
    found = re.search(
        r"(\d+) of your (\d+) moderate-equivalent minutes a week, (?:about (\d+) min to go|goal reached)", tip
    )
    assert found, tip
    meq, goal, to_go = int(found.group(1)), int(found.group(2)), int(found.group(3) or 0)
    return Seen(meq, goal, to_go, int(table.item(0, WEEK_COL_SESSIONS).text()))


def _chart_figure(journal: Journal, chart: SessionsChart, day: date) -> Seen:
    data = journal.chart_data(ChartRange.WEEKS_4, day)
    week = data.this_week
    assert week is not None
    chart.show_data(data)
    assert chart.heights()[-1] == week.sessions, day  # the bar drawn for this week
    return Seen(week.moderate_equivalent_minutes, week.goal_minutes, week.minutes_to_go, week.sessions)


def _report_tiles(journal: Journal, day: date) -> Seen:
    tiles = {tile.label: tile for tile in activity_tiles(journal.week_report(day, day), QLocale.c())}
    meq_tile, sessions_tile = tiles["Moderate-equivalent so far"], tiles["Sessions so far"]
    found = re.fullmatch(r"goal (\d+) a week · (?:(\d+) to go|reached)", meq_tile.guide)
    assert found, meq_tile.guide
    return Seen(int(meq_tile.value), int(found.group(1)), int(found.group(2) or 0), int(sessions_tile.value))


@pytest.fixture(scope="module")
def sample():
    return generate(YEARS, end=END, seed=SEED)


@pytest.mark.parametrize(
    ("first_weekday", "goal"),
    [(0, 150), (6, 45), (6, 600), (0, 600)],
    ids=["monday-150", "sunday-45", "sunday-600", "monday-600"],
)
def test_every_view_and_the_coach_show_the_same_week_every_day(
    qapp, tmp_path, sample, first_weekday: int, goal: int
) -> None:
    print(f"sample seed {SEED} (set RUNJOURNAL_TEST_SEED to change it)")
    settings = sample.settings.replace(week_start=first_weekday, weekly_minutes_goal=goal)
    rules = dict(default_rules())
    vol, freq = rules["VOL"], rules["FREQ"]
    spoke = {"VOL suggest": 0, "VOL celebrate": 0, "FREQ": 0}
    with Journal.open(tmp_path / "journal.sqlite") as journal:
        journal.add_entries(sample.runs, sample.check_ins, settings)
        panel, table, chart = WeekSummary(JournalBridge(journal)), WeekTotalsTable(), SessionsChart()
        day = sample.runs[0].day
        while day <= END:
            today = _today_panel(panel, day)
            assert today.goal == goal, day
            assert _run_log_row(table, journal, settings, day) == today, day
            assert _chart_figure(journal, chart, day) == today, day
            assert _report_tiles(journal, day) == today, day
            history = journal.coach_history(day)
            nudge = vol(history)
            if nudge is not None and nudge.level is Level.SUGGEST:
                spoke["VOL suggest"] += 1
                assert (nudge.numbers["meq_minutes"], nudge.numbers["minutes_to_go"]) == (
                    today.meq,
                    today.to_go,
                ), day
                assert f"about {today.to_go} minute" in nudge.message, day
            elif nudge is not None:
                spoke["VOL celebrate"] += 1
                assert today.to_go == 0 and nudge.numbers["meq_minutes"] == today.meq, day
            nudge = freq(history)
            if nudge is not None:
                spoke["FREQ"] += 1
                target = nudge.numbers["target"]
                assert isinstance(target, int), day
                assert nudge.numbers["sessions"] == today.sessions, day
                assert nudge.numbers["sessions_to_go"] == target - today.sessions, day
            day += timedelta(days=1)
    # The walk met the coach's words often enough to mean something (a 600-minute goal is
    # never within reach of this sample's weeks, so VOL rightly stays quiet there).
    assert sum(spoke.values()) > 50, spoke
    assert spoke["VOL suggest"] + spoke["VOL celebrate"] > 20 or goal == 600, spoke
