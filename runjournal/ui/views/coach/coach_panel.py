"""The coach panel: up to three nudges for today, and a way to support that is always there.

It reads the nudges from the journal (which already honours snoozes and turned-off tips)
and writes the person's choices back as undoable changes on the window's undo stack; the
journal's change notice then refreshes it. Any burst of change notices (an import, a
restored backup) refreshes it once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from runjournal.coach.model import Nudge
from runjournal.coach.names import rule_name
from runjournal.coach.words import QUIET, quiet_words
from runjournal.service.errors import JournalError
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.commands import CoachChoiceCommand, push
from runjournal.ui.scrolling import fill_with_scroll_area
from runjournal.ui.views.coach.nudge_card import SUPPORT_TEXT, NudgeCard

NOTHING_TO_SAY = QUIET


class CoachPanel(QWidget):
    """Today's coach nudges as cards, in a scroll area that fits a narrow dock.

    `today` is asked on every refresh, so a panel left open past midnight moves on with the
    calendar (and tests can pin the day).
    """

    supportRequested = Signal()
    nudgesShown = Signal(list)

    def __init__(
        self,
        bridge: JournalBridge,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._today = today
        # The window's stack, so Edit → Undo takes a snooze back like any other change.
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._nudges: list[Nudge] = []
        self.cards: list[NudgeCard] = []
        self.setAccessibleName("Coach")

        self.heading = QLabel("Coach")
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        self.heading.setFont(heading_font)
        self.heading.setAccessibleName("Coach")

        self.empty_label = QLabel(NOTHING_TO_SAY)
        self.empty_label.setWordWrap(True)
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.empty_label.setAccessibleName("No tips today")

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setAccessibleName("Coach problem")
        self.error_label.hide()

        self._cards_box = QWidget()
        self._cards_layout = QVBoxLayout(self._cards_box)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.setSpacing(10)

        self.support_button = QToolButton()
        self.support_button.setText(SUPPORT_TEXT)
        self.support_button.setAutoRaise(True)
        self.support_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.support_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.support_button.setAccessibleName("Need support now? Show places to get help")
        self.support_button.setToolTip("Helplines and your own contacts")
        link_font = QFont(self.support_button.font())
        link_font.setUnderline(True)
        self.support_button.setFont(link_font)
        self.support_button.clicked.connect(self.supportRequested)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(10, 10, 10, 10)
        column.setSpacing(10)
        column.addWidget(self.heading)
        column.addWidget(self.error_label)
        column.addWidget(self.empty_label)
        column.addWidget(self._cards_box)
        column.addStretch(1)
        column.addWidget(self.support_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.scroll_area = fill_with_scroll_area(self, content)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        for signal in (
            bridge.runs_changed,
            bridge.check_ins_changed,
            bridge.settings_changed,
            bridge.coach_changed,
            bridge.journal_replaced,
        ):
            signal.connect(self._refresh_timer.start)

        self._recolour_link()
        self.refresh()

    @property
    def nudges(self) -> list[Nudge]:
        """The nudges shown now, highest priority first."""
        return list(self._nudges)

    def refresh(self) -> None:
        """Reads today's nudges again and rebuilds the cards."""
        self._refresh_timer.stop()
        had_focus = self._cards_box.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        try:
            nudges = self._bridge.journal.nudges(self._today())
        except (JournalError, OSError) as error:
            self._show_problem(f"The coach could not read your journal: {error}")
            nudges = []
        else:
            self._show_problem("")
        self._nudges = nudges
        if not nudges:
            try:
                empty = self._bridge.journal.is_empty()
            except (JournalError, OSError):
                empty = False
            self.empty_label.setText(quiet_words(empty_journal=empty))
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards = []
        for nudge in nudges:
            card = NudgeCard(nudge, self._cards_box)
            card.snoozeRequested.connect(self._snooze)
            card.turnOffRequested.connect(self._turn_off)
            card.supportRequested.connect(self.supportRequested)
            self._cards_layout.addWidget(card)
            self.cards.append(card)
        self._cards_box.setVisible(bool(self.cards))
        self.empty_label.setVisible(not self.cards and self.error_label.isHidden())
        if had_focus:
            # The card the person acted on is gone; keep the keyboard somewhere sensible.
            (self.cards[0].why_button if self.cards else self.support_button).setFocus()
        self.nudgesShown.emit(list(nudges))

    def card(self, rule_id: str) -> NudgeCard | None:
        """The card showing `rule_id`'s nudge, if it is shown."""
        return next((c for c in self.cards if c.nudge.rule_id == rule_id), None)

    def _snooze(self, rule_id: str) -> None:
        today = self._today()
        self._write(
            CoachChoiceCommand(
                self._bridge,
                rule_id,
                lambda journal: journal.snooze_rule(rule_id, today),
                f"Snooze “{rule_name(rule_id)}”",
            )
        )

    def _turn_off(self, rule_id: str) -> None:
        self._write(
            CoachChoiceCommand(
                self._bridge,
                rule_id,
                lambda journal: journal.turn_off_rule(rule_id),
                f"Turn Off “{rule_name(rule_id)}”",
            )
        )

    def _write(self, command: CoachChoiceCommand) -> None:
        """Stores a choice; the journal's change notice refreshes the panel."""
        try:
            push(self.undo_stack, command)
        except (JournalError, OSError) as error:
            self._show_problem(f"Your choice was not saved: {error}")
        except Exception as error:  # logged by the command; the panel says it in words
            self._show_problem(f"Your choice was not saved ({error}). Nothing was changed.")

    def _show_problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._recolour_link()
        super().changeEvent(event)

    def _recolour_link(self) -> None:
        """The support button looks like a link in whichever palette is in use."""
        palette = self.support_button.palette()
        link = self.palette().color(QPalette.ColorRole.Link)
        palette.setColor(QPalette.ColorRole.ButtonText, link)
        self.support_button.setPalette(palette)
