"""The form for logging a run, editing one, or logging a copy of one.

It checks what is typed as it is typed, shows each problem beside its field and keeps
Save disabled until everything can be stored, so a person never meets a refusal after
pressing Save. The rules themselves live in `domain` (parsers and `validate_run`); this
module only shows their messages. Values the form cannot show exactly (a GPX start at
07:31:42, a distance of 5.123456 km) are kept as they were unless the person edits them,
so opening a run and saving it again changes nothing.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from runjournal.domain.model import Activity, Company, DistanceUnit, Run
from runjournal.domain.pace_check import unlikely_pace
from runjournal.domain.units import format_duration, format_pace, from_metres, parse_distance, parse_duration
from runjournal.domain.validation import validate_run
from runjournal.ui.dialogs.run_fields import (
    NOT_RECORDED,
    AscentField,
    DistanceField,
    EffortField,
    FeelingsGrid,
    FoldButton,
    HeartRateField,
    PlaceField,
    ProblemLabels,
    WhenField,
    add_labelled_row,
    choice_combo,
    problem_colour,
    round_to_five_minutes,
    select_data,
)
from runjournal.ui.dialogs.run_questions import discard_is_confirmed, pace_is_confirmed
from runjournal.ui.dialogs.run_start import start_instant

_TITLE_MAX = 200


class RunDialog(QDialog):
    """Log a new run (`run=None`) or edit / duplicate the given one; read `result_run()` after Save."""

    def __init__(
        self,
        units: DistanceUnit,
        run: Run | None = None,
        parent: QWidget | None = None,
        *,
        title: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.units = units
        self._original = run
        self._locale = QLocale()
        self._locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
        self._duration_touched = run is not None
        self._problems = ProblemLabels()
        self._problem_labels = self._problems.labels
        self.setWindowTitle(title or ("Log run" if run is None else "Edit run"))

        self._build_fields()
        self._build_layout()
        self._fill(run)
        self._apply_problem_colour()
        self._connect()
        self._refresh()
        self._opened_as = self._read()  # what Esc compares with before it asks
        self.duration_edit.setFocus()
        self.duration_edit.selectAll()
        self.resize(self.sizeHint())

    # ----------------------------------------------------------------- building

    def _build_fields(self) -> None:
        self.when_field = WhenField()
        self.date_edit = self.when_field.date_edit
        self.time_edit = self.when_field.time_edit

        self.activity_combo = choice_combo(
            Activity, "Activity", "Running, walking or another kind of movement."
        )

        self.duration_edit = QLineEdit()
        self.duration_edit.setPlaceholderText("mm:ss or h:mm:ss")
        self.duration_edit.setAccessibleName("Duration")
        self.duration_edit.setToolTip(
            "How long it took: 32:10 (minutes:seconds), 1:05:00 (hours:minutes:seconds) or 45 (minutes)."
        )

        self.distance_field = DistanceField(self.units)
        self.distance_edit = self.distance_field.edit
        self.distance_unit_label = self.distance_field.unit_label
        self.pace_label = self.distance_field.pace_label
        # A question, not a problem: shown beside the pace, it never disables Save.
        self.pace_question = QLabel()
        self.pace_question.setWordWrap(True)
        self.pace_question.setAccessibleName("Is this pace right?")
        self.pace_question.hide()

        self.effort_field = EffortField()
        self.effort_slider = self.effort_field.slider
        self.effort_label = self.effort_field.label

        self.company_combo = choice_combo(Company, "With whom", "On your own or with others.")

        self.place_field = PlaceField()
        self.outdoor_radio = self.place_field.outdoor_radio
        self.indoor_radio = self.place_field.indoor_radio
        self.place_group = self.place_field.group

        self.mindful_check = QCheckBox("Mind&ful (no music or podcasts)")
        self.mindful_check.setAccessibleName("Mindful, no music or podcasts")
        self.mindful_check.setToolTip("Tick when you moved without audio, paying attention to the moment.")

        self.feelings = FeelingsGrid()
        self.mood_before_spin = self.feelings.mood_before
        self.mood_after_spin = self.feelings.mood_after
        self.stress_before_spin = self.feelings.stress_before
        self.stress_after_spin = self.feelings.stress_after

        self.more_button = FoldButton(
            "&Heart rate and ascent",
            "heart rate and ascent",
            "Optional details, often filled in by a watch file.",
        )
        self.heart_rate_field = HeartRateField()
        self.avg_hr_edit = self.heart_rate_field.average_edit
        self.max_hr_edit = self.heart_rate_field.maximum_edit
        self.ascent_field = AscentField()
        self.ascent_edit = self.ascent_field.edit

        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(_TITLE_MAX)
        self.title_edit.setPlaceholderText("Optional, like “Park loop with Sam”")
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setToolTip("A short name for this run, shown in the list.")

        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)  # Tab leaves the box, as in every other field
        self.note_edit.setPlaceholderText("How it went, what you noticed…")
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setToolTip("Anything worth remembering. Enter starts a new line.")
        self.note_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 12)

        self.private_check = QCheckBox("&Keep this note private (never printed)")
        self.private_check.setAccessibleName("Keep this note private, never printed")
        self.private_check.setToolTip("The note stays in the journal but is left out of printed reports.")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

        self.general_problem_label = self._problems.new("general")

        # Fixed, readable widths for short values keep the form compact at any font size.
        metrics = self.fontMetrics()
        char = metrics.horizontalAdvance("0")
        for edit, width in (
            (self.duration_edit, metrics.horizontalAdvance(self.duration_edit.placeholderText()) + char),
            (self.distance_edit, char * 8),
            (self.avg_hr_edit, char * 4),
            (self.max_hr_edit, char * 4),
            (self.ascent_edit, char * 6),
        ):
            edit.setFixedWidth(width + 16)
        for spin in self.feelings.spins():
            spin.setMinimumWidth(char * 4 + 32)
        self.effort_slider.setMinimumWidth(char * 20)

    def _build_layout(self) -> None:
        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        add_labelled_row(left, "&Date:", self.when_field, self.date_edit)
        self._problems.add_row(left, "day")
        self._problems.add_row(left, "started_at")

        add_labelled_row(left, "&Activity:", self.activity_combo, self.activity_combo)

        add_labelled_row(left, "D&uration:", self.duration_edit, self.duration_edit)
        self._problems.add_row(left, "duration_s")

        add_labelled_row(left, "Di&stance:", self.distance_field, self.distance_edit)
        self._problems.add_row(left, "distance_m")
        left.addRow("", self.pace_question)

        add_labelled_row(left, "&Effort:", self.effort_field, self.effort_slider)
        self._problems.add_row(left, "effort")

        add_labelled_row(left, "&With whom:", self.company_combo, self.company_combo)

        left.addRow(QLabel("Where:"), self.place_field)  # a bare label: no buddy for a pair of radios
        left.addRow("", self.mindful_check)

        left.addRow(self.more_button)
        left.addRow(QLabel("Heart rate:"), self.heart_rate_field)  # each edit has its own buddy
        self._more_rows = [left.rowCount() - 1]
        self._problems.add_row(left, "avg_hr")
        self._problems.add_row(left, "max_hr")
        add_labelled_row(left, "As&cent:", self.ascent_field, self.ascent_edit)
        self._more_rows.append(left.rowCount() - 1)
        self._problems.add_row(left, "ascent_m")
        self._left_form = left
        for row in self._more_rows:
            left.setRowVisible(row, False)

        right = QFormLayout()
        right.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        right.addRow(self.feelings)
        for field in ("mood_before", "mood_after", "stress_before", "stress_after"):
            self._problems.add_row(right, field)
        add_labelled_row(right, "Tit&le:", self.title_edit, self.title_edit)
        self._problems.add_row(right, "title")
        add_labelled_row(right, "&Note:", self.note_edit, self.note_edit)
        self._problems.add_row(right, "note")
        right.addRow("", self.private_check)

        # The session column keeps its rows together at the top; the note takes the slack.
        left_column = QVBoxLayout()
        left_column.addLayout(left)
        left_column.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left_column, 1)
        columns.addSpacing(18)  # spacing, not setSpacing: nested rows would inherit it
        columns.addLayout(right, 1)

        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addWidget(self.general_problem_label)
        outer.addWidget(self.buttons)

        # Down the session column, then down the feelings column, then the buttons.
        chain: list[QWidget] = [
            self.date_edit,
            self.time_edit,
            self.activity_combo,
            self.duration_edit,
            self.distance_edit,
            self.effort_slider,
            self.company_combo,
            self.outdoor_radio,
            self.indoor_radio,
            self.mindful_check,
            self.more_button,
            self.avg_hr_edit,
            self.max_hr_edit,
            self.ascent_edit,
            self.mood_before_spin,
            self.mood_after_spin,
            self.stress_before_spin,
            self.stress_after_spin,
            self.title_edit,
            self.note_edit,
            self.private_check,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------------ filling

    def _fill(self, run: Run | None) -> None:
        if run is None:
            now = datetime.now()
            self._initial_day = now.date()
            self._initial_time = round_to_five_minutes(now)
            self.place_field.set_outdoor(True)
            self._initial_texts: dict[QLineEdit, str] = {}
            self.effort_field.setValue(None)
        else:
            local = run.local_start
            self._initial_day = run.day
            self._initial_time = local.time().replace(second=0, microsecond=0) if local else time(12, 0)
            select_data(self.activity_combo, run.activity.value)
            select_data(self.company_combo, run.company.value)
            self.place_field.set_outdoor(run.outdoor)
            self.mindful_check.setChecked(run.mindful)
            self.effort_field.setValue(run.effort)
            self.mood_before_spin.set_scale_value(run.mood_before)
            self.mood_after_spin.set_scale_value(run.mood_after)
            self.stress_before_spin.set_scale_value(run.stress_before)
            self.stress_after_spin.set_scale_value(run.stress_after)
            self.duration_edit.setText(format_duration(run.duration_s))
            if run.distance_m is not None:
                self.distance_edit.setText(self._number(from_metres(run.distance_m, self.units), 2))
            if run.avg_hr is not None:
                self.avg_hr_edit.setText(str(run.avg_hr))
            if run.max_hr is not None:
                self.max_hr_edit.setText(str(run.max_hr))
            if run.ascent_m is not None:
                self.ascent_edit.setText(self._number(run.ascent_m, 0))
            self.title_edit.setText(run.title)
            self.note_edit.setPlainText(run.note)
            self.private_check.setChecked(run.note_private)
            # What the form shows for each lossy value; unchanged text keeps the stored value.
            self._initial_texts = {
                edit: edit.text() for edit in (self.duration_edit, self.distance_edit, self.ascent_edit)
            }
            if run.avg_hr is not None or run.max_hr is not None or run.ascent_m is not None:
                self._show_more(True)
        initial = self._initial_day
        self.date_edit.setDate(QDate(initial.year, initial.month, initial.day))
        self.time_edit.setTime(QTime(self._initial_time.hour, self._initial_time.minute))

    def _number(self, value: float, decimals: int) -> str:
        return self._locale.toString(float(value), "f", decimals)

    # ------------------------------------------------------------------- wiring

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.more_button.clicked.connect(lambda: self._show_more(not self.more_button.is_open()))
        self.duration_edit.textEdited.connect(self._mark_duration_touched)
        for edit in (
            self.duration_edit,
            self.distance_edit,
            self.avg_hr_edit,
            self.max_hr_edit,
            self.ascent_edit,
            self.title_edit,
        ):
            edit.textChanged.connect(self._refresh)
        self.note_edit.textChanged.connect(self._refresh)
        self.date_edit.dateChanged.connect(self._refresh)
        self.time_edit.timeChanged.connect(self._refresh)
        self.effort_slider.valueChanged.connect(self._refresh)
        for spin in self.feelings.spins():
            spin.valueChanged.connect(self._refresh)

    def _mark_duration_touched(self) -> None:
        self._duration_touched = True

    def _show_more(self, shown: bool) -> None:
        """Fold the optional rows away; rows with a problem always stay in sight."""
        shown = shown or any(self._problem_labels[f].text() for f in ("avg_hr", "max_hr", "ascent_m"))
        self.more_button.set_open(shown)
        for row in self._more_rows:
            self._left_form.setRowVisible(row, shown)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_problem_colour()

    def _apply_problem_colour(self) -> None:
        self._problems.set_colour(problem_colour(self.palette()))

    # --------------------------------------------------------------- the result

    def _read(self) -> tuple[Run, dict[str, str]]:
        """The run the fields describe, and the problems of text that could not be read."""
        problems: dict[str, str] = {}
        base = self._original or Run(day=self._initial_day, duration_s=1.0)

        duration_s = self._kept(self.duration_edit, base.duration_s)
        if duration_s is None:
            try:
                duration_s = parse_duration(self.duration_edit.text())
            except ValueError as error:
                problems["duration_s"] = str(error)
                duration_s = 1.0  # stands in so the other fields can still be checked

        distance_m = self._kept(self.distance_edit, base.distance_m)
        if distance_m is None and self.distance_edit.text().strip():
            try:
                distance_m = parse_distance(self.distance_edit.text(), self.units)
            except ValueError as error:
                problems["distance_m"] = str(error)

        ascent_m = self._kept(self.ascent_edit, base.ascent_m)
        ascent_text = self.ascent_edit.text().strip().replace(",", ".")
        if ascent_m is None and ascent_text.rstrip("."):
            ascent_m = float(ascent_text)

        shown_day, shown_clock = self.date_edit.date(), self.time_edit.time()
        day = date(shown_day.year(), shown_day.month(), shown_day.day())
        clock = time(shown_clock.hour(), shown_clock.minute())
        started_at, offset = start_instant(day, clock, self._original, self._initial_day, self._initial_time)

        run = base.replace(
            day=day,
            started_at=started_at,
            utc_offset_min=offset,
            activity=Activity(self.activity_combo.currentData()),
            duration_s=duration_s,
            distance_m=distance_m,
            effort=self.effort_field.value(),
            company=Company(self.company_combo.currentData()),
            outdoor=self.place_field.is_outdoor(),
            mindful=self.mindful_check.isChecked(),
            mood_before=self.mood_before_spin.scale_value(),
            mood_after=self.mood_after_spin.scale_value(),
            stress_before=self.stress_before_spin.scale_value(),
            stress_after=self.stress_after_spin.scale_value(),
            avg_hr=self._whole(self.avg_hr_edit),
            max_hr=self._whole(self.max_hr_edit),
            ascent_m=ascent_m,
            title=self.title_edit.text().strip(),
            note=self.note_edit.toPlainText(),
            note_private=self.private_check.isChecked(),
        )
        return run, problems

    def _kept(self, edit: QLineEdit, stored: float | None) -> float | None:
        """The stored value while its field still shows what the form first put there."""
        if stored is not None and self._initial_texts.get(edit) == edit.text():
            return stored
        return None

    @staticmethod
    def _whole(edit: QLineEdit) -> int | None:
        text = edit.text().strip()
        return int(text) if text else None

    def _refresh(self) -> None:
        run, problems = self._read()
        for problem in validate_run(run):
            field = problem.field if problem.field in self._problem_labels else "general"
            problems.setdefault(field, problem.message)
        if not self.duration_edit.text().strip() and not self._duration_touched:
            # An untouched empty duration blocks Save, but is not yet a mistake to point at.
            problems["duration_s"] = ""

        self._problems.show(problems)
        if any(problems.get(f) for f in ("avg_hr", "max_hr", "ascent_m")):
            self._show_more(True)
        for edit, field in (
            (self.duration_edit, "duration_s"),
            (self.distance_edit, "distance_m"),
            (self.date_edit, "day"),
            (self.avg_hr_edit, "avg_hr"),
            (self.max_hr_edit, "max_hr"),
            (self.ascent_edit, "ascent_m"),
        ):
            edit.setAccessibleDescription(problems.get(field, ""))

        pace = "" if "duration_s" in problems else format_pace(run.duration_s, run.distance_m, self.units)
        self.pace_label.setText(pace or NOT_RECORDED)
        question = (
            None if "duration_s" in problems else unlikely_pace(run.activity, run.duration_s, run.distance_m)
        )
        self.pace_question.setText(question or "")
        self.pace_question.setVisible(question is not None)
        self.save_button.setEnabled(not problems)
        if not problems:
            hint = ""
        elif any(problems.values()):
            hint = "Fix the problems shown beside the fields first."
        else:
            hint = "Enter a duration first."
        self.save_button.setToolTip(hint)

    def result_run(self) -> Run:
        """The run as the fields describe it; only valid while Save is enabled (after Accepted)."""
        run, problems = self._read()
        problems.update({p.field: p.message for p in validate_run(run)})
        if problems:
            raise ValueError("; ".join(problems.values()))
        return run

    def accept(self) -> None:
        if not self.save_button.isEnabled():
            return
        run = self._read()[0]
        question = unlikely_pace(run.activity, run.duration_s, run.distance_m)
        if question is not None and not pace_is_confirmed(self, question):
            return
        super().accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc is easy to press by accident: a form that holds typing asks before it goes.
        if event.key() == Qt.Key.Key_Escape and self._read() != self._opened_as:
            event.accept()
            if discard_is_confirmed(self):
                self.reject()
            return
        super().keyPressEvent(event)
