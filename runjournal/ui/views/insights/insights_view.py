"""The Insights view: each comparison from the person's own entries, with its likely range drawn.

Working the insights out is noticeable on a long journal (bootstrap intervals), so
it runs on a worker thread and never on the UI thread. It runs only while the view is on
screen and only when the entries changed since the last result, and a result from an older
computation is dropped when a newer one has started. The worker calls the journal's own
service method; the journal's engine gives each thread its own database connection, so no
connection crosses threads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QHideEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from runjournal.insights.model import Insight, Kind
from runjournal.ui.background import BackgroundLoader
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.scrolling import fill_with_scroll_area
from runjournal.ui.views.insights.insight_card import InsightCard, plural

WORKING_TEXT = "Working out your insights…"
PAUSED_TEXT = (
    "Insights are paused while your entries have been lower than usual. The coach panel has "
    "some ideas, and talking to a GP or mental-health professional can help."
)
NOT_ENOUGH_TEXT = (
    "Not enough entries yet to compare. Insights appear once there are at least 14 days with a "
    "run and 14 without, with a mood check-in, over 4 weeks or more."
)
SECTION_TITLES = {
    Kind.RUN_DAYS: "Days you ran and other days",
    Kind.BEFORE_AFTER: "Before and after a session",
    Kind.TAG_DAYS: "Days with a tag and other days",
}
RECOMPUTE_DELAY_MS = 300  # a burst of writes (an import, an undo of many) recomputes once
DAY_CHECK_MS = 60_000  # while on screen, a new day is noticed within a minute


def how_to_read_text(family_size: int) -> str:
    """The page's explanation of the likely range, for someone who never met a confidence interval."""
    return (
        "How to read these: each card compares your own entries. Entries go up and down from day "
        "to day, so any difference could partly be chance. The likely range shows where the real "
        "difference probably lies once chance is allowed for. This page shows "
        f"{plural(family_size, 'comparison', 'comparisons')} at once, and the more you look at, "
        "the more likely one looks striking by luck alone — so the ranges are widened to allow "
        "for all of them together."
    )


class InsightsView(QWidget):
    """A scrollable list of the person's insights, computed in the background.

    Change notices only mark the insights stale; they are worked out again when the view
    is shown, or after a short pause when it is already on screen.
    """

    insightsShown = Signal(object)  # the list of Insight shown, or None while paused

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._stale = True
        # MOOD-LOW reads the last 14 days, so a new day can pause insights or end the pause
        # with no new entry: the view remembers which day it worked out and checks the date.
        self.today: Callable[[], date] = date.today
        self.computed_for: date | None = None
        self.loader = BackgroundLoader(self, doing="working out your insights")
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self._insights: list[Insight] | None = []
        self.cards: list[InsightCard] = []
        self._section_labels: list[QLabel] = []
        self.setAccessibleName("Insights")

        self.heading = QLabel("Insights")
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        self.heading.setFont(heading_font)

        self.status_label = QLabel(WORKING_TEXT)
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_label.setAccessibleName("Insights status")

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message_label.setAccessibleName("Insights message")
        self.message_label.hide()

        self._cards_box = QWidget()
        self._cards_layout = QVBoxLayout(self._cards_box)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.setSpacing(10)
        self._cards_box.hide()

        self.how_to_read_label = QLabel()
        self.how_to_read_label.setWordWrap(True)
        self.how_to_read_label.setTextFormat(Qt.TextFormat.PlainText)
        self.how_to_read_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.how_to_read_label.setAccessibleName("How to read these insights")
        self.how_to_read_label.hide()

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(10)
        column.addWidget(self.heading)
        column.addWidget(self.status_label)
        column.addWidget(self.message_label)
        column.addWidget(self.how_to_read_label)
        column.addWidget(self._cards_box)
        column.addStretch(1)

        self.scroll_area = fill_with_scroll_area(self, content)

        self._recompute_timer = QTimer(self)
        self._recompute_timer.setSingleShot(True)
        self._recompute_timer.setInterval(RECOMPUTE_DELAY_MS)
        self._recompute_timer.timeout.connect(self._recompute_if_needed)
        for signal in (bridge.runs_changed, bridge.check_ins_changed, bridge.journal_replaced):
            signal.connect(self.mark_stale)
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(DAY_CHECK_MS)
        self._day_timer.timeout.connect(self.check_the_day)

    @property
    def insights(self) -> list[Insight] | None:
        """The insights shown now; None while paused."""
        return None if self._insights is None else list(self._insights)

    @property
    def is_stale(self) -> bool:
        """True when the entries changed after the last computation started."""
        return self._stale

    @property
    def is_computing(self) -> bool:
        return self.loader.is_loading

    def refresh(self) -> None:
        """Starts working the insights out again; an older computation's result is dropped."""
        self._recompute_timer.stop()
        self._stale = False
        self.status_label.setText(WORKING_TEXT)
        self.status_label.show()
        journal, today = self._bridge.journal, self.today()
        self.computed_for = today
        self.loader.start(lambda: journal.insights(today))  # through the journal's own service

    def mark_stale(self) -> None:
        """The entries changed: recompute soon if on screen, otherwise when next shown."""
        self._stale = True
        if self.isVisible():
            self._recompute_timer.start()

    def check_the_day(self) -> None:
        """Works the insights out again when the day changed since they last were."""
        if self.computed_for is not None and self.computed_for != self.today():
            self.mark_stale()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._day_timer.start()
        if self.computed_for is not None and self.computed_for != self.today():
            self._stale = True
        if self._stale:
            self._recompute_timer.stop()
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self._day_timer.stop()
        super().hideEvent(event)

    def _recompute_if_needed(self) -> None:
        if self._stale and self.isVisible():
            self.refresh()

    def _on_loaded(self, result: object) -> None:
        self.status_label.hide()
        self._show(result)  # type: ignore[arg-type]
        self.insightsShown.emit(self.insights)

    def _on_failed(self, message: str) -> None:
        self.status_label.setText(f"Your insights could not be worked out: {message}")
        self.status_label.show()

    def _show(self, insights: list[Insight] | None) -> None:
        self._insights = None if insights is None else list(insights)
        for widget in (*self.cards, *self._section_labels):
            widget.hide()
            widget.deleteLater()
        self.cards = []
        self._section_labels = []
        if insights is None:
            self.message_label.setText(PAUSED_TEXT)
        elif not insights:
            self.message_label.setText(NOT_ENOUGH_TEXT)
        else:
            self.how_to_read_label.setText(how_to_read_text(len(insights)))
            for insight in insights:
                if not self.cards or self.cards[-1].insight.kind is not insight.kind:
                    self._add_section(SECTION_TITLES[insight.kind])
                card = InsightCard(insight, self._cards_box)
                self._cards_layout.addWidget(card)
                self.cards.append(card)
        self.message_label.setVisible(not self.cards)
        self._cards_box.setVisible(bool(self.cards))
        self.how_to_read_label.setVisible(bool(self.cards))

    def _add_section(self, title: str) -> None:
        label = QLabel(title)
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
        label.setAccessibleName(title)
        self._cards_layout.addWidget(label)
        self._section_labels.append(label)

    def card(self, key: str) -> InsightCard | None:
        """The card showing the insight with this key, if it is shown."""
        return next((c for c in self.cards if c.insight.key == key), None)
