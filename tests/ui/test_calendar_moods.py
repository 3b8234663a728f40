"""The calendar shows each day's mood, by colour and by the size of a dot with the number in
its tooltip (never by colour alone), with a legend; future days cannot be picked."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel

from runjournal.domain.model import CheckIn
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.today.check_in_panel import CheckInPanel
from runjournal.ui.views.today.day_marks import mood_dot

TODAY = date.today()


@pytest.fixture
def panel(qtbot, journal: Journal) -> CheckInPanel:
    widget = CheckInPanel(JournalBridge(journal), QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_each_days_mood_is_shown_by_a_dot_and_said_in_words(
    qtbot, panel: CheckInPanel, journal: Journal
) -> None:
    low, high = TODAY - timedelta(days=2), TODAY - timedelta(days=1)
    journal.save_check_in(CheckIn(day=low, mood=2))
    journal.save_check_in(CheckIn(day=high, mood=9))
    navigator = panel.navigator
    qtbot.mouseClick(navigator.date_button, Qt.MouseButton.LeftButton)
    calendar = navigator.calendar

    def tooltip(day: date) -> str:
        return calendar.dateTextFormat(QDate(day.year, day.month, day.day)).toolTip()

    assert "mood 2 of 10" in tooltip(low).lower()
    assert "mood 9 of 10" in tooltip(high).lower()
    assert calendar.moods() == {low: 2, high: 9}
    (low_radius, low_colour), (high_radius, high_colour) = mood_dot(2), mood_dot(9)
    assert high_radius > low_radius and low_colour != high_colour  # size tells what colour tells
    legend = " ".join(label.text() for label in navigator.popup.findChildren(QLabel))
    assert "mood" in legend.lower()


def test_future_days_cannot_be_picked(qtbot, panel: CheckInPanel) -> None:
    navigator = panel.navigator
    qtbot.mouseClick(navigator.date_button, Qt.MouseButton.LeftButton)
    tomorrow = TODAY + timedelta(days=1)
    navigator.calendar.setSelectedDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert navigator.calendar.selectedDate() <= QDate(TODAY.year, TODAY.month, TODAY.day)
