"""The sleep rows of the check-in: hours slept and, if known, when the person went to bed.

Both are optional. Hours slept is a quarter-hour spin box whose lowest step, "—", means
not recorded; the bedtime is a time box that only counts while its check box is ticked.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

MAX_SLEEP_HOURS = 16.0
FIRST_HOURS_STEP = 7.0  # stepping up from "not recorded" starts at an ordinary night
DEFAULT_BEDTIME = QTime(23, 0)  # shown when the person ticks the bedtime box, then theirs to change


class HoursBox(QDoubleSpinBox):
    """Sleep hours, 0–16 in quarter hours, whose lowest step means "not recorded".

    An empty box or "—" also means not recorded, so clearing the text clears the value.
    """

    NOT_RECORDED = -0.25

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(self.NOT_RECORDED, MAX_SLEEP_HOURS)
        self.setSingleStep(0.25)
        self.setDecimals(2)
        self.setSuffix(" h")
        self.setSpecialValueText("—")
        self.setValue(self.NOT_RECORDED)
        self.setAccelerated(True)

    def hours(self) -> float | None:
        value = self.value()
        return None if value < 0 else value

    def set_hours(self, hours: float | None) -> None:
        self.setValue(self.NOT_RECORDED if hours is None else hours)

    def stepBy(self, steps: int) -> None:
        if self.hours() is None and steps > 0:
            self.setValue(FIRST_HOURS_STEP)
            self.selectAll()
            return
        super().stepBy(steps)

    def _blank(self, text: str) -> bool:
        bare = text.strip()
        suffix = self.suffix().strip()
        if suffix and bare.endswith(suffix):
            bare = bare[: -len(suffix)].strip()
        return bare in ("", "—")

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        if self._blank(text):
            return QValidator.State.Acceptable, text, position
        return super().validate(text, position)

    def valueFromText(self, text: str) -> float:
        if self._blank(text):
            return self.NOT_RECORDED
        return super().valueFromText(text)


class SleepFields:
    """Builds the "Hours slept" and "Went to bed at" rows into `column`, and reads and fills them.

    Not a widget of its own: the rows go straight into the panel's sleep group, so the
    widgets sit there exactly as if the panel had made them itself. The panel connects the
    × button itself (see there why).
    """

    def __init__(self, column: QVBoxLayout) -> None:
        # Made as children of the group from the start, so Qt owns them as it would have had
        # the panel made them: a row layout without a parent would leave Python owning them.
        group = column.parentWidget()
        self.sleep_hours = HoursBox(group)
        self.sleep_hours.setAccessibleName("Hours slept")
        self.sleep_hours.setToolTip(
            "Hours slept, 0 to 16 in quarter hours. “—” means not recorded; "
            "clear the box or press × to go back to it."
        )
        self.clear_hours_button = QToolButton(group)
        self.clear_hours_button.setText("×")
        self.clear_hours_button.setAutoRaise(True)
        self.clear_hours_button.setToolTip("Clear — not recorded")
        self.clear_hours_button.setAccessibleName("Clear hours slept")
        self.clear_hours_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_hours_button.setEnabled(False)  # active only while there are hours to clear
        self.sleep_hours.valueChanged.connect(
            lambda _value: self.clear_hours_button.setEnabled(self.sleep_hours.hours() is not None)
        )
        self.hours_label = QLabel("Hours slept", group)
        self.hours_label.setBuddy(self.sleep_hours)
        self.hours_row = QHBoxLayout()
        self.hours_row.addWidget(self.hours_label)
        self.hours_row.addStretch(1)
        self.hours_row.addWidget(self.sleep_hours)
        self.hours_row.addWidget(self.clear_hours_button)
        column.addLayout(self.hours_row)

        self.bedtime_known = QCheckBox("Went to bed at", group)
        self.bedtime_known.setToolTip("Tick to record your bedtime; untick if you don't know it")
        self.bedtime_known.setAccessibleName("Bedtime recorded")
        self.bedtime = QTimeEdit(DEFAULT_BEDTIME, group)
        self.bedtime.setDisplayFormat(QLocale().timeFormat(QLocale.FormatType.ShortFormat))
        self.bedtime.setWrapping(True)
        self.bedtime.setEnabled(False)
        self.bedtime.setAccessibleName("Bedtime")
        self.bedtime.setToolTip("When you went to bed")
        self.bedtime_known.toggled.connect(self.bedtime.setEnabled)
        self.bedtime_row = QHBoxLayout()
        self.bedtime_row.addWidget(self.bedtime_known)
        self.bedtime_row.addStretch(1)
        self.bedtime_row.addWidget(self.bedtime)
        # Line the time box up with the hours box, which has the clear button beside it.
        self.bedtime_row.addSpacing(self.clear_hours_button.sizeHint().width() + self.bedtime_row.spacing())
        column.addLayout(self.bedtime_row)

    def connect_edited(self, slot: object) -> None:
        """Calls `slot` whenever the person changes hours slept or the bedtime."""
        self.sleep_hours.valueChanged.connect(slot)
        self.bedtime_known.toggled.connect(slot)
        self.bedtime.timeChanged.connect(slot)

    def hours(self) -> float | None:
        return self.sleep_hours.hours()

    def bedtime_value(self) -> time | None:
        """The bedtime to the minute, or None when the box is unticked."""
        bedtime = self.bedtime.time().toPython() if self.bedtime_known.isChecked() else None
        return bedtime.replace(second=0, microsecond=0) if isinstance(bedtime, time) else None

    def show(self, hours: float | None, bedtime: time | None) -> None:
        """Fills the rows from a stored check-in; an unknown bedtime keeps the last time shown."""
        self.sleep_hours.set_hours(hours)
        self.bedtime_known.setChecked(bedtime is not None)
        if bedtime is not None:
            self.bedtime.setTime(QTime(bedtime.hour, bedtime.minute))


__all__ = ["DEFAULT_BEDTIME", "MAX_SLEEP_HOURS", "HoursBox", "SleepFields"]
