"""The window's side of a locked journal: asking for the passphrase at start, Lock Now
(Ctrl+L), the lock after some idle minutes, and protect / change / remove from Preferences.

While locked, the journal is closed, every passphrase is forgotten and the window is hidden;
only the passphrase dialog is on screen until the passphrase is typed again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from runjournal.service import protection
from runjournal.service.journal import Journal, JournalError, ValidationError

if TYPE_CHECKING:
    from runjournal.ui.dialogs.passphrase_dialog import ProtectionMode
    from runjournal.ui.main_window import MainWindow

IDLE_MINUTES_KEY = "security/idle_lock_minutes"  # 0: never


@dataclass(frozen=True)
class Unlocked:
    path: Path | None  # None: the person quit
    passphrase: str | None = None


def unlock(path: Path, parent: QWidget | None = None) -> Unlocked:
    """Asks for the passphrase of the locked journal at `path` until one opens it, or the
    person chooses another journal (then `path` is that one) or quits."""
    # The dialogs are imported when wanted: most journals never ask (a faster first paint).
    from runjournal.ui.dialogs.passphrase_dialog import PassphraseDialog, UnlockChoice

    problem = ""
    while True:
        dialog = PassphraseDialog(path, parent, problem=problem)
        dialog.exec()
        if dialog.choice is UnlockChoice.QUIT:
            return Unlocked(None)
        if dialog.choice is UnlockChoice.OPEN_ANOTHER:
            chosen, _ = QFileDialog.getOpenFileName(
                parent, "Open journal", str(path.parent), "RunJournal journals (*.sqlite);;All files (*)"
            )
            if chosen:
                return Unlocked(Path(chosen))
            continue
        try:
            protection.check_passphrase(path, dialog.typed())
        except JournalError as error:  # the wrong passphrase: one sentence, nothing changed
            problem = str(error)
            continue
        return Unlocked(path, dialog.typed())


def lock_now(window: MainWindow) -> None:
    """Closes the journal and hides the window until its passphrase is typed again."""
    journal = window.bridge.journal
    if not protection.is_protected(journal.path):
        window.say("This journal has no passphrase. Protect it in Preferences to be able to lock it.")
        return
    window.today.check_in.flush()
    path = journal.path
    window.hide()
    journal.close()
    protection.forget_passphrases()
    window.locked = True
    while True:
        unlocked = unlock(path)
        if unlocked.path is None:
            QApplication.quit()
            return
        if unlocked.path != path:
            if window.switch_to(unlocked.path):
                break
            continue
        try:
            reopened = Journal.open(path, passphrase=unlocked.passphrase)
        except JournalError as error:
            QMessageBox.warning(None, "The journal cannot be opened", str(error))
            continue
        window.undo_stack.clear()
        window.bridge.replace(reopened)  # the previous one is closed already
        break
    window.locked = False
    window.show()
    window.say("Unlocked")


def passphrase_label(path: Path) -> str:
    """Preferences' button: what it will do for the journal at `path`."""
    if protection.is_protected(path):
        return "Change or remove the passphrase…"
    return "Protect this journal with a passphrase…"


def change_protection(window: MainWindow) -> None:
    """Preferences → Protect this journal / Change passphrase / Remove passphrase."""
    from runjournal.ui.dialogs.passphrase_dialog import ProtectionDialog, ProtectionMode

    journal = window.bridge.journal
    path = journal.path
    protected = protection.is_protected(path)
    mode = ProtectionMode.PROTECT
    if protected:
        choice = QMessageBox(window)
        choice.setWindowTitle("Passphrase")
        choice.setText("This journal is locked with a passphrase.")
        change = choice.addButton("Change Passphrase…", QMessageBox.ButtonRole.AcceptRole)
        remove = choice.addButton("Remove Passphrase…", QMessageBox.ButtonRole.DestructiveRole)
        choice.addButton(QMessageBox.StandardButton.Cancel)
        choice.exec()
        if choice.clickedButton() not in (change, remove):
            return
        mode = ProtectionMode.CHANGE if choice.clickedButton() is change else ProtectionMode.REMOVE
    dialog = ProtectionDialog(mode, path.name, window)
    while dialog.exec() == ProtectionDialog.DialogCode.Accepted:
        if convert_open_journal(
            window, mode, dialog.current.text(), dialog.new.text(), dialog.repeated.text()
        ):
            return


def convert_open_journal(
    window: MainWindow, mode: ProtectionMode, current: str, new: str, repeated: str
) -> bool:
    """Closes the journal, converts it, and opens it again (as it was when that failed).
    Returns whether it was converted; a refusal is shown in words."""
    from runjournal.ui.dialogs.passphrase_dialog import ProtectionMode

    journal = window.bridge.journal
    path = journal.path
    window.today.check_in.flush()
    journal.close()
    converted = False
    try:
        if mode is ProtectionMode.PROTECT:
            protection.protect(path, new, repeated)
        elif mode is ProtectionMode.CHANGE:
            protection.change_passphrase(path, current, new, repeated)
        else:
            protection.remove_protection(path, current)
        converted = True
    except ValidationError as error:
        QMessageBox.warning(window, "Passphrase", error.problems[0].message)
    except JournalError as error:
        QMessageBox.warning(window, "Passphrase", str(error))
    # Opened again with the passphrase it has now (remembered by the conversion, or from unlocking).
    reopened = Journal.open(path)
    window.bridge.replace(reopened)
    if converted:
        window.say(
            {
                ProtectionMode.PROTECT: "The journal and its backups are now encrypted.",
                ProtectionMode.CHANGE: "The passphrase was changed.",
                ProtectionMode.REMOVE: "The journal and its backups are no longer encrypted.",
            }[mode]
        )
    return converted


class IdleLock(QObject):
    """Locks the window after `minutes` without a key press or a mouse move (0: never).

    It watches the application's events only while it is on: a filter on every event runs
    Python for each paint, key and mouse move of the session (and, at start-up, makes Qt
    for Python build the types of every object it is shown, about 10 ms)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._watching = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._idle)
        self.set_minutes(int(QSettings().value(IDLE_MINUTES_KEY, 0, type=int)))  # type: ignore[call-overload]

    def set_minutes(self, minutes: int, *, save: bool = False) -> None:
        self.minutes = max(0, minutes)
        if save:
            QSettings().setValue(IDLE_MINUTES_KEY, self.minutes)
        self._watch(self.minutes > 0)
        if self.minutes:
            self._timer.start(self.minutes * 60_000)
        else:
            self._timer.stop()

    def _watch(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self._watching:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.minutes and event.type() in _ACTIVITY:
            self._timer.start(self.minutes * 60_000)
        return False

    def _idle(self) -> None:
        if getattr(self._window, "locked", False):
            return
        if protection.is_protected(self._window.bridge.journal.path):
            lock_now(self._window)


_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }
)


_copies_confirmed: set[Path] = set()  # journals whose unencrypted copies were agreed to this session


def ask_unencrypted_copy(parent: QWidget | None, path: Path) -> bool:
    """Asks whether to go on (tests replace this function)."""
    answer = QMessageBox.question(
        parent,
        "This copy will not be encrypted",
        f"{protection.UNENCRYPTED_COPY} Your journal itself stays locked. Make the copy?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def unencrypted_copy_agreed(parent: QWidget | None, path: Path) -> bool:
    """Before an export or a report of a locked journal: says once a session that the copy
    (JSON, CSV, PDF) will not be encrypted. True to go on."""
    if path in _copies_confirmed or not protection.is_protected(path):
        return True
    if not ask_unencrypted_copy(parent, path):
        return False
    _copies_confirmed.add(path)
    return True


def open_asking(path: Path, parent: QWidget | None) -> Journal | None:
    """Opens the journal at `path` (File → Open Journal…), asking for its passphrase first
    when it is locked; None when the person gave up. Raises JournalError as Journal.open does."""
    if not protection.asks_for_passphrase(path):
        return Journal.open(path)
    unlocked = unlock(path, parent)
    if unlocked.path is None or unlocked.path != path:
        return None  # "Open another journal…" from here: File → Open Journal… again
    return Journal.open(path, passphrase=unlocked.passphrase)
