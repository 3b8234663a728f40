"""The review list of a check-ins import as a thin Qt table model: one row per row of the
table, with what importing does with that day.

A day that differs from the journal has a tick box, "use the file's", unticked at first:
the journal's day is kept unless the person asks. Status is told by a symbol and a word as
well as a colour, as in the activities' review (review_model.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication

from runjournal.service.check_in_import import DayItem, DayStatus
from runjournal.ui.dates import table_day
from runjournal.ui.importing.review_model import quiet_text
from runjournal.ui.theme import is_dark

COL_ROW = 0
COL_DAY = 1
COL_STATUS = 2
COL_MOOD = 3
COL_TAGS = 4
COL_DETAILS = 5
COLUMN_COUNT = 6

SYMBOLS = {
    DayStatus.NEW: "✓",
    DayStatus.SAME: "=",
    DayStatus.DIFFERS: "≠",
    DayStatus.EMPTY: "–",
    DayStatus.REFUSED: "✕",
}
# Readable on white and on the dark theme's base alike (contrast ≥ 4.5:1 on each), as in review_model.
_COLOURS = {
    DayStatus.NEW: ("#1b7a3a", "#7fd49a"),
    DayStatus.DIFFERS: ("#8a5300", "#ffc66d"),
    DayStatus.REFUSED: ("#b3261e", "#ff8a80"),
}
_HEADERS = {
    COL_ROW: "Row",
    COL_DAY: "Day",
    COL_STATUS: "What happens",
    COL_MOOD: "Mood",
    COL_TAGS: "Tags",
    COL_DETAILS: "Details",
}
_Index = QModelIndex | QPersistentModelIndex


def status_text(item: DayItem) -> str:
    """ "✓ new", "= already in your journal", "≠ differs: yours is kept", "✕ can't import"
    (its reason is in the Details column, where there is room to read it)."""
    if item.status is DayStatus.REFUSED:
        return f"{SYMBOLS[item.status]} can't import"
    return f"{SYMBOLS[item.status]} {item.label}"


def cell_text(item: DayItem, column: int) -> str:
    """What a row shows in a column."""
    check_in = item.check_in
    if column == COL_ROW:
        return str(item.line)
    if column == COL_STATUS:
        return status_text(item)
    if item.status is DayStatus.REFUSED:
        return item.reason if column == COL_DETAILS else ""
    if check_in is None:
        return ""
    if column == COL_DAY:
        return table_day(check_in.day)
    if column == COL_MOOD:
        return "" if check_in.mood is None else str(check_in.mood)
    if column == COL_TAGS:
        return ", ".join(check_in.tags)
    if column == COL_DETAILS:
        return item.differences
    return ""


FITTED_COLUMNS = (COL_ROW, COL_DAY, COL_STATUS, COL_MOOD, COL_TAGS)  # Details takes the rest
MAX_SAMPLES = 400  # rows measured per column at most, the longest texts first
_DIGITS_ALIKE = str.maketrans("123456789", "000000000")


def widest_rows(items: Sequence[DayItem]) -> dict[int, tuple[int, ...]]:
    """For each fitted column, the rows that between them hold every width its texts need.

    Measuring every row of thirty years of check-ins would hold up the window; texts that
    differ only in their digits are as wide as each other (a table's digits are), so one
    row of each shape is enough: a few dozen rows instead of thousands. Pure, so it can run
    off the window's thread.
    """
    widest: dict[int, tuple[int, ...]] = {}
    for column in FITTED_COLUMNS:
        shapes: dict[str, int] = {}
        for row, item in enumerate(items):
            shapes.setdefault(cell_text(item, column).translate(_DIGITS_ALIKE), row)
        longest = sorted(shapes, key=len, reverse=True)[:MAX_SAMPLES]
        widest[column] = tuple(sorted({shapes[shape] for shape in longest}))
    return widest


class CheckInReviewModel(QAbstractTableModel):
    choices_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[DayItem] = []
        self._use_file: dict[int, bool] = {}

    def set_rows(self, items: list[DayItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._use_file = {}
        self.endResetModel()

    def first_ticked(self) -> int | None:
        """A row the person ticked to use the file's, if any (they all read alike)."""
        return next((row for row, chosen in self._use_file.items() if chosen), None)

    def use_file(self) -> dict[int, bool]:
        """Differing days the person ticked or unticked, by their place in the plan."""
        return dict(self._use_file)

    def item_at(self, row: int) -> DayItem:
        item = self._items[row]
        if item.status is DayStatus.DIFFERS and row in self._use_file:
            return replace(item, use_file=self._use_file[row])
        return item

    def set_use_file_everywhere(self, chosen: bool) -> None:
        """Ticks (or unticks) every differing day at once: one change, whatever their number."""
        rows = [row for row, item in enumerate(self._items) if item.status is DayStatus.DIFFERS]
        if not rows:
            return
        self._use_file.update(dict.fromkeys(rows, chosen))
        self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], COLUMN_COUNT - 1))
        self.choices_changed.emit()

    def set_use_file(self, row: int, chosen: bool) -> bool:
        if self._items[row].status is not DayStatus.DIFFERS:
            return False
        self._use_file[row] = chosen
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        self.choices_changed.emit()
        return True

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if (
            index.isValid()
            and index.column() == COL_STATUS
            and self._items[index.row()].status is DayStatus.DIFFERS
        ):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != COL_STATUS or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else value
        return self.set_use_file(index.row(), state == Qt.CheckState.Checked.value)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, column = self.item_at(index.row()), index.column()
        if (
            role == Qt.ItemDataRole.CheckStateRole
            and column == COL_STATUS
            and item.status is DayStatus.DIFFERS
        ):
            return (Qt.CheckState.Checked if item.use_file else Qt.CheckState.Unchecked).value
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(item, column)
        return None

    def text(self, item: DayItem, column: int) -> str:
        return cell_text(item, column)

    def _tooltip(self, item: DayItem, column: int) -> str | None:
        if item.status is DayStatus.DIFFERS:
            return (
                f"Your journal has this day with other values ({item.differences}). "
                "It is kept as it is unless you tick this row to use the file's."
            )
        if item.status is DayStatus.REFUSED:
            return f"Can't import: {item.reason}"
        if item.status is DayStatus.SAME:
            return "Your journal has this day with the same values, so it is left as it is."
        if item.status is DayStatus.EMPTY:
            return "Nothing is recorded on this row, so there is nothing to import."
        return "New: this day will be added to your journal when you press Import."

    def _colour(self, item: DayItem, column: int) -> QColor | None:
        palette = QGuiApplication.palette()
        if column == COL_STATUS and item.status in _COLOURS:
            light, dark = _COLOURS[item.status]
            return QColor(dark if is_dark(palette) else light)
        if item.status in (DayStatus.SAME, DayStatus.EMPTY):
            return quiet_text(palette)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return _HEADERS.get(section)
