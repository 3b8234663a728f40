"""The first start: where the journal lives, what RunJournal is and isn't, units, a sample."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from runjournal.domain.model import DistanceUnit
from runjournal.ui.widgets.reminder_fields import ReminderFields


class WelcomeDialog(QDialog):
    """Accepted with `wants_sample` False to start one's own journal, True to look around first."""

    def __init__(self, journal_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to RunJournal")
        self.wants_sample = False
        intro = QLabel(
            "<h2>Welcome to RunJournal</h2>"
            "<p>A journal for people who run to feel better: log your runs, note how each day "
            "felt, and see how the two move together.</p>"
            "<p><b>Your journal stays on this computer.</b> Nothing is sent anywhere; there is "
            f"no account. It is kept in:<br><code>{journal_path}</code></p>"
            "<p>RunJournal is a wellness journal, <b>not a medical device</b>. Its suggestions "
            "come from published guidelines and are no substitute for advice from a professional.</p>"
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.km = QRadioButton("&Kilometres")
        self.mi = QRadioButton("&Miles")
        self.km.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.km)
        group.addButton(self.mi)

        buttons = QDialogButtonBox()
        start = buttons.addButton("&Start my journal", QDialogButtonBox.ButtonRole.AcceptRole)
        start.setDefault(True)
        sample: QPushButton = buttons.addButton(
            "Look at a &sample journal", QDialogButtonBox.ButtonRole.ActionRole
        )
        sample.setToolTip("Opens a separate sample file; your own journal stays empty and untouched.")
        start.clicked.connect(self.accept)
        sample.clicked.connect(self._choose_sample)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel("Show distances in:"))
        layout.addWidget(self.km)
        layout.addWidget(self.mi)
        layout.addSpacing(8)
        self.reminder = ReminderFields()
        layout.addWidget(self.reminder)
        self.protect = QCheckBox("&Protect this journal with a passphrase (asked for next)")
        self.protect.setToolTip(
            "The journal and its backups are encrypted; RunJournal asks for the passphrase each "
            "time it opens. Preferences can add, change or remove it later."
        )
        layout.addWidget(self.protect)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _choose_sample(self) -> None:
        self.wants_sample = True
        self.accept()

    def units(self) -> DistanceUnit:
        return DistanceUnit.MI if self.mi.isChecked() else DistanceUnit.KM
