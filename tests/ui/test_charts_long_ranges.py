"""Years of entries on the charts: the figures drawn are the ones a person would work out by
hand from what they logged, and the month by month arithmetic behind a long range is done
while the journal is read, never on the window's thread."""

from __future__ import annotations

import random
import threading
from collections import defaultdict
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from runjournal.domain.model import CheckIn, Intensity, Run
from runjournal.domain.weeks import week_start
from runjournal.figures import charts as chart_figures
from runjournal.figures import daily as daily_figures
from runjournal.figures.charts import ChartRange
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge

pytest.importorskip("pyqtgraph")
from runjournal.ui.views.charts import daily_chart, mood_change_chart, rollup
from runjournal.ui.views.charts.axes import DAY, day_x
from runjournal.ui.views.charts.charts_view import RANGE_KEY, ChartsView
from runjournal.ui.views.charts.daily_chart import DailyChart
from runjournal.ui.views.charts.minutes_chart import MinutesChart
from runjournal.ui.views.charts.mood_change_chart import MoodChangeChart

TODAY = date.today()
YEARS = 3
TIMEOUT_MS = 10_000


@pytest.fixture(autouse=True)
def _no_reads_left_running():
    yield
    QThreadPool.globalInstance().waitForDone(5000)


def _years_of_entries(journal: Journal, seed: int = 3) -> tuple[list[Run], list[CheckIn]]:
    """Three years of sessions (some with moods) and check-ins with gaps, from a fixed seed."""
    rng = random.Random(seed)
    first = TODAY - timedelta(days=YEARS * 365)
    runs = []
    check_ins = []
    for n in range((TODAY - first).days + 1):
        day = first + timedelta(days=n)
        if rng.random() < 0.45:
            moods = (rng.randint(2, 8), rng.randint(3, 9)) if rng.random() < 0.5 else (None, None)
            runs.append(
                Run(
                    day=day,
                    duration_s=60 * rng.choice((15, 25, 30, 45, 60)),
                    effort=rng.choice((None, 2, 4, 5, 6, 8)),
                    mood_before=moods[0],
                    mood_after=moods[1],
                )
            )
        if rng.random() < 0.8:
            check_ins.append(
                CheckIn(
                    day=day,
                    mood=rng.choice((None, *range(1, 11))),
                    stress=rng.randint(1, 10),
                    sleep_hours=rng.choice((None, 6.0, 6.5, 7.25, 8.0)),
                    ill=rng.random() < 0.03,
                )
            )
    journal.add_entries(runs, check_ins)
    return runs, check_ins


def _open_all(qtbot, journal: Journal) -> ChartsView:
    QSettings().setValue(RANGE_KEY, int(ChartRange.ALL))
    view = ChartsView(JournalBridge(journal))
    view.resize(1100, 1400)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.chartsShown, timeout=TIMEOUT_MS):
        view.show()
    return view


def test_years_of_check_ins_draw_each_months_mean_of_the_days_logged(qtbot, journal: Journal) -> None:
    _runs, check_ins = _years_of_entries(journal)
    view = _open_all(qtbot, journal)
    chart = view.panels["daily"].chart
    assert isinstance(chart, DailyChart) and view.data is not None
    for name in ("mood", "stress", "sleep_hours"):
        by_month: dict[date, list[float]] = defaultdict(list)
        for check_in in check_ins:
            value = getattr(check_in, name)
            if value is not None and check_in.day >= view.data.first:
                by_month[check_in.day.replace(day=1)].append(value)
        x, y = chart.lines[name].getData()
        drawn = {rollup_day(float(at)): float(mean) for at, mean in zip(x, y, strict=True)}
        assert drawn == pytest.approx({month: sum(v) / len(v) for month, v in by_month.items()}), name
    ill = sorted(c.day for c in check_ins if c.ill and c.day >= view.data.first)
    assert chart.ill_days() == ill


def rollup_day(x: float) -> date:
    """The first day of the month whose centre is drawn at `x`."""
    middle = date(1970, 1, 1) + timedelta(days=int(x // DAY))
    return middle.replace(day=1)


def test_years_of_sessions_draw_each_months_average_week(qtbot, journal: Journal) -> None:
    runs, _check_ins = _years_of_entries(journal)
    view = _open_all(qtbot, journal)
    data = view.data
    assert data is not None
    minutes_chart = view.panels["minutes"].chart
    assert isinstance(minutes_chart, MinutesChart)
    # Every whole week's easy minutes by hand, each week in the month of its Thursday.
    this_week = week_start(TODAY, data.settings.week_start)
    finished = data.this_week is not None and data.this_week.is_finished
    weeks: dict[date, float] = defaultdict(float)
    start = data.first
    while start < this_week or (finished and start == this_week):
        weeks[start] = 0.0
        start += timedelta(weeks=1)
    for run in runs:
        starts = week_start(run.day, data.settings.week_start)
        if starts in weeks and run.effort is not None and run.effort <= 4:
            weeks[starts] += run.duration_s / 60
    months: dict[date, list[float]] = defaultdict(list)
    for starts, minutes in weeks.items():
        months[(starts + timedelta(days=3)).replace(day=1)].append(minutes)
    expected = [sum(v) / len(v) for _month, v in sorted(months.items())]
    assert minutes_chart.heights(Intensity.EASY) == pytest.approx(expected)
    first_bar = minutes_chart.bar_x()[0]
    assert day_x(min(months)) < first_bar < day_x(min(months) + timedelta(days=31))


def test_years_of_moods_draw_each_months_average_before_and_after(qtbot, journal: Journal) -> None:
    runs, _check_ins = _years_of_entries(journal)
    view = _open_all(qtbot, journal)
    chart = view.panels["mood_change"].chart
    assert isinstance(chart, MoodChangeChart)
    sums: dict[date, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
    for run in runs:
        if run.mood_before is not None and run.mood_after is not None:
            row = sums[run.day.replace(day=1)]
            row[0] += 1
            row[1] += run.mood_before
            row[2] += run.mood_after
    drawn = [(m.month, m.sessions, m.before, m.after) for m in chart.months]
    assert drawn == [
        (month, n, pytest.approx(before / n), pytest.approx(after / n))
        for month, (n, before, after) in sorted(sums.items())
    ]


def test_the_months_of_a_long_range_are_worked_out_while_reading(
    qtbot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's thread only hands the figures over: years of days and sessions are
    rolled up into months on the thread that reads them."""
    _years_of_entries(journal)
    window_thread = threading.current_thread()
    on_window_thread: list[str] = []

    def watched(name: str, work):  # type: ignore[no-untyped-def]
        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            if threading.current_thread() is window_thread:
                on_window_thread.append(name)
            return work(*args, **kwargs)

        return call

    for module in (chart_figures, daily_figures, rollup, daily_chart, mood_change_chart):
        for name in ("by_month", "monthly_means", "monthly_mood_changes"):
            if hasattr(module, name):
                original = getattr(module, name)
                monkeypatch.setattr(module, name, watched(name, original))
    view = _open_all(qtbot, journal)
    minutes, daily = view.panels["minutes"].chart, view.panels["daily"].chart
    assert isinstance(minutes, MinutesChart) and isinstance(daily, DailyChart)
    assert minutes.slots is not None and minutes.slots.monthly and daily.long
    assert on_window_thread == []


def test_the_date_axis_picks_the_finest_labels_that_fit_at_any_range_and_width(qtbot) -> None:
    """Every tick scheme is judged by the widest label it would write, measured only on a few
    names and years rather than one label per month of decades."""
    from runjournal.ui.views.charts import axes

    axis = axes.DateAxis()
    rng = random.Random(18)

    def finest_by_hand(first: date, last: date, px_per_day: float) -> int | None:
        for step in (1, 3, 6, 12, 24, 60):
            starts = axis._starts(first, last, step)
            labels = [axis._month_label(d, step) for d in starts]
            widest = max((axis._text_width(t) for t in labels), default=0.0)
            if widest + axes.MIN_LABEL_GAP_PX <= px_per_day * 30.4 * step:
                return step
        return None

    for _ in range(200):
        first = date(1990, 1, 1) + timedelta(days=rng.randrange(12_000))
        last = first + timedelta(days=rng.choice((90, 200, 399, 400, 800, 3650, 11_000)))
        size = rng.choice((300.0, 700.0, 1000.0, 1600.0))
        left, right = day_x(first) - DAY / 2, day_x(last + timedelta(days=1)) + DAY / 2
        ticks = axis.tickValues(left, right, size)
        px_per_day = size / ((right - left) / DAY)
        if axis._weekly(first, last, px_per_day) is not None:
            continue
        step = finest_by_hand(first, last, px_per_day)
        assert (ticks[0][0] if ticks else None) == (step * 30 * DAY if step else None), (first, last, size)
        assert axis.tickValues(left, right, size) is ticks  # the same range again: nothing to redo


def test_drawn_charts_are_left_out_of_the_collectors_full_sweeps(qtbot, journal: Journal) -> None:
    """Years of figures and five plots are tens of thousands of objects: a full sweep of the
    garbage collector over them would hold the window (and every reading thread) for tens of
    milliseconds, so once drawn they are set aside as start-up's objects are."""
    import gc

    _years_of_entries(journal)
    gc.unfreeze()
    try:
        view = _open_all(qtbot, journal)
        chart = view.panels["minutes"].chart
        swept = {id(o) for o in gc.get_objects()}
        assert id(chart) not in swept and id(view.data) not in swept
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_years_read_month_by_month_draw_what_every_day_read_draws(journal: Journal) -> None:
    _years_of_entries(journal)
    overview = journal.chart_overview(ChartRange.ALL, TODAY)
    every_day = journal.chart_data(ChartRange.ALL, TODAY)
    assert overview.overview is not None and every_day.overview is None
    assert (overview.first, overview.last, overview.weeks) == (
        every_day.first,
        every_day.last,
        every_day.weeks,
    )
    assert overview.recorded == every_day.recorded
    assert overview.ill_days == every_day.ill_days
    assert overview.daily_months.keys() == every_day.daily_months.keys()
    for name, months in every_day.daily_months.items():
        assert [m for m, _ in overview.daily_months[name]] == [m for m, _ in months], name
        assert [v for _, v in overview.daily_months[name]] == pytest.approx([v for _, v in months]), name
    assert [(m.month, m.sessions) for m in overview.mood_change_months] == [
        (m.month, m.sessions) for m in every_day.mood_change_months
    ]
    assert [v for m in overview.mood_change_months for v in (m.before, m.after)] == pytest.approx(
        [v for m in every_day.mood_change_months for v in (m.before, m.after)]
    )
    # A few weeks are read day by day whichever way they are asked for.
    assert journal.chart_overview(ChartRange.WEEKS_12, TODAY) == journal.chart_data(
        ChartRange.WEEKS_12, TODAY
    )


def test_after_years_are_drawn_every_day_is_read_for_shorter_ranges(qtbot, journal: Journal) -> None:
    _years_of_entries(journal)
    view = _open_all(qtbot, journal)
    assert view.data is not None and view.data.overview is not None  # drawn month by month
    qtbot.waitUntil(lambda: (whole := view.cached(ChartRange.ALL)) is not None and whole.overview is None)
    with qtbot.waitSignal(view.chartsShown, timeout=TIMEOUT_MS) as shown:
        view.set_range(ChartRange.WEEKS_4)
    assert shown.args[0] == journal.chart_data(ChartRange.WEEKS_4, TODAY)
    assert not view.loader.is_loading  # cut from the whole journal read in the background


@pytest.mark.parametrize("lang", ["", "en_US.UTF-8"])
def test_the_charts_write_days_as_the_rest_of_the_window(
    qtbot, journal: Journal, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    from runjournal.ui.dates import short_day
    from runjournal.ui.views.charts.minutes_chart import week_text

    for name in ("LC_ALL", "LC_TIME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)
    week = journal.chart_data(ChartRange.WEEKS_4, TODAY).weeks[0]
    assert week_text(week).startswith(f"Week of {short_day(week.week_start, with_weekday=False)}: ")
    if not lang:
        start = week.week_start
        assert week_text(week).startswith(f"Week of {start.day} {start:%b} {start.year}: ")


def test_over_decades_the_small_date_ticks_mark_years(qtbot) -> None:
    from runjournal.ui.views.charts import axes

    first, last = date(1996, 12, 30), date(2026, 12, 6)
    ticks = axes.DateAxis().tickValues(day_x(first) - DAY / 2, day_x(last) + 1.5 * DAY, 1000.0)
    (label_spacing, labelled), (_day, small) = ticks
    assert label_spacing >= 24 * 30 * DAY  # a label every few years
    assert small and all(axes.day_at(x + 1).timetuple()[1:3] == (1, 1) for x in small)  # 1 January
    assert len(small) + len(labelled) == last.year - first.year


def test_the_whole_journal_is_read_in_the_background_only_once_the_window_is_idle(
    qtbot, journal: Journal
) -> None:
    """A person who switches range right after the charts appear gets the range read for
    them at once, not after (or beside) a read of every day of the whole journal."""
    from PySide6.QtWidgets import QApplication

    _years_of_entries(journal)
    QSettings().setValue(RANGE_KEY, int(ChartRange.WEEKS_52))
    view = ChartsView(JournalBridge(journal))
    view.resize(1100, 1400)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.chartsShown, timeout=TIMEOUT_MS):
        view.show()
    QApplication.processEvents()
    assert not view.prefetcher.is_loading  # the window has just painted: nothing read beside it
    with qtbot.waitSignal(view.chartsShown, timeout=TIMEOUT_MS) as shown:
        view.set_range(ChartRange.ALL)
    assert shown.args[0].overview is not None  # years as they are drawn, month by month
    qtbot.waitUntil(lambda: (whole := view.cached(ChartRange.ALL)) is not None and whole.overview is None)
