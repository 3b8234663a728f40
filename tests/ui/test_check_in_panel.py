"""The daily check-in panel, driven with keys and clicks against a real journal file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QUndoStack, QWheelEvent
from PySide6.QtWidgets import QStyle, QStyleOptionSlider

from runjournal.domain.model import CheckIn, Run
from runjournal.service.journal import Journal
from runjournal.ui.views.today.check_in_panel import CheckInPanel, day_words
from runjournal.ui.views.today.day_navigator import RUN_DAY_COLOUR, DayNavigator, long_date
from runjournal.ui.views.today.scale_slider import ScaleSlider

TODAY = date.today()
YESTERDAY = TODAY - timedelta(days=1)
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def panel(check_in_panel: Callable[[int], CheckInPanel]) -> CheckInPanel:
    return check_in_panel(900)


def key(qtbot, panel: CheckInPanel, name: str, *keys: Qt.Key) -> None:
    slider = panel.sliders[name].slider
    slider.setFocus()
    for pressed in keys:
        qtbot.keyClick(slider, pressed)


def tick(qtbot, box) -> None:
    """Clicks a check box on its box, where a person would."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def saved(journal: Journal, day: date = TODAY) -> CheckIn | None:
    return journal.check_in(day)


# Autosave ---------------------------------------------------------------------------------


def test_a_mood_moved_with_the_keyboard_is_saved_after_a_pause_and_the_rest_stays_unrecorded(
    qtbot, panel: CheckInPanel, journal: Journal
) -> None:
    assert panel.status.text().startswith("Not recorded yet")
    key(qtbot, panel, "mood", Qt.Key.Key_Right)  # from "not recorded" the handle starts at 5
    assert panel.sliders["mood"].value_label.text() == "6"
    assert panel.status.text() == "Saving when you pause…"
    assert saved(journal) is None  # not yet: it waits for the pause

    with qtbot.waitSignal(panel.saved, timeout=3000) as blocker:
        pass
    assert blocker.args == [TODAY]
    stored = saved(journal)
    assert stored is not None and stored.mood == 6
    assert (stored.stress, stored.anxiety, stored.energy, stored.sleep_quality) == (None,) * 4
    assert stored.sleep_hours is None and stored.bedtime is None and not stored.ill and stored.note == ""
    assert panel.status.text().startswith("Saved ")


def test_each_change_restarts_the_pause_and_the_last_value_is_saved(
    qtbot, panel: CheckInPanel, journal: Journal
) -> None:
    timer = panel.autosave_timer
    key(qtbot, panel, "stress", Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: 0 <= timer.remainingTime() < timer.interval() // 2, timeout=3000)
    key(qtbot, panel, "stress", Qt.Key.Key_Left)
    assert timer.remainingTime() > timer.interval() // 2  # the second key started the pause again
    assert saved(journal) is None
    qtbot.waitUntil(lambda: saved(journal) is not None, timeout=3000)
    assert saved(journal).stress == 3


def test_digits_delete_and_the_clear_button_record_and_clear_values(
    qtbot, panel: CheckInPanel, journal: Journal
) -> None:
    key(qtbot, panel, "energy", Qt.Key.Key_0)  # 0 means 10
    key(qtbot, panel, "anxiety", Qt.Key.Key_2)
    assert panel.flush()
    assert (saved(journal).energy, saved(journal).anxiety) == (10, 2)

    key(qtbot, panel, "energy", Qt.Key.Key_Delete)
    assert panel.sliders["energy"].value() is None
    assert panel.sliders["energy"].value_label.text() == "not recorded"
    qtbot.mouseClick(panel.sliders["anxiety"].clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: saved(journal) is None, timeout=3000)  # nothing left: the day is gone
    assert panel.status.text().startswith("Saved ")


def test_sleep_bedtime_ill_and_note_are_saved_as_typed(qtbot, panel: CheckInPanel, journal: Journal) -> None:
    assert panel.sleep_hours.text() == "—"
    panel.sleep_hours.setFocus()
    panel.sleep_hours.selectAll()
    qtbot.keyClicks(panel.sleep_hours, "7.5")
    tick(qtbot, panel.bedtime_known)
    assert panel.bedtime.isEnabled()
    tick(qtbot, panel.ill)
    qtbot.keyClicks(panel.note, "Slept badly; short easy jog helped.")
    assert panel.flush()
    stored = saved(journal)
    assert stored.sleep_hours == 7.5
    assert stored.bedtime == time(23, 0)
    assert stored.ill is True
    assert stored.note == "Slept badly; short easy jog helped."
    assert stored.mood is None

    # Emptying the hours box means "not recorded" again.
    panel.sleep_hours.selectAll()
    qtbot.keyClick(panel.sleep_hours, Qt.Key.Key_Delete)
    tick(qtbot, panel.bedtime_known)
    assert panel.flush()
    assert saved(journal).sleep_hours is None and saved(journal).bedtime is None


def test_stepping_hours_up_from_not_recorded_starts_at_an_ordinary_night(qtbot, panel: CheckInPanel) -> None:
    panel.sleep_hours.setFocus()
    qtbot.keyClick(panel.sleep_hours, Qt.Key.Key_Up)
    assert panel.sleep_hours.hours() == 7.0
    qtbot.keyClick(panel.sleep_hours, Qt.Key.Key_Up)
    assert panel.sleep_hours.hours() == 7.25
    qtbot.mouseClick(panel.clear_hours_button, Qt.MouseButton.LeftButton)
    assert panel.sleep_hours.hours() is None and panel.sleep_hours.text() == "—"


def test_flush_saves_at_once(qtbot, panel: CheckInPanel, journal: Journal) -> None:
    key(qtbot, panel, "mood", Qt.Key.Key_7)
    assert panel.has_unsaved_changes()
    with qtbot.waitSignal(panel.saved, timeout=100):
        assert panel.flush() is True
    assert saved(journal).mood == 7
    assert not panel.has_unsaved_changes()
    assert not panel.autosave_timer.isActive()


def test_a_change_changed_back_writes_nothing(qtbot, panel: CheckInPanel, stack: QUndoStack) -> None:
    key(qtbot, panel, "mood", Qt.Key.Key_Right, Qt.Key.Key_Delete)
    assert panel.flush()
    assert stack.count() == 0


# Days -------------------------------------------------------------------------------------


def test_switching_to_the_previous_day_and_back_keeps_each_days_values(
    qtbot, panel: CheckInPanel, journal: Journal
) -> None:
    key(qtbot, panel, "mood", Qt.Key.Key_8)
    qtbot.mouseClick(panel.navigator.previous_button, Qt.MouseButton.LeftButton)
    assert panel.day() == YESTERDAY
    assert saved(journal).mood == 8  # saved at once when leaving the day
    assert panel.sliders["mood"].value() is None
    assert panel.heading.text() == f"How was yesterday, {day_words(YESTERDAY)}?"

    key(qtbot, panel, "stress", Qt.Key.Key_3)
    qtbot.keyClick(panel.sliders["stress"].slider, Qt.Key.Key_Right, ALT)  # next day
    assert panel.day() == TODAY
    assert panel.sliders["mood"].value() == 8 and panel.sliders["stress"].value() is None
    assert panel.heading.text() == f"How was today, {day_words(TODAY)}?"

    qtbot.keyClick(panel.sliders["mood"].slider, Qt.Key.Key_Left, ALT)  # previous day
    assert panel.day() == YESTERDAY
    assert panel.sliders["stress"].value() == 3 and panel.sliders["mood"].value() is None
    assert saved(journal, YESTERDAY).stress == 3
    assert panel.status.text() == "Saved in your journal"


def test_a_check_in_written_elsewhere_shows_up_but_never_overwrites_typing(
    qtbot, panel: CheckInPanel, journal: Journal
) -> None:
    journal.save_check_in(CheckIn(day=TODAY, mood=4, sleep_hours=6.5))
    assert panel.sliders["mood"].value() == 4 and panel.sleep_hours.hours() == 6.5

    key(qtbot, panel, "energy", Qt.Key.Key_9)  # a save is now pending
    journal.save_check_in(CheckIn(day=TODAY, mood=2))
    assert panel.sliders["energy"].value() == 9 and panel.sliders["mood"].value() == 4
    assert panel.flush()
    assert saved(journal) == CheckIn(day=TODAY, mood=4, energy=9, sleep_hours=6.5)


def test_the_journal_being_replaced_reloads_the_day(qtbot, panel: CheckInPanel, tmp_path) -> None:
    with Journal.open(tmp_path / "other.sqlite") as other:
        other.save_check_in(CheckIn(day=TODAY, anxiety=7))
        panel.bridge.replace(other)
        assert panel.sliders["anxiety"].value() == 7


# Undo -------------------------------------------------------------------------------------


def test_undo_restores_the_journal_and_the_sliders(
    qtbot, panel: CheckInPanel, journal: Journal, stack: QUndoStack
) -> None:
    key(qtbot, panel, "mood", Qt.Key.Key_6)
    assert panel.flush()
    key(qtbot, panel, "mood", Qt.Key.Key_9)
    key(qtbot, panel, "stress", Qt.Key.Key_2)
    assert panel.flush()
    assert stack.count() == 2

    stack.undo()
    assert (saved(journal).mood, saved(journal).stress) == (6, None)
    assert panel.sliders["mood"].value() == 6 and panel.sliders["stress"].value() is None
    assert panel.sliders["mood"].value_label.text() == "6"

    stack.undo()
    assert saved(journal) is None
    assert panel.sliders["mood"].value() is None
    assert panel.status.text().startswith("Not recorded yet")

    stack.redo()
    assert saved(journal).mood == 6 and panel.sliders["mood"].value() == 6


def test_undo_of_another_days_check_in_shows_that_day(
    qtbot, panel: CheckInPanel, journal: Journal, stack: QUndoStack
) -> None:
    key(qtbot, panel, "mood", Qt.Key.Key_5)
    qtbot.mouseClick(panel.navigator.previous_button, Qt.MouseButton.LeftButton)
    assert panel.day() == YESTERDAY
    stack.undo()
    assert panel.day() == TODAY
    assert saved(journal) is None and panel.sliders["mood"].value() is None


# A failing save ---------------------------------------------------------------------------


def test_a_failed_save_keeps_the_values_says_why_and_succeeds_later(
    qtbot, panel: CheckInPanel, journal: Journal, stack: QUndoStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(_check_in: CheckIn) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(journal, "save_check_in", disk_full)
    key(qtbot, panel, "mood", Qt.Key.Key_7)
    qtbot.keyClicks(panel.note, "Hard day at work")
    with qtbot.waitSignal(panel.saveFailed, timeout=3000) as blocker:
        pass  # the autosave after the pause
    message = blocker.args[0]
    assert "disk full" in message and "not saved" in message
    assert panel.sliders["mood"].value() == 7
    assert panel.note.toPlainText() == "Hard day at work"
    assert panel.has_unsaved_changes()
    assert "disk full" in panel.status.text() and panel.retry_button.isVisible()
    assert stack.count() == 0

    # Leaving the day would lose what was typed, so the panel stays on it.
    with qtbot.waitSignal(panel.saveFailed, timeout=100):
        qtbot.mouseClick(panel.navigator.previous_button, Qt.MouseButton.LeftButton)
    assert panel.day() == TODAY and panel.navigator.day() == TODAY
    assert panel.note.toPlainText() == "Hard day at work"

    monkeypatch.undo()
    with qtbot.waitSignal(panel.saved, timeout=100):
        qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    assert saved(journal).mood == 7 and saved(journal).note == "Hard day at work"
    assert not panel.retry_button.isVisible()


# The calendar and the navigator -----------------------------------------------------------


def test_the_calendar_marks_days_with_check_ins_and_runs(
    qtbot, panel: CheckInPanel, journal: Journal
) -> None:
    check_in_day, run_day, both_day = TODAY - timedelta(days=3), TODAY - timedelta(days=2), YESTERDAY
    journal.save_check_in(CheckIn(day=check_in_day, mood=5))
    journal.log_run(Run(day=run_day, duration_s=1800))
    journal.save_check_in(CheckIn(day=both_day, mood=6))
    journal.log_run(Run(day=both_day, duration_s=1200))
    navigator = panel.navigator
    qtbot.mouseClick(navigator.date_button, Qt.MouseButton.LeftButton)
    assert navigator.popup.isVisible()
    calendar = navigator.calendar

    def text_format(day: date):
        return calendar.dateTextFormat(QDate(day.year, day.month, day.day))

    assert text_format(check_in_day).fontWeight() == QFont.Weight.Bold
    assert text_format(check_in_day).background().style() == Qt.BrushStyle.NoBrush
    assert text_format(run_day).background().color() == RUN_DAY_COLOUR
    assert text_format(run_day).fontWeight() != QFont.Weight.Bold
    assert text_format(both_day).fontWeight() == QFont.Weight.Bold
    assert text_format(both_day).background().color() == RUN_DAY_COLOUR
    assert text_format(TODAY).fontWeight() != QFont.Weight.Bold  # nothing recorded today

    # A check-in saved while the calendar is open shows at once.
    key(qtbot, panel, "mood", Qt.Key.Key_4)
    navigator.open_calendar()
    assert panel.flush()
    assert text_format(TODAY).fontWeight() == QFont.Weight.Bold

    # Turning to an earlier month asks the journal for that month's days.
    earlier = TODAY.replace(day=1) - timedelta(days=20)
    journal.save_check_in(CheckIn(day=earlier, stress=3))
    calendar.showPreviousMonth()
    assert text_format(earlier).fontWeight() == QFont.Weight.Bold

    # Picking a day with the keyboard moves the panel there.
    navigator.open_calendar()
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    assert not navigator.popup.isVisible()
    navigator.open_calendar()
    calendar.setSelectedDate(QDate(check_in_day.year, check_in_day.month, check_in_day.day))
    calendar.activated.emit(calendar.selectedDate())  # what Enter in the grid does
    assert panel.day() == check_in_day and panel.sliders["mood"].value() == 5
    assert not navigator.popup.isVisible()


def test_the_navigator_refuses_future_days(qtbot) -> None:
    fixed = date(2026, 3, 14)
    navigator = DayNavigator(today=lambda: fixed)
    qtbot.addWidget(navigator)
    navigator.show()
    changes: list[date] = []
    navigator.dayChanged.connect(changes.append)

    assert navigator.day() == fixed
    assert not navigator.next_action.isEnabled() and not navigator.today_action.isEnabled()
    qtbot.mouseClick(navigator.next_button, Qt.MouseButton.LeftButton)
    navigator.next_action.trigger()
    navigator.setDay(fixed + timedelta(days=3))
    assert navigator.day() == fixed and changes == []
    assert navigator.calendar.maximumDate() == QDate(2026, 3, 14)

    navigator.previous_action.trigger()
    assert navigator.day() == date(2026, 3, 13) and changes == [date(2026, 3, 13)]
    assert navigator.next_action.isEnabled() and navigator.today_action.isEnabled()
    qtbot.mouseClick(navigator.today_button, Qt.MouseButton.LeftButton)
    assert navigator.day() == fixed


def test_navigator_buttons_have_shortcuts_in_their_tooltips(qtbot) -> None:
    navigator = DayNavigator()
    qtbot.addWidget(navigator)
    assert navigator.previous_action.shortcut().toString() == "Alt+Left"
    assert navigator.next_action.shortcut().toString() == "Alt+Right"
    assert "Alt+Left" in navigator.previous_button.toolTip()
    assert navigator.date_button.text() == long_date(TODAY)


# The slider on its own --------------------------------------------------------------------


def test_a_scale_slider_is_none_until_touched_and_only_reports_the_persons_changes(qtbot) -> None:
    slider = ScaleSlider("Mood", "Low", "Great")
    qtbot.addWidget(slider)
    slider.show()
    reported: list[int | None] = []
    slider.valueChanged.connect(reported.append)

    assert slider.value() is None
    assert slider.accessibleName() == "Mood: not recorded"
    assert slider.slider.accessibleName() == "Mood: not recorded"
    assert not slider.clear_button.isEnabled()
    assert slider.clear_button.toolTip() == "Clear — not recorded"

    slider.setValue(3)
    assert slider.value() == 3 and reported == []
    assert slider.accessibleName() == "Mood: 3 of 10"

    slider.setValue(None)
    slider.slider.setFocus()
    qtbot.keyClick(slider.slider, Qt.Key.Key_Left)  # from not recorded: 5, then one step
    qtbot.keyClick(slider.slider, Qt.Key.Key_End)
    qtbot.keyClick(slider.slider, Qt.Key.Key_Backspace)
    qtbot.keyClick(slider.slider, Qt.Key.Key_Space)  # records the 5 it rests on
    assert reported == [4, 10, None, 5]

    with pytest.raises(ValueError, match="1–10"):
        slider.setValue(11)


def test_a_click_on_the_slider_records_the_value_under_the_pointer(qtbot) -> None:
    slider = ScaleSlider("Energy", "Drained", "Full of energy")
    qtbot.addWidget(slider)
    slider.resize(400, 80)
    slider.show()
    qtbot.waitExposed(slider)
    inner = slider.slider
    option = QStyleOptionSlider()
    inner.initStyleOption(option)
    handle = inner.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, inner
    )
    # A click on the dimmed handle records the value it rests on, not nothing.
    qtbot.mouseClick(inner, Qt.MouseButton.LeftButton, pos=handle.center())
    assert slider.value() == 5
    slider.setValue(None)
    qtbot.mouseClick(inner, Qt.MouseButton.LeftButton, pos=QPoint(inner.width() - 3, inner.height() // 2))
    assert slider.value() == 10


def test_the_wheel_leaves_an_unfocused_slider_alone(qtbot) -> None:
    slider = ScaleSlider("Stress", "Calm", "Very stressed")
    qtbot.addWidget(slider)
    slider.show()
    event = QWheelEvent(
        QPointF(10, 10),
        QPointF(10, 10),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    slider.slider.wheelEvent(event)
    assert slider.value() is None and not event.isAccepted()
