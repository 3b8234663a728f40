"""The review list of an import as a thin Qt table model: one row per entry a file holds,
or per file that can't be imported, with what will happen to it.

Status is told three ways at once (a symbol, a word and a colour), so it reads in dark
mode, in greyscale and to a screen reader alike. Rows that will not be imported are drawn
in the palette's dimmed text, so the new ones stand out.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from runjournal.domain.model import Activity, DistanceUnit
from runjournal.domain.units import format_distance, format_duration, unit_label
from runjournal.service.import_plan import ImportItem, Status
from runjournal.ui.dates import table_day
from runjournal.ui.theme import is_dark

COL_FILE = 0
COL_DATE = 1
COL_START = 2
COL_ACTIVITY = 3
COL_DURATION = 4
COL_DISTANCE = 5
COL_STATUS = 6
COLUMN_COUNT = 7

SORT_ROLE = Qt.ItemDataRole.UserRole
"""Raw values for sorting; files that can't be imported (no date) sort last."""

SYMBOLS = {Status.NEW: "✓", Status.DUPLICATE: "=", Status.REFUSED: "✕"}

# Readable on white and on the dark theme's #1e1f22 base alike (contrast ≥ 4.5:1 on each).
_STATUS_COLOURS = {
    Status.NEW: ("#1b7a3a", "#7fd49a"),
    Status.REFUSED: ("#b3261e", "#ff8a80"),
}

# Amber for a new entry to check before it is ticked (contrast ≥ 4.5:1 on white and on #1e1f22).
_DOUBT_COLOURS = ("#8a5300", "#ffc66d")

_ALIGNMENT = {
    COL_START: Qt.AlignmentFlag.AlignHCenter,
    COL_DURATION: Qt.AlignmentFlag.AlignRight,
    COL_DISTANCE: Qt.AlignmentFlag.AlignRight,
}

_Index = QModelIndex | QPersistentModelIndex


def spans_reason(item: ImportItem) -> bool:
    """A file that can't be read has no date, time or distance: its reason takes their place,
    from Date across to Status, where there is room to read it."""
    return item.run is None


def status_text(item: ImportItem) -> str:
    """ "✓ new", "= duplicate", "✕ can't import: why", "? check: why" (new, but not ticked
    until the person says so), "– left out" (unticked) — as shown in the Status column."""
    if item.status is Status.NEW and not item.included:
        return f"? {item.label}" if item.reason else "– left out (tick it to import it)"
    return f"{SYMBOLS[item.status]} {item.label}"


def quiet_text(palette: QPalette) -> QColor:
    """Text between the palette's text and base colours: visibly quieter, still easy to read
    (the Disabled text colour is too faint on a light background)."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    share = 0.62
    return QColor(
        round(text.red() * share + base.red() * (1 - share)),
        round(text.green() * share + base.green() * (1 - share)),
        round(text.blue() * share + base.blue() * (1 - share)),
    )


class ReviewModel(QAbstractTableModel):
    """Rows of an `ImportPlan`. A new entry has a tick box in the File column and its
    activity can be changed; `choices_changed` tells the dialog, which asks the plan what
    the edits mean (`ImportPlan.with_choices`)."""

    choices_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[ImportItem] = []
        self._included: dict[int, bool] = {}
        self._activities: dict[int, Activity] = {}
        self._units = DistanceUnit.KM
        self._locale = QLocale()

    def set_rows(self, items: list[ImportItem], units: DistanceUnit) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._included, self._activities = {}, {}
        self._units = units
        self._locale = QLocale()
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)

    def item_at(self, row: int) -> ImportItem:
        """The row's entry as the person has edited it (ticked or not, its activity)."""
        item = self._items[row]
        if item.status is not Status.NEW or item.run is None:
            return item
        run = item.run
        if row in self._activities:
            run = run.replace(activity=self._activities[row])
        return replace(item, run=run, included=self._included.get(row, item.included))

    def included(self) -> dict[int, bool]:
        """Rows the person ticked or unticked, by their place in the plan."""
        return dict(self._included)

    def activities(self) -> dict[int, Activity]:
        """Rows whose activity the person changed, by their place in the plan."""
        return dict(self._activities)

    def set_included(self, row: int, included: bool) -> bool:
        if self._items[row].status is not Status.NEW:
            return False
        self._included[row] = included
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        self.choices_changed.emit()
        return True

    def set_activity(self, rows: list[int], activity: Activity) -> int:
        """Gives the new entries among `rows` another activity; how many changed."""
        changed = [row for row in rows if self._items[row].status is Status.NEW]
        for row in changed:
            self._activities[row] = activity
            self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        if changed:
            self.choices_changed.emit()
        return len(changed)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == COL_FILE and self._items[index.row()].status is Status.NEW:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != COL_FILE or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else value
        return self.set_included(index.row(), state == Qt.CheckState.Checked.value)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, column = self.item_at(index.row()), index.column()
        if role == Qt.ItemDataRole.CheckStateRole:
            if column != COL_FILE or item.status is not Status.NEW:
                return None
            return (Qt.CheckState.Checked if item.included else Qt.CheckState.Unchecked).value
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == SORT_ROLE:
            return self._sort_value(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_ALIGNMENT.get(column, Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(item, column)
        return None

    def text(self, item: ImportItem, column: int) -> str:
        run = item.run
        if column == COL_FILE:
            return item.path.name or str(item.path)
        if column == COL_STATUS or (column == COL_DATE and spans_reason(item)):
            return status_text(item)
        if run is None:
            return ""
        if column == COL_DATE:
            return table_day(run.day)
        if column == COL_START:
            start = run.local_start
            if start is None:
                return ""
            return self._locale.toString(
                QTime(start.hour, start.minute, start.second), QLocale.FormatType.ShortFormat
            )
        if column == COL_ACTIVITY:
            return run.activity.label
        if column == COL_DURATION:
            return format_duration(run.duration_s)
        if column == COL_DISTANCE:
            return format_distance(run.distance_m, self._units) if run.distance_m else ""
        return ""

    def _sort_value(self, item: ImportItem, column: int) -> object:
        run = item.run
        if column == COL_FILE:
            return item.path.name.casefold()
        if column == COL_STATUS:
            return list(Status).index(item.status)
        if run is None:
            return None
        start = run.local_start
        if column in (COL_DATE, COL_START):
            seconds = start.hour * 3600 + start.minute * 60 if start else -1
            return [run.day.toordinal(), seconds] if column == COL_DATE else seconds
        if column == COL_ACTIVITY:
            return run.activity.label
        if column == COL_DURATION:
            return run.duration_s
        if column == COL_DISTANCE:
            return run.distance_m
        return None

    def _tooltip(self, item: ImportItem, column: int) -> str | None:
        if column == COL_FILE:
            return str(item.path)
        if column == COL_STATUS or (item.run is None and item.reason):
            if item.status is Status.NEW and item.reason:
                return f"To check, so not ticked: {item.reason}"
            if item.status is Status.NEW and item.replaces is not None:
                return (
                    "A richer recording of a run already in your journal: when ticked, its time, "
                    "distance and heart rate replace the run's; your title, notes and feelings stay, "
                    "and the earlier file is kept as an extra original."
                )
            if item.status is Status.NEW:
                return (
                    "New: it will be added to your journal when you press Import (untick it to leave it out)."
                )
            if item.status is Status.DUPLICATE:
                return f"Already there, so it will be skipped: {item.reason}"
            return f"Can't import: {item.reason}"
        if column == COL_ACTIVITY and item.run is not None and item.run.title:
            return f"{item.run.activity.label}: {item.run.title}"
        return None

    def _colour(self, item: ImportItem, column: int) -> QColor | None:
        palette = QGuiApplication.palette()
        status_cell = column == COL_STATUS or (column == COL_DATE and spans_reason(item))
        if status_cell and item.status is Status.NEW and item.reason:
            light, dark = _DOUBT_COLOURS
            return QColor(dark if is_dark(palette) else light)
        if status_cell and item.status in _STATUS_COLOURS:
            light, dark = _STATUS_COLOURS[item.status]
            return QColor(dark if is_dark(palette) else light)
        if item.status is not Status.NEW or not item.included:
            return quiet_text(palette)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                COL_FILE: "File",
                COL_DATE: "Date",
                COL_START: "Start",
                COL_ACTIVITY: "Activity",
                COL_DURATION: "Duration",
                COL_DISTANCE: f"Distance ({unit_label(self._units)})",
                COL_STATUS: "Status",
            }[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_ALIGNMENT.get(section, Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _HEADER_TIPS.get(section)
        return None


_HEADER_TIPS = {
    COL_FILE: "The file the entry comes from; hover for its folder. Untick a new entry to leave it out",
    COL_START: "The local time the activity started",
    COL_STATUS: "✓ new: will be added · = duplicate: already in your journal or in another of these files · ✕ can't import, and why",
}
