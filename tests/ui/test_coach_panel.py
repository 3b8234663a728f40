"""The coach panel, driven as a person would: reading a tip, asking why, snoozing, turning off."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from runjournal.coach.words import WELCOME
from runjournal.domain.model import CheckIn, Run
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.coach.coach_panel import CoachPanel
from runjournal.ui.views.coach.nudge_card import TURN_OFF_TIP, NudgeCard

TODAY = date.today()


def make_panel(qtbot, journal: Journal) -> CoachPanel:
    panel = CoachPanel(JournalBridge(journal), today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(340, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def log_rest_worthy_runs(journal: Journal) -> None:
    """Weekly runs for ten weeks (so not a new runner), then a run on each of the last 4 days."""
    days = [TODAY - timedelta(days=d) for d in range(70, 4, -7)] + [
        TODAY - timedelta(days=d) for d in range(4)
    ]
    for day in days:
        journal.log_run(Run(day=day, duration_s=30 * 60, distance_m=5000, effort=3))


def rest_card(panel: CoachPanel) -> NudgeCard:
    card = panel.card("REST")
    assert card is not None, [n.rule_id for n in panel.nudges]
    return card


def shown_titles(panel: CoachPanel) -> list[str]:
    return [c.title_label.text() for c in panel.cards if c.isVisible()]


def test_rest_tip_shows_its_title_and_level_word(qtbot, journal: Journal) -> None:
    log_rest_worthy_runs(journal)
    panel = make_panel(qtbot, journal)

    card = rest_card(panel)
    assert card.isVisible()
    assert card.title_label.text() == "Time for a rest day"
    assert card.level_label.text() == "TAKE CARE"
    assert card.title_label.font().bold()
    assert not panel.empty_label.isVisible()
    assert panel.heading.text() == "Coach"
    assert card.turn_off_button.toolTip() == TURN_OFF_TIP


def test_why_reveals_the_persons_numbers_and_the_source(qtbot, journal: Journal) -> None:
    log_rest_worthy_runs(journal)
    panel = make_panel(qtbot, journal)
    card = rest_card(panel)
    assert not card.why_label.isVisible()
    assert not card.source_label.isVisible()

    qtbot.mouseClick(card.why_button, Qt.MouseButton.LeftButton)

    assert card.why_label.isVisible()
    assert card.why_label.text().startswith("You ran on each of the last 4 days (")
    assert card.source_label.isVisible()
    assert card.source_label.text().startswith("Sources: ")
    assert "NHS Couch to 5K" in card.source_label.text()

    # The keyboard closes it again.
    card.why_button.setFocus()
    qtbot.keyClick(card.why_button, Qt.Key.Key_Space)
    assert not card.why_label.isVisible()


def test_snoozed_tip_stays_hidden_after_reopening_the_journal(
    qtbot, journal: Journal, journal_path: Path
) -> None:
    log_rest_worthy_runs(journal)
    panel = make_panel(qtbot, journal)

    with qtbot.waitSignal(panel.nudgesShown) as shown:
        qtbot.mouseClick(rest_card(panel).snooze_button, Qt.MouseButton.LeftButton)

    assert "REST" not in [n.rule_id for n in shown.args[0]]
    assert "Time for a rest day" not in shown_titles(panel)
    assert journal.coach_choices()["REST"].snoozed_until == TODAY + timedelta(days=6)

    journal.close()
    with Journal.open(journal_path) as reopened:
        again = make_panel(qtbot, reopened)
        assert again.card("REST") is None
        assert "Time for a rest day" not in shown_titles(again)


def test_turning_a_tip_off_hides_it_and_remembers(qtbot, journal: Journal) -> None:
    log_rest_worthy_runs(journal)
    panel = make_panel(qtbot, journal)

    with qtbot.waitSignal(panel.nudgesShown):
        qtbot.mouseClick(rest_card(panel).turn_off_button, Qt.MouseButton.LeftButton)

    assert panel.card("REST") is None
    assert "Time for a rest day" not in shown_titles(panel)
    assert journal.coach_choices()["REST"].disabled


def test_an_empty_journal_gets_an_encouraging_word(qtbot, journal: Journal) -> None:
    panel = make_panel(qtbot, journal)

    assert panel.cards == []
    assert panel.empty_label.isVisible()
    assert panel.empty_label.text() == WELCOME


def test_support_is_always_one_click_away(qtbot, journal: Journal) -> None:
    panel = make_panel(qtbot, journal)
    assert panel.support_button.isVisible()
    assert panel.support_button.text() == "Need support now?"

    with qtbot.waitSignal(panel.supportRequested, timeout=1000):
        qtbot.mouseClick(panel.support_button, Qt.MouseButton.LeftButton)


def test_a_low_mood_fortnight_offers_support_on_its_card(qtbot, journal: Journal) -> None:
    for n in range(14):
        journal.save_check_in(CheckIn(day=TODAY - timedelta(days=n), mood=3))
    panel = make_panel(qtbot, journal)

    card = panel.card("MOOD-LOW")
    assert card is not None
    assert card.level_label.text() == "SAFETY"
    assert card.support_button is not None and card.support_button.isVisible()
    with qtbot.waitSignal(panel.supportRequested, timeout=1000):
        qtbot.mouseClick(card.support_button, Qt.MouseButton.LeftButton)


def test_a_burst_of_changes_refreshes_once(qtbot, journal: Journal, settle, timers_waiting) -> None:
    panel = make_panel(qtbot, journal)
    refreshes: list[list] = []
    panel.nudgesShown.connect(refreshes.append)

    journal.add_entries(
        [Run(day=TODAY - timedelta(days=d), duration_s=30 * 60, distance_m=5000) for d in range(3)],
        [CheckIn(day=TODAY, mood=7)],
    )
    settle()  # the refresh the burst asked for has run, and no other is waiting

    assert len(refreshes) == 1 and timers_waiting(panel) == []
    assert panel.nudges, "three runs should give the coach something to say"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_level_words_stay_readable_in_both_palettes(qtbot, journal: Journal, theme: str) -> None:
    from PySide6.QtGui import QPalette

    from runjournal.ui.theme import dark_palette

    log_rest_worthy_runs(journal)
    panel = make_panel(qtbot, journal)
    if theme == "dark":
        panel.setPalette(dark_palette())
    card = rest_card(panel)
    text = card.level_label.palette().color(QPalette.ColorRole.WindowText)
    background = card.palette().color(QPalette.ColorRole.Window)
    assert abs(text.lightness() - background.lightness()) > 90
