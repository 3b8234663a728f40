"""The run form asks before it throws typing away, and asks about a pace no person runs
without refusing it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from runjournal.domain.model import DistanceUnit
from runjournal.ui.dialogs.run_dialog import RunDialog


def open_dialog(qtbot) -> RunDialog:
    dialog = RunDialog(DistanceUnit.KM)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


class Answers:
    """Stands in for the person answering QMessageBox.question, and records what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> None:
        self.asked: list[str] = []
        self.answer = answer

        def question(_parent, title, text, *_args, **_kwargs):
            self.asked.append(f"{title}: {text}")
            return self.answer

        monkeypatch.setattr(QMessageBox, "question", question)


def test_escape_on_a_changed_form_asks_and_keeping_it_keeps_the_typing(qtbot, monkeypatch) -> None:
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Cancel)
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.duration_edit, "30")
    qtbot.keyClick(dialog.duration_edit, Qt.Key.Key_Escape)
    assert len(answers.asked) == 1 and "Discard" in answers.asked[0]
    assert dialog.isVisible()
    assert dialog.duration_edit.text() == "30"

    answers.answer = QMessageBox.StandardButton.Discard
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog.duration_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_escape_on_an_untouched_form_closes_without_asking(qtbot, monkeypatch) -> None:
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Cancel)
    dialog = open_dialog(qtbot)
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog.duration_edit, Qt.Key.Key_Escape)
    assert answers.asked == []


def test_a_pace_no_one_runs_is_questioned_beside_the_pace_and_on_save(qtbot, monkeypatch) -> None:
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Cancel)
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.duration_edit, "36:00")
    qtbot.keyClicks(dialog.distance_edit, "1")
    assert "Is this right?" in dialog.pace_question.text() and dialog.pace_question.isVisible()
    assert dialog.save_button.isEnabled()  # asked, never refused

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(answers.asked) == 1 and "Is this right?" in answers.asked[0]
    assert dialog.isVisible()  # "Go back" leaves the form open to change

    answers.answer = QMessageBox.StandardButton.Save
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    run = dialog.result_run()
    assert run.duration_s == 36 * 60 and run.distance_m == 1000


def test_an_ordinary_pace_saves_without_a_question(qtbot, monkeypatch) -> None:
    answers = Answers(monkeypatch, QMessageBox.StandardButton.Cancel)
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.duration_edit, "32:10")
    qtbot.keyClicks(dialog.distance_edit, "5")
    assert not dialog.pace_question.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert answers.asked == []
