"""The daily check-in: a few sliders and boxes about one day, saved as the person goes.

There is no Save button. Each change restarts a short timer and the form is saved when
the person pauses (or switches day, or the window closes and calls `flush()`), as one
undoable command. What the person entered is never thrown away: a failed save keeps the
form as it is, says why, and tries again with the next change; while a save is pending
the panel does not reload from the journal, so an outside change cannot overwrite typing.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import shiboken6
from PySide6.QtCore import QLocale, QSize, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QPalette, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from runjournal.domain.model import CheckIn
from runjournal.service.journal import JournalError
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.commands import SaveCheckInCommand
from runjournal.ui.dates import long_day
from runjournal.ui.views.today.day_navigator import DayNavigator
from runjournal.ui.views.today.scale_slider import ScaleSlider
from runjournal.ui.views.today.sleep_fields import SleepFields
from runjournal.ui.views.today.tag_chips import TagChips
from runjournal.ui.widgets.sample_banner import is_sample_journal

AUTOSAVE_MS = 800
SCALE_SPACING = 6
NOTE_LINES = (3, 10)  # the note box's least and greatest height, in lines

# (field, label, word at 1, word at 10)
SCALES = (
    ("mood", "Mood", "Low", "Great"),
    ("stress", "Stress", "Calm", "Very stressed"),
    ("anxiety", "Anxiety", "Calm", "Very anxious"),
    ("energy", "Energy", "Drained", "Full of energy"),
    ("sleep_quality", "Sleep quality", "Poor", "Excellent"),
)


def day_words(day: date, today: date | None = None) -> str:
    """The day in words, without the year when it is this year's."""
    today = today or date.today()
    return long_day(day, with_year=day.year != today.year)


def heading_text(day: date, today: date | None = None) -> str:
    today = today or date.today()
    words = day_words(day, today)
    if day == today:
        return f"How was today, {words}?"
    if day == today - timedelta(days=1):
        return f"How was yesterday, {words}?"
    return f"How was {words}?"


def _failure_message(day: date, error: Exception) -> str:
    if isinstance(error, JournalError):  # already plain and complete: what happened, what to do
        return f"The check-in for {day_words(day)}: {error}"
    reason = (error.strerror if isinstance(error, OSError) else None) or str(error) or type(error).__name__
    return (
        f"The check-in for {day_words(day)} was not saved: {reason}. "
        "What you entered is still here; it will be saved with your next change."
    )


class CheckInPanel(QWidget):
    """How a day felt: loads the chosen day's check-in and saves changes by itself.

    Signals: `saved(date)` after a successful save (the window shows "Saved 21:14"),
    `saveFailed(str)` with a plain message when a save did not go through, and
    `dayChanged(date)` when the panel moves to another day.
    """

    saved = Signal(object)
    saveFailed = Signal(str)
    dayChanged = Signal(object)

    def __init__(self, bridge: JournalBridge, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.undo_stack = undo_stack
        self._stored: CheckIn | None = None  # the day as the journal has it
        self._dirty = False
        self._failure: str | None = None
        self._saved_at: QTime | None = None
        self._loading = False
        self._pushing = False
        self._reverting_day = False
        self._stack_index = undo_stack.index()
        self._tag_list: tuple[str, ...] = ()

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self._save)

        self.navigator = DayNavigator()
        self._day = self.navigator.day()
        self._build()
        self._connect()
        self._apply_settings()
        self._load()

    # Building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.45)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Day being checked in")

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status.setAccessibleName("Save state")
        self.retry_button = QPushButton("Try again")
        self.retry_button.setToolTip("Try to save the check-in again now")
        self.retry_button.clicked.connect(self.flush)
        self.retry_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.retry_button)

        self.sliders: dict[str, ScaleSlider] = {
            name: ScaleSlider(label, low, high) for name, label, low, high in SCALES
        }

        feelings = QGroupBox("How you felt")
        feelings_column = QVBoxLayout(feelings)
        feelings_column.setSpacing(SCALE_SPACING)
        for name in ("mood", "stress", "anxiety", "energy"):
            feelings_column.addWidget(self.sliders[name])
        feelings_column.addStretch(1)

        # Sleep quality first: the digits typed into the four scales above carry straight on
        # into it, then into hours slept.
        sleep = QGroupBox("Last night's sleep")
        sleep_column = QVBoxLayout(sleep)
        sleep_column.setSpacing(SCALE_SPACING)
        sleep_column.addWidget(self.sliders["sleep_quality"])
        self._sleep_fields = SleepFields(sleep_column)
        self.sleep_hours = self._sleep_fields.sleep_hours
        self.clear_hours_button = self._sleep_fields.clear_hours_button
        self.bedtime_known = self._sleep_fields.bedtime_known
        self.bedtime = self._sleep_fields.bedtime
        # Kept here, over the panel: the button holds this lambda and so the panel's Python side
        # until Qt deletes the button; without it a panel holding the last reference to its undo
        # stack is freed first and ~QUndoStack emits indexChanged into it (a crash in the tests).
        self.clear_hours_button.clicked.connect(lambda: self.sleep_hours.set_hours(None))
        sleep_column.addStretch(1)

        # What shaped the day: the person's own tags as chips, one stop in the Tab order,
        # under "Ill or injured" (the room beside the feelings is otherwise empty).
        self.tags_label = QLabel("What shaped the day")
        self.tags_label.setToolTip("Your tags; change the list in Preferences")
        self.tags = TagChips()

        # Illness is about the day, not the night: it sits under the sleep box, not in it.
        self.ill = QCheckBox("Ill or injured")
        self.ill.setToolTip("Tick on days when illness or an injury is part of the picture")
        sleep_and_day = QWidget()
        sleep_and_day_column = QVBoxLayout(sleep_and_day)
        sleep_and_day_column.setContentsMargins(0, 0, 0, 0)
        sleep_and_day_column.setSpacing(8)
        sleep_and_day_column.addWidget(sleep)
        sleep_and_day_column.addWidget(self.ill)
        sleep_and_day_column.addWidget(self.tags_label)
        sleep_and_day_column.addWidget(self.tags)
        sleep_and_day_column.addStretch(1)

        # Alt+N jumps to the note from anywhere in the check-in.
        note_label = QLabel("&Note")
        self.note = QPlainTextEdit()
        note_label.setBuddy(self.note)
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Anything you'd like to remember about this day")
        self.note.setTabChangesFocus(True)
        lines = self.note.fontMetrics().lineSpacing()
        self.note.setMinimumHeight(lines * NOTE_LINES[0] + 12)
        self.note.setMaximumHeight(lines * NOTE_LINES[1] + 12)  # a big screen is not an empty page

        # No scroll area of its own: the view that holds the panel decides about scrolling
        # (the Today view puts it in one), so there are never two nested scroll bars.
        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 16)
        column.setSpacing(8)
        column.addWidget(self.navigator)
        column.addWidget(self.heading)
        column.addLayout(status_row)
        self._groups = (feelings, sleep_and_day)
        self._groups_grid = QGridLayout()
        self._groups_grid.setSpacing(16)
        self._groups_columns = 0
        column.addLayout(self._groups_grid)
        column.addWidget(note_label)
        column.addWidget(self.note, 1)
        column.addStretch(0)
        self._arrange_groups(2)

        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Tab goes as the eye does: the day, the scales top to bottom, sleep, ill, the tags
        (one stop: arrow keys move along them), the note."""
        navigator = self.navigator
        chain: list[QWidget] = [
            navigator.previous_button,
            navigator.date_button,
            navigator.next_button,
            navigator.today_button,
            *(self.sliders[name].slider for name, *_ in SCALES),
            self.sleep_hours,
            self.bedtime_known,
            self.bedtime,
            self.ill,
            *self.tags.chips,
            self.note,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def focus_first_scale(self) -> None:
        """Puts the keyboard on Mood, so the day's check-in can start with a digit."""
        self.sliders["mood"].slider.setFocus(Qt.FocusReason.OtherFocusReason)

    def _arrange_groups(self, columns: int) -> None:
        """Feelings and sleep side by side when there is room, else one above the other."""
        if columns == self._groups_columns:
            return
        self._groups_columns = columns
        feelings, sleep = self._groups
        for group in self._groups:
            self._groups_grid.removeWidget(group)
        self._groups_grid.addWidget(feelings, 0, 0)
        if columns == 2:
            self._groups_grid.addWidget(sleep, 0, 1)
        else:
            self._groups_grid.addWidget(sleep, 1, 0)
        for index in range(2):
            self._groups_grid.setColumnStretch(index, 1 if index < columns else 0)

    def minimumSizeHint(self) -> QSize:
        # As narrow as one column allows; resizeEvent stacks the groups when it is that narrow.
        hint = super().minimumSizeHint()
        margins = self._column.contentsMargins()
        widest = max(
            self.navigator.minimumSizeHint().width(),
            *(group.minimumSizeHint().width() for group in self._groups),
        )
        return QSize(widest + margins.left() + margins.right(), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        feelings, sleep = self._groups
        margins = self._column.contentsMargins()
        side_by_side = (
            feelings.minimumSizeHint().width()
            + sleep.minimumSizeHint().width()
            + self._groups_grid.spacing()
            + margins.left()
            + margins.right()
        )
        self._arrange_groups(2 if event.size().width() >= side_by_side else 1)
        super().resizeEvent(event)

    def _connect(self) -> None:
        for slider in self.sliders.values():
            slider.valueChanged.connect(self._edited)
        self._sleep_fields.connect_edited(self._edited)
        self.ill.toggled.connect(self._edited)
        self.tags.toggled.connect(self._edited)
        self.note.textChanged.connect(self._edited)

        self.navigator.dayChanged.connect(self._day_picked)
        self.navigator.daysShown.connect(self._mark_days)
        self.bridge.check_ins_changed.connect(self._journal_changed)
        self.bridge.journal_replaced.connect(self._journal_changed)
        self.bridge.journal_replaced.connect(self._apply_settings)
        self.bridge.settings_changed.connect(self._apply_settings)
        self.bridge.check_ins_changed.connect(self._refresh_marks)
        self.bridge.runs_changed.connect(self._refresh_marks)
        self.undo_stack.indexChanged.connect(self._stack_moved)

    # Public API --------------------------------------------------------------------------

    def day(self) -> date:
        return self._day

    def setDay(self, day: date) -> None:
        """Moves to `day` (after saving pending changes); a future day is taken as today."""
        self.navigator.setDay(day)

    def check_in(self) -> CheckIn:
        """What the form holds now, saved or not."""
        return CheckIn(
            day=self._day,
            mood=self.sliders["mood"].value(),
            stress=self.sliders["stress"].value(),
            anxiety=self.sliders["anxiety"].value(),
            energy=self.sliders["energy"].value(),
            sleep_quality=self.sliders["sleep_quality"].value(),
            sleep_hours=self._sleep_fields.hours(),
            bedtime=self._sleep_fields.bedtime_value(),
            ill=self.ill.isChecked(),
            note=self.note.toPlainText(),
            tags=self.tags.checked(),
        )

    def start_today(self) -> None:
        """Shows today's check-in with the keyboard on Mood: where a reminder's click lands."""
        from datetime import date as _date

        self.setDay(_date.today())
        self.sliders["mood"].slider.setFocus(Qt.FocusReason.OtherFocusReason)

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def flush(self) -> bool:
        """Saves pending changes now (the window calls this before closing).

        Returns False when the save failed; the form then still holds the values.
        """
        return self._save()

    # Saving ------------------------------------------------------------------------------

    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self.autosave_timer.start()
        self._show_status()

    def _save(self) -> bool:
        self.autosave_timer.stop()
        if not self._dirty:
            return True
        after = self.check_in()
        before = self._stored
        if after == (before or CheckIn(day=self._day)):
            self._dirty = False  # changed and changed back: nothing to store
            self._failure = None
            self._show_status()
            return True
        command = SaveCheckInCommand(self.bridge, before, after)
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False
        if command.error is not None:
            self._failure = _failure_message(self._day, command.error)
            self._show_status()
            self.saveFailed.emit(self._failure)
            return False
        self._stored = None if after.is_empty else after
        self._dirty = False
        self._failure = None
        self._saved_at = QTime.currentTime()
        self._show_status()
        self.saved.emit(self._day)
        return True

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the panel (another tab, a closing window) is a natural pause: save now.
        self._save()
        super().hideEvent(event)

    # Loading -----------------------------------------------------------------------------

    def _day_picked(self, day: date) -> None:
        if self._reverting_day:
            return
        if not self._save():
            # The old day's entries could not be stored; stay with them rather than lose them.
            self._reverting_day = True
            try:
                self.navigator.setDay(self._day)
            finally:
                self._reverting_day = False
            return
        self._day = day
        self._load()
        self.dayChanged.emit(day)

    def _journal_changed(self) -> None:
        if self._pushing or self._dirty:
            return  # our own save, or typing in progress that a reload would overwrite
        self._load()

    def _stack_moved(self, index: int) -> None:
        previous, self._stack_index = self._stack_index, index
        if self._pushing or self._dirty or index == previous or not shiboken6.isValid(self.undo_stack):
            return  # (the stack also moves while the window is being torn down)
        # After Undo or Redo of another day's check-in, show that day so the change is seen.
        command = self.undo_stack.command(index if index < previous else index - 1)
        if isinstance(command, SaveCheckInCommand) and command.after.day != self._day:
            self.setDay(command.after.day)

    def _load(self) -> None:
        stored = self.bridge.journal.check_in(self._day)
        shown = stored or CheckIn(day=self._day)
        self._loading = True
        try:
            for name, slider in self.sliders.items():
                slider.setValue(getattr(shown, name))
            self._sleep_fields.show(shown.sleep_hours, shown.bedtime)
            self.ill.setChecked(shown.ill)
            if self.note.toPlainText() != shown.note:
                self.note.setPlainText(shown.note)
            self._show_tags(shown.tags)
        finally:
            self._loading = False
        self._stored = stored
        self._dirty = False
        self._failure = None
        self._saved_at = None
        self.heading.setText(heading_text(self._day))
        self._show_status()

    def _show_status(self) -> None:
        if self._failure is not None:
            text = self._failure
        elif self._dirty:
            text = "Saving when you pause…"
        elif self._saved_at is not None:
            text = f"Saved {QLocale().toString(self._saved_at, QLocale.FormatType.ShortFormat)}"
            if is_sample_journal(self.bridge.journal.path):
                text += " in the sample journal"
        elif self._stored is not None:
            text = (
                "In the sample journal"
                if is_sample_journal(self.bridge.journal.path)
                else "Saved in your journal"
            )
        else:
            text = "Not recorded yet — every field is optional"
        self.status.setText(text)
        self.status.setForegroundRole(
            QPalette.ColorRole.WindowText if self._failure else QPalette.ColorRole.PlaceholderText
        )
        self.retry_button.setVisible(self._failure is not None)

    # Settings and calendar marks ---------------------------------------------------------

    def _apply_settings(self) -> None:
        settings = self.bridge.journal.settings()
        self.navigator.set_first_weekday(settings.week_start)
        self._tag_list = settings.tags
        self._show_tags(self.tags.checked())

    def _show_tags(self, checked: tuple[str, ...]) -> None:
        """The person's tags as chips, ticked as `checked` says; the Tab order follows them."""
        chips_before = list(self.tags.chips)
        self.tags.set_tags(self._tag_list, checked)
        has_tags = bool(self.tags.chips)
        self.tags_label.setVisible(has_tags)
        self.tags.setVisible(has_tags)
        if self.tags.chips != chips_before:
            self._set_tab_order()

    def _mark_days(self, first: date, last: date) -> None:
        journal = self.bridge.journal
        check_ins = journal.check_ins(first, last)
        self.navigator.set_marked_days(
            {check_in.day for check_in in check_ins},
            {run.day for run in journal.runs(first, last)},
            {check_in.day: check_in.mood for check_in in check_ins if check_in.mood is not None},
        )

    def _refresh_marks(self) -> None:
        if self.navigator.calendar_is_open():
            self._mark_days(*self.navigator.shown_days())


__all__ = ["AUTOSAVE_MS", "SCALES", "CheckInPanel", "day_words", "heading_text"]
