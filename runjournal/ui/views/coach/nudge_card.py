"""One coach nudge as a card: what it says, why (on request), and the person's choices about it.

The card only shows a nudge and reports what the person chose; the panel writes those
choices to the journal, so a card never needs to know where the journal is.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from runjournal.coach.model import Level, Nudge
from runjournal.coach.sources import SOURCES
from runjournal.ui.theme import is_dark

# The word beside each level, so the level never rests on colour alone.
LEVEL_WORDS: dict[Level, str] = {
    Level.SAFETY: "Safety",
    Level.CARE: "Care",
    Level.CAUTION: "Take care",
    Level.SUGGEST: "Suggestion",
    Level.CELEBRATE: "Well done",
}
# (on a light background, on a dark background): each passes WCAG AA for text on its background.
LEVEL_COLOURS: dict[Level, tuple[str, str]] = {
    Level.SAFETY: ("#b3261e", "#ff8a80"),
    Level.CARE: ("#6b3fa0", "#cfb2ff"),
    Level.CAUTION: ("#8a4b00", "#ffc474"),
    Level.SUGGEST: ("#1a5fb4", "#8ab4f8"),
    Level.CELEBRATE: ("#1b6e31", "#81c995"),
}
SNOOZE_TEXT = "Snooze 7 days"
TURN_OFF_TEXT = "Turn off this tip"
TURN_OFF_TIP = "You can turn it back on in Preferences"
SAFETY_SNOOZE_TIP = "Hide this tip for the next 7 days. Safety tips can be snoozed but not turned off."
SUPPORT_TEXT = "Need support now?"
WHY_TEXT = "Why?"
HIDE_WHY_TEXT = "Hide why"


def level_colour(level: Level, palette: QPalette) -> QColor:
    """The accent for `level` that stays readable on this palette's window colour."""
    light, dark = LEVEL_COLOURS[level]
    return QColor(dark if is_dark(palette) else light)


def sources_text(nudge: Nudge) -> str:
    """ "Sources: WebMD 2021; NHS Couch to 5K" — short names; Help → Sources has them in full."""
    names = nudge.sources
    return f"{'Source' if len(names) == 1 else 'Sources'}: {'; '.join(names)}"


def sources_tip(nudge: Nudge) -> str:
    """Each short name spelled out, for the pointer and screen readers."""
    return "\n".join(f"{name}: {SOURCES.get(name, name)}" for name in nudge.sources)


def _wrapping_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setMinimumWidth(1)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class NudgeCard(QFrame):
    """Shows one `Nudge`; emits what the person asks for, with the nudge's rule id."""

    snoozeRequested = Signal(str)
    turnOffRequested = Signal(str)
    supportRequested = Signal()
    whyToggled = Signal(bool)

    def __init__(self, nudge: Nudge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nudge = nudge
        self.setObjectName(f"nudge-{nudge.rule_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Plain)
        self.setAccessibleName(f"{LEVEL_WORDS[nudge.level]}: {nudge.title}")
        self.setAccessibleDescription(nudge.message)

        # A coloured stripe down the left edge; the level word carries the meaning too.
        self._stripe = QFrame()
        self._stripe.setFixedWidth(4)
        self._stripe.setAutoFillBackground(True)

        self.level_label = QLabel(LEVEL_WORDS[nudge.level].upper())
        level_font = QFont(self.level_label.font())
        level_font.setBold(True)
        level_font.setPointSizeF(max(7.0, level_font.pointSizeF() * 0.85))
        level_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        self.level_label.setFont(level_font)
        self.level_label.setAccessibleName(f"Kind of tip: {LEVEL_WORDS[nudge.level]}")

        self.title_label = _wrapping_label(nudge.title)
        title_font = QFont(self.title_label.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.08)
        self.title_label.setFont(title_font)

        self.message_label = _wrapping_label(nudge.message)

        self.why_button = QToolButton()
        self.why_button.setText(WHY_TEXT)
        self.why_button.setCheckable(True)
        self.why_button.setAutoRaise(True)
        self.why_button.setArrowType(Qt.ArrowType.RightArrow)
        self.why_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.why_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.why_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.why_button.setAccessibleName(f"Why this tip: {nudge.title}")
        self.why_button.setToolTip("Show the numbers from your journal behind this tip, and its source")
        self.why_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.why_button.toggled.connect(self.set_why_shown)

        self.why_label = _wrapping_label(nudge.why)
        self.why_label.setAccessibleName("Why this tip")
        self.source_label = _wrapping_label(sources_text(nudge))
        self.source_label.setAccessibleName("Sources of this tip")
        self.source_label.setToolTip(sources_tip(nudge))
        source_font = QFont(self.source_label.font())
        source_font.setItalic(True)
        self.source_label.setFont(source_font)
        self._details = QWidget()
        details = QVBoxLayout(self._details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(4)
        details.addWidget(self.why_label)
        details.addWidget(self.source_label)
        self._details.setVisible(False)

        self.snooze_button = QPushButton(SNOOZE_TEXT)
        self.snooze_button.setAccessibleName(f"Snooze for 7 days: {nudge.title}")
        self.snooze_button.setToolTip("Hide this tip for the next 7 days")
        self.snooze_button.clicked.connect(lambda: self.snoozeRequested.emit(nudge.rule_id))
        self.turn_off_button = QPushButton(TURN_OFF_TEXT)
        self.turn_off_button.setAccessibleName(f"Turn off this tip: {nudge.title}")
        self.turn_off_button.setToolTip(TURN_OFF_TIP)
        self.turn_off_button.clicked.connect(lambda: self.turnOffRequested.emit(nudge.rule_id))
        if nudge.level is Level.SAFETY:  # safety tips can be snoozed, never turned off
            self.turn_off_button.hide()
            self.snooze_button.setToolTip(SAFETY_SNOOZE_TIP)
        choices = QHBoxLayout()
        choices.setSpacing(6)
        choices.addWidget(self.snooze_button)
        choices.addWidget(self.turn_off_button)
        choices.addStretch(1)

        body = QVBoxLayout()
        body.setSpacing(6)
        body.addWidget(self.level_label)
        body.addWidget(self.title_label)
        body.addWidget(self.message_label)

        self.support_button: QPushButton | None = None
        if nudge.level is Level.SAFETY or nudge.offers_support:
            self.support_button = QPushButton(SUPPORT_TEXT)
            self.support_button.setAccessibleName("Need support now? Show places to get help")
            self.support_button.setToolTip("Helplines and your own contacts")
            self.support_button.clicked.connect(self.supportRequested)
            support_row = QHBoxLayout()
            support_row.addWidget(self.support_button)
            support_row.addStretch(1)
            body.addLayout(support_row)

        why_row = QHBoxLayout()
        why_row.setContentsMargins(0, 0, 0, 0)
        why_row.addWidget(self.why_button)
        why_row.addStretch(1)
        body.addLayout(why_row)
        body.addWidget(self._details)
        body.addLayout(choices)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 10, 10)
        outer.setSpacing(10)
        outer.addWidget(self._stripe)
        inner = QVBoxLayout()
        inner.setContentsMargins(0, 10, 0, 0)
        inner.addLayout(body)
        outer.addLayout(inner, 1)

        self._recolour()

    @property
    def why_shown(self) -> bool:
        return self._details.isVisibleTo(self)

    def set_why_shown(self, shown: bool) -> None:
        """Expands or collapses the reasons and source; the button follows."""
        if self.why_button.isChecked() != shown:
            self.why_button.setChecked(shown)  # re-enters through `toggled`
            return
        self._details.setVisible(shown)
        self.why_button.setText(HIDE_WHY_TEXT if shown else WHY_TEXT)
        self.why_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.whyToggled.emit(shown)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._recolour()
        super().changeEvent(event)

    def _recolour(self) -> None:
        """Picks the level's accent for the current palette (light or dark)."""
        colour = level_colour(self.nudge.level, self.palette())
        stripe = self._stripe.palette()
        stripe.setColor(QPalette.ColorRole.Window, colour)
        self._stripe.setPalette(stripe)
        label = self.level_label.palette()
        label.setColor(QPalette.ColorRole.WindowText, colour)
        self.level_label.setPalette(label)
