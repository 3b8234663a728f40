"""The day's tags as a row of chips: checkable buttons with the person's own tag names.

The row is one stop in the Tab order, so the check-in stays a few keys long: Tab lands on
a chip, Left and Right (or Up and Down) move along the row, Space ticks or unticks the chip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import QPushButton, QWidget

from runjournal.domain.model import find_tag
from runjournal.ui.theme import outline_colour
from runjournal.ui.views.today.flow_layout import FlowLayout

_BACK = (Qt.Key.Key_Left, Qt.Key.Key_Up)
# Compact rounded chips; a ticked one is filled with the highlight colour so it reads at a
# glance, in light and dark alike, and the keyboard's place is a thick outline.
CHIP_STYLE = """
QPushButton { padding: 2px 9px; border: 1px solid OUTLINE; border-radius: 10px;
              background: palette(base); color: palette(text); }
QPushButton:checked { background: TICKED; color: palette(highlighted-text); border-color: TICKED; }
QPushButton:focus { border: 2px solid palette(highlight); padding: 1px 8px; }
QPushButton:checked:focus { border: 2px solid palette(text); }
"""
_ON = (Qt.Key.Key_Right, Qt.Key.Key_Down)


class TagChips(QWidget):
    """Chips for the person's tags; `toggled` after each tick or untick by the person."""

    toggled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = FlowLayout(self, spacing=5)
        self._style_for_palette()
        self.chips: list[QPushButton] = []
        self._current = 0  # the chip Tab lands on
        self.setAccessibleName("Tags for what shaped the day")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._style_for_palette()  # light and dark: the outline follows the theme
        super().changeEvent(event)

    def _style_for_palette(self) -> None:
        palette = self.palette()
        ticked = readable_fill(
            palette.color(QPalette.ColorRole.Highlight), palette.color(QPalette.ColorRole.HighlightedText)
        )
        style = CHIP_STYLE.replace("OUTLINE", outline_colour(palette).name()).replace("TICKED", ticked.name())
        if self.styleSheet() != style:
            self.setStyleSheet(style)

    def set_tags(self, names: tuple[str, ...], checked: tuple[str, ...] = ()) -> None:
        """Shows a chip for each name, and for each checked tag the list no longer has."""
        extra = tuple(tag for tag in checked if find_tag(tag, names) is None)
        wanted = (*names, *extra)
        if tuple(chip.text().replace("&&", "&") for chip in self.chips) != wanted:
            self._rebuild(wanted)
        self.set_checked(checked)

    def set_checked(self, tags: tuple[str, ...]) -> None:
        """Ticks exactly the chips named in `tags`, without telling anyone."""
        for chip in self.chips:
            chip.blockSignals(True)
            chip.setChecked(find_tag(_name(chip), tags) is not None)
            chip.blockSignals(False)

    def checked(self) -> tuple[str, ...]:
        return tuple(_name(chip) for chip in self.chips if chip.isChecked())

    def tab_stop(self) -> QWidget:
        """The chip that takes part in the Tab order (the row itself when there are none)."""
        return self.chips[self._current] if self.chips else self

    def _rebuild(self, names: tuple[str, ...]) -> None:
        had_focus = any(chip.hasFocus() for chip in self.chips)
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for name in names:
            chip = QPushButton(name.replace("&", "&&"), self)
            chip.setCheckable(True)
            chip.setAccessibleName(f"Tag {name}")
            chip.setToolTip(f"Tick “{name}” if it was part of the day (Space ticks, arrow keys move)")
            chip.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            chip.setAutoDefault(False)
            chip.clicked.connect(self._chip_clicked)
            chip.installEventFilter(self)
            self._layout.addWidget(chip)
            self.chips.append(chip)
        self._current = 0
        self._make_tab_stop(0)
        if had_focus and self.chips:
            self.chips[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _make_tab_stop(self, index: int) -> None:
        if not self.chips:
            return
        previous = self.chips[self._current] if self._current < len(self.chips) else None
        if previous is not None:
            previous.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._current = index
        self.chips[index].setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _chip_clicked(self) -> None:
        chip = self.sender()
        if isinstance(chip, QPushButton) and chip in self.chips:
            self._make_tab_stop(self.chips.index(chip))
        self.toggled.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in self.chips:
            assert isinstance(event, QKeyEvent)
            step = -1 if event.key() in _BACK else 1 if event.key() in _ON else 0
            if step and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                index = (self.chips.index(watched) + step) % len(self.chips)  # type: ignore[arg-type]
                self._make_tab_stop(index)
                self.chips[index].setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG 2.1 contrast ratio of two colours."""
    low, high = sorted((_luminance(first), _luminance(second)))
    return (high + 0.05) / (low + 0.05)


def readable_fill(fill: QColor, text: QColor) -> QColor:
    """`fill`, darkened or lightened step by step until `text` on it reads at 4.5:1 or more."""
    toward_dark = _luminance(text) > 0.5
    for _ in range(20):
        if contrast(fill, text) >= 4.5:
            break
        fill = fill.darker(110) if toward_dark else fill.lighter(110)
    return fill


def _name(chip: QPushButton) -> str:
    return chip.text().replace("&&", "&")
