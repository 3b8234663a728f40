"""The run form, driven the way a person fills it in: typing, arrow keys, Enter and Esc."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDateTimeEdit, QDialog, QLabel, QWidget

from runjournal.domain.model import Activity, Company, DistanceUnit, Run, Source
from runjournal.service.journal import Journal
from runjournal.ui.dialogs.run_dialog import RunDialog

ENTER = Qt.Key.Key_Return


def open_dialog(qtbot, units: DistanceUnit = DistanceUnit.KM, run: Run | None = None, **kwargs) -> RunDialog:
    dialog = RunDialog(units, run, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def retype(qtbot, widget: QWidget, text: str) -> None:
    """Select what the field holds and type over it, as a person does."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Backspace)


def problem(dialog: RunDialog, field: str) -> str:
    """The message a person sees beside the field, or "" when none is shown."""
    label = dialog._problem_labels[field]
    return label.text() if label.isVisible() else ""


def a_full_run() -> Run:
    day = date.today() - timedelta(days=3)
    return Run(
        id=42,
        day=day,
        started_at=datetime.combine(day, time(5, 31, 42), UTC),
        utc_offset_min=120,  # 07:31 on the clock where the person was
        activity=Activity.WALK,
        duration_s=1930.6,
        moving_s=1800.0,
        distance_m=5123.4567,
        effort=8,
        company=Company.GROUP,
        outdoor=False,
        mindful=True,
        mood_before=3,
        mood_after=7,
        stress_before=8,
        stress_after=4,
        avg_hr=151,
        max_hr=178,
        ascent_m=41.7,
        title="Hill repeats",
        note="Tough start.\nBetter by the end.",
        note_private=True,
        source=Source.GPX,
        content_hash="9f86d081884c7d65",
    )


def test_the_pace_follows_the_typing(qtbot) -> None:
    dialog = open_dialog(qtbot)
    assert dialog.pace_label.text() == "—"
    qtbot.keyClicks(dialog.duration_edit, "32:10")
    assert dialog.pace_label.text() == "—"  # no distance yet
    qtbot.keyClicks(dialog.distance_edit, "5")
    assert dialog.pace_label.text() == "6:26 /km"
    qtbot.keyClicks(dialog.distance_edit, "x")
    assert dialog.pace_label.text() == "—"
    assert "not a distance" in problem(dialog, "distance_m")


def test_miles_show_minutes_per_mile_and_are_stored_in_metres(qtbot) -> None:
    dialog = open_dialog(qtbot, DistanceUnit.MI)
    assert dialog.distance_unit_label.text() == "mi"
    qtbot.keyClicks(dialog.duration_edit, "32:10")
    qtbot.keyClicks(dialog.distance_edit, "3.1")
    assert dialog.pace_label.text() == "10:23 /mi"
    qtbot.keyClick(dialog.distance_edit, ENTER)
    assert dialog.result() == QDialog.DialogCode.Accepted
    run = dialog.result_run()
    assert run.distance_m == pytest.approx(3.1 * 1609.344)
    assert run.duration_s == 1930


def test_a_wrong_duration_is_explained_and_blocks_save_until_fixed(qtbot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.duration_edit, "abc")
    assert "“abc” is not a duration" in problem(dialog, "duration_s")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.duration_edit, ENTER)
    assert dialog.isVisible()  # Enter does nothing while something is wrong

    retype(qtbot, dialog.duration_edit, "45")
    assert problem(dialog, "duration_s") == ""
    assert dialog.save_button.isEnabled()
    assert dialog.pace_label.text() == "—"


def test_the_duration_is_required_but_not_scolded_before_it_is_typed(qtbot) -> None:
    dialog = open_dialog(qtbot)
    assert not dialog.save_button.isEnabled()
    assert problem(dialog, "duration_s") == ""
    assert dialog.duration_edit.placeholderText() == "mm:ss or h:mm:ss"
    qtbot.keyClicks(dialog.duration_edit, "3")
    qtbot.keyClick(dialog.duration_edit, Qt.Key.Key_Backspace)
    assert "Enter a duration" in problem(dialog, "duration_s")
    assert not dialog.save_button.isEnabled()


def test_the_effort_word_follows_the_slider(qtbot) -> None:
    dialog = open_dialog(qtbot)
    slider = dialog.effort_slider
    assert dialog.effort_label.text() == "Not recorded"
    slider.setFocus()
    for _ in range(3):
        qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert dialog.effort_label.text() == "3 · easy"
    for _ in range(3):
        qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert dialog.effort_label.text() == "6 · moderate"
    for _ in range(2):
        qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert dialog.effort_label.text() == "8 · hard"
    qtbot.keyClicks(dialog.duration_edit, "40")
    assert dialog.result_run().effort == 8
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    assert dialog.effort_label.text() == "Not recorded"
    assert dialog.result_run().effort is None


def test_a_new_run_leaves_untouched_scales_unrecorded(qtbot) -> None:
    dialog = open_dialog(qtbot)
    assert dialog.windowTitle() == "Log run"
    qtbot.keyClicks(dialog.duration_edit, "30")
    qtbot.keyClick(dialog.duration_edit, ENTER)
    assert dialog.result() == QDialog.DialogCode.Accepted
    run = dialog.result_run()
    assert run.id is None and run.source is Source.MANUAL
    assert (run.effort, run.mood_before, run.mood_after, run.stress_before, run.stress_after) == (None,) * 5
    assert (run.avg_hr, run.max_hr, run.ascent_m, run.distance_m) == (None,) * 4
    assert run.duration_s == 1800
    assert run.activity is Activity.RUN and run.company is Company.SOLO
    assert run.outdoor and not run.mindful and not run.note_private
    assert run.day == date.today()


def test_a_new_run_starts_now_in_local_time_stored_as_utc(qtbot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.duration_edit, "30")
    run = dialog.result_run()
    assert run.started_at is not None and run.started_at.utcoffset() == timedelta(0)
    day, clock = dialog.date_edit.date().toPython(), dialog.time_edit.time().toPython()
    assert isinstance(day, date) and isinstance(clock, time)
    shown = datetime.combine(day, clock)
    local = shown.astimezone()
    assert run.started_at == local.astimezone(UTC)
    offset = local.utcoffset()
    assert offset is not None
    assert run.utc_offset_min == offset // timedelta(minutes=1)
    assert shown.minute % 5 == 0
    assert abs(shown - datetime.now()) <= timedelta(minutes=3) or shown.time() == time(23, 55)


def test_moods_can_be_set_and_cleared_again(qtbot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.duration_edit, "30")
    spin = dialog.mood_before_spin
    assert spin.text() == "—"
    retype(qtbot, spin, "7")
    qtbot.keyClick(dialog.stress_after_spin, Qt.Key.Key_Up)
    run = dialog.result_run()
    assert (run.mood_before, run.stress_after) == (7, 1)
    qtbot.keyClick(spin, Qt.Key.Key_PageDown)  # to the bottom: not recorded
    assert spin.text() == "—"
    assert dialog.result_run().mood_before is None


def test_editing_fills_every_field_and_saves_the_run_unchanged(qtbot) -> None:
    original = a_full_run()
    dialog = open_dialog(qtbot, run=original)
    assert dialog.windowTitle() == "Edit run"
    assert dialog.date_edit.date().toPython() == original.day
    assert dialog.time_edit.time().toString("HH:mm") == "07:31"
    assert dialog.activity_combo.currentText() == "Walk"
    assert dialog.duration_edit.text() == "32:11"
    assert dialog.distance_edit.text() == "5.12"
    assert dialog.pace_label.text() == "6:17 /km"
    assert dialog.effort_label.text() == "8 · hard"
    assert dialog.company_combo.currentText() == "With a group"
    assert dialog.indoor_radio.isChecked() and not dialog.outdoor_radio.isChecked()
    assert dialog.mindful_check.isChecked()
    spins = (
        dialog.mood_before_spin,
        dialog.mood_after_spin,
        dialog.stress_before_spin,
        dialog.stress_after_spin,
    )
    assert [s.text() for s in spins] == ["3", "7", "8", "4"]
    assert dialog.avg_hr_edit.isVisible()  # the optional rows open when they hold something
    assert (dialog.avg_hr_edit.text(), dialog.max_hr_edit.text(), dialog.ascent_edit.text()) == (
        "151",
        "178",
        "42",
    )
    assert dialog.title_edit.text() == "Hill repeats"
    assert dialog.note_edit.toPlainText() == "Tough start.\nBetter by the end."
    assert dialog.private_check.isChecked()
    assert dialog.save_button.isEnabled()

    qtbot.keyClick(dialog.title_edit, ENTER)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_run() == original


def test_an_edit_keeps_id_and_source_and_changes_what_was_typed(qtbot, journal: Journal) -> None:
    stored = journal.log_run(a_full_run().replace(id=None))
    dialog = open_dialog(qtbot, run=stored)
    retype(qtbot, dialog.distance_edit, "6")
    retype(qtbot, dialog.title_edit, "Hill repeats, six of them")
    qtbot.keyClick(dialog.title_edit, ENTER)
    edited = dialog.result_run()
    assert (edited.id, edited.source, edited.content_hash) == (stored.id, Source.GPX, stored.content_hash)
    assert edited.distance_m == 6000
    assert edited.started_at == stored.started_at and edited.utc_offset_min == 120
    journal.update_run(edited)
    assert stored.id is not None
    assert journal.run(stored.id) == edited


def test_a_new_start_time_is_read_in_local_time(qtbot) -> None:
    dialog = open_dialog(qtbot, run=a_full_run())
    dialog.time_edit.setFocus()
    dialog.time_edit.setCurrentSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClick(dialog.time_edit, Qt.Key.Key_Up)
    run = dialog.result_run()
    local = datetime.combine(run.day, time(8, 31)).astimezone()
    assert run.started_at == local.astimezone(UTC)
    offset = local.utcoffset()
    assert offset is not None
    assert run.utc_offset_min == offset // timedelta(minutes=1)


def test_a_duplicate_starts_on_its_own_day(qtbot) -> None:
    copy = a_full_run().replace(id=None, day=date.today(), source=Source.MANUAL, content_hash=None)
    dialog = open_dialog(qtbot, run=copy, title="Log a copy")
    assert dialog.windowTitle() == "Log a copy"
    run = dialog.result_run()
    assert run.id is None and run.day == date.today()
    assert run.started_at is not None
    assert run.started_at.astimezone().date() == date.today()
    assert run.started_at.astimezone().time() == time(7, 31)


def test_a_date_far_in_the_future_is_explained(qtbot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.duration_edit, "30")
    assert dialog.save_button.isEnabled()
    dialog.date_edit.setFocus()
    dialog.date_edit.setCurrentSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Up)
    assert "is in the future" in problem(dialog, "day")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Down)
    assert problem(dialog, "day") == ""
    assert dialog.save_button.isEnabled()


def test_heart_rate_problems_come_from_validation(qtbot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.duration_edit, "30")
    assert not dialog.avg_hr_edit.isVisible()
    qtbot.mouseClick(dialog.more_button, Qt.MouseButton.LeftButton)
    assert dialog.avg_hr_edit.isVisible()
    qtbot.keyClicks(dialog.avg_hr_edit, "12")
    assert "between 25 and 250" in problem(dialog, "avg_hr")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.avg_hr_edit, "0")
    qtbot.keyClicks(dialog.max_hr_edit, "110")
    assert "below the average" in problem(dialog, "max_hr")
    retype(qtbot, dialog.max_hr_edit, "160")
    qtbot.keyClicks(dialog.ascent_edit, "35,5")
    assert dialog.save_button.isEnabled()
    run = dialog.result_run()
    assert (run.avg_hr, run.max_hr, run.ascent_m) == (120, 160, 35.5)


def test_enter_in_the_note_makes_a_new_line_and_tab_leaves_it(qtbot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.duration_edit, "30")
    dialog.note_edit.setFocus()
    qtbot.keyClicks(dialog.note_edit, "Calm")
    qtbot.keyClick(dialog.note_edit, ENTER)
    qtbot.keyClicks(dialog.note_edit, "after")
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.private_check
    qtbot.keyClick(dialog.private_check, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.private_check, ENTER)
    assert dialog.result() == QDialog.DialogCode.Accepted
    run = dialog.result_run()
    assert run.note == "Calm\nafter" and run.note_private


def test_escape_cancels_an_untouched_form(qtbot) -> None:
    dialog = open_dialog(qtbot)  # a changed form asks first: tests/ui/test_run_dialog_questions.py
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog.duration_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_the_fields_are_named_and_in_reading_order(qtbot) -> None:
    dialog = open_dialog(qtbot)
    order = [
        dialog.date_edit,
        dialog.time_edit,
        dialog.activity_combo,
        dialog.duration_edit,
        dialog.distance_edit,
        dialog.effort_slider,
        dialog.company_combo,
        dialog.outdoor_radio,
    ]
    dialog.date_edit.setFocus()
    visited: list[QWidget] = [dialog.date_edit]
    for _ in range(20):  # Tab also steps through the day, month and year of a date
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        if dialog.focusWidget() is not visited[-1]:
            visited.append(dialog.focusWidget())
        if len(visited) == len(order):
            break
    assert [w.accessibleName() for w in visited] == [w.accessibleName() for w in order]
    assert visited == order
    others: tuple[QWidget, ...] = (
        dialog.indoor_radio,
        dialog.mindful_check,
        dialog.mood_before_spin,
        dialog.mood_after_spin,
    )
    others += (dialog.title_edit, dialog.note_edit, dialog.private_check, dialog.avg_hr_edit)
    for widget in (*order, *others):
        assert widget.accessibleName() and widget.toolTip()


def test_alt_letters_reach_their_fields_and_none_is_used_twice(qtbot) -> None:
    dialog = open_dialog(qtbot)
    window = dialog.windowHandle()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.distance_edit
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # opens heart rate and ascent
    qtbot.waitUntil(dialog.avg_hr_edit.isVisible, timeout=1000)
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.avg_hr_edit

    texts = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    letters = [text[text.index("&") + 1].lower() for text in texts if "&" in text]
    assert len(letters) >= 19
    assert len(letters) == len(set(letters))


def test_a_run_without_a_start_time_keeps_none_unless_one_is_given(qtbot) -> None:
    imported = Run(id=5, day=date.today() - timedelta(days=1), duration_s=2400, source=Source.CSV)
    dialog = open_dialog(qtbot, run=imported)
    retype(qtbot, dialog.duration_edit, "41:00")
    run = dialog.result_run()
    assert (run.started_at, run.utc_offset_min) == (None, None)
    assert run == imported.replace(duration_s=2460)
    dialog.time_edit.setFocus()
    dialog.time_edit.setCurrentSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClick(dialog.time_edit, Qt.Key.Key_Down)
    assert dialog.result_run().started_at == datetime.combine(imported.day, time(11, 0)).astimezone(UTC)


def test_the_optional_rows_stay_open_while_they_hold_a_problem(qtbot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.mouseClick(dialog.more_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.ascent_edit, "30000")
    assert "Ascent must be between" in problem(dialog, "ascent_m")
    qtbot.mouseClick(dialog.more_button, Qt.MouseButton.LeftButton)
    assert dialog.ascent_edit.isVisible()
    retype(qtbot, dialog.ascent_edit, "")
    qtbot.mouseClick(dialog.more_button, Qt.MouseButton.LeftButton)
    assert not dialog.ascent_edit.isVisible()
