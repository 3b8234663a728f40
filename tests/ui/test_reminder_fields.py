"""The reminder offered on first start and in Preferences: off by default, and what the
person chooses there is what `runjournal reminder status` reports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTime

from runjournal.domain.reminder import DEFAULT_TIME, EVERY_DAY
from runjournal.service import reminder
from runjournal.ui.dialogs.welcome_dialog import WelcomeDialog
from runjournal.ui.widgets.reminder_fields import ReminderFields


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    yield
    reminder.turn_off()


def test_first_start_offers_the_reminder_switched_off(qtbot, tmp_path: Path) -> None:
    dialog = WelcomeDialog(tmp_path / "journal.sqlite")
    qtbot.addWidget(dialog)
    fields = dialog.reminder
    assert not fields.enabled.isChecked()
    assert not fields.at.isEnabled()  # nothing to choose until it is turned on
    assert fields.chosen_time() == DEFAULT_TIME and fields.chosen_days() == EVERY_DAY
    assert fields.apply(tmp_path / "journal.sqlite") is None
    assert reminder.read_settings() is None  # accepting the defaults installs nothing


def test_turning_it_on_installs_it_and_preferences_show_it_on(qtbot, tmp_path: Path) -> None:
    fields = ReminderFields()
    qtbot.addWidget(fields)
    fields.enabled.setChecked(True)
    fields.at.setTime(QTime(21, 45))
    for day in (5, 6):
        fields.days[day].setChecked(False)
    assert fields.apply(tmp_path / "journal.sqlite") is None
    assert reminder.status().settings is not None
    assert reminder.status().settings.schedule.describe() == "on weekdays at 21:45"  # type: ignore[union-attr]

    again = ReminderFields()  # Preferences, opened later
    qtbot.addWidget(again)
    assert again.enabled.isChecked() and again.at.time() == QTime(21, 45)
    assert again.chosen_days() == frozenset(range(5))
    again.enabled.setChecked(False)
    assert again.apply(tmp_path / "journal.sqlite") is None
    assert reminder.read_settings() is None
    assert not reminder.autostart_path().exists()


def test_the_last_day_cannot_be_unticked(qtbot) -> None:
    fields = ReminderFields()
    qtbot.addWidget(fields)
    fields.enabled.setChecked(True)
    for day in range(6):
        fields.days[day].setChecked(False)
    assert not fields.days[6].isEnabled() and fields.days[6].isChecked()
