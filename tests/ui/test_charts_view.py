"""The Charts view reads a real journal in the background and draws what a person logged."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool

from runjournal.domain.model import CheckIn, Intensity, Run
from runjournal.domain.weeks import week_start
from runjournal.figures.charts import ChartRange
from runjournal.service.journal import JournalError
from runjournal.ui.bridge import JournalBridge

pytest.importorskip("pyqtgraph")

from runjournal.ui.views.charts import chart_panel
from runjournal.ui.views.charts.charts_view import RANGE_KEY, RELOAD_DELAY_MS, ChartsView

TODAY = date.today()
THIS_WEEK = week_start(TODAY, 0)
TIMEOUT_MS = 5000
MESSAGES = {
    "minutes": "Log a run to see your weekly minutes",
    "daily": "Check in with your mood for a few days to see it here",
    "mood_change": "Record your mood before and after a run to see how it changes",
}


@pytest.fixture(autouse=True)
def _no_reads_left_running():
    """Every background read ends inside its own test, before its journal closes."""
    yield
    QThreadPool.globalInstance().waitForDone(5000)


@pytest.fixture
def bridge(journal):
    return JournalBridge(journal)


@pytest.fixture
def view(qtbot, bridge):
    QSettings().setValue(RANGE_KEY, int(ChartRange.WEEKS_12))
    charts = ChartsView(bridge)
    charts.resize(1100, 1400)
    qtbot.addWidget(charts)
    return charts


def _show(qtbot, view: ChartsView):
    with qtbot.waitSignal(view.chartsShown, timeout=TIMEOUT_MS) as blocker:
        view.show()
    return blocker.args[0]


def _fill(journal) -> None:
    """Two weeks of known runs: last week 30 easy + 45 hard minutes, this week 20 moderate."""
    last_week = THIS_WEEK - timedelta(weeks=1)
    journal.log_run(Run(day=last_week, duration_s=30 * 60, effort=3, mood_before=4, mood_after=7))
    journal.log_run(
        Run(day=last_week + timedelta(days=2), duration_s=45 * 60, effort=8, mood_before=6, mood_after=5)
    )
    journal.log_run(Run(day=THIS_WEEK, duration_s=20 * 60, effort=5))
    for days_ago in range(10):
        journal.save_check_in(
            CheckIn(day=TODAY - timedelta(days=days_ago), mood=6, stress=3, sleep_hours=7.5)
        )


def test_the_minutes_chart_draws_the_journals_weekly_minutes(qtbot, journal, view):
    _fill(journal)
    data = _show(qtbot, view)
    chart = view.panels["minutes"].chart
    assert not view.panels["minutes"].is_empty()
    assert len(data.weeks) == 12
    assert chart.heights(Intensity.EASY) == [w.easy_minutes for w in data.weeks]
    assert chart.heights(Intensity.MODERATE) == [w.moderate_minutes for w in data.weeks]
    assert chart.heights(Intensity.HARD) == [w.hard_minutes for w in data.weeks]
    assert chart.heights(Intensity.EASY)[-2:] == [30, 0]
    assert chart.heights(Intensity.HARD)[-2:] == [45, 0]
    assert chart.heights(Intensity.MODERATE)[-1] == 20
    # The moderate bar of a week sits on top of its easy bar.
    assert list(chart.bars[Intensity.MODERATE].opts["y0"])[-2] == 30
    assert view.panels["sessions"].chart.heights()[-2:] == [2, 1]
    assert not chart.goal_line.isVisible()


def test_hovering_a_week_tells_its_exact_minutes(qtbot, journal, view):
    _fill(journal)
    _show(qtbot, view)
    chart = view.panels["minutes"].chart
    text = chart.describe_at(chart.bars[Intensity.EASY].opts["x"][-2], 10)
    assert text.startswith("Week of ")
    assert text.endswith(": 30 min easy, 0 moderate, 45 hard — 75 in all")
    mood = view.panels["mood_change"].chart
    assert "mood 4 → 7 (+3)" in mood.describe_at(mood.segments["better"].xData[0], 5)
    last_week = chart.bars[Intensity.EASY].opts["x"][-2]
    assert view.panels["sessions"].chart.describe_at(last_week, 1).endswith(": 2 sessions (fewer than 3)")
    assert (
        view.panels["easy_share"]
        .chart.describe_at(last_week, 1)
        .endswith(": 40 % easy — 30 of 75 running minutes")
    )
    assert view.panels["sessions"].chart.describe_at(-1e12, 1) is None  # outside every week


def test_a_personal_goal_other_than_150_gets_its_own_line(qtbot, journal, view):
    _fill(journal)
    journal.save_settings(journal.settings().replace(weekly_minutes_goal=200))
    _show(qtbot, view)
    chart = view.panels["minutes"].chart
    assert chart.goal_line.isVisible()
    assert chart.goal_line.value() == 200
    assert "Your goal: 200 min" in view.panels["minutes"].legend.labels


def test_an_empty_journal_shows_messages_instead_of_empty_axes(qtbot, view):
    _show(qtbot, view)
    for key, message in MESSAGES.items():
        panel = view.panels[key]
        assert panel.is_empty()
        assert panel.message_text().startswith(message)
        assert panel.message_label.isVisible()
        assert not panel.chart.canvas.isVisible()
        assert not panel.save_button.isEnabled()
    for key in ("sessions", "easy_share"):
        assert view.panels[key].is_empty()


def test_older_entries_outside_the_range_get_a_hint_to_widen_it(qtbot, journal, view):
    journal.log_run(Run(day=TODAY - timedelta(weeks=30), duration_s=30 * 60, effort=3))
    view.set_range(ChartRange.WEEKS_4)
    _show(qtbot, view)
    assert "choose “All weeks”" in view.panels["minutes"].message_text()


def test_logging_a_run_refreshes_the_charts_by_themselves(qtbot, journal, view):
    _show(qtbot, view)
    assert view.panels["minutes"].is_empty()
    with qtbot.waitSignal(view.chartsShown, timeout=TIMEOUT_MS) as blocker:
        journal.log_run(Run(day=TODAY, duration_s=40 * 60, effort=5))
    assert blocker.args[0].weeks[-1].moderate_minutes == 40
    assert not view.panels["minutes"].is_empty()
    assert view.panels["minutes"].chart.heights(Intensity.MODERATE)[-1] == 40


def test_changes_while_hidden_wait_until_the_view_is_shown(qtbot, journal, view, settle, timers_waiting):
    _show(qtbot, view)
    view.hide()
    journal.log_run(Run(day=TODAY, duration_s=40 * 60, effort=5))
    settle()
    assert view.is_stale and not view.is_loading  # nothing read, and no read planned:
    assert RELOAD_DELAY_MS not in timers_waiting(view)
    assert view.panels["minutes"].is_empty()
    data = _show(qtbot, view)
    assert data.weeks[-1].minutes == 40
    assert not view.panels["minutes"].is_empty()


def test_switching_the_range_changes_the_weeks_shown_and_is_remembered(qtbot, journal, view):
    _fill(journal)
    _show(qtbot, view)
    assert len(view.panels["minutes"].chart.heights(Intensity.EASY)) == 12
    with qtbot.waitSignal(view.chartsShown, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(view.range_buttons[ChartRange.WEEKS_4], Qt.MouseButton.LeftButton)
    assert len(blocker.args[0].weeks) == 4
    assert len(view.panels["minutes"].chart.heights(Intensity.EASY)) == 4
    assert view.chart_range() is ChartRange.WEEKS_4
    assert view.range_buttons[ChartRange.WEEKS_4].isChecked()
    qtbot.waitUntil(lambda: int(QSettings().value(RANGE_KEY)) == 4, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(view.chartsShown, timeout=TIMEOUT_MS):
        view.set_range(ChartRange.WEEKS_52)
    assert len(view.panels["sessions"].chart.heights()) == 52


def test_the_chosen_range_is_stored_once_the_charts_are_drawn(qtbot, journal, view, monkeypatch):
    """Storing window state waits for the disk; a range switch draws first and stores the
    choice once the window is idle (or at once when the charts are put away)."""
    from runjournal.ui.views.charts import charts_view

    _fill(journal)
    _show(qtbot, view)
    stored: list[object] = []

    class WatchedSettings(QSettings):
        def setValue(self, key: str, value: object) -> None:
            stored.append(value)
            super().setValue(key, value)

    monkeypatch.setattr(charts_view, "QSettings", WatchedSettings)
    with qtbot.waitSignal(view.chartsShown, timeout=TIMEOUT_MS):
        view.set_range(ChartRange.WEEKS_4)
    with qtbot.waitSignal(view.chartsShown, timeout=TIMEOUT_MS):
        view.set_range(ChartRange.WEEKS_26)
    assert stored == []  # nothing written while the switches were drawn
    qtbot.waitUntil(lambda: stored == [26], timeout=TIMEOUT_MS)  # one write for the burst
    assert int(QSettings().value(RANGE_KEY)) == 26
    view.set_range(ChartRange.WEEKS_52)
    view.hide()
    assert stored == [26, 52]
    assert int(QSettings().value(RANGE_KEY)) == 52


def test_a_daily_series_can_be_switched_off_and_on_from_the_keyboard(qtbot, journal, view):
    _fill(journal)
    _show(qtbot, view)
    chart = view.panels["daily"].chart
    assert not view.panels["daily"].is_empty()
    assert chart.points["mood"].isVisible() and chart.lines["mood"].isVisible()
    assert len(chart.points["mood"].x) == 10
    box = chart.toggles["mood"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked()
    assert not chart.points["mood"].isVisible()
    assert not chart.lines["mood"].isVisible()
    assert chart.points["stress"].isVisible()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert chart.points["mood"].isVisible()


def test_save_as_png_writes_an_image(qtbot, journal, view, tmp_path, monkeypatch):
    _fill(journal)
    _show(qtbot, view)
    target = tmp_path / "minutes"
    asked = []

    def answer(parent, caption, suggested):
        asked.append(suggested)
        return str(target)

    monkeypatch.setattr(chart_panel, "ask_png_path", answer)
    qtbot.mouseClick(view.panels["minutes"].save_button, Qt.MouseButton.LeftButton)
    saved = Path(f"{target}.png")
    assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert saved.stat().st_size > 1000
    assert Path(asked[0]).name == f"runjournal-weekly-minutes-{TODAY.isoformat()}.png"


def test_a_failed_save_is_told_in_words(qtbot, journal, view, tmp_path, monkeypatch):
    _fill(journal)
    _show(qtbot, view)
    errors = []
    monkeypatch.setattr(chart_panel, "ask_png_path", lambda *_: str(tmp_path / "missing" / "x.png"))
    monkeypatch.setattr(chart_panel, "show_save_error", lambda parent, message: errors.append(message))
    view.panels["easy_share"].save_as()
    assert errors and "could not be written" in errors[0]


def test_a_failed_read_shows_a_message_instead_of_charts(qtbot, journal, view, monkeypatch):
    def broken(*_args):
        raise JournalError("the journal file is locked")

    monkeypatch.setattr(journal, "chart_data", broken)
    with qtbot.waitSignal(view.loader.failed, timeout=TIMEOUT_MS):
        view.show()
    assert view.status_label.isVisible()
    assert "the journal file is locked" in view.status_label.text()
    assert all(panel.is_empty() for panel in view.panels.values())


def test_the_charts_tab_loads_pyqtgraph_only_when_shown(tmp_path):
    script = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from runjournal.service.journal import Journal\n"
        "from runjournal.ui.bridge import JournalBridge\n"
        "from runjournal.ui.views.charts.charts_tab import ChartsTab\n"
        f"journal = Journal.open({str(tmp_path / 'j.sqlite')!r})\n"
        "tab = ChartsTab(JournalBridge(journal))\n"
        "print('before', 'pyqtgraph' in sys.modules, 'numpy' in sys.modules, tab.view is None)\n"
        "tab.show(); app.processEvents()\n"
        "print('after', 'pyqtgraph' in sys.modules, type(tab.view).__name__)\n"
        "sys.stdout.flush(); os._exit(0)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    lines = result.stdout.split("\n")
    assert "before False False True" in lines, result.stdout + result.stderr
    assert "after True ChartsView" in lines, result.stdout + result.stderr


def test_the_charts_follow_a_dark_palette(qtbot, journal, view):
    from PySide6.QtGui import QPalette

    from runjournal.ui.theme import dark_palette

    _fill(journal)
    _show(qtbot, view)
    canvas = view.panels["minutes"].chart.canvas
    light_background = canvas.backgroundBrush().color()
    view.setPalette(dark_palette())
    dark_background = canvas.backgroundBrush().color()
    assert dark_background != light_background
    assert dark_background == dark_palette().color(QPalette.ColorRole.Base)


def test_a_range_seen_before_comes_back_without_reading_the_journal_again(qtbot, journal, view, monkeypatch):
    _fill(journal)
    reads = []
    real = journal.chart_data

    def counted(chart_range, today):
        reads.append(chart_range)
        return real(chart_range, today)

    monkeypatch.setattr(journal, "chart_data", counted)
    _show(qtbot, view)
    qtbot.waitUntil(lambda: view.cached(ChartRange.ALL) is not None, timeout=TIMEOUT_MS)
    assert reads == [ChartRange.WEEKS_12, ChartRange.ALL]  # the whole journal, for later switches
    for chart_range in (ChartRange.WEEKS_4, ChartRange.ALL, ChartRange.WEEKS_52, ChartRange.WEEKS_12):
        with qtbot.waitSignal(view.chartsShown, timeout=TIMEOUT_MS) as blocker:
            qtbot.mouseClick(view.range_buttons[chart_range], Qt.MouseButton.LeftButton)
        assert blocker.args[0] == real(chart_range, TODAY)
    assert len(reads) == 2
    assert len(view.panels["minutes"].chart.heights(Intensity.EASY)) == 12

    # A change to the journal forgets every range read before it.
    with qtbot.waitSignal(view.chartsShown, timeout=TIMEOUT_MS) as blocker:
        journal.log_run(Run(day=TODAY, duration_s=25 * 60, effort=2))
    assert reads[2] == ChartRange.WEEKS_12
    assert blocker.args[0].weeks[-1].easy_minutes == real(ChartRange.WEEKS_12, TODAY).weeks[-1].easy_minutes
    assert view.panels["minutes"].chart.heights(Intensity.EASY)[-1] == blocker.args[0].weeks[-1].easy_minutes


def test_a_preloaded_tab_builds_its_charts_when_shown(qtbot, journal) -> None:
    from runjournal.ui.bridge import JournalBridge
    from runjournal.ui.views.charts.charts_tab import ChartsTab

    tab = ChartsTab(JournalBridge(journal))
    qtbot.addWidget(tab)
    tab.preload()  # the window calls this once it is on screen
    tab.show()
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.isVisible(), timeout=10_000)
    assert not tab.loading_label.isVisible()
    qtbot.waitUntil(lambda: tab.view.data is not None, timeout=10_000)  # the figures are drawn
    QThreadPool.globalInstance().waitForDone(5000)


def test_charts_prepared_while_idle_are_built_hidden_and_read_only_when_shown(qtbot, journal) -> None:
    from runjournal.ui.bridge import JournalBridge
    from runjournal.ui.views.charts.charts_tab import ChartsTab
    from runjournal.ui.views.charts.charts_view import CHARTS

    _fill(journal)
    tab = ChartsTab(JournalBridge(journal))
    qtbot.addWidget(tab)
    tab.prepare()  # the window calls this once it is on screen and idle
    qtbot.waitUntil(lambda: tab.view is not None and len(tab.view.panels) == len(CHARTS), timeout=10_000)
    assert not tab.view.isVisible() and tab.view.data is None  # nothing read for a hidden tab
    tab.show()
    qtbot.waitUntil(lambda: tab.view.data is not None, timeout=10_000)
    assert tab.view.panels["minutes"].chart.heights(Intensity.EASY)  # the figures are drawn
    QThreadPool.globalInstance().waitForDone(5000)


def test_a_widened_window_gives_the_explanations_back_their_single_line(qtbot, journal, view) -> None:
    _fill(journal)
    _show(qtbot, view)
    label = view.panels["minutes"].explanation_label
    one_line = label.fontMetrics().lineSpacing()
    view.resize(420, 1400)  # narrow: the explanation wraps onto more lines
    qtbot.waitUntil(lambda: label.height() > 1.5 * one_line, timeout=TIMEOUT_MS)
    view.resize(1100, 1400)
    qtbot.waitUntil(lambda: label.height() < 1.5 * one_line, timeout=TIMEOUT_MS)


def test_a_chart_without_its_drawing_methods_is_refused_when_written() -> None:
    from runjournal.ui.views.charts.chart_base import Chart

    with pytest.raises(TypeError, match="must define show_data, describe_at, legend_entries"):

        class Unfinished(Chart):  # a chart that forgot what makes it one
            key = "unfinished"
