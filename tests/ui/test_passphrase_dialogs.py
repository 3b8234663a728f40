"""The window and a locked journal: the passphrase before anything else, a wrong one said in
one sentence, Lock Now hiding every view, and protection turned on from the window."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from runjournal.domain.model import CheckIn
from runjournal.service import protection
from runjournal.service.journal import Journal
from runjournal.storage import encryption
from runjournal.ui import app as app_module
from runjournal.ui import locking
from runjournal.ui.dialogs.passphrase_dialog import (
    PassphraseDialog,
    ProtectionDialog,
    ProtectionMode,
    UnlockChoice,
)
from runjournal.ui.main_window import MainWindow

PASSPHRASE = "long slow run on sunday"
SHOTS = Path(os.environ.get("RUNJOURNAL_SHOTS", "/work/tools_tmp/shots/encryption"))


@pytest.fixture(autouse=True)
def fresh_state(tmp_path: Path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    app_module.make_application()
    QSettings().clear()
    encryption.forget_all()
    yield
    QSettings().clear()
    encryption.forget_all()


@pytest.fixture
def locked_path(journal_path: Path) -> Path:
    with Journal.open(journal_path) as journal:
        journal.save_check_in(CheckIn(day=date(2025, 4, 4), mood=7, note="kept behind the lock"))
    protection.protect(journal_path, PASSPHRASE, PASSPHRASE)
    encryption.forget_all()
    return journal_path


def _shot(widget, name: str) -> None:
    """A picture of the dialog for looking at (kept outside the repository)."""
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    widget.grab().save(str(SHOTS / f"{name}.png"))


def _answer_next_dialog(qtbot, answers: list[str], seen: list[str]) -> None:
    """Types each answer into the passphrase dialog as it appears, noting what it said."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog):
            QTimer.singleShot(10, answer)
            return
        seen.append(dialog.problem.text() if dialog.problem.isVisibleTo(dialog) else "")
        if len(seen) == 2:
            _shot(dialog, "unlock-wrong-passphrase")
        dialog.passphrase.setText(answers.pop(0))
        dialog.unlock_button.click()
        if answers:
            QTimer.singleShot(10, answer)

    QTimer.singleShot(0, answer)


def test_a_locked_journal_asks_for_its_passphrase_before_the_window_and_a_wrong_one_is_one_sentence(
    qtbot, locked_path: Path
) -> None:
    seen: list[str] = []
    _answer_next_dialog(qtbot, ["not the passphrase", PASSPHRASE], seen)
    opened = app_module.open_journal(locked_path, None)
    assert isinstance(opened, app_module.Opened)
    with opened.journal as journal:
        assert journal.check_in(date(2025, 4, 4)).note == "kept behind the lock"
    assert seen[0] == ""
    assert "does not open" in seen[1] and "Nothing was changed" in seen[1] and "\n" not in seen[1]


def test_quitting_at_the_passphrase_opens_nothing(qtbot, locked_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(app_module, "ask_passphrase", lambda path: locking.Unlocked(None))
    assert app_module.open_journal(locked_path, None) == app_module.EXIT_UNUSABLE


def test_the_unlock_dialog_shows_the_journal_name_and_can_show_the_passphrase(
    qtbot, locked_path: Path
) -> None:
    dialog = PassphraseDialog(locked_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert locked_path.name in dialog.findChildren(type(dialog.problem))[0].text()
    dialog.passphrase.setText("secret words")
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
    dialog.show_passphrase.setChecked(True)
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Normal
    dialog.show_passphrase.setChecked(False)
    _shot(dialog, "unlock")
    dialog.other_button.click()
    assert dialog.choice is UnlockChoice.OPEN_ANOTHER


def test_the_protect_dialog_warns_that_a_forgotten_passphrase_cannot_be_recovered(qtbot) -> None:
    dialog = ProtectionDialog(ProtectionMode.PROTECT, "journal.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.warning.isVisible() and "nobody can open" in dialog.warning.text()
    dialog.new.setText("short")
    dialog.repeated.setText("short")
    dialog.confirm_button.click()
    assert dialog.isVisible() and "at least 8 characters" in dialog.problem.text()
    dialog.new.setText(PASSPHRASE)
    dialog.repeated.setText(PASSPHRASE + "x")
    dialog.confirm_button.click()
    assert dialog.isVisible() and "not the same" in dialog.problem.text()
    _shot(dialog, "protect-mistyped")
    dialog.repeated.setText(PASSPHRASE)
    dialog.confirm_button.click()
    assert dialog.result() == ProtectionDialog.DialogCode.Accepted
    for mode in (ProtectionMode.CHANGE, ProtectionMode.REMOVE):
        other = ProtectionDialog(mode, "journal.sqlite")
        qtbot.addWidget(other)
        other.show()
        qtbot.waitExposed(other)
        _shot(other, mode.value)


def test_protecting_from_the_window_keeps_every_entry_and_backups_follow(qtbot, journal_path: Path) -> None:
    journal = Journal.open(journal_path)
    journal.save_check_in(CheckIn(day=date(2025, 4, 5), mood=5, note="before the lock"))
    backup = journal.backup().path
    window = MainWindow(journal)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert locking.convert_open_journal(window, ProtectionMode.PROTECT, "", PASSPHRASE, PASSPHRASE)
    assert protection.is_protected(journal_path) and encryption.is_encrypted(backup)
    assert window.bridge.journal.check_in(date(2025, 4, 5)).note == "before the lock"
    window.bridge.journal.save_check_in(CheckIn(day=date(2025, 4, 6), mood=6))  # still writable
    window.close()
    window.bridge.journal.close()


def test_lock_now_hides_every_view_and_closes_the_journal_until_the_passphrase(
    qtbot, locked_path: Path, monkeypatch
) -> None:
    window = MainWindow(Journal.open(locked_path, passphrase=PASSPHRASE))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    while_locked: list[tuple[bool, list[str]]] = []

    def unlock(path: Path, parent=None) -> locking.Unlocked:
        while_locked.append((window.isVisible(), encryption.known_passphrases()))
        return locking.Unlocked(path, PASSPHRASE)

    monkeypatch.setattr(locking, "unlock", unlock)
    window.lock_action.trigger()
    assert while_locked == [(False, [])]  # hidden, and no passphrase kept while locked
    assert window.isVisible() and not window.locked
    assert window.bridge.journal.check_in(date(2025, 4, 4)).note == "kept behind the lock"
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    window.close()
    window.bridge.journal.close()


def test_lock_now_on_a_plain_journal_says_how_to_protect_it(qtbot, journal: Journal) -> None:
    window = MainWindow(journal)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.lock_action.trigger()
    assert window.isVisible()
    assert "Protect it in Preferences" in window.statusBar().currentMessage()


def test_an_export_of_a_locked_journal_asks_once_that_the_copy_will_not_be_encrypted(
    qtbot, locked_path: Path, monkeypatch
) -> None:
    from runjournal.ui import exporting

    locking._copies_confirmed.clear()
    asked: list[Path] = []
    answers = [False, True]
    targets: list[str] = []

    def ask(parent, path: Path) -> bool:
        asked.append(path)
        return answers.pop(0)

    def cancelled_file_dialog(parent) -> None:
        targets.append("asked")

    monkeypatch.setattr(locking, "ask_unencrypted_copy", ask)
    monkeypatch.setattr(exporting, "ask_target", cancelled_file_dialog)
    window = MainWindow(Journal.open(locked_path, passphrase=PASSPHRASE))
    qtbot.addWidget(window)
    window.export()  # declined: no file dialog
    assert targets == []
    window.export()  # agreed
    window.export()  # not asked again
    assert asked == [locked_path, locked_path] and targets == ["asked", "asked"]
    window.bridge.journal.close()
    locking._copies_confirmed.clear()


def test_a_second_start_on_a_locked_journal_sends_one_word_and_no_journal_data(
    qtbot, locked_path: Path, monkeypatch
) -> None:
    import subprocess
    import sys

    from runjournal.ui.single_instance import RAISE_MESSAGE, SingleInstance

    received: list[bytes] = []
    heard = SingleInstance._on_message

    def record(self, socket) -> None:
        received.append(bytes(socket.peek(4096).data()))
        heard(self, socket)

    monkeypatch.setattr(SingleInstance, "_on_message", record)
    first = SingleInstance(locked_path)
    try:
        assert first.acquire()
        with qtbot.waitSignal(first.raiseRequested, timeout=30_000):
            second = subprocess.Popen(
                [sys.executable, "-m", "runjournal", "--db", str(locked_path)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                text=True,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.pathsep.join(sys.path)},
            )
        _out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
    finally:
        first.release()
    assert b"".join(received) == RAISE_MESSAGE  # the whole conversation: no path, no entry, no passphrase


def test_the_idle_lock_waits_the_chosen_minutes_restarts_on_activity_and_locks_a_locked_journal(
    qtbot, locked_path: Path, monkeypatch
) -> None:
    from PySide6.QtCore import QEvent

    window = MainWindow(Journal.open(locked_path, passphrase=PASSPHRASE))
    qtbot.addWidget(window)
    idle = window.idle_lock
    assert idle.minutes == 0 and not idle._timer.isActive()  # off unless chosen
    idle.set_minutes(5, save=True)
    assert idle._timer.interval() == 5 * 60_000 and idle._timer.isActive()
    assert int(QSettings().value(locking.IDLE_MINUTES_KEY)) == 5
    idle._timer.start(1000)
    idle.eventFilter(window, QEvent(QEvent.Type.KeyPress))  # a key press starts the wait again
    assert idle._timer.interval() == 5 * 60_000
    locked: list[MainWindow] = []
    monkeypatch.setattr(locking, "lock_now", locked.append)
    idle._timer.setInterval(1)
    with qtbot.waitSignal(idle._timer.timeout, timeout=5_000):
        idle._timer.start()
    assert locked == [window]
    window.bridge.journal.close()


def test_opening_a_locked_journal_from_the_window_asks_its_passphrase(
    qtbot, locked_path: Path, tmp_path: Path, monkeypatch
) -> None:
    plain = Journal.open(tmp_path / "other" / "plain.sqlite")
    window = MainWindow(plain)
    qtbot.addWidget(window)
    answers = [locking.Unlocked(None), locking.Unlocked(locked_path, PASSPHRASE)]
    monkeypatch.setattr(locking, "unlock", lambda path, parent=None: answers.pop(0))
    assert not window.switch_to(locked_path)  # gave up: the plain journal stays open
    assert window.bridge.journal is plain
    assert window.switch_to(locked_path)
    assert window.bridge.journal.check_in(date(2025, 4, 4)).note == "kept behind the lock"
    window.bridge.journal.close()


def test_preferences_removes_the_passphrase_after_asking_for_the_current_one(
    qtbot, locked_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = MainWindow(Journal.open(locked_path, passphrase=PASSPHRASE))
    qtbot.addWidget(window)
    steps: list[str] = []

    def answer() -> None:
        shown = QApplication.activeModalWidget()
        if isinstance(shown, QMessageBox) and not steps:
            steps.append(shown.text())
            remove = next(b for b in shown.buttons() if b.text() == "Remove Passphrase…")
            remove.click()
        elif isinstance(shown, ProtectionDialog):
            steps.append(shown.windowTitle())
            shown.current.setText(PASSPHRASE)
            shown.confirm_button.click()
            return
        QTimer.singleShot(10, answer)

    QTimer.singleShot(0, answer)
    locking.change_protection(window)
    assert steps == ["This journal is locked with a passphrase.", "Remove the journal's passphrase"]
    assert not protection.is_protected(locked_path)
    assert window.bridge.journal.check_in(date(2025, 4, 4)).note == "kept behind the lock"
    assert "no longer encrypted" in window.statusBar().currentMessage()
    window.bridge.journal.close()


def test_the_idle_lock_watches_the_keyboard_and_mouse_only_while_it_is_on(
    qtbot, locked_path: Path, monkeypatch
) -> None:
    """Off (the default), the idle lock sees no event at all: a filter on every event of the
    application would run Python for each paint, key and mouse move of the whole session."""
    from PySide6.QtCore import Qt

    seen: list[int] = []
    watch = locking.IdleLock.eventFilter

    def spy(self: locking.IdleLock, watched: object, event: object) -> bool:
        seen.append(1)
        return watch(self, watched, event)  # type: ignore[arg-type]

    monkeypatch.setattr(locking.IdleLock, "eventFilter", spy)
    window = MainWindow(Journal.open(locked_path, passphrase=PASSPHRASE))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_Shift)
    assert seen == []
    window.idle_lock.set_minutes(5)
    window.idle_lock._timer.start(1000)
    qtbot.keyClick(window, Qt.Key.Key_Shift)  # a key press starts the five minutes again
    assert seen and window.idle_lock._timer.interval() == 5 * 60_000
    window.idle_lock.set_minutes(0)
    seen.clear()
    qtbot.keyClick(window, Qt.Key.Key_Shift)
    assert seen == [] and not window.idle_lock._timer.isActive()
    window.bridge.journal.close()
