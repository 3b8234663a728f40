"""A 1–10 slider that can also say "not recorded".

A plain QSlider always holds a number, so an untouched one would store a made-up 5.
`ScaleSlider` keeps its own `int | None`: until the person touches it, it is None, its
handle is drawn dimmed in the middle and the value reads "not recorded".

Keyboard (documented in the slider's tooltip and accessible description):
- Right/Up and Left/Down step by one. From "not recorded" the dimmed handle rests at 5,
  so the first press starts there and moves: Right gives 6, Left gives 4.
- Home and End give 1 and 10; Page Up/Down step by 3.
- The digit keys 1–9 set that value directly, 0 sets 10, and move on to the next field,
  so a whole check-in is a few digits in a row.
- Space on a slider that is not recorded yet records the 5 it rests on.
- Delete or Backspace clears it back to "not recorded".
The mouse wheel only changes a slider that has keyboard focus, so scrolling the panel
never changes a value by accident.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QPaintEvent, QPalette, QWheelEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QToolButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionSlider

SCALE_MIN, SCALE_MAX = 1, 10
RESTING_VALUE = 5  # where the dimmed handle of an unrecorded slider sits
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): (n or 10) for n in range(10)}


class _Slider(QSlider):
    """The QSlider inside a ScaleSlider: draws itself dimmed while nothing is recorded and
    reports every deliberate pick, even one that leaves the handle where it was."""

    picked = Signal(int)
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.recorded = False
        self.setRange(SCALE_MIN, SCALE_MAX)
        self.setSingleStep(1)
        self.setPageStep(3)
        self.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.setTickInterval(1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumWidth(160)
        self.setValue(RESTING_VALUE)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.cleared.emit()
            event.accept()
            return
        if plain and key in _DIGIT_KEYS:
            self.picked.emit(_DIGIT_KEYS[key])
            event.accept()
            self.focusNextPrevChild(True)  # on to the next field, as Tab would
            return
        if plain and key == Qt.Key.Key_Space and not self.recorded:
            self.picked.emit(self.value())
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A click on the groove jumps there (a 1–10 scale is picked, not paged through);
        # a click on the dimmed handle records the value it rests on. Qt then starts a
        # drag as usual, because the handle is now under the pointer.
        if event.button() == Qt.MouseButton.LeftButton:
            from PySide6.QtWidgets import QStyle, QStyleOptionSlider  # see _paint_unrecorded

            option = QStyleOptionSlider()
            self.initStyleOption(option)
            hit = self.style().hitTestComplexControl(
                QStyle.ComplexControl.CC_Slider, option, event.position().toPoint(), self
            )
            if hit != QStyle.SubControl.SC_SliderHandle:
                self.picked.emit(self._value_at(event.position().x(), option))
            elif not self.recorded:
                self.picked.emit(self.value())
        super().mousePressEvent(event)

    def _value_at(self, x: float, option: QStyleOptionSlider) -> int:
        from PySide6.QtWidgets import QStyle

        style = self.style()
        groove = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
        )
        handle = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )
        span = groove.width() - handle.width()
        position = round(x - handle.width() / 2 - groove.x())
        return QStyle.sliderValueFromPosition(
            self.minimum(), self.maximum(), max(0, min(span, position)), span, option.upsideDown
        )

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self.hasFocus():
            event.ignore()  # lets the scroll area around the panel scroll instead
            return
        super().wheelEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.recorded:
            super().paintEvent(event)
        else:
            self._paint_unrecorded()

    def _paint_unrecorded(self) -> None:
        # Qt for Python builds the style classes' types (and their dozens of enums, ~10 ms)
        # when they are first touched, so they are imported here and not with the module:
        # a window that opens on an already recorded day never needs them.
        from PySide6.QtWidgets import QStyle, QStyleOptionSlider, QStylePainter

        # Drawn as the style draws a disabled slider (grey groove, no filled part, dim
        # handle) while staying fully usable: the look says "nothing here yet".
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        option.state &= ~QStyle.StateFlag.State_Enabled
        option.palette.setCurrentColorGroup(QPalette.ColorGroup.Disabled)
        # Some dark palettes keep the accent colour for disabled highlights; the part of
        # the groove "filled" up to the resting handle must not look like a value.
        option.palette.setColor(
            QPalette.ColorGroup.Disabled,
            QPalette.ColorRole.Highlight,
            option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button),
        )
        option.subControls = (
            QStyle.SubControl.SC_SliderGroove
            | QStyle.SubControl.SC_SliderHandle
            | QStyle.SubControl.SC_SliderTickmarks
        )
        QStylePainter(self).drawComplexControl(QStyle.ComplexControl.CC_Slider, option)


class ScaleSlider(QWidget):
    """One 1–10 scale of the check-in (mood, stress, …) that is None until touched.

    `valueChanged(object)` carries the new `int | None` and is emitted only for the
    person's own changes (keys, mouse, wheel, the clear button), never for `setValue`,
    so loading a day's values does not look like an edit that needs saving.
    """

    valueChanged = Signal(object)

    def __init__(self, label: str, low: str, high: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self._low, self._high = low, high
        self._value: int | None = None

        self.title = QLabel(label)
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        self.title.setFont(title_font)

        self.value_label = QLabel()
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Wide enough for "not recorded", so the row does not jump when a value appears.
        width = self.value_label.fontMetrics().horizontalAdvance("not recorded") + 8
        self.value_label.setMinimumWidth(width)

        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        self.clear_button.setAutoRaise(True)
        self.clear_button.setToolTip("Clear — not recorded")
        self.clear_button.setAccessibleName(f"Clear {label.lower()}")
        # The slider's Delete key does the same, so the button need not be a Tab stop.
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(lambda: self._set(None, by_person=True))

        self.slider = _Slider()
        self.slider.setToolTip(
            f"{label}: 1 = {low}, 10 = {high}. Type 1–9 or 0 (for 10) to set it and go to the next; "
            "arrow keys move it; Delete clears it."
        )
        self.slider.setAccessibleDescription(
            f"1 means {low}, 10 means {high}. Arrow keys move it; the first press starts from 5. "
            "Digits 1 to 9 and 0 for 10 set it directly and go on to the next field; Delete clears it."
        )
        self.slider.valueChanged.connect(lambda value: self._set(value, by_person=True))
        self.slider.picked.connect(lambda value: self._set(value, by_person=True))
        self.slider.cleared.connect(lambda: self._set(None, by_person=True))
        self.title.setBuddy(self.slider)

        low_label, high_label = QLabel(low), QLabel(high)
        high_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for end in (low_label, high_label):
            end.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            end.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.value_label)
        top.addWidget(self.clear_button)
        ends = QHBoxLayout()
        ends.setContentsMargins(0, 0, 0, 0)
        ends.addWidget(low_label)
        ends.addStretch(1)
        ends.addWidget(high_label)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(top)
        column.addWidget(self.slider)
        column.addLayout(ends)
        self.setFocusProxy(self.slider)
        self._show()

    def label(self) -> str:
        return self._label

    def value(self) -> int | None:
        return self._value

    def setValue(self, value: int | None) -> None:
        """Shows a stored value (or None); does not emit `valueChanged`."""
        if value is not None and not SCALE_MIN <= value <= SCALE_MAX:
            raise ValueError(f"{self._label} is on a 1–10 scale (got {value}).")
        self._set(value, by_person=False)

    def clear(self) -> None:
        """Back to "not recorded" as if set by the program (no signal)."""
        self._set(None, by_person=False)

    def _set(self, value: int | None, *, by_person: bool) -> None:
        changed = value != self._value
        self._value = value
        self._show()
        if changed and by_person:
            self.valueChanged.emit(value)

    def _show(self) -> None:
        value = self._value
        blocked = self.slider.blockSignals(True)
        self.slider.setValue(RESTING_VALUE if value is None else value)
        self.slider.blockSignals(blocked)
        self.slider.recorded = value is not None
        self.slider.update()
        self.clear_button.setEnabled(value is not None)
        font = QFont(self.value_label.font())
        if value is None:
            self.value_label.setText("not recorded")
            self.value_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            font.setItalic(True)
            font.setBold(False)
            spoken = "not recorded"
        else:
            self.value_label.setText(str(value))
            self.value_label.setForegroundRole(QPalette.ColorRole.WindowText)
            font.setItalic(False)
            font.setBold(True)
            spoken = f"{value} of 10"
        self.value_label.setFont(font)
        self.slider.setAccessibleName(f"{self._label}: {spoken}")
        self.setAccessibleName(f"{self._label}: {spoken}")
