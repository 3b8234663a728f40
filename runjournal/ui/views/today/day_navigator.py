"""Picking the day a check-in belongs to: previous/next, Today, or a calendar.

Check-ins are about days that have happened, so the navigator never goes past today.
The calendar marks days that already have a check-in (bold) or a run (a tinted cell), so
a person can see the gaps they might want to fill. The navigator knows nothing about the
journal: it announces the days its calendar shows (`daysShown`) and whoever owns it
answers with `set_marked_days`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

from runjournal.ui.dates import long_day
from runjournal.ui.views.today.day_marks import RUN_DAY_COLOUR, to_qdate

if TYPE_CHECKING:
    from runjournal.ui.views.today.calendar_popup import CalendarPopup, MoodCalendar

__all__ = ["RUN_DAY_COLOUR", "DayNavigator", "long_date", "to_qdate"]


def long_date(day: date) -> str:
    """The date in full, through the window's one date formatter ("Saturday 21 November 2026")."""
    return long_day(day)


class DayNavigator(QWidget):
    """Previous day, the date (opens a calendar), next day and Today.

    `dayChanged(date)` is emitted whenever the day changes, by the person or by `setDay`.
    `daysShown(first, last)` is emitted when the calendar opens or turns to another month,
    covering every day its grid can show; answer it with `set_marked_days`.
    """

    dayChanged = Signal(object)
    daysShown = Signal(object, object)

    def __init__(self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._today = today
        self._day = today()
        self._check_in_days: set[date] = set()
        self._run_days: set[date] = set()
        self._moods: dict[date, int] = {}

        self.previous_action = self._action(
            "Previous day", QKeySequence.StandardKey.Back, lambda: self._step(-1)
        )
        self.next_action = self._action("Next day", QKeySequence.StandardKey.Forward, lambda: self._step(1))
        self.today_action = QAction("Today", self)
        self.today_action.setToolTip("Go to today")
        self.today_action.triggered.connect(lambda: self.setDay(self._today()))

        self.previous_button = self._button(self.previous_action, Qt.ArrowType.LeftArrow)
        self.next_button = self._button(self.next_action, Qt.ArrowType.RightArrow)
        self.today_button = QToolButton()
        self.today_button.setDefaultAction(self.today_action)
        self.today_button.setAccessibleName("Go to today")

        self.date_button = QToolButton()
        self.date_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.date_button.setToolTip("Pick a day on a calendar")
        self.date_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        date_font = QFont(self.date_button.font())
        date_font.setBold(True)
        self.date_button.setFont(date_font)
        # As wide as a long date, so the next-day button does not jump as the text changes.
        longest = long_date(date(2026, 9, 30))  # a Wednesday in September
        self.date_button.setMinimumWidth(self.date_button.fontMetrics().horizontalAdvance(longest) + 24)
        self.date_button.clicked.connect(self.open_calendar)

        # The calendar popup is built when first opened: nothing of it is on screen before.
        self._popup: CalendarPopup | None = None
        self._first_weekday = Qt.DayOfWeek.Monday

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.previous_button)
        row.addWidget(self.date_button)
        row.addWidget(self.next_button)
        row.addSpacing(8)
        row.addWidget(self.today_button)
        row.addStretch(1)

        # The app may stay open past midnight: tomorrow then becomes a day one may pick.
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self._new_day)
        self._arm_midnight_timer()
        self._show()

    def _action(self, text: str, keys: QKeySequence.StandardKey, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({shortcut})" if shortcut else text)
        action.triggered.connect(slot)
        self.addAction(action)  # the shortcut works wherever focus is in the window
        return action

    def _button(self, action: QAction, arrow: Qt.ArrowType) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setArrowType(arrow)
        button.setAccessibleName(action.text())
        return button

    # The day ---------------------------------------------------------------------------

    def day(self) -> date:
        return self._day

    def setDay(self, day: date) -> None:
        """Shows `day`; a day after today is taken as today (check-ins are for past days)."""
        day = min(day, self._today())
        if day == self._day:
            self._show()
            return
        self._day = day
        self._show()
        self.dayChanged.emit(day)

    @property
    def popup(self) -> CalendarPopup:
        """The calendar popup, built on first use with the day limit, week start and marks."""
        if self._popup is None:
            from runjournal.ui.views.today.calendar_popup import CalendarPopup

            self._popup = CalendarPopup(self)
            calendar = self._popup.calendar
            calendar.setFirstDayOfWeek(self._first_weekday)
            calendar.setMaximumDate(to_qdate(self._today()))
            calendar.clicked.connect(self._pick)
            calendar.activated.connect(self._pick)
            calendar.currentPageChanged.connect(lambda _year, _month: self._announce_shown_days())
            self._apply_marks()
        return self._popup

    @property
    def calendar(self) -> MoodCalendar:
        return self.popup.calendar

    def calendar_is_open(self) -> bool:
        """True while the calendar popup is on screen (without building it)."""
        return self._popup is not None and self._popup.isVisible()

    def _step(self, days: int) -> None:
        target = self._day + timedelta(days=days)
        if target <= self._today():
            self.setDay(target)

    def _pick(self, picked: QDate) -> None:
        self.popup.close()
        self.setDay(date(picked.year(), picked.month(), picked.day()))

    def _show(self) -> None:
        today = self._today()
        self.date_button.setText(long_date(self._day))
        self.date_button.setAccessibleName(f"Day: {long_date(self._day)}. Opens a calendar.")
        self.next_action.setEnabled(self._day < today)
        self.today_action.setEnabled(self._day != today)
        if self._popup is not None:
            self._popup.calendar.setMaximumDate(to_qdate(today))

    def _new_day(self) -> None:
        self._show()
        self._arm_midnight_timer()

    def _arm_midnight_timer(self) -> None:
        now = datetime.now()
        midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
        self._midnight.start(int((midnight - now).total_seconds() * 1000) + 1000)

    # The calendar ----------------------------------------------------------------------

    def set_first_weekday(self, weekday: int) -> None:
        """Starts calendar weeks on `weekday` (Monday = 0, as the journal's settings say)."""
        self._first_weekday = Qt.DayOfWeek(weekday + 1)
        if self._popup is not None:
            self._popup.calendar.setFirstDayOfWeek(self._first_weekday)

    def open_calendar(self) -> None:
        """Shows the calendar under the date, on the current day's month."""
        self.calendar.setSelectedDate(to_qdate(self._day))
        self.calendar.setCurrentPage(self._day.year, self._day.month)
        self._announce_shown_days()
        self.popup.adjustSize()
        below = self.date_button.mapToGlobal(QPoint(0, self.date_button.height()))
        size = self.popup.sizeHint()
        x = below.x() + (self.date_button.width() - size.width()) // 2
        y = below.y()
        screen = QGuiApplication.screenAt(below) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            x = max(area.left(), min(x, area.right() - size.width()))
            if y + size.height() > area.bottom():
                y = self.date_button.mapToGlobal(QPoint(0, 0)).y() - size.height()
        self.popup.move(x, y)
        self.popup.show()
        self.calendar.setFocus()

    def shown_days(self) -> tuple[date, date]:
        """The first and last day the calendar's current page can show, with a margin."""
        first = date(self.calendar.yearShown(), self.calendar.monthShown(), 1)
        next_month = (first + timedelta(days=32)).replace(day=1)
        return first - timedelta(days=14), next_month + timedelta(days=13)

    def _announce_shown_days(self) -> None:
        first, last = self.shown_days()
        self.daysShown.emit(first, last)

    def set_marked_days(
        self, check_in_days: Iterable[date], run_days: Iterable[date], moods: Mapping[date, int] | None = None
    ) -> None:
        """Marks days with a check-in (bold), a run (tinted) and a mood (a dot), replacing old marks."""
        self._check_in_days, self._run_days = set(check_in_days), set(run_days)
        self._moods = dict(moods or {})
        if self._popup is not None:
            self._apply_marks()

    def _apply_marks(self) -> None:
        if self._popup is not None:
            self._popup.set_marks(self._check_in_days, self._run_days, self._moods)

    def marked_days(self) -> tuple[set[date], set[date]]:
        return set(self._check_in_days), set(self._run_days)
