"""Coach choices, preferences and support contacts are changes like any other: Undo takes
each back, exactly to what was there before, and Redo puts it again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from runjournal.domain.model import CoachChoice, DistanceUnit, Run, SupportContact
from runjournal.service.journal import Journal
from runjournal.ui import app as app_module
from runjournal.ui.main_window import MainWindow
from runjournal.ui.theme import apply_theme

TODAY = date.today()


@pytest.fixture(autouse=True)
def usual_look_after(fresh_qsettings: None) -> Iterator[None]:
    yield
    apply_theme(app_module.make_application(), "system")  # the next test starts in the usual look


@pytest.fixture
def window(qtbot, journal: Journal) -> MainWindow:
    window = MainWindow(journal)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def log_rest_worthy_runs(journal: Journal) -> None:
    """Weekly runs for ten weeks (not a new runner), then a run on each of the last 4 days: REST shows."""
    days = [TODAY - timedelta(days=d) for d in range(70, 4, -7)] + [
        TODAY - timedelta(days=d) for d in range(4)
    ]
    for day in days:
        journal.log_run(Run(day=day, duration_s=30 * 60, distance_m=5000, effort=3))


def when_dialog_opens(act) -> None:
    """Acts on the next modal dialog once it is shown (exec() blocks until then)."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, attempt)
            return
        act(dialog)

    QTimer.singleShot(0, attempt)


def shows_rest(window: MainWindow) -> bool:
    return window.coach.card("REST") is not None


def test_snooze_then_undo_brings_back_the_earlier_snooze(qtbot, window: MainWindow, journal: Journal) -> None:
    earlier = CoachChoice("REST", snoozed_until=TODAY - timedelta(days=2))  # a snooze that has run out
    journal.save_coach_choice(earlier)
    log_rest_worthy_runs(journal)
    qtbot.waitUntil(lambda: shows_rest(window))

    qtbot.mouseClick(window.coach.card("REST").snooze_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shows_rest(window))
    assert journal.coach_choices()["REST"].snoozed_until == TODAY + timedelta(days=6)
    assert window.undo_action.isEnabled() and "Snooze" in window.undo_action.text()

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: shows_rest(window))
    assert journal.coach_choices()["REST"] == earlier

    window.redo_action.trigger()
    qtbot.waitUntil(lambda: not shows_rest(window))
    assert journal.coach_choices()["REST"].snoozed_until == TODAY + timedelta(days=6)


def test_turn_off_then_undo_shows_the_tip_again(qtbot, window: MainWindow, journal: Journal) -> None:
    log_rest_worthy_runs(journal)
    qtbot.waitUntil(lambda: shows_rest(window))

    qtbot.mouseClick(window.coach.card("REST").turn_off_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shows_rest(window))
    assert journal.coach_choices()["REST"].disabled

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: shows_rest(window))
    assert "REST" not in journal.coach_choices()


def test_a_preference_change_is_undone_in_one_step(qtbot, window: MainWindow, journal: Journal) -> None:
    journal.save_coach_choice(CoachChoice("SOCIAL", disabled=True, snoozed_until=TODAY + timedelta(days=3)))
    before = journal.settings()

    def choose(dialog) -> None:
        dialog.units.setCurrentIndex(dialog.units.findData(DistanceUnit.MI))
        dialog.minutes_goal.setValue(120)
        dialog.turned_off["SOCIAL"].setChecked(True)  # turned back on
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        dialog.accept()

    when_dialog_opens(choose)
    window.preferences_action.trigger()
    assert journal.settings().units is DistanceUnit.MI
    assert QSettings().value("appearance/theme") == "dark"
    # Turned back on, the rule keeps the snooze it had.
    assert journal.coach_choices()["SOCIAL"] == CoachChoice("SOCIAL", snoozed_until=TODAY + timedelta(days=3))
    qtbot.waitUntil(lambda: window.today.summary.minutes_bar.format().endswith("of 120 min"))

    window.undo_action.trigger()
    assert journal.settings() == before
    assert journal.coach_choices()["SOCIAL"].disabled
    assert QSettings().value("appearance/theme") == "system"
    qtbot.waitUntil(
        lambda: window.today.summary.minutes_bar.format().endswith(f"of {before.weekly_minutes_goal} min")
    )

    window.redo_action.trigger()
    assert journal.settings().weekly_minutes_goal == 120
    assert QSettings().value("appearance/theme") == "dark"


def test_a_contact_edit_is_undone(qtbot, window: MainWindow, journal: Journal) -> None:
    journal.save_support_contacts([SupportContact("Sam", "0123", "my sister")])

    def edit(dialog) -> None:
        dialog.table.item(0, 1).setText("0999")
        assert dialog.save()
        dialog.reject()

    when_dialog_opens(edit)
    window.support_action.trigger()
    assert journal.support_contacts() == [SupportContact("Sam", "0999", "my sister")]

    window.undo_action.trigger()
    assert journal.support_contacts() == [SupportContact("Sam", "0123", "my sister")]
    window.redo_action.trigger()
    assert journal.support_contacts() == [SupportContact("Sam", "0999", "my sister")]
