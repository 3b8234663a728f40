"""The Charts view: five charts of running and mood over a chosen range of weeks.

The figures are read on a worker thread (a long journal takes a noticeable fraction of a
second) and only while the view is on screen; a change to the journal marks the charts
stale, and they are read again when shown, or after a short pause when already on screen.

Once a range has been on screen a moment, every day and session of the whole journal is read
in the background too (all of it is first read as it is drawn, month by month), and every
range already read (or cut from the whole journal) is kept until the journal changes, so
switching ranges needs no second read. The panels are drawn one per turn of the event loop,
top first, so the window keeps responding while a long range is drawn; `chartsShown` is
emitted once the last panel shows the new figures.
Importing this module imports pyqtgraph, so the main window reaches it through ChartsTab.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date
from typing import SupportsInt

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from runjournal.figures.charts import ChartData, ChartRange, narrowed
from runjournal.service.journal import Journal
from runjournal.ui.background import BackgroundLoader
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.scrolling import fill_with_scroll_area
from runjournal.ui.views.charts.chart_panel import ChartPanel
from runjournal.ui.views.charts.daily_chart import DailyChart
from runjournal.ui.views.charts.easy_share_chart import EasyShareChart
from runjournal.ui.views.charts.minutes_chart import MinutesChart
from runjournal.ui.views.charts.mood_change_chart import MoodChangeChart
from runjournal.ui.views.charts.palette import colours_from
from runjournal.ui.views.charts.sessions_chart import SessionsChart

RANGE_KEY = "charts/range"
DEFAULT_RANGE = ChartRange.WEEKS_12
RELOAD_DELAY_MS = 200  # a burst of writes (an import, an undo of many) reloads once
# Storing window state waits for the disk (QSettings syncs its file on every write): the
# chosen range is stored once the switch is drawn and the window idle, once for a burst of
# switches, and at once when the charts are put away.
REMEMBER_DELAY_MS = 1000
# Every day and session of the whole journal is read in the background once the charts have
# been on screen this long without a change: a person switching range at once gets that range
# read for them alone, not beside (or after) the whole journal.
PREFETCH_DELAY_MS = 400
LOADING_TEXT = "Drawing your charts…"
RANGES = (ChartRange.WEEKS_4, ChartRange.WEEKS_12, ChartRange.WEEKS_26, ChartRange.WEEKS_52, ChartRange.ALL)
_RUN_CHARTS = ("minutes", "sessions", "easy_share", "mood_change")
CHARTS = (MinutesChart, SessionsChart, DailyChart, MoodChangeChart, EasyShareChart)
EAGER_PANELS = 1  # the panel a first look sees is built at once, the others in later turns
# The page first paints with its figures, not as a column of empty panels a moment before
# them; a read slower than this shows "Drawing your charts…" instead.
FIRST_PAINT_WAIT_MS = 250


def stored_range() -> ChartRange:
    """The range chosen last time, or 12 weeks."""
    value = QSettings().value(RANGE_KEY, int(DEFAULT_RANGE))
    if not isinstance(value, (str, SupportsInt)):
        return DEFAULT_RANGE  # nothing int() could read
    try:
        return ChartRange(int(value))
    except (TypeError, ValueError):
        return DEFAULT_RANGE


def _embolden(button: QPushButton, on: bool) -> None:
    """The chosen range reads in bold, so it stands out in any style, not just by shade."""
    font = QFont(button.font())
    font.setBold(on)
    button.setFont(font)


# What `_read` answers: the generation, range and day asked for, the figures, and the counts
# of runs and check-ins in the whole journal.
_ReadResult = tuple[int, ChartRange, date, ChartData, int, int]


def _read(
    journal: Journal, chart_range: ChartRange, today: date, generation: int, *, overview: bool = False
) -> _ReadResult:
    """What the worker thread reads: the figures, and whether older entries exist at all.

    The answer carries what it was asked for and the journal generation it was read at, so
    figures read before a change are never kept. With `overview`, a range of years comes as
    the charts draw it, its check-ins and moods month by month (see `Journal.chart_overview`).
    """
    data = journal.chart_overview(chart_range, today) if overview else journal.chart_data(chart_range, today)
    data.prepare()  # here, not on the window's thread
    counts = data.counts or journal.counts()  # read with the figures, in the same transaction
    return generation, chart_range, today, data, counts.runs, counts.check_ins


class ChartsView(QWidget):
    """A range switch on top and five chart panels below, scrolling up and down."""

    chartsShown = Signal(object)  # the ChartData now on screen

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._range = stored_range()
        self._stale = True
        self.data: ChartData | None = None
        self.setAccessibleName("Charts")

        heading = QLabel("Charts")
        heading_font = QFont(heading.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        heading.setFont(heading_font)

        self.range_group = QButtonGroup(self)
        self.range_group.setExclusive(True)
        self.range_buttons: dict[ChartRange, QPushButton] = {}
        range_row = QHBoxLayout()
        range_row.setSpacing(0)
        for chart_range in RANGES:
            button = QPushButton("All weeks" if chart_range is ChartRange.ALL else chart_range.label)
            button.setCheckable(True)
            button.setChecked(chart_range is self._range)
            button.setAccessibleName(f"Show {button.text().lower()}")
            button.setToolTip(
                "Show the whole journal"
                if chart_range is ChartRange.ALL
                else f"Show the last {chart_range.label}"
            )
            button.clicked.connect(lambda _=False, r=chart_range: self.set_range(r))
            button.toggled.connect(lambda on, b=button: _embolden(b, on))
            _embolden(button, button.isChecked())
            self.range_group.addButton(button)
            self.range_buttons[chart_range] = button
            range_row.addWidget(button)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        range_label = QLabel("Range:")
        top.addWidget(range_label)
        top.addLayout(range_row)

        self.status_label = QLabel(LOADING_TEXT)
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_label.setAccessibleName("Charts status")

        content = QWidget()
        self._column = column = QVBoxLayout(content)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(14)
        column.addLayout(top)
        column.addWidget(self.status_label)
        column.addStretch(1)
        self.scroll_area = fill_with_scroll_area(self, content)
        self._first_paint_timer = QTimer(self)
        self._first_paint_timer.setSingleShot(True)
        self._first_paint_timer.setInterval(FIRST_PAINT_WAIT_MS)
        self._first_paint_timer.timeout.connect(self._show_waiting)
        self._hold_paint(True)  # until the first figures are drawn (or they take long)
        # Every panel, in order of the page; those below the fold are added in later turns of
        # the event loop (each costs a plot canvas), so opening the view never stalls for long.
        self.panels: dict[str, ChartPanel] = {}
        self._unbuilt = list(CHARTS)
        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        self._build_timer.setInterval(0)
        self._build_timer.timeout.connect(self._build_one_later)
        for _ in range(EAGER_PANELS):
            self._build_next_panel()

        # Figures already read for this journal generation and day, by range.
        self._generation = 0
        self._cache: dict[ChartRange, ChartData] = {}
        self._cache_day = date.today()
        self._counts: tuple[int, int] | None = None  # runs, check-ins in the whole journal
        self._counts_shown = (0, 0)  # the same, as last read (perhaps before a change)
        self._waiting_for_all = False  # the ALL range waits for the background read under way
        self._draw_queue: list[str] = []
        self._steps: Iterator[None] | None = None  # the panel being drawn, piece by piece
        self._drawing: ChartData | None = None
        self._draw_timer = QTimer(self)
        self._draw_timer.setSingleShot(True)
        self._draw_timer.setInterval(0)
        self._draw_timer.timeout.connect(self._draw_next)

        self.loader = BackgroundLoader(self, doing="reading the figures of your charts")
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self.prefetcher = BackgroundLoader(
            self, doing="reading the figures of your charts"
        )  # reads the whole journal for later switches
        self.prefetcher.loaded.connect(self._on_prefetched)
        self._prefetch_timer = QTimer(self)
        self._prefetch_timer.setSingleShot(True)
        self._prefetch_timer.setInterval(PREFETCH_DELAY_MS)
        self._prefetch_timer.timeout.connect(self._prefetch_all)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._reload_if_needed)
        self._remember_timer = QTimer(self)
        self._remember_timer.setSingleShot(True)
        self._remember_timer.setInterval(REMEMBER_DELAY_MS)
        self._remember_timer.timeout.connect(self._remember_range)
        for signal in (
            bridge.runs_changed,
            bridge.check_ins_changed,
            bridge.settings_changed,
            bridge.journal_replaced,
        ):
            signal.connect(self.mark_stale)
        self._restyle()

    # Public -------------------------------------------------------------------------------
    def chart_range(self) -> ChartRange:
        return self._range

    def set_range(self, chart_range: ChartRange) -> None:
        """Shows another range of weeks and remembers it for next time."""
        chart_range = ChartRange(chart_range)
        self.range_buttons[chart_range].setChecked(True)
        if chart_range is self._range and not self._stale:
            return
        self._range = chart_range
        self._remember_timer.start()
        self._stale = True
        if self.isVisible():
            self.refresh()

    def build_panels_while_idle(self) -> None:
        """Builds the panels not built yet, one per turn of the event loop, shown or not."""
        if self._unbuilt:
            self._build_timer.start()

    def ensure_panels(self) -> dict[str, ChartPanel]:
        """Builds every panel now (they are otherwise added a turn of the event loop apart)."""
        while self._unbuilt:
            self._build_next_panel()
        return self.panels

    @property
    def is_stale(self) -> bool:
        return self._stale

    @property
    def is_loading(self) -> bool:
        return self.loader.is_loading

    def refresh(self) -> None:
        """Shows the figures of the range: from those already read, or read in the background.

        An older read's answer is dropped.
        """
        self._reload_timer.stop()
        self._stale = False
        today = date.today()
        if today != self._cache_day:
            self._forget()
            self._cache_day = today
        cached = self.cached(self._range)
        if cached is not None and self._counts is not None:
            self.loader.cancel()
            self._waiting_for_all = False
            self._draw(cached)
            return
        if self.data is None:
            self.status_label.setText(LOADING_TEXT)
            self.status_label.show()
        if self._range is ChartRange.ALL and self.prefetcher.is_loading:
            self.loader.cancel()  # the whole journal is being read already: wait for it
            self._waiting_for_all = True
            return
        self._waiting_for_all = False
        journal, chart_range, generation = self._bridge.journal, self._range, self._generation
        # The whole journal is first read as it is drawn; every day and session of it (to cut
        # shorter ranges from) is read once it is on screen.
        overview = chart_range is ChartRange.ALL
        self.loader.start(lambda: _read(journal, chart_range, today, generation, overview=overview))

    def cached(self, chart_range: ChartRange) -> ChartData | None:
        """The figures of a range read since the journal last changed, if any."""
        data = self._cache.get(chart_range)
        whole = self._cache.get(ChartRange.ALL)
        if data is None and whole is not None:
            first = chart_range.first_day(self._cache_day, None, whole.settings.week_start)
            data = narrowed(whole, first)
            if data is not None:
                self._cache[chart_range] = data
        return data

    def mark_stale(self) -> None:
        """The journal changed: read again soon if on screen, otherwise when next shown."""
        self._stale = True
        self._forget()
        if self.isVisible():
            self._reload_timer.start()

    # Qt -----------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        page = self.scroll_area.widget()
        if self.data is None and page is not None and not page.updatesEnabled():
            self._first_paint_timer.start()
        if self._unbuilt:
            self._build_timer.start()
        if self._stale:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self._remember_timer.isActive():
            self._remember_timer.stop()
            self._remember_range()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._restyle()

    # Private ------------------------------------------------------------------------------
    def _remember_range(self) -> None:
        QSettings().setValue(RANGE_KEY, int(self._range))

    def _reload_if_needed(self) -> None:
        if self._stale and self.isVisible():
            self.refresh()

    def _build_next_panel(self) -> ChartPanel:
        chart = self._unbuilt.pop(0)()
        if isinstance(chart, DailyChart):  # it marks the days with a tag the person chooses
            chart.tag_days_source = lambda tag: self._bridge.journal.days_with_tag(tag)
        panel = ChartPanel(chart)
        panel.restyle(colours_from(self.palette()))
        self._column.insertWidget(self._column.count() - 1, panel)  # above the closing stretch
        self.panels[chart.key] = panel
        return panel

    def _build_one_later(self) -> None:
        if self._unbuilt and not self._draw_timer.isActive():
            self._build_next_panel()
        if self._unbuilt:
            self._build_timer.start()

    def _restyle(self) -> None:
        colours = colours_from(self.palette())
        for panel in self.panels.values():
            panel.restyle(colours)

    def _forget(self) -> None:
        self._generation += 1
        self._cache.clear()
        self._counts = None
        self._prefetch_timer.stop()
        self.prefetcher.cancel()
        if self._waiting_for_all:
            self._waiting_for_all = False
            self._reload_timer.start()

    def _on_loaded(self, result: _ReadResult) -> None:
        generation, chart_range, today, data, runs, check_ins = result
        if generation == self._generation and today == self._cache_day:
            self._cache[chart_range] = data
            self._counts = (runs, check_ins)
        self._counts_shown = (runs, check_ins)
        self._draw(data)

    def _on_prefetched(self, result: _ReadResult) -> None:
        generation, _range, today, data, runs, check_ins = result
        if generation != self._generation or today != self._cache_day:
            return
        self._cache[ChartRange.ALL] = data
        self._counts = (runs, check_ins)
        if self._waiting_for_all:
            self._waiting_for_all = False
            if self._range is ChartRange.ALL:
                self._draw(data)

    def _draw(self, data: ChartData) -> None:
        """Starts putting `data` on the panels, the top one now and the others in later turns."""
        self.data = data
        self._drawing = data
        self.status_label.hide()
        # The page paints once, when every panel has the new figures: painting it after each
        # step cost more than the steps themselves, and a half-switched page mixes ranges.
        self._hold_paint(True)
        self._draw_queue = [chart.key for chart in CHARTS]
        self._steps = None
        self._draw_timer.stop()
        self._draw_next()

    def _draw_next(self) -> None:
        """One step of drawing: builds a panel, or draws one piece of one panel."""
        data = self._drawing
        if data is None:
            return
        if self._steps is None and self._draw_queue:
            key = self._draw_queue[0]
            if key not in self.panels:
                self._build_next_panel()  # this turn builds it; the next one draws on it
                self._draw_timer.start()
                return
            self._draw_queue.pop(0)
            runs, check_ins = self._counts or self._counts_shown
            earlier = "" if self._range is ChartRange.ALL else f"Nothing here in the last {self._range.label}"
            has_older = runs if key in _RUN_CHARTS else check_ins
            hint = f"{earlier} — choose “All weeks” to see earlier entries." if earlier and has_older else ""
            self._steps = self.panels[key].show_steps(data, hint)
        if self._steps is not None:
            try:
                next(self._steps)
            except StopIteration:
                self._steps = None
        if self._steps is not None or self._draw_queue:
            self._draw_timer.start()
            return
        self._drawing = None
        self._hold_paint(False)
        # The plots, their figures and the ranges read stay while the charts are open: kept
        # out of the garbage collector's full sweeps (as start-up's objects and the run log
        # are), those sweeps stay short instead of holding every thread for tens of ms.
        gc.freeze()
        self.chartsShown.emit(data)
        # After the page has painted and the window has been idle a moment: a read running
        # beside the paint, or beside the read of a range switched to at once, slows both.
        self._prefetch_timer.start()

    def _prefetch_all(self) -> None:
        """Reads the whole journal in the background, so any range can be shown at once."""
        whole = self._cache.get(ChartRange.ALL)
        if (
            (whole is not None and whole.overview is None)
            or self.prefetcher.is_loading
            or not self.isVisible()
        ):
            return
        if self._range is ChartRange.ALL and self.loader.is_loading:
            return  # the whole journal is being read to be drawn: read the rest once it is
        journal, today, generation = self._bridge.journal, self._cache_day, self._generation
        self.prefetcher.start(lambda: _read(journal, ChartRange.ALL, today, generation))

    def _show_waiting(self) -> None:
        if self._drawing is None:
            self._hold_paint(False)

    def _hold_paint(self, hold: bool) -> None:
        """Keeps the page as it is on screen (still responding) while new figures go in.

        The page's column is laid out once at the end too, rather than after every panel
        that is added or changes from its message to its plot.
        """
        page = self.scroll_area.widget()
        if page is None or page.updatesEnabled() != hold:
            return
        self._column.setEnabled(not hold)
        if not hold:
            self._column.activate()
        page.setUpdatesEnabled(not hold)

    def _on_failed(self, message: str) -> None:
        self._draw_timer.stop()
        self._draw_queue = []
        self._drawing = None
        self._hold_paint(False)
        self.ensure_panels()
        text = f"Your charts could not be drawn: {message}"
        self.status_label.setText(text)
        self.status_label.show()
        for panel in self.panels.values():
            panel.show_failure(text)
