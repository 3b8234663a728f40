"""The page an import dialog shows while its files are read: what is being read, a
progress bar, and the promise that nothing changes until the person presses Import."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget


class ReadingPage(QWidget):
    def __init__(self, doing: str, promise: str, steps: int = 0, parent: QWidget | None = None) -> None:
        """`steps` 0 shows the bar as busy until the first step is reported."""
        super().__init__(parent)
        self.label = QLabel(doing)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # file names are not markup
        self.bar = QProgressBar()
        self.bar.setRange(0, steps)
        self.bar.setValue(0)
        self.bar.setAccessibleName("Reading progress")
        self.label.setBuddy(self.bar)
        hint = QLabel(promise)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(hint)
        layout.addStretch(2)
