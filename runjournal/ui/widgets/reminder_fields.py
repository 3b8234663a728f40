"""The daily reminder's choices: on or off, a time, the days. Shown on first start and in
Preferences; off until the person turns it on."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QTimeEdit, QVBoxLayout, QWidget

from runjournal.domain.reminder import DAY_NAMES, DEFAULT_TIME, EVERY_DAY, format_days
from runjournal.service import reminder

DAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class ReminderFields(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        current = reminder.read_settings()
        self.was_on = current is not None
        at = current.schedule.at if current else DEFAULT_TIME
        days = current.schedule.days if current else EVERY_DAY

        self.enabled = QCheckBox("&Remind me once a day to check in")
        self.enabled.setChecked(self.was_on)
        self.at = QTimeEdit(QTime(at.hour, at.minute))
        self.at.setDisplayFormat("HH:mm")
        self.at.setAccessibleName("Reminder time")
        self.days: dict[int, QCheckBox] = {}
        day_row = QHBoxLayout()
        day_row.setContentsMargins(0, 0, 0, 0)
        day_row.addWidget(QLabel("at"))
        day_row.addWidget(self.at)
        day_row.addSpacing(8)
        for index, label in enumerate(DAY_LABELS):
            box = QCheckBox(label)
            box.setChecked(index in days)
            box.setAccessibleName(f"Remind on {DAY_NAMES[index]}")
            self.days[index] = box
            day_row.addWidget(box)
        day_row.addStretch(1)
        hint = QLabel(
            "A gentle notification, also when RunJournal is closed; quiet on days you have "
            "already checked in. It shows nothing of your entries."
        )
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addLayout(day_row)
        layout.addWidget(hint)
        self.enabled.toggled.connect(self._enable_choices)
        for box in self.days.values():
            box.toggled.connect(self._keep_one_day)
        self._enable_choices(self.was_on)

    def _enable_choices(self, on: bool) -> None:
        self.at.setEnabled(on)
        for box in self.days.values():
            box.setEnabled(on)

    def _keep_one_day(self) -> None:
        chosen = [box for box in self.days.values() if box.isChecked()]
        if len(chosen) == 1:
            chosen[0].setEnabled(False)  # a reminder needs at least one day
        elif self.enabled.isChecked():
            for box in self.days.values():
                box.setEnabled(True)

    def chosen_time(self) -> time:
        value = self.at.time()
        return time(value.hour(), value.minute())

    def chosen_days(self) -> frozenset[int]:
        return frozenset(index for index, box in self.days.items() if box.isChecked())

    def apply(self, journal: Path) -> str | None:
        """Turns the reminder on, changes it or turns it off as chosen; returns a sentence to
        show when that could not be done."""
        try:
            if self.enabled.isChecked():
                reminder.turn_on(
                    journal, at=f"{self.chosen_time():%H:%M}", days=format_days(self.chosen_days())
                )
            elif self.was_on:
                reminder.turn_off()
        except (reminder.ReminderError, OSError, ValueError) as error:
            return f"The daily reminder could not be changed: {error}"
        return None
