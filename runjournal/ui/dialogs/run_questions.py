"""The two questions the run form asks before it goes: is an unlikely pace right (Save
keeps it as typed), and may what was typed be thrown away (Esc on a changed form)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def pace_is_confirmed(parent: QWidget, question: str) -> bool:
    """Asks about a pace no person runs; True when the person chooses to save it as it is."""
    answer = QMessageBox.question(
        parent,
        "Is this right?",
        f"{question}\n\nSave saves it as it is; Cancel goes back to the form.",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Save


def discard_is_confirmed(parent: QWidget) -> bool:
    """Asks before a form that holds typing is closed by Esc; True to discard it."""
    answer = QMessageBox.question(
        parent,
        "Discard this run?",
        "Discard what you typed in this form? Cancel keeps the form open as it is.",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard
