"""Preferences…: what the window does with the dialog's answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from runjournal.service.errors import JournalError, ValidationError
from runjournal.ui.locking import change_protection, passphrase_label
from runjournal.ui.theme import apply_theme

if TYPE_CHECKING:
    from runjournal.ui.main_window import MainWindow


def edit_preferences(window: MainWindow) -> None:
    """Preferences…: the dialog, then one undoable change of settings, turned-back-on tips and
    look; the idle lock and the daily reminder, which belong to this computer, apply at once."""
    settings = QSettings()
    theme = str(settings.value("appearance/theme", "system"))
    journal = window.bridge.journal
    turned_off = sorted(rule_id for rule_id, choice in journal.coach_choices().items() if choice.disabled)
    from runjournal.ui.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(
        journal.settings(),
        theme,
        window,
        turned_off=turned_off,
        journal_path=journal.path,
        passphrase=(passphrase_label(journal.path), lambda: change_protection(window)),
        idle_lock_minutes=window.idle_lock.minutes,
    )
    if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
        return
    window.idle_lock.set_minutes(dialog.idle_lock_minutes.value(), save=True)
    journal = window.bridge.journal  # a passphrase change opened it again
    from runjournal.ui.commands import PreferencesCommand, push

    turned_back_on = dialog.result_turned_back_on()
    before = (journal.settings(), [journal.coach_choice(r) for r in turned_back_on], theme)
    after = (dialog.result_settings(), journal.turned_back_on(turned_back_on), dialog.result_theme())
    try:
        push(window.undo_stack, PreferencesCommand(window.bridge, before, after, set_theme))
    except (JournalError, ValidationError, OSError) as error:
        QMessageBox.warning(window, "Preferences not saved", str(error))
        return
    except Exception as error:  # logged by the command: say it, keep going
        QMessageBox.warning(window, "Preferences not saved", f"{error}\n\nNothing was changed.")
        return
    problem = dialog.reminder.apply(journal.path)  # per computer, like the desktop's own settings
    if problem:
        QMessageBox.warning(window, "The daily reminder", problem)
    window.say("Preferences saved")


def set_theme(theme: str) -> None:
    """The window's look: kept per computer (QSettings), not in the journal."""
    settings = QSettings()
    if str(settings.value("appearance/theme", "system")) == theme:
        return
    settings.setValue("appearance/theme", theme)
    apply_theme(QApplication.instance(), theme)  # type: ignore[arg-type]
