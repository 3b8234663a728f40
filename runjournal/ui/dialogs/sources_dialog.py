"""Help → Sources: every short name a coach card cites, spelled out in full.

A card names its sources briefly ("WebMD 2021"); here a person, or the therapist they show
the page to, can see exactly what each one is. Plain selectable text, no links: RunJournal
never opens a web page by itself.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from runjournal.coach.sources import SOURCES

INTRO = (
    "The coach's tips come from published guidance, each named on its card by a short name. "
    "Here is each one in full. Where a tip rests on a threshold RunJournal chose itself, or on "
    "your own entries, it says so."
)


class SourcesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sources")
        self.setAccessibleName("Sources of the coach's tips")
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName("Sources in full")
        self.browser.setHtml(
            "".join(
                f"<p><b>{html.escape(short)}</b><br>{html.escape(full)}</p>"
                for short, full in SOURCES.items()
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(620, 560)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def text(self) -> str:
        """Everything the dialog says, as plain text."""
        return INTRO + "\n" + self.browser.toPlainText()
