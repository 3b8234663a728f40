"""The review list of an import as a thin Qt table model: one row per entry a file holds,
or per file that can't be imported, with what will happen to it.

Status is told three ways at once (a symbol, a word and a colour), so it reads in dark
mode, in greyscale and to a screen reader alike. Rows that will not be imported are drawn
in the palette's dimmed text, so the new ones stand out.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from runjournal.domain.model import DistanceUnit
from runjournal.domain.units import format_distance, format_duration, unit_label
from runjournal.service.import_plan import ImportItem, Status
from runjournal.ui.theme import is_dark
from runjournal.ui.views.runs.run_table_model import locale_date

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
    """ "✓ new", "= duplicate", "✕ can't import: why" — as shown in the Status column."""
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
    """Read-only rows of an `ImportPlan`; the dialog decides, the model only shows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[ImportItem] = []
        self._units = DistanceUnit.KM
        self._locale = QLocale()

    def set_rows(self, items: list[ImportItem], units: DistanceUnit) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._units = units
        self._locale = QLocale()
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)

    def item_at(self, row: int) -> ImportItem:
        return self._items[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, column = self._items[index.row()], index.column()
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
            weekday = self._locale.dayName(run.day.isoweekday(), QLocale.FormatType.ShortFormat)
            return f"{weekday} {locale_date(self._locale, run.day)}"
        if column == COL_START:
            start = run.local_start
            if start is None:
                return ""
            return self._locale.toString(QTime(start.hour, start.minute, start.second), QLocale.FormatType.ShortFormat)
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
            if item.status is Status.NEW:
                return "New: it will be added to your journal when you press Import."
            if item.status is Status.DUPLICATE:
                return f"Already there, so it will be skipped: {item.reason}"
            return f"Can't import: {item.reason}"
        if column == COL_ACTIVITY and item.run is not None and item.run.title:
            return f"{item.run.activity.label}: {item.run.title}"
        return None

    def _colour(self, item: ImportItem, column: int) -> QColor | None:
        palette = QGuiApplication.palette()
        status_cell = column == COL_STATUS or (column == COL_DATE and spans_reason(item))
        if status_cell and item.status in _STATUS_COLOURS:
            light, dark = _STATUS_COLOURS[item.status]
            return QColor(dark if is_dark(palette) else light)
        if item.status is not Status.NEW:
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
    COL_FILE: "The file the entry comes from; hover for its folder",
    COL_START: "The local time the activity started",
    COL_STATUS: "✓ new: will be added · = duplicate: already in your journal or in another of these files · ✕ can't import, and why",
}
