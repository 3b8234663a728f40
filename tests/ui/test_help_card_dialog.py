"""The "Need support now?" card, used the way a person would: read, add, type, save, close."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from runjournal.domain.model import SupportContact
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.dialogs.help_card_dialog import HelpCardDialog


@pytest.fixture
def uk_locale():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


@pytest.fixture(autouse=True)
def discard_on_teardown(monkeypatch):
    """pytest-qt closes leftover dialogs after each test; never let that wait on a question."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def open_card(qtbot, journal: Journal) -> HelpCardDialog:
    dialog = HelpCardDialog(JournalBridge(journal))
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # typing needs the dialog active, as on a desktop
        dialog.show()
        dialog.activateWindow()
    return dialog


def shown_text(dialog: QDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())


def add_contact(qtbot, dialog: HelpCardDialog, name: str, phone: str, note: str = "") -> None:
    """Click Add, then type each cell and press Enter, as a person fills in a row."""
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    row = dialog.table.rowCount() - 1
    for column, text in enumerate((name, phone, note)):
        if not text:
            continue
        dialog.table.setCurrentCell(row, column)
        if column:  # the Add button already opened the name cell for typing
            dialog.table.setFocus()
            qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        assert editor is not None and dialog.table.isAncestorOf(editor)
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)


def stored(journal_path) -> list[SupportContact]:
    with Journal.open(journal_path) as reopened:
        return reopened.support_contacts()


def test_shows_the_support_lines_and_when_they_were_checked(qtbot, journal, uk_locale):
    dialog = open_card(qtbot, journal)
    text = shown_text(dialog)
    assert dialog.windowTitle() == "Need support now?"
    assert "you don't have to manage alone" in text
    assert "988" in text and "call or text" in text
    assert "Samaritans 116 123" in text
    assert "findahelpline.com" in text
    assert "112 in the EU" in text
    assert "Numbers last checked: 21 November 2026" in text
    assert "RunJournal never contacts anyone by itself." in text
    # Plain text the person can copy; nothing here opens a browser.
    assert not dialog.lines_label.openExternalLinks()
    assert "<a " not in dialog.lines_label.text()
    assert dialog.lines_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_loads_the_contacts_kept_in_the_journal(qtbot, journal):
    journal.save_support_contacts([SupportContact("Alex", "07700 900123", "my sister")])
    dialog = open_card(qtbot, journal)
    assert dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in range(3)] == ["Alex", "07700 900123", "my sister"]


def test_adding_a_contact_and_saving_keeps_it_in_the_journal(qtbot, journal, journal_path):
    dialog = open_card(qtbot, journal)
    add_contact(qtbot, dialog, "Sam", "+44 7700 900456", "running buddy")
    assert dialog.has_unsaved_changes()
    assert stored(journal_path) == []
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert stored(journal_path) == [SupportContact("Sam", "+44 7700 900456", "running buddy")]
    assert "saved" in dialog.status_label.text()
    assert not dialog.has_unsaved_changes()


def test_save_keeps_a_name_still_being_typed(qtbot, journal, journal_path):
    dialog = open_card(qtbot, journal)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(QApplication.focusWidget(), "Jo")  # no Enter: the cell is still open
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(journal_path) == [SupportContact("Jo")]


def test_removing_a_contact(qtbot, journal, journal_path):
    journal.save_support_contacts([SupportContact("Alex", "1"), SupportContact("Bea", "2")])
    dialog = open_card(qtbot, journal)
    first = dialog.table.visualItemRect(dialog.table.item(0, 0)).center()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert stored(journal_path) == [SupportContact("Bea", "2")]


def test_delete_key_removes_the_selected_contact(qtbot, journal):
    journal.save_support_contacts([SupportContact("Alex", "1")])
    dialog = open_card(qtbot, journal)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)  # arrow keys select a row
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert dialog.table.rowCount() == 0


def test_a_failed_save_keeps_the_edits_and_says_so(
    qtbot, journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))

    def full_disk(contacts: list[SupportContact]) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(journal, "save_support_contacts", full_disk)
    dialog = open_card(qtbot, journal)
    add_contact(qtbot, dialog, "Sam", "0123")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert warnings and "could not be saved" in warnings[0] and "No space left" in warnings[0]
    assert dialog.isVisible()
    assert [dialog.table.item(0, c).text() for c in range(2)] == ["Sam", "0123"]
    assert dialog.has_unsaved_changes()
    assert stored(journal_path) == []


def test_a_number_without_a_name_is_not_silently_dropped(qtbot, journal, journal_path):
    dialog = open_card(qtbot, journal)
    add_contact(qtbot, dialog, "", "0123")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "needs a name" in dialog.status_label.text()
    assert stored(journal_path) == []


def test_close_without_changes_asks_nothing(qtbot, journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append("asked"))
    dialog = open_card(qtbot, journal)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not asked
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


@pytest.mark.parametrize(
    ("answer", "still_open", "kept"),
    [
        (QMessageBox.StandardButton.Cancel, True, []),
        (QMessageBox.StandardButton.Discard, False, []),
        (QMessageBox.StandardButton.Save, False, [SupportContact("Sam", "0123")]),
    ],
)
def test_close_with_unsaved_edits_asks(
    qtbot,
    journal: Journal,
    journal_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
    still_open: bool,
    kept: list[SupportContact],
) -> None:
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = open_card(qtbot, journal)
    add_contact(qtbot, dialog, "Sam", "0123")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert asked == ["Save your contacts?"]
    assert dialog.isVisible() is still_open
    assert stored(journal_path) == kept


def test_keyboard_order_and_names(qtbot, journal):
    dialog = open_card(qtbot, journal)
    chain = [dialog.lines_label]
    widget = dialog.lines_label
    for _ in range(6):
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isEnabled():
            widget = widget.nextInFocusChain()
        chain.append(widget)
    assert chain[1] is dialog.copy_button
    assert chain[2] is dialog.table
    assert chain[3] is dialog.add_button
    assert dialog.save_button in chain and dialog.close_button in chain
    for widget in (
        dialog.copy_button,
        dialog.table,
        dialog.add_button,
        dialog.remove_button,
        dialog.save_button,
        dialog.close_button,
    ):
        assert widget.accessibleName()
