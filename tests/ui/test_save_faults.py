"""A save that the disk refuses, seen from the window: a plain message, and nothing typed is lost.

The journal is really made full or read-only (on its own connections: SQLite's
`max_page_count` capped at the file's current size, or `query_only`, which fail writes
with the same errors as a full disk or a read-only folder; the tests run as root, where
chmod stops no write). On the full journal the entry carries a long note pasted in,
which needs a page the file cannot grow, so the save fails for certain rather than
fitting in space left inside the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import event

from runjournal.domain.model import CheckIn, Run
from runjournal.service.journal import Journal
from runjournal.storage import errors
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.dialogs.run_dialog import RunDialog
from runjournal.ui.views.runs.run_actions import RunActions
from runjournal.ui.views.today.check_in_panel import CheckInPanel

LONG_NOTE = "Ran along the river after a hard week; the legs were heavy but my head cleared. " * 70
CTRL = Qt.KeyboardModifier.ControlModifier
FAULTS = {"full": errors.DISK_FULL, "read-only": errors.READ_ONLY}
Modal = TypeVar("Modal", bound=QWidget)


def make_faulty(journal: Journal, fault: str) -> None:
    """From now on the journal's connections are full (no page beyond its size) or read-only."""
    engine = journal._db.engine

    def apply(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        if fault == "full":
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")
        else:
            dbapi_connection.execute("PRAGMA query_only = 1")

    event.listen(engine, "connect", apply)
    engine.dispose()


def integrity(journal: Journal) -> str:
    with sqlite3.connect(journal.path) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def write_note(qtbot, edit: QWidget, fault: str) -> str:
    """Types a short note, or pastes a long one (what the full journal has no room for)."""
    edit.setFocus()
    if fault == "full":
        QGuiApplication.clipboard().setText(LONG_NOTE)
        qtbot.keyClick(edit, Qt.Key.Key_V, CTRL)
        return LONG_NOTE
    qtbot.keyClicks(edit, "Felt better after")
    return "Felt better after"


def when_modal(kind: type[Modal], act: Callable[[Modal], None], seen: list[QWidget]) -> None:
    """Acts on the next modal window of `kind` not seen before (exec() blocks the test)."""

    def attempt() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind) or any(widget is old for old in seen):
            QTimer.singleShot(20, attempt)
            return
        seen.append(widget)
        act(widget)

    QTimer.singleShot(0, attempt)


@pytest.fixture
def with_history(journal: Journal) -> Journal:
    journal.log_run(Run(day=date.today(), duration_s=1200))
    journal.save_check_in(CheckIn(day=date.today(), mood=5))
    return journal


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_run_the_disk_refuses_is_explained_and_comes_back_as_typed(
    qtbot, with_history: Journal, fault: str
) -> None:
    journal = with_history
    before = (journal.counts(), journal.runs())
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    stack = QUndoStack()
    actions = RunActions(JournalBridge(journal), stack, window)
    make_faulty(journal, fault)
    seen: list[QWidget] = []
    typed: dict[str, str] = {}
    shown: dict[str, object] = {}

    def fill(dialog: RunDialog) -> None:
        dialog.duration_edit.setFocus()
        dialog.duration_edit.selectAll()
        qtbot.keyClicks(dialog.duration_edit, "32:10")
        qtbot.keyClicks(dialog.distance_edit, "5")
        qtbot.keyClicks(dialog.title_edit, "River loop")
        typed["note"] = write_note(qtbot, dialog.note_edit, fault)
        when_modal(QMessageBox, read_message, seen)
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)  # Enter saves

    def read_message(box: QMessageBox) -> None:
        shown["title"], shown["text"] = box.windowTitle(), box.text()
        when_modal(RunDialog, look_again, seen)
        qtbot.keyClick(box, Qt.Key.Key_Return)

    def look_again(dialog: RunDialog) -> None:
        shown["text again"] = (dialog.duration_edit.text(), dialog.title_edit.text())
        shown["again"] = dialog.result_run()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the person gives up for now

    when_modal(RunDialog, fill, seen)
    actions.log_run()

    assert FAULTS[fault] in str(shown["text"])  # the plain sentence, word for word
    assert "sqlite" not in str(shown["text"]).lower() and "[SQL" not in str(shown["text"])
    again = shown["again"]  # nothing lost: the dialog came back with everything typed
    assert isinstance(again, Run)
    assert shown["text again"] == ("32:10", "River loop")
    assert (again.duration_s, again.distance_m, again.note) == (1930, 5000, typed["note"])
    assert stack.count() == 0  # no half-done undo step
    assert (journal.counts(), journal.runs()) == before  # no partial record
    assert integrity(journal) == "ok"


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_check_in_the_disk_refuses_keeps_the_form_and_says_why(
    qtbot, with_history: Journal, fault: str
) -> None:
    journal = with_history
    stack = QUndoStack()
    panel = CheckInPanel(JournalBridge(journal), stack)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    qtbot.waitExposed(panel)
    before = (journal.counts(), journal.check_ins())
    make_faulty(journal, fault)

    panel.sliders["mood"].slider.setFocus()
    qtbot.keyClick(panel.sliders["mood"].slider, Qt.Key.Key_8)
    with qtbot.waitSignal(panel.saveFailed, timeout=5000) as failed:
        note = write_note(qtbot, panel.note, fault)

    message = failed.args[0]
    assert FAULTS[fault] in message and "sqlite" not in message.lower()
    assert panel.status.text() == message and panel.retry_button.isVisible()
    assert panel.sliders["mood"].value() == 8 and panel.note.toPlainText() == note  # nothing lost
    assert panel.has_unsaved_changes()
    assert stack.count() == 0
    assert (journal.counts(), journal.check_ins()) == before  # the stored day is as it was
    assert integrity(journal) == "ok"
