"""The strip that says a sample journal is open, on every view, with the way back.

The sample is a file of its own beside the person's journal. Without a sign on screen it
looks exactly like their own, and a first real check-in could go into it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

SAMPLE_FILE = "sample-journal.sqlite"


def is_sample_journal(path: Path) -> bool:
    return path.name == SAMPLE_FILE


class SampleBanner(QFrame):
    """ "This is a sample journal — Open my journal"; `openMine` when the button is pressed."""

    openMine = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sampleBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setAccessibleName("Sample journal")

        self.message = QLabel("This is a sample journal — nothing you enter here goes into your own journal.")
        self.message.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.message.setWordWrap(True)
        font = QFont(self.message.font())
        font.setBold(True)
        self.message.setFont(font)
        self.open_mine_button = QPushButton("Open my journal")
        self.open_mine_button.setToolTip("Close the sample and go back to your own journal")
        self.open_mine_button.clicked.connect(self.openMine)

        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.message, 1)
        row.addWidget(self.open_mine_button)


__all__ = ["SAMPLE_FILE", "SampleBanner", "is_sample_journal"]
