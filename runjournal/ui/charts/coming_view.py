"""The Charts tab until the charts arrive: says plainly what is coming, and when."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ChartsComingView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(
            "<h2>Charts are coming in the next version</h2>"
            "<p>They will put your running and your mood side by side:</p>"
            "<ul><li>minutes moved each week, easy, moderate and hard, against the 150-minute guideline</li>"
            "<li>sessions each week against 3 to 5</li>"
            "<li>mood, stress, anxiety and sleep, day by day and as a 7-day average</li>"
            "<li>mood before and after each run</li>"
            "<li>the share of easy time each week</li></ul>"
            "<p>Everything you log now will be in them.</p>"
        )
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setFixedWidth(620)  # a fixed width lets the wrapped text take the height it needs
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
