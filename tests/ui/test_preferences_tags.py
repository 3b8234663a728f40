"""The person's list of tags in Preferences: add, rename, remove, refused names, and undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from runjournal.domain.model import SUGGESTED_TAGS, CoachChoice, Settings
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.commands import PreferencesCommand, push
from runjournal.ui.dialogs.preferences_dialog import PreferencesDialog


def dialog_for(qtbot, settings: Settings) -> PreferencesDialog:
    dialog = PreferencesDialog(settings, "light")
    qtbot.addWidget(dialog)
    return dialog


def test_the_suggested_list_is_offered_and_a_typed_tag_is_added(qtbot) -> None:
    dialog = dialog_for(qtbot, Settings())
    editor = dialog.tags
    assert [editor.list.item(i).text() for i in range(editor.list.count())] == list(SUGGESTED_TAGS)
    qtbot.keyClicks(editor.new_name, "yoga")
    qtbot.keyClick(editor.new_name, Qt.Key.Key_Return)
    assert dialog.result_settings().tags == (*SUGGESTED_TAGS, "yoga")
    assert editor.new_name.text() == ""


def test_a_tag_is_renamed_and_another_removed(qtbot) -> None:
    dialog = dialog_for(qtbot, Settings(tags=("period", "alcohol", "therapy")))
    editor = dialog.tags
    editor.list.item(0).setText("cycle day 1")  # what the editor leaves after a rename
    editor.list.setCurrentRow(1)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.result_settings().tags == ("cycle day 1", "therapy")


def test_a_name_that_cannot_be_a_tag_is_refused_with_a_sentence_and_the_list_kept(qtbot) -> None:
    dialog = dialog_for(qtbot, Settings(tags=("therapy",)))
    editor = dialog.tags
    qtbot.keyClicks(editor.new_name, "Therapy")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert "twice" in editor.problem.text()
    editor.new_name.clear()
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert "1 to 40 characters" in editor.problem.text()
    editor.list.item(0).setText("   ")
    assert editor.list.item(0).text() == "therapy"  # the refused rename is put back
    assert dialog.result_settings().tags == ("therapy",)


def test_a_changed_list_is_saved_and_undone_with_the_other_preferences(qtbot, journal: Journal) -> None:
    stack = QUndoStack()
    bridge = JournalBridge(journal)
    no_choices: list[CoachChoice] = []
    before = (journal.settings(), no_choices, "light")
    after = (journal.settings().replace(tags=("yoga",)), no_choices, "light")
    push(stack, PreferencesCommand(bridge, before, after, lambda _theme: None))
    assert journal.settings().tags == ("yoga",)
    stack.undo()
    assert journal.settings().tags == SUGGESTED_TAGS
