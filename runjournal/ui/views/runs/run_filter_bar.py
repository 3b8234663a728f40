"""The run log's filter bar: which activity, and which period (a preset or two dates).

It knows nothing of runs: the run log tells it the span of days its runs cover (for "All
time") and the person's first weekday, and listens to `changed` to filter its table.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from runjournal.domain.model import Activity
from runjournal.domain.weeks import week_start
from runjournal.ui.views.runs.qt_dates import to_date, to_qdate
from runjournal.ui.views.runs.run_table_model import date_edit_format

# Period choices: (key, label). Presets are recomputed on every refresh, so "Last 4 weeks"
# still means the last four weeks when the window stays open past midnight.
PERIOD_4_WEEKS = "4w"
PERIOD_12_WEEKS = "12w"
PERIOD_THIS_YEAR = "year"
PERIOD_ALL = "all"
PERIOD_CUSTOM = "custom"
PERIODS = (
    (PERIOD_4_WEEKS, "Last 4 weeks"),
    (PERIOD_12_WEEKS, "Last 12 weeks"),
    (PERIOD_THIS_YEAR, "This year"),
    (PERIOD_ALL, "All time"),
    (PERIOD_CUSTOM, "Custom"),
)


def preset_days(
    key: str, today: date, first_weekday: int, span: tuple[date, date] | None
) -> tuple[date, date]:
    """The days a preset period covers; "All time" covers `span` (the runs' first and last
    day) and today."""
    if key == PERIOD_4_WEEKS:
        return week_start(today, first_weekday) - timedelta(weeks=3), today
    if key == PERIOD_12_WEEKS:
        return week_start(today, first_weekday) - timedelta(weeks=11), today
    if key == PERIOD_THIS_YEAR:
        return date(today.year, 1, 1), today
    if span is None:
        return today, today
    return min(span[0], today), max(span[1], today)


class RunFilterBar(QWidget):
    """Activity and period choosers; `changed` after every choice a person makes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first_weekday = 0
        self._span: tuple[date, date] | None = None

        self.activity_combo = QComboBox()
        self.activity_combo.addItem("All activities", None)
        for activity in Activity:
            self.activity_combo.addItem(activity.label, activity.value)
        self.activity_combo.setAccessibleName("Activity filter")
        self.activity_combo.setToolTip("Show only one kind of session")
        self.activity_combo.currentIndexChanged.connect(lambda _index: self.changed.emit())

        self.tag_combo = QComboBox()
        self.tag_combo.addItem("Any day", None)
        self.tag_combo.setAccessibleName("Days with a tag")
        self.tag_combo.setToolTip("Show only the sessions of days whose check-in has this tag")
        self.tag_combo.currentIndexChanged.connect(lambda _index: self.changed.emit())

        self.period_combo = QComboBox()
        for key, label in PERIODS:
            self.period_combo.addItem(label, key)
        self.period_combo.setAccessibleName("Period")
        self.period_combo.setToolTip("Which weeks to show; pick Custom to choose the days yourself")
        self.period_combo.currentIndexChanged.connect(self._period_chosen)

        display_format = date_edit_format(QLocale())
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for edit, name, tip in (
            (self.from_edit, "From date", "First day shown (included)"),
            (self.to_edit, "To date", "Last day shown (included)"),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(display_format)
            edit.setAccessibleName(name)
            edit.setToolTip(tip)
        self.from_edit.dateChanged.connect(self._from_edited)
        self.to_edit.dateChanged.connect(self._to_edited)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        show_label = QLabel("&Show:")
        show_label.setBuddy(self.activity_combo)
        period_label = QLabel("&Period:")
        period_label.setBuddy(self.period_combo)
        from_label = QLabel("&From")
        from_label.setBuddy(self.from_edit)
        to_label = QLabel("&To")
        to_label.setBuddy(self.to_edit)
        widget: QWidget
        tag_label = QLabel("&On:")
        tag_label.setBuddy(self.tag_combo)
        for widget in (show_label, self.activity_combo, tag_label, self.tag_combo):
            layout.addWidget(widget)
        layout.addSpacing(12)
        for widget in (period_label, self.period_combo, from_label, self.from_edit, to_label, self.to_edit):
            layout.addWidget(widget)
        layout.addStretch(1)

        self.period_combo.blockSignals(True)
        self.period_combo.setCurrentIndex(self.period_combo.findData(PERIOD_12_WEEKS))
        self.period_combo.blockSignals(False)

    # What the run log reads --------------------------------------------------------------

    def activity(self) -> Activity | None:
        value = self.activity_combo.currentData()
        return Activity(value) if value else None

    def tag(self) -> str | None:
        """The tag whose days are shown, or None for any day."""
        value = self.tag_combo.currentData()
        return str(value) if value else None

    def period_choice(self) -> str:
        return str(self.period_combo.currentData())

    def period(self) -> tuple[date | None, date | None]:
        """The days to show, both included; (None, None) for all time."""
        if self.period_choice() == PERIOD_ALL:
            return None, None
        return to_date(self.from_edit.date()), to_date(self.to_edit.date())

    def is_narrowed(self) -> bool:
        """True when the bar hides some runs (an activity or a period other than all time)."""
        return self.activity() is not None or self.tag() is not None or self.period_choice() != PERIOD_ALL

    # What the run log sets ---------------------------------------------------------------

    def set_context(self, first_weekday: int, span: tuple[date, date] | None) -> None:
        """The person's week start and the days the runs cover; presets are worked out anew."""
        self._first_weekday, self._span = first_weekday, span
        self._fill_dates()

    def set_tags(self, tags: tuple[str, ...]) -> None:
        """The person's tags to choose from; the chosen one stays chosen while it is listed."""
        chosen = self.tag()
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem("Any day", None)
        for tag in tags:
            self.tag_combo.addItem(f"Days with “{tag}”", tag)
        self.tag_combo.setCurrentIndex(max(0, self.tag_combo.findData(chosen)) if chosen else 0)
        self.tag_combo.blockSignals(False)

    def set_period_choice(self, key: str) -> None:
        index = self.period_combo.findData(key)
        if index == self.period_combo.currentIndex():
            self._period_chosen(index)
        else:
            self.period_combo.setCurrentIndex(index)

    # Private -----------------------------------------------------------------------------

    def _fill_dates(self) -> None:
        """Sets the date edits from the period combo (Custom keeps the edits)."""
        key = self.period_choice()
        if key == PERIOD_CUSTOM:
            return
        first, last = preset_days(key, date.today(), self._first_weekday, self._span)
        for edit, day in ((self.from_edit, first), (self.to_edit, last)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)

    def _period_chosen(self, _index: int) -> None:
        self._fill_dates()
        self.changed.emit()

    def _from_edited(self, value: QDate) -> None:
        if value > self.to_edit.date():
            self.to_edit.blockSignals(True)
            self.to_edit.setDate(value)
            self.to_edit.blockSignals(False)
        self._dates_edited()

    def _to_edited(self, value: QDate) -> None:
        if value < self.from_edit.date():
            self.from_edit.blockSignals(True)
            self.from_edit.setDate(value)
            self.from_edit.blockSignals(False)
        self._dates_edited()

    def _dates_edited(self) -> None:
        self.period_combo.blockSignals(True)
        self.period_combo.setCurrentIndex(self.period_combo.findData(PERIOD_CUSTOM))
        self.period_combo.blockSignals(False)
        self.changed.emit()
