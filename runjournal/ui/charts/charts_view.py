"""The Charts view: five charts of running and mood over a chosen range of weeks.

The figures are read on a worker thread (a long journal takes a noticeable fraction of a
second) and only while the view is on screen; a change to the journal marks the charts
stale, and they are read again when shown, or after a short pause when already on screen.
Importing this module imports pyqtgraph, so the main window reaches it through ChartsTab.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from runjournal.figures.charts import ChartData, ChartRange
from runjournal.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.charts.chart_panel import ChartPanel
from runjournal.ui.charts.daily_chart import DailyChart
from runjournal.ui.charts.easy_share_chart import EasyShareChart
from runjournal.ui.charts.loader import BackgroundLoader
from runjournal.ui.charts.minutes_chart import MinutesChart
from runjournal.ui.charts.mood_change_chart import MoodChangeChart
from runjournal.ui.charts.palette import colours_from
from runjournal.ui.charts.sessions_chart import SessionsChart
from runjournal.ui.scrolling import fill_with_scroll_area

RANGE_KEY = "charts/range"
DEFAULT_RANGE = ChartRange.WEEKS_12
RELOAD_DELAY_MS = 200  # a burst of writes (an import, an undo of many) reloads once
LOADING_TEXT = "Drawing your charts…"
RANGES = (ChartRange.WEEKS_4, ChartRange.WEEKS_12, ChartRange.WEEKS_26, ChartRange.WEEKS_52, ChartRange.ALL)
_RUN_CHARTS = ("minutes", "sessions", "easy_share", "mood_change")


def stored_range() -> ChartRange:
    """The range chosen last time, or 12 weeks."""
    value = QSettings().value(RANGE_KEY, int(DEFAULT_RANGE))
    try:
        return ChartRange(int(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_RANGE


def _embolden(button: QPushButton, on: bool) -> None:
    """The chosen range reads in bold, so it stands out in any style, not just by shade."""
    font = QFont(button.font())
    font.setBold(on)
    button.setFont(font)


def _read(journal: Journal, chart_range: ChartRange, today: date) -> tuple[ChartData, int, int]:
    """What the worker thread reads: the figures, and whether older entries exist at all."""
    data = journal.chart_data(chart_range, today)
    counts = journal.counts()
    return data, counts.runs, counts.check_ins


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

        charts = (MinutesChart(), SessionsChart(), DailyChart(), MoodChangeChart(), EasyShareChart())
        self.panels: dict[str, ChartPanel] = {chart.key: ChartPanel(chart) for chart in charts}

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(14)
        column.addLayout(top)
        column.addWidget(self.status_label)
        for panel in self.panels.values():
            column.addWidget(panel)
        column.addStretch(1)
        self.scroll_area = fill_with_scroll_area(self, content)

        self.loader = BackgroundLoader(self)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._reload_if_needed)
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
        QSettings().setValue(RANGE_KEY, int(chart_range))
        self._stale = True
        if self.isVisible():
            self.refresh()

    @property
    def is_stale(self) -> bool:
        return self._stale

    @property
    def is_loading(self) -> bool:
        return self.loader.is_loading

    def refresh(self) -> None:
        """Reads the figures again in the background; an older read's answer is dropped."""
        self._reload_timer.stop()
        self._stale = False
        if self.data is None:
            self.status_label.setText(LOADING_TEXT)
            self.status_label.show()
        journal, chart_range, today = self._bridge.journal, self._range, date.today()
        self.loader.start(lambda: _read(journal, chart_range, today))

    def mark_stale(self) -> None:
        """The journal changed: read again soon if on screen, otherwise when next shown."""
        self._stale = True
        if self.isVisible():
            self._reload_timer.start()

    # Qt -----------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._restyle()

    # Private ------------------------------------------------------------------------------
    def _reload_if_needed(self) -> None:
        if self._stale and self.isVisible():
            self.refresh()

    def _restyle(self) -> None:
        colours = colours_from(self.palette())
        for panel in self.panels.values():
            panel.restyle(colours)

    def _on_loaded(self, result: object) -> None:
        data, runs, check_ins = result  # type: ignore[misc]
        self.data = data
        self.status_label.hide()
        earlier = "" if self._range is ChartRange.ALL else f"Nothing here in the last {self._range.label}"
        for key, panel in self.panels.items():
            has_older = runs if key in _RUN_CHARTS else check_ins
            hint = f"{earlier} — choose “All weeks” to see earlier entries." if earlier and has_older else ""
            panel.show_data(data, hint)
        self.chartsShown.emit(data)

    def _on_failed(self, message: str) -> None:
        text = f"Your charts could not be drawn: {message}"
        self.status_label.setText(text)
        self.status_label.show()
        for panel in self.panels.values():
            panel.show_failure(text)
