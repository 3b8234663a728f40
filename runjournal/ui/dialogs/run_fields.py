"""The small pieces the run form is built from, and the helpers they share.

Each widget here shows and edits one value, or one group of values that belong on one
row; what the values mean and whether they may be saved is for `RunDialog` and `domain`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPalette, QRegularExpressionValidator, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QTimeEdit,
    QToolButton,
    QWidget,
)

from runjournal.domain.model import Activity, Company, DistanceUnit, Intensity
from runjournal.domain.units import unit_label
from runjournal.domain.validation import SCALE_MAX
from runjournal.ui.dates import edit_format

NOT_RECORDED = "—"


def problem_colour(palette: QPalette) -> QColor:
    """A red that stays readable on the window colour, light or dark."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b3261e")


def round_to_five_minutes(moment: datetime) -> time:
    minutes = moment.hour * 60 + moment.minute + moment.second / 60
    rounded = min(round(minutes / 5) * 5, 23 * 60 + 55)  # never rolls over to tomorrow
    return time(rounded // 60, rounded % 60)


def date_format() -> str:
    """The window's one date format for date boxes (four-digit years, never "3 12 2026")."""
    return edit_format()


def _row(owner: QWidget) -> QHBoxLayout:
    """A margin-free row filling `owner`, so the widget lines up as a bare layout would."""
    row = QHBoxLayout(owner)
    row.setContentsMargins(0, 0, 0, 0)
    return row


def choice_combo(
    choices: Iterable[Activity] | Iterable[Company], accessible_name: str, tooltip: str
) -> QComboBox:
    """A drop-down of an enum's members by their labels, each carrying its value as data."""
    combo = QComboBox()
    for choice in choices:
        combo.addItem(choice.label, choice.value)
    combo.setAccessibleName(accessible_name)
    combo.setToolTip(tooltip)
    return combo


def _number_edit(pattern: str, accessible_name: str, tooltip: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setValidator(QRegularExpressionValidator(pattern))
    edit.setAccessibleName(accessible_name)
    edit.setToolTip(tooltip)
    return edit


class ProblemLabel(QLabel):
    """A hidden-until-needed message that asks for the height its text needs at its width.

    QLabel's own hint for wrapped text is a narrow, tall box, which a form layout keeps
    as blank space once the label is laid out wider.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName("Problem")
        self.hide()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.width() > hint.width():
            return QSize(hint.width(), self.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


class ProblemLabels:
    """The message beside each field, keyed by the field's name, shown only while it has one."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}
        self._rows: dict[str, tuple[QFormLayout, int]] = {}

    def new(self, field: str) -> ProblemLabel:
        label = ProblemLabel()
        self.labels[field] = label
        return label

    def add_row(self, form: QFormLayout, field: str) -> None:
        """A row of its own under the field, hidden with the message so it leaves no gap."""
        form.addRow("", self.new(field))
        self._rows[field] = (form, form.rowCount() - 1)

    def show(self, problems: dict[str, str]) -> None:
        for field, label in self.labels.items():
            message = problems.get(field, "")
            label.setText(message)
            label.setVisible(bool(message))
            if field in self._rows:
                form, row = self._rows[field]
                form.setRowVisible(row, bool(message))

    def set_colour(self, colour: QColor) -> None:
        for label in self.labels.values():
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            label.setPalette(palette)


class WhenField(QWidget):
    """The day of the run and the clock time it started, on one row."""

    def __init__(self) -> None:
        super().__init__()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format())
        self.date_edit.setAccessibleName("Date")
        self.date_edit.setToolTip("The day of the run, as your calendar showed it.")

        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName("Start time")
        self.time_edit.setToolTip("When you set off, in this computer's local time.")

        row = _row(self)
        row.addWidget(self.date_edit)
        row.addSpacing(12)
        time_label = QLabel("Start &time:")
        time_label.setBuddy(self.time_edit)
        row.addWidget(time_label)
        row.addWidget(self.time_edit)
        row.addStretch(1)


class DistanceField(QWidget):
    """How far, in the person's unit, with the pace worked out from it shown alongside."""

    def __init__(self, units: DistanceUnit) -> None:
        super().__init__()
        words = "kilometres" if units is DistanceUnit.KM else "miles"
        self.edit = QLineEdit()
        self.edit.setAccessibleName(f"Distance in {words}")
        self.edit.setToolTip(f"How far, in {words}, like 5.2. Leave it empty if you don't know.")
        self.unit_label = QLabel(unit_label(units))
        self.pace_label = QLabel(NOT_RECORDED)
        self.pace_label.setAccessibleName("Pace")
        self.pace_label.setToolTip("Worked out from the duration and the distance.")
        self.pace_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        row = _row(self)
        row.addWidget(self.edit)
        row.addWidget(self.unit_label)
        row.addSpacing(16)
        pace_caption = QLabel("Pace:")
        pace_caption.setBuddy(self.pace_label)
        row.addWidget(pace_caption)
        row.addWidget(self.pace_label)
        row.addStretch(1)


class PlaceField(QWidget):
    """Outdoors or indoors, as two radio buttons side by side."""

    def __init__(self) -> None:
        super().__init__()
        self.outdoor_radio = QRadioButton("&Outdoors")
        self.outdoor_radio.setAccessibleName("Outdoors")
        self.outdoor_radio.setToolTip("Outside: streets, parks, trails, a track.")
        self.indoor_radio = QRadioButton("&Indoors")
        self.indoor_radio.setAccessibleName("Indoors")
        self.indoor_radio.setToolTip("Inside: a treadmill, a gym, a pool.")
        self.group = QButtonGroup(self)
        self.group.addButton(self.outdoor_radio)
        self.group.addButton(self.indoor_radio)

        row = _row(self)
        row.addWidget(self.outdoor_radio)
        row.addWidget(self.indoor_radio)
        row.addStretch(1)

    def is_outdoor(self) -> bool:
        return self.outdoor_radio.isChecked()

    def set_outdoor(self, outdoor: bool) -> None:
        (self.outdoor_radio if outdoor else self.indoor_radio).setChecked(True)


class ScaleSpinBox(QSpinBox):
    """A 1–10 scale whose bottom step, shown as "—", means the person left it unrecorded."""

    def __init__(self, accessible_name: str, tooltip: str) -> None:
        super().__init__()
        self.setRange(0, SCALE_MAX)
        self.setSpecialValueText(NOT_RECORDED)
        self.setAccessibleName(accessible_name)
        self.setToolTip(f"{tooltip}\n1 is the lowest, 10 the highest; “—” leaves it unrecorded.")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def scale_value(self) -> int | None:
        return self.value() or None

    def set_scale_value(self, value: int | None) -> None:
        self.setValue(value or 0)


class EffortField(QWidget):
    """A 0–10 slider with its meaning in words beside it; all the way left is "not recorded"."""

    def __init__(self) -> None:
        super().__init__()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SCALE_MAX)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName("Effort")
        self.slider.setToolTip(
            "How hard it felt, from 1 (very easy) to 10 (all out): up to 4 is easy, 5–6 moderate, "
            "7 and above hard.\nAll the way left leaves the effort unrecorded."
        )
        self.label = QLabel()
        self.label.setAccessibleName("Effort in words")
        # Wide enough for the longest text, so the slider does not jump as the words change.
        metrics = self.label.fontMetrics()
        self.label.setMinimumWidth(
            max(metrics.horizontalAdvance(t) for t in ("Not recorded", "10 · moderate")) + 4
        )
        row = _row(self)
        row.addWidget(self.slider, 1)
        row.addWidget(self.label)
        self.slider.valueChanged.connect(self._show)

    def value(self) -> int | None:
        return self.slider.value() or None

    def setValue(self, effort: int | None) -> None:
        self.slider.setValue(effort or 0)
        self._show(self.slider.value())

    def _show(self, value: int) -> None:
        text = "Not recorded" if value == 0 else f"{value} · {Intensity.of_effort(value).value}"
        self.label.setText(text)
        self.slider.setAccessibleDescription(text)


class FoldButton(QToolButton):
    """A flat arrow button that shows or hides a group of optional rows."""

    def __init__(self, text: str, subject: str, tooltip: str) -> None:
        super().__init__()
        self._subject = subject
        self.setText(text)
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setToolTip(tooltip)
        self.set_open(False)

    def is_open(self) -> bool:
        return self._open

    def set_open(self, shown: bool) -> None:
        self._open = shown
        self.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.setAccessibleName(f"{'Hide' if shown else 'Show'} {self._subject}")


class HeartRateField(QWidget):
    """Average and maximum heart rate side by side, in beats per minute."""

    def __init__(self) -> None:
        super().__init__()
        self.average_edit = _number_edit(
            r"\d{0,3}",
            "Average heart rate in beats per minute",
            "Average heart rate, in beats per minute. Optional.",
        )
        self.maximum_edit = _number_edit(
            r"\d{0,3}",
            "Maximum heart rate in beats per minute",
            "Highest heart rate, in beats per minute. Optional.",
        )
        row = _row(self)
        for caption, edit in (("a&verage", self.average_edit), ("ma&ximum", self.maximum_edit)):
            label = QLabel(caption)
            label.setBuddy(edit)
            row.addWidget(label)
            row.addWidget(edit)
            row.addSpacing(6)
        row.addWidget(QLabel("bpm"))
        row.addStretch(1)


class AscentField(QWidget):
    """The metres climbed, with its unit beside it."""

    def __init__(self) -> None:
        super().__init__()
        self.edit = _number_edit(
            r"\d{0,5}([.,]\d?)?", "Ascent in metres", "How many metres you climbed in all. Optional."
        )
        row = _row(self)
        row.addWidget(self.edit)
        row.addWidget(QLabel("m"))
        row.addStretch(1)


class FeelingsGrid(QWidget):
    """Mood and stress, before and after, as four 1–10 scales under "Before" and "After"."""

    def __init__(self) -> None:
        super().__init__()
        self.mood_before = ScaleSpinBox("Mood before", "How your mood was before you set off.")
        self.mood_after = ScaleSpinBox("Mood after", "How your mood was afterwards.")
        self.stress_before = ScaleSpinBox("Stress before", "How stressed you felt before.")
        self.stress_after = ScaleSpinBox("Stress after", "How stressed you felt afterwards.")

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        for column, heading in ((1, "Before"), (2, "After")):
            caption = QLabel(heading)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(caption, 0, column)
        for row, text, before, after in (
            (1, "&Mood:", self.mood_before, self.mood_after),
            (2, "St&ress:", self.stress_before, self.stress_after),
        ):
            label = QLabel(text)
            label.setBuddy(before)
            grid.addWidget(label, row, 0)
            grid.addWidget(before, row, 1)
            grid.addWidget(after, row, 2)
        grid.setColumnStretch(3, 1)

    def spins(self) -> tuple[ScaleSpinBox, ...]:
        return (self.mood_before, self.mood_after, self.stress_before, self.stress_after)


def add_labelled_row(form: QFormLayout, text: str, field: QWidget, buddy: QWidget) -> None:
    """A form row whose label's mnemonic (the & in `text`) moves the focus to `buddy`."""
    label = QLabel(text)
    label.setBuddy(buddy)
    form.addRow(label, field)


def select_data(combo: QComboBox, value: str) -> None:
    """Shows the item carrying `value` (the first item when none does)."""
    combo.setCurrentIndex(max(combo.findData(value), 0))
