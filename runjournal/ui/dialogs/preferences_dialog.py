"""Preferences: units, goals, the first day of the week, when running started, theme and tags;
and, read-only, where the journal and its backups are and when the last checked backup was made."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from runjournal.coach.names import SAFETY_RULES, rule_name, safety_note
from runjournal.domain.model import DistanceUnit, Settings
from runjournal.paths import backups_dir
from runjournal.service.backups import last_backup
from runjournal.ui.dates import edit_format
from runjournal.ui.dialogs.restore_dialog import last_backup_text
from runjournal.ui.widgets.tag_list_editor import TagListEditor

THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


def _where_rows(journal_path: Path) -> list[tuple[str, str, str]]:
    """Read-only lines: where the journal is, where its backups go, and the newest good one,
    so a person knows what to copy when moving computers and how fresh their way back is."""
    last = last_backup(journal_path)
    return [
        ("journal", "Journal:", str(journal_path)),
        ("backups", "Backups:", str(backups_dir(journal_path))),
        ("last", "Last checked backup:", last_backup_text(last).removeprefix("Last checked backup: ")),
    ]


class PreferencesDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        theme: str,
        parent: QWidget | None = None,
        *,
        turned_off: list[str] = (),  # type: ignore[assignment]
        journal_path: Path | None = None,
        passphrase: tuple[str, Callable[[], None]] | None = None,  # the button's words, what it does
        idle_lock_minutes: int = 0,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._settings = settings
        locale = QLocale()

        self.units = QComboBox()
        self.units.addItem("Kilometres (km)", DistanceUnit.KM)
        self.units.addItem("Miles (mi)", DistanceUnit.MI)
        self.units.setCurrentIndex(self.units.findData(settings.units))
        self.units.setAccessibleName("Distance units")

        self.minutes_goal = QSpinBox()
        self.minutes_goal.setRange(0, 3000)
        self.minutes_goal.setSingleStep(10)
        self.minutes_goal.setSuffix(" min")
        self.minutes_goal.setValue(settings.weekly_minutes_goal)
        self.minutes_goal.setToolTip("WHO guidelines: 150–300 minutes of moderate activity a week.")
        self.minutes_goal.setAccessibleName("Weekly minutes goal")

        self.sessions_goal = QSpinBox()
        self.sessions_goal.setRange(1, 21)
        self.sessions_goal.setSuffix(" a week")
        self.sessions_goal.setValue(settings.weekly_sessions_goal)
        self.sessions_goal.setToolTip("Guidance suggests about 30 minutes, 3 to 5 times a week.")
        self.sessions_goal.setAccessibleName("Sessions per week goal")

        self.week_start = QComboBox()
        for weekday in range(7):
            # QLocale counts Monday = 1; the journal counts Monday = 0, like date.weekday().
            self.week_start.addItem(locale.dayName(weekday + 1), weekday)
        self.week_start.setCurrentIndex(settings.week_start)
        self.week_start.setAccessibleName("First day of the week")

        self.knows_start = QCheckBox("I started running on")
        self.started = QDateEdit()
        self.started.setCalendarPopup(True)
        self.started.setMaximumDate(QDate.currentDate())
        self.started.setDisplayFormat(edit_format())
        started = settings.started_running or date.today()
        self.started.setDate(QDate(started.year, started.month, started.day))
        self.started.setAccessibleName("Date you started running")
        self.knows_start.setChecked(settings.started_running is not None)
        self.started.setEnabled(self.knows_start.isChecked())
        self.knows_start.toggled.connect(self.started.setEnabled)
        start_row = QHBoxLayout()
        start_row.addWidget(self.knows_start)
        start_row.addWidget(self.started, 1)

        self.theme = QComboBox()
        for key, label in THEME_LABELS.items():
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme)))
        self.theme.setAccessibleName("Appearance")

        form = QFormLayout()
        form.addRow("&Units:", self.units)
        form.addRow("Weekly &minutes goal:", self.minutes_goal)
        form.addRow("&Sessions goal:", self.sessions_goal)
        form.addRow("&Week starts on:", self.week_start)
        form.addRow(start_row)
        hint = QLabel("The coach eases you in during your first 8 weeks of running.")
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow(hint)
        form.addRow("&Appearance:", self.theme)
        from runjournal.ui.widgets.reminder_fields import ReminderFields

        self.reminder = ReminderFields()
        form.addRow("Daily reminder:", self.reminder)

        self.tags = TagListEditor(settings.tags)
        tags_label = QLabel("&Tags for the day:")
        tags_label.setBuddy(self.tags.list)
        form.addRow(tags_label, self.tags)

        self.turned_off: dict[str, QCheckBox] = {}
        turned_off = [r for r in turned_off if r not in SAFETY_RULES]  # those are never off
        if turned_off:
            form.addRow(QLabel("<b>Coach tips you turned off</b> — tick one to turn it back on:"))
            for rule_id in turned_off:
                box = QCheckBox(rule_name(rule_id))
                box.setAccessibleName(f"Turn the tip “{rule_name(rule_id)}” back on")
                self.turned_off[rule_id] = box
                form.addRow(box)

        safety = QLabel(safety_note())  # safety tips never appear among the turned-off ones
        safety.setWordWrap(True)
        form.addRow(safety)

        self.where: dict[str, QLabel] = {}
        if journal_path is not None:
            form.addRow(QLabel("<b>Your journal and its backups</b>"))
            for key, label, text in _where_rows(journal_path):
                shown = QLabel(text)
                shown.setWordWrap(True)
                shown.setMinimumWidth(shown.fontMetrics().averageCharWidth() * 44)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                shown.setAccessibleName(label.rstrip(":"))
                self.where[key] = shown
                form.addRow(label, shown)

        self.idle_lock_minutes = QSpinBox()
        self.idle_lock_minutes.setRange(0, 240)
        self.idle_lock_minutes.setSpecialValueText("Never")
        self.idle_lock_minutes.setSuffix(" min idle")
        self.idle_lock_minutes.setValue(idle_lock_minutes)
        self.idle_lock_minutes.setAccessibleName("Lock the journal after this many idle minutes")
        if passphrase is not None:
            self.passphrase_button = QPushButton(passphrase[0])
            self.passphrase_button.clicked.connect(passphrase[1])
            form.addRow("Passphrase:", self.passphrase_button)
            form.addRow("Lock after:", self.idle_lock_minutes)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def result_settings(self) -> Settings:
        return self._settings.replace(
            units=self.units.currentData(),
            weekly_minutes_goal=self.minutes_goal.value(),
            weekly_sessions_goal=self.sessions_goal.value(),
            week_start=self.week_start.currentData(),
            started_running=self.started.date().toPython() if self.knows_start.isChecked() else None,
            tags=self.tags.tags(),
        )

    def result_turned_back_on(self) -> list[str]:
        return [rule_id for rule_id, box in self.turned_off.items() if box.isChecked()]

    def result_theme(self) -> str:
        return self.theme.currentData()
