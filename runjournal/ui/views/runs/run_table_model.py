"""The run log as a Qt table model: one row per run, text as a runner reads it.

Thin on purpose (as Vorta's table models are): the view sets the rows with `set_runs`,
and the numbers are formatted by `domain.units`, so the table, the report and the command
line always show a run the same way. `SORT_ROLE` gives raw values, so sorting by pace or
duration compares seconds rather than text.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)

from runjournal.domain.model import Activity, Company, DistanceUnit, Run
from runjournal.domain.units import format_distance, format_duration, format_pace, pace_s_per_unit, unit_label
from runjournal.ui.dates import edit_format, has_locale, short_day

COL_DATE = 0
COL_ACTIVITY = 1
COL_DURATION = 2
COL_DISTANCE = 3
COL_PACE = 4
COL_EFFORT = 5
COL_WITH = 6
COL_MOOD = 7
COL_NOTE = 8
COLUMN_COUNT = 9

ROWS_PER_TURN = 3000
"""How many rows join the table per turn of the event loop while a big journal's runs
arrive (`fill`): a few milliseconds of filtering each, so the window keeps answering."""

SORT_ROLE = Qt.ItemDataRole.UserRole
"""Raw, comparable values for sorting; None means "not recorded" and sorts last."""

NOTE_MARK = "✎"
PRIVATE_NOTE_TEXT = "Private note"

# Measurements line up on the right; effort ("3 · easy") and mood ("4 → 7") are centred,
# so they keep clear of the right-aligned pace beside them.
_ALIGNMENT = {
    COL_DURATION: Qt.AlignmentFlag.AlignRight,
    COL_DISTANCE: Qt.AlignmentFlag.AlignRight,
    COL_PACE: Qt.AlignmentFlag.AlignRight,
    COL_EFFORT: Qt.AlignmentFlag.AlignHCenter,
    COL_MOOD: Qt.AlignmentFlag.AlignHCenter,
}
_ACTIVITIES = list(Activity)
_COMPANIES = list(Company)

_Index = QModelIndex | QPersistentModelIndex


def locale_date(locale: QLocale, day: date) -> str:
    """The window's one short date, without the weekday the table puts before it
    ("3 Dec 2026" without a locale; see ui/dates.py)."""
    if not has_locale() or locale.language() == QLocale.Language.C:
        return short_day(day, with_weekday=False)
    return locale.toString(QDate(day.year, day.month, day.day), edit_format())


def date_edit_format(locale: QLocale) -> str:
    """A QDateEdit display format matching `locale_date`, with a four-digit year."""
    if not has_locale() or locale.language() == QLocale.Language.C:
        return edit_format()
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def _lock_icon(colour: QColor) -> QIcon:
    """A small padlock drawn in the text colour, since no font on every system has one."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    shackle = QPainterPath()
    shackle.moveTo(QPointF(10, 15))
    shackle.lineTo(QPointF(10, 10.5))
    shackle.arcTo(QRectF(10, 4, 12, 13), 180, -180)
    shackle.lineTo(QPointF(22, 15))
    painter.setPen(QPen(colour, 3.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(6, 14, 20, 15), 3, 3)
    painter.end()
    return QIcon(pixmap)


class RunTableModel(QAbstractTableModel):
    """Runs as rows; read-only, since runs are changed through the run dialog and undo stack."""

    filled = Signal()  # every run handed to `fill` is in the table

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runs: list[Run] = []
        self._waiting: list[Run] = []  # runs handed to `fill` not yet in the table
        self._feeder = QTimer(self)
        self._feeder.setSingleShot(True)
        self._feeder.setInterval(0)
        self._feeder.timeout.connect(self._feed)
        self._units = DistanceUnit.KM
        self._locale = QLocale()
        self._lock_icons: dict[str, QIcon] = {}
        self._sort_column = COL_DATE
        self._sort_order = Qt.SortOrder.DescendingOrder

    # Rows ------------------------------------------------------------------------------

    def set_runs(self, runs: list[Run], units: DistanceUnit, *, presorted: bool = False) -> None:
        """Shows `runs`; `presorted` when they are `sorted_by_date(runs)` for the current order."""
        self._stop_filling()
        self.beginResetModel()
        self._units = units
        self._runs = list(runs) if presorted else self._sorted(list(runs))
        self._locale = QLocale()
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)

    def fill(self, runs: list[Run], units: DistanceUnit) -> None:
        """Shows `runs`, already `sorted_by_date` for the current order, a piece at a time:
        the first piece now, the next on each turn of the event loop, then `filled`."""
        self._stop_filling()
        self.beginResetModel()
        self._units = units
        self._runs = list(runs[:ROWS_PER_TURN])
        self._waiting = list(runs[ROWS_PER_TURN:])
        self._locale = QLocale()
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        self._feed_later()

    @property
    def is_filling(self) -> bool:
        """True while runs handed to `fill` are still joining the table."""
        return bool(self._waiting)

    def finish_filling(self) -> None:
        """Puts every run still waiting into the table now (for someone acting on them)."""
        if self._waiting:
            self._append(self._waiting)
            self._waiting = []
            self._feed_later()

    def _stop_filling(self) -> None:
        self._feeder.stop()
        self._waiting = []

    def _feed(self) -> None:
        piece, self._waiting = self._waiting[:ROWS_PER_TURN], self._waiting[ROWS_PER_TURN:]
        self._append(piece)
        self._feed_later()

    def _feed_later(self) -> None:
        if self._waiting:
            self._feeder.start()
        else:
            self._feeder.stop()
            self.filled.emit()

    def _append(self, runs: list[Run]) -> None:
        if runs:
            first = len(self._runs)
            self.beginInsertRows(QModelIndex(), first, first + len(runs) - 1)
            self._runs.extend(runs)
            self.endInsertRows()

    @property
    def units(self) -> DistanceUnit:
        return self._units

    def runs(self) -> list[Run]:
        return list(self._runs)

    def run_at(self, row: int) -> Run:
        return self._runs[row]

    def row_of(self, run_id: int) -> int | None:
        """The row of a run by id, or None if the model does not hold it."""
        for row, run in enumerate(self._runs):
            if run.id == run_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    # Sorting ---------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorts the rows here, in one Python sort on raw values, rather than letting the
        proxy compare cell by cell through `data()` (half a second for ten years of runs).
        Runs still arriving join the table first, so the sort sees every run."""
        self.finish_filling()
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old_runs = self._runs
        self._runs = self._sorted(self._runs)
        after = {id(run): row for row, run in enumerate(self._runs)}
        moved_from, moved_to = [], []
        for index in self.persistentIndexList():
            if index.isValid():
                row = after[id(old_runs[index.row()])]
                moved_from.append(index)
                moved_to.append(self.index(row, index.column()))
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    def sorted_by_date(self, runs: list[Run], order: Qt.SortOrder) -> list[Run]:
        """The runs in date order, as the table shows them when sorted by date: safe on a
        worker thread (it reads only the runs), so a big journal is sorted off the window."""
        descending = order == Qt.SortOrder.DescendingOrder
        return sorted(runs, key=_date_key, reverse=descending)

    def _sorted(self, runs: list[Run]) -> list[Run]:
        """Unrecorded values (None) go to the bottom whichever way the column is sorted;
        ties keep the diary order, so equal efforts still read by date."""
        column = self._sort_column
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        keyed = []
        for run in runs:
            date_key = _date_key(run)
            value = date_key if column == COL_DATE else self.sort_value(run, column)
            keyed.append((value, date_key, run))
        recorded = [k for k in keyed if k[0] is not None]
        missing = [k for k in keyed if k[0] is None]
        recorded.sort(key=lambda k: (k[0], k[1]), reverse=descending)
        missing.sort(key=lambda k: k[1], reverse=descending)
        return [k[2] for k in recorded + missing]

    # Cells -----------------------------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._runs):
            return None
        run, column = self._runs[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(run, column)
        if role == SORT_ROLE:
            return self.sort_value(run, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = _ALIGNMENT.get(column, Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(run, column)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_NOTE and run.note_private and run.note:
            return self._lock_icon()
        if role == Qt.ItemDataRole.FontRole and column == COL_NOTE and run.note_private and run.note:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _text(self, run: Run, column: int) -> str:
        if column == COL_DATE:
            weekday = self._locale.dayName(run.day.isoweekday(), QLocale.FormatType.ShortFormat)
            return f"{weekday} {locale_date(self._locale, run.day)}"
        if column == COL_ACTIVITY:
            return run.activity.label
        if column == COL_DURATION:
            return format_duration(run.duration_s)
        if column == COL_DISTANCE:
            return format_distance(run.distance_m, self._units) if run.distance_m else ""
        if column == COL_PACE:
            return format_pace(run.duration_s, run.distance_m, self._units)
        if column == COL_EFFORT:
            return f"{run.effort} · {run.intensity.value}" if run.effort is not None else ""
        if column == COL_WITH:
            return run.company.label
        if column == COL_MOOD:
            if run.mood_before is None and run.mood_after is None:
                return ""
            return f"{_or_dash(run.mood_before)} → {_or_dash(run.mood_after)}"
        if column == COL_NOTE:
            return _note_text(run)
        return ""

    def sort_value(self, run: Run, column: int) -> object:
        """A value that orders like a person expects; None for "not recorded"."""
        if column == COL_DATE:
            return _date_key(run)
        if column == COL_ACTIVITY:
            return _ACTIVITIES.index(run.activity)
        if column == COL_DURATION:
            return run.duration_s
        if column == COL_DISTANCE:
            return run.distance_m or None
        if column == COL_PACE:
            return pace_s_per_unit(run.duration_s, run.distance_m, self._units)
        if column == COL_EFFORT:
            return run.effort
        if column == COL_WITH:
            return _COMPANIES.index(run.company)
        if column == COL_MOOD:
            if run.mood_before is None and run.mood_after is None:
                return None
            return [_or_minus(run.mood_after), _or_minus(run.mood_before)]
        if column == COL_NOTE:
            text = f"{run.title} {run.note}".strip()
            return text.casefold() if text else None
        return None

    def _tooltip(self, run: Run, column: int) -> str | None:
        if column == COL_DATE:
            long_day = self._locale.toString(
                QDate(run.day.year, run.day.month, run.day.day), QLocale.FormatType.LongFormat
            )
            start = run.local_start
            if start is None:
                return long_day
            clock = self._locale.toString(QTime(start.hour, start.minute), QLocale.FormatType.ShortFormat)
            return f"{long_day}, started at {clock}"
        if column == COL_EFFORT and run.effort is not None:
            return f"Effort {run.effort} out of 10 ({run.intensity.value})"
        if column == COL_MOOD and (run.mood_before is not None or run.mood_after is not None):
            return f"Mood before: {_or_text(run.mood_before)}, after: {_or_text(run.mood_after)} (out of 10)"
        if column == COL_ACTIVITY:
            place = "Outdoors" if run.outdoor else "Indoors"
            extras = [place] + (["mindful (no music or podcasts)"] if run.mindful else [])
            heading = f"{run.activity.label}: {run.title}" if run.title else run.activity.label
            return f"{heading}\n{', '.join(extras)}"
        return _note_tooltip(run)

    def _lock_icon(self) -> QIcon:
        colour = QGuiApplication.palette().color(QPalette.ColorRole.Text)
        key = colour.name()
        if key not in self._lock_icons:
            self._lock_icons[key] = _lock_icon(colour)
        return self._lock_icons[key]

    # Header ----------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_label(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _HEADER_TIPS.get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = _ALIGNMENT.get(section, Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def header_label(self, section: int) -> str:
        unit = unit_label(self._units)
        return {
            COL_DATE: "Date",
            COL_ACTIVITY: "Activity",
            COL_DURATION: "Duration",
            COL_DISTANCE: f"Distance ({unit})",
            COL_PACE: f"Pace (min/{unit})",
            COL_EFFORT: "Effort",
            COL_WITH: "With",
            COL_MOOD: "Mood",
            COL_NOTE: "Note",
        }[section]


_HEADER_TIPS = {
    COL_DATE: "The day of the session; hover a date for its start time",
    COL_DURATION: "How long it lasted (minutes:seconds, or hours:minutes:seconds)",
    COL_PACE: "Time per distance unit; lower is faster",
    COL_EFFORT: "How hard it felt, 1–10: easy up to 4, moderate 5–6, hard from 7",
    COL_WITH: "Who you moved with",
    COL_MOOD: "Mood before → after, out of 10 (— when not recorded)",
    COL_NOTE: f"Title and note; {NOTE_MARK} marks a note, a padlock a private one",
}


def _date_key(run: Run) -> tuple[int, int, int]:
    """Day, then local clock time, then id: the diary order. The clock time is worked out from
    the UTC instant and offset by arithmetic, which is much quicker than building a local
    datetime for every one of ten years of runs."""
    started = run.started_at
    if started is None:
        seconds = -1
    else:
        seconds = (
            started.hour * 3600 + started.minute * 60 + started.second + (run.utc_offset_min or 0) * 60
        ) % 86400
    return (run.day.toordinal(), seconds, run.id or 0)


def _or_dash(value: int | None) -> str:
    return "—" if value is None else str(value)


def _or_text(value: int | None) -> str:
    return "not recorded" if value is None else str(value)


def _or_minus(value: int | None) -> int:
    return -1 if value is None else value


def _note_text(run: Run) -> str:
    note = run.note.strip()
    if not note:
        return run.title
    if run.note_private:
        return f"{run.title} — {PRIVATE_NOTE_TEXT}" if run.title else PRIVATE_NOTE_TEXT
    first_line = note.splitlines()[0]
    return f"{NOTE_MARK} {run.title} — {first_line}" if run.title else f"{NOTE_MARK} {first_line}"


def _note_tooltip(run: Run) -> str | None:
    parts = [run.title] if run.title else []
    if run.note.strip():
        parts.append(f"{PRIVATE_NOTE_TEXT}:\n{run.note.strip()}" if run.note_private else run.note.strip())
    return "\n".join(parts) or None
