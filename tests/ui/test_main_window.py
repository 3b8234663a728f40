"""The main window as a person uses it: menus, shortcuts, views, undo, state, first start."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from runjournal.coach.week_rules import this_week, vol
from runjournal.domain.model import DistanceUnit, Run
from runjournal.service.journal import Journal
from runjournal.ui import app as app_module
from runjournal.ui.main_window import MainWindow

TODAY = date.today()


pytestmark = pytest.mark.usefixtures("fresh_qsettings")


@pytest.fixture
def window(qtbot, journal: Journal) -> MainWindow:
    window = MainWindow(journal)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_menus_use_the_standard_shortcuts(window: MainWindow) -> None:
    assert window.log_run_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    # Quit and Preferences follow the platform, with the usual keys where it names none.
    assert not window.quit_action.shortcut().isEmpty()
    assert not window.preferences_action.shortcut().isEmpty()
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert menus == ["File", "Edit", "View", "Help"]


def test_views_are_reachable_from_the_keyboard(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.runs
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.charts
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.today


def test_views_off_screen_are_built_when_first_opened(qtbot, window: MainWindow, journal: Journal) -> None:
    """Only the Today view is built for the first paint; the others appear on first opening."""
    run = journal.log_run(Run(day=TODAY, duration_s=1930, distance_m=5000))
    navigator = window.today.check_in.navigator
    # The run log's widgets may be built while the window is idle, but its runs are read when shown.
    assert window.runs.view is None or window.runs.view.model.rowCount() == 0
    assert window.insights.view is None
    assert not navigator.calendar_is_open()
    assert window.runs.selected_runs() == []  # nothing to edit or delete before the log is opened

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.runs.view is not None and window.runs.view.isVisible()
    assert window.runs.model.rowCount() == 1
    assert window.runs.select_run(stored_id(run))
    assert window.edit_run_action.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(navigator.date_button, Qt.MouseButton.LeftButton)
    assert navigator.calendar_is_open()
    assert navigator.calendar.maximumDate().toPython() == TODAY
    assert navigator.marked_days() == (set(), {TODAY})  # the run is marked on the calendar
    navigator.popup.close()


def test_delete_a_run_and_undo_it(qtbot, window: MainWindow, journal: Journal) -> None:
    run = journal.log_run(Run(day=TODAY, duration_s=1930, distance_m=5000))
    window.tabs.setCurrentWidget(window.runs)
    window.runs.select_run(stored_id(run))
    assert window.delete_action.isEnabled()
    window.delete_action.trigger()
    assert journal.runs() == []
    assert "Deleted 1 run" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert journal.runs() == [run]
    window.redo_action.trigger()
    assert journal.runs() == []


def test_run_actions_are_off_without_a_selection(window: MainWindow, journal: Journal) -> None:
    journal.log_run(Run(day=TODAY, duration_s=1930))
    window.tabs.setCurrentWidget(window.today)
    assert not window.delete_action.isEnabled()
    assert not window.edit_run_action.isEnabled()


def test_window_size_comes_back_and_the_window_opens_on_today(qtbot, journal: Journal) -> None:
    first = MainWindow(journal)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 540)  # the offscreen screen is 800 × 600
    first.tabs.setCurrentWidget(first.runs)
    first.close()
    second = MainWindow(journal)
    qtbot.addWidget(second)
    assert second.tabs.currentWidget() is second.today  # ready for the day's check-in
    assert (second.width(), second.height()) == (760, 540)


def test_opening_a_damaged_journal_keeps_the_current_one(
    qtbot, window: MainWindow, tmp_path, monkeypatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        "runjournal.ui.main_window.QMessageBox.warning", lambda *args: warnings.append(args[2])
    )
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a journal")
    before = window.bridge.journal
    assert not window.switch_to(bad)
    assert window.bridge.journal is before and "not a RunJournal journal" in warnings[0]
    before.log_run(Run(day=TODAY, duration_s=600))  # still open and usable


def test_switching_journals_clears_undo_and_refreshes(qtbot, window: MainWindow, tmp_path) -> None:
    run = window.bridge.journal.log_run(Run(day=TODAY, duration_s=600))
    window.run_actions.delete_runs([run])
    assert window.undo_stack.count() == 1
    other = tmp_path / "other.sqlite"
    with Journal.open(other) as journal:
        journal.log_run(Run(day=TODAY, duration_s=1200))
        journal.log_run(Run(day=TODAY, duration_s=1800))
    assert window.switch_to(other)
    assert window.undo_stack.count() == 0
    assert len(window.bridge.journal.runs()) == 2
    assert "other.sqlite" in window.windowTitle()
    assert window.open_mine_action.isEnabled()


def test_first_start_asks_for_units_and_can_open_a_separate_sample(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    from runjournal.ui.dialogs.welcome_dialog import WelcomeDialog

    def choose_miles_and_sample(dialog: WelcomeDialog) -> int:
        dialog.mi.setChecked(True)
        dialog._choose_sample()
        return WelcomeDialog.DialogCode.Accepted

    monkeypatch.setattr(WelcomeDialog, "exec", choose_miles_and_sample)
    mine = window.bridge.journal.path
    app_module.welcome(window)
    sample = window.bridge.journal
    assert sample.path != mine and sample.path.name == app_module.SAMPLE_FILE
    assert sample.counts().runs > 100
    assert sample.settings().units is DistanceUnit.MI
    with Journal.open(mine) as own:
        assert own.is_empty()  # the sample never mixes with the person's own entries
        assert own.settings().units is DistanceUnit.MI
    assert QSettings().value("welcome/done", False, type=bool)
    assert window.open_mine_action.isEnabled()


def test_a_check_in_typed_just_before_closing_is_kept(qtbot, window: MainWindow, journal: Journal) -> None:
    slider = window.today.check_in.sliders["mood"].slider
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    window.close()  # before the autosave timer fires
    stored = journal.check_in(TODAY)
    assert stored is not None and stored.mood is not None


def test_the_week_summary_counts_this_weeks_runs(qtbot, window: MainWindow, journal: Journal) -> None:
    journal.log_run(Run(day=TODAY, duration_s=30 * 60, effort=3))
    text = window.today.summary.minutes_bar.format()
    assert text.startswith("30 of 150")


def test_the_week_summary_and_the_coach_agree_on_the_minutes_to_go(
    qtbot, window: MainWindow, journal: Journal
) -> None:
    monday = TODAY - timedelta(days=TODAY.weekday())
    journal.log_run(Run(day=monday, duration_s=129.6 * 60, effort=3))  # 129.6 easy minutes
    summary = window.today.summary
    assert summary.minutes_bar.format() == "129 of 150 min"
    assert summary.minutes_note.text() == "About 21 minutes to go."
    # The coach counts the same week: when VOL speaks (from the week's fourth day) it says 21.
    history = journal.coach_history(TODAY)
    assert this_week(history).minutes_to_go == 21
    nudge = vol(history)
    assert nudge is None or nudge.title == "About 21 minutes to go this week"


def test_the_week_summary_names_the_last_run_however_old(qtbot, window: MainWindow, journal: Journal) -> None:
    summary = window.today.summary
    assert summary.last_run.text().startswith("Last run: none yet")
    long_ago = TODAY.replace(year=TODAY.year - 2, day=min(TODAY.day, 28))
    journal.log_run(Run(day=long_ago, duration_s=40 * 60, distance_m=8000))
    text = summary.last_run.text()
    assert "40:00" in text and str(long_ago.year) in text  # an old run says which year
    journal.log_run(Run(day=TODAY - timedelta(days=1), duration_s=25 * 60))
    assert "25:00" in summary.last_run.text()


def test_smoke_test_starts_and_paints_the_window(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [sys.executable, "-m", "runjournal", "--db", str(path), "demo", "--years", "1"],
        check=True, capture_output=True, env=env, timeout=120,
    )  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "runjournal", "--smoke-test", "--db", str(path)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "window painted with" in result.stdout


def test_smoke_test_fails_plainly_on_a_damaged_journal(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    path.write_text("not a journal")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "runjournal", "--smoke-test", "--db", str(path)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 3
    assert "not a RunJournal journal" in result.stderr and "Traceback" not in result.stderr


def _when_dialog_opens(qtbot, act) -> None:
    """Acts on the next modal dialog once it is shown (exec() blocks the test until then)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, attempt)
            return
        act(dialog)

    QTimer.singleShot(0, attempt)


def test_log_edit_and_delete_a_run_with_the_keyboard(qtbot, window: MainWindow, journal: Journal) -> None:
    def fill(dialog) -> None:
        dialog.duration_edit.setFocus()
        dialog.duration_edit.selectAll()
        qtbot.keyClicks(dialog.duration_edit, "32:10")
        qtbot.keyClicks(dialog.distance_edit, "5")
        assert dialog.pace_label.text() == "6:26 /km"
        qtbot.keyClick(dialog.distance_edit, Qt.Key.Key_Return)  # Enter saves

    _when_dialog_opens(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    (run,) = journal.runs()
    assert (run.duration_s, run.distance_m) == (1930, 5000)
    assert window.statusBar().currentMessage().startswith("Run of")

    window.tabs.setCurrentWidget(window.runs)
    window.runs.select_run(stored_id(run))
    window.runs.table.setFocus()

    def longer(dialog) -> None:
        dialog.duration_edit.setFocus()
        dialog.duration_edit.selectAll()
        qtbot.keyClicks(dialog.duration_edit, "40:00")
        qtbot.keyClick(dialog.duration_edit, Qt.Key.Key_Return)

    _when_dialog_opens(qtbot, longer)
    qtbot.keyClick(window.runs.table, Qt.Key.Key_Return)  # Enter on a row edits it
    assert journal.run(stored_id(run)).duration_s == 2400

    assert [r.id for r in window.runs.selected_runs()] == [run.id], "the edited run stays selected"
    assert window.delete_action.isEnabled()
    window.windowHandle().requestActivate()  # as the desktop does when a dialog closes
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window.runs.table, Qt.Key.Key_Delete)
    assert journal.runs() == []
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert journal.run(stored_id(run)).duration_s == 2400


def test_an_invalid_duration_keeps_save_disabled(
    qtbot, window: MainWindow, journal: Journal, monkeypatch
) -> None:
    seen: dict[str, object] = {}
    # Esc on a form that holds typing asks first; the person says discard.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)

    def type_nonsense(dialog) -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        dialog.duration_edit.setFocus()
        dialog.duration_edit.selectAll()
        qtbot.keyClicks(dialog.duration_edit, "abc")
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        seen["enabled"] = save.isEnabled()
        seen["text"] = " ".join(label.text() for label in dialog.findChildren(type(dialog.pace_label)))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    _when_dialog_opens(qtbot, type_nonsense)
    window.log_run_action.trigger()
    assert seen["enabled"] is False
    assert "not a duration" in str(seen["text"])
    assert journal.runs() == []


def test_undo_right_after_moving_a_slider_undoes_that_move(
    qtbot, window: MainWindow, journal: Journal
) -> None:
    slider = window.today.check_in.sliders["mood"].slider
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_7)
    qtbot.waitUntil(lambda: journal.check_in(TODAY) is not None)
    qtbot.keyClick(slider, Qt.Key.Key_3)  # the autosave for this one has not fired yet
    window.undo_action.trigger()
    panel = window.today.check_in  # nothing is left waiting to save over the undo later
    assert not panel.autosave_timer.isActive() and not panel.has_unsaved_changes()
    assert journal.check_in(TODAY).mood == 7
    assert window.today.check_in.sliders["mood"].value() == 7


def test_preferences_change_units_and_goal_everywhere(qtbot, window: MainWindow, journal: Journal) -> None:
    journal.log_run(Run(day=TODAY, duration_s=1930, distance_m=5000, effort=3))

    def choose(dialog) -> None:
        dialog.units.setCurrentIndex(dialog.units.findData(DistanceUnit.MI))
        dialog.minutes_goal.setValue(120)
        dialog.accept()

    _when_dialog_opens(qtbot, choose)
    window.preferences_action.trigger()
    settings = journal.settings()
    assert (settings.units, settings.weekly_minutes_goal) == (DistanceUnit.MI, 120)
    assert window.today.summary.minutes_bar.format() == "32 of 120 min"
    window.tabs.setCurrentWidget(window.runs)  # the run log reads the journal when it is shown
    header = window.runs.model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert "mi" in header


def test_a_turned_off_tip_comes_back_from_preferences(qtbot, window: MainWindow, journal: Journal) -> None:
    from runjournal.domain.model import CoachChoice

    journal.save_coach_choice(CoachChoice("SOCIAL", disabled=True))

    def turn_back_on(dialog) -> None:
        dialog.turned_off["SOCIAL"].setChecked(True)
        dialog.accept()

    _when_dialog_opens(qtbot, turn_back_on)
    window.preferences_action.trigger()
    assert "SOCIAL" not in journal.coach_choices()


def test_the_coach_docks_beside_the_views_and_support_is_one_click_away(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    from runjournal.ui.dialogs.help_card_dialog import HelpCardDialog

    assert window.dockWidgetArea(window.coach_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.coach.empty_label.isVisible()  # a new journal: a kind word, not a blank
    opened: list[HelpCardDialog] = []

    def open_and_count(dialog: HelpCardDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(HelpCardDialog, "exec", open_and_count)
    window.support_action.trigger()
    window.coach.supportRequested.emit()
    assert len(opened) == 2 and opened[0].windowTitle() == "Need support now?"


def test_insights_are_a_tab_away(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.insights.insightsShown, timeout=20000) as shown:
        qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.insights
    assert shown.args[0] == []  # a new journal: not enough entries yet, said in words
    assert "Not enough entries yet" in window.insights.message_label.text()


def test_a_daily_backup_is_made_once_a_day_and_restore_opens_the_list(
    qtbot, window: MainWindow, journal: Journal
) -> None:
    journal.log_run(Run(day=TODAY, duration_s=1800))
    window.backups.backup_if_due()  # made on a worker thread; the status bar says when it is done
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Daily backup made and checked"))
    made = journal.last_backup()
    assert made is not None and made.runs == 1
    window.backups.backup_if_due()  # not due again today
    qtbot.waitUntil(lambda: not window.backups.making_daily_backup)
    assert [b.path for b in journal.backups()] == [made.path]

    window.restore_action.trigger()
    qtbot.waitUntil(lambda: window.backups.restore_dialog.isVisible())
    assert window.backups.restore_dialog.model.rowCount() == 1
    window.backups.restore_dialog.close()


def test_the_app_names_its_launcher_and_shows_its_icon(qapp) -> None:
    from runjournal.ui.app import make_application

    app = make_application()
    assert app.desktopFileName() == "runjournal"  # the window groups under runjournal.desktop
    icon = app.windowIcon()
    assert not icon.isNull()
    assert not icon.pixmap(16, 16).isNull() and not icon.pixmap(256, 256).isNull()


def test_the_run_log_is_prepared_while_the_window_is_idle(
    qtbot, window: MainWindow, journal: Journal
) -> None:
    journal.log_run(Run(day=TODAY, duration_s=1800))
    qtbot.waitUntil(lambda: window.runs.view is not None, timeout=5000)  # built in the background
    # Its runs are read on a worker thread too; opened meanwhile, it shows them once read.
    window.tabs.setCurrentWidget(window.runs)
    qtbot.waitUntil(lambda: window.runs.model.rowCount() == 1)


def test_a_reminder_click_lands_on_todays_check_in_with_the_cursor_on_mood(qtbot, window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.runs)
    window.today.check_in.setDay(date.today() - timedelta(days=3))
    window.start_check_in()
    assert window.tabs.currentWidget() is window.today
    assert window.today.check_in.day() == date.today()
    mood = window.today.check_in.sliders["mood"].slider
    qtbot.waitUntil(lambda: mood.hasFocus())
    qtbot.keyClick(mood, Qt.Key.Key_Right)  # the keyboard now moves Mood
    assert window.today.check_in.sliders["mood"].value() is not None


def stored_id(run: Run) -> int:
    assert run.id is not None  # the journal gave it one when it was logged
    return run.id


def test_first_start_can_protect_the_journal_with_a_passphrase(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    from runjournal.service import protection
    from runjournal.ui.dialogs.passphrase_dialog import ProtectionDialog
    from runjournal.ui.dialogs.welcome_dialog import WelcomeDialog

    def start_protected(dialog: WelcomeDialog) -> int:
        assert not dialog.protect.isChecked()  # offered, never chosen for the person
        dialog.protect.setChecked(True)
        return WelcomeDialog.DialogCode.Accepted

    asked: list[ProtectionDialog] = []

    def type_it_twice(dialog: ProtectionDialog) -> int:
        asked.append(dialog)
        if len(asked) > 1:
            return ProtectionDialog.DialogCode.Rejected
        dialog.new.setText("a long and calm passphrase")
        dialog.repeated.setText("a long and calm passphrase")
        return ProtectionDialog.DialogCode.Accepted

    monkeypatch.setattr(WelcomeDialog, "exec", start_protected)
    monkeypatch.setattr(ProtectionDialog, "exec", type_it_twice)
    app_module.welcome(window)
    assert len(asked) == 1
    assert protection.is_protected(window.bridge.journal.path)
