"""The run log's filter: one activity (or all) within a period, on days with a tag (or any),
sorted on raw values."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from runjournal.domain.model import Activity, Run
from runjournal.ui.views.runs.run_table_model import SORT_ROLE, RunTableModel

_Index = QModelIndex | QPersistentModelIndex


class RunFilterProxyModel(QSortFilterProxyModel):
    """Shows the runs of one activity (or all) within a period, sorted on raw values."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._activity: Activity | None = None
        self._first: date | None = None
        self._last: date | None = None
        self._days: frozenset[date] | None = None  # only these days (a tag's), or any
        self._runs: RunTableModel | None = None  # the source, kept here: asked once per row
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)  # re-filters when rows change

    @property
    def activity(self) -> Activity | None:
        return self._activity

    @property
    def period(self) -> tuple[date | None, date | None]:
        return self._first, self._last

    def set_activity(self, activity: Activity | None) -> None:
        if activity != self._activity:
            self.beginFilterChange()
            self._activity = activity
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_period(self, first: date | None, last: date | None) -> None:
        """Both days included; None leaves that end open."""
        if (first, last) != (self._first, self._last):
            self.beginFilterChange()
            self._first, self._last = first, last
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_days(self, days: frozenset[date] | None) -> None:
        """Shows only runs on `days` (e.g. the days with a tag); None shows any day."""
        if days != self._days:
            self.beginFilterChange()
            self._days = days
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, run: Run) -> bool:
        if self._days is not None and run.day not in self._days:
            return False
        if self._activity is not None and run.activity is not self._activity:
            return False
        if self._first is not None and run.day < self._first:
            return False
        return not (self._last is not None and run.day > self._last)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        self._runs = model if isinstance(model, RunTableModel) else None
        super().setSourceModel(model)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        # Called for every one of 30,000 runs when they arrive: `accepts`, written out.
        if self._runs is None:
            return True
        run = self._runs.run_at(source_row)
        first, last = self._first, self._last
        return (
            (self._days is None or run.day in self._days)
            and (self._activity is None or run.activity is self._activity)
            and (first is None or run.day >= first)
            and (last is None or run.day <= last)
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts (fast, in Python on raw values); this proxy keeps its
        order and only filters."""
        model = self.sourceModel()
        if isinstance(model, RunTableModel):
            model.sort(column, order)
