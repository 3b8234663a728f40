"""The coach's version 2 in the window: care on a hard day, safety that cannot be switched
off, sources a person can look up, and help that is always one shortcut away."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from runjournal.coach.sources import SOURCES
from runjournal.domain.model import CheckIn, Run, SupportContact
from runjournal.service.journal import Journal
from runjournal.ui import app as app_module
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.coach.coach_panel import CoachPanel

TODAY = date.today()


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def make_panel(qtbot, journal: Journal) -> CoachPanel:
    panel = CoachPanel(JournalBridge(journal), today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(340, 900)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def panic_days(journal: Journal) -> None:
    """A panic-attack day, then two days at mood 2 / anxiety 9, after weeks of lifting runs."""
    for n in range(6, 40, 4):
        journal.log_run(
            Run(day=days_ago(n), duration_s=1800, distance_m=4000, effort=4, mood_before=4, mood_after=6)
        )
    journal.save_check_in(
        CheckIn(day=days_ago(2), mood=1, stress=10, anxiety=10, note="Panic attack, couldn't leave the house")
    )
    journal.save_check_in(CheckIn(day=days_ago(1), mood=2, anxiety=9))
    journal.save_check_in(CheckIn(day=TODAY, mood=2, anxiety=9))


def visible_text(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget))


def test_a_panic_attack_day_gets_care_support_and_no_target(qtbot, journal: Journal) -> None:
    panic_days(journal)
    panel = make_panel(qtbot, journal)
    assert [n.rule_id for n in panel.nudges][:2] == ["HARD-DAY", "YOUR-LIFT"]
    card = panel.card("HARD-DAY")
    assert card.level_label.text() == "CARE"
    assert card.support_button is not None and card.support_button.isVisible()
    with qtbot.waitSignal(panel.supportRequested, timeout=1000):
        qtbot.mouseClick(card.support_button, Qt.MouseButton.LeftButton)
    text = visible_text(panel)
    assert "to go" not in text and "VOL" not in [n.rule_id for n in panel.nudges]
    assert "lifted your mood from 4.0 to 6.0" in text


def test_a_safety_card_can_be_snoozed_but_offers_no_off_switch(qtbot, journal: Journal) -> None:
    for n in range(12):
        journal.save_check_in(CheckIn(day=days_ago(n), mood=4))
    panel = make_panel(qtbot, journal)
    card = panel.card("MOOD-LOW")
    assert card is not None
    assert not card.turn_off_button.isVisibleTo(card)
    assert card.snooze_button.isVisibleTo(card)
    assert (
        "can be snoozed" in card.snooze_button.toolTip()
        or "cannot be turned off" in card.snooze_button.toolTip()
    )
    with qtbot.waitSignal(panel.nudgesShown):
        qtbot.mouseClick(card.snooze_button, Qt.MouseButton.LeftButton)
    assert panel.card("MOOD-LOW") is None


def test_each_card_names_its_sources_and_spells_them_out_on_hover(qtbot, journal: Journal) -> None:
    for n in range(4):
        journal.log_run(Run(day=days_ago(n), duration_s=1800, distance_m=5000, effort=3))
    journal.save_settings(journal.settings().replace(started_running=days_ago(300)))
    panel = make_panel(qtbot, journal)
    card = panel.card("REST")
    assert card.source_label.text() == "Sources: WebMD 2021; NHS Couch to 5K"
    assert SOURCES["WebMD 2021"] in card.source_label.toolTip()
    assert SOURCES["NHS Couch to 5K"] in card.source_label.toolTip()
    assert "seed" not in visible_text(card).lower()


def test_an_empty_journal_gets_a_welcome_and_no_claim(qtbot, journal: Journal) -> None:
    panel = make_panel(qtbot, journal)
    assert panel.empty_label.isVisible()
    assert "Welcome" in panel.empty_label.text()
    assert "working" not in panel.empty_label.text()
    journal.save_check_in(CheckIn(day=TODAY, mood=7))
    qtbot.waitUntil(lambda: "Welcome" not in panel.empty_label.text())


# --- The help card ---------------------------------------------------------------------------


@pytest.fixture
def discard_questions(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def test_the_numbers_can_be_copied_in_one_click(qtbot, journal: Journal, discard_questions) -> None:
    from runjournal.ui.dialogs.help_card_dialog import HelpCardDialog

    journal.save_support_contacts([SupportContact("Sam", "07700 900123", "sister")])
    dialog = HelpCardDialog(JournalBridge(journal))
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert "988" in copied and "116 123" in copied and "findahelpline.com" in copied
    assert "Sam" in copied and "07700 900123" in copied
    assert "Copied" in dialog.status_label.text()


# --- The window: Help menu, Preferences, the check-in ----------------------------------------------


@pytest.fixture
def window(qtbot, journal: Journal, tmp_path: Path):
    from runjournal.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    app_module.make_application()
    QSettings().clear()
    window = MainWindow(journal)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    QSettings().clear()


def test_need_support_has_a_shortcut_and_works_with_the_coach_closed(qtbot, window, monkeypatch) -> None:
    from runjournal.ui.dialogs import help_card_dialog

    opened: list[help_card_dialog.HelpCardDialog] = []

    def open_card(dialog: help_card_dialog.HelpCardDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(help_card_dialog.HelpCardDialog, "exec", open_card)
    assert window.support_action.shortcut() == QKeySequence("Ctrl+Shift+H")
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.support_action in help_menu.actions()
    window.coach_dock.close()
    qtbot.waitUntil(lambda: not window.coach_dock.isVisible())
    window.activateWindow()
    qtbot.keyClick(
        window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: len(opened) == 1)


def test_help_sources_lists_every_short_name_in_full(qtbot, window, monkeypatch) -> None:
    from runjournal.ui.dialogs import sources_dialog

    shown: list[sources_dialog.SourcesDialog] = []

    def show_sources(dialog: sources_dialog.SourcesDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(sources_dialog.SourcesDialog, "exec", show_sources)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.sources_action in help_menu.actions()
    window.sources_action.trigger()
    assert len(shown) == 1
    text = shown[0].text()
    for short, full in SOURCES.items():
        assert short in text and full in text
    assert "seed" not in text.lower()


def test_preferences_say_safety_tips_cannot_be_turned_off(qtbot) -> None:
    from runjournal.domain.model import Settings
    from runjournal.ui.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(
        Settings(), "system", None, turned_off=["MOOD-LOW", "SOCIAL"], journal_path=None
    )
    qtbot.addWidget(dialog)
    assert list(dialog.turned_off) == ["SOCIAL"]  # a safety tip is never listed as turned off
    text = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Entries low for a while" in text
    assert "can be snoozed but not turned off" in text


def test_a_later_check_in_clears_ill_from_the_window(qtbot, journal: Journal) -> None:
    from PySide6.QtGui import QUndoStack

    from runjournal.ui.views.today.check_in_panel import CheckInPanel

    journal.save_check_in(CheckIn(day=TODAY, ill=True, mood=6))
    assert "RECOVER" in [n.rule_id for n in journal.nudges(TODAY)]
    stack = QUndoStack()
    panel = CheckInPanel(JournalBridge(journal), stack)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.ill.isChecked())
    qtbot.mouseClick(panel.ill, Qt.MouseButton.LeftButton, pos=QPoint(8, panel.ill.height() // 2))
    assert panel.flush()
    assert journal.check_in(TODAY).ill is False
    assert "RECOVER" not in [n.rule_id for n in journal.nudges(TODAY)]
