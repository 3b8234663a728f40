"""The run log's selection by run, not by row: which runs are selected, which one is
current and which one is at the top of the list, kept while the table is filled again
(a refresh, a sort, runs arriving in pieces) and put back afterwards."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex, QPoint
from PySide6.QtWidgets import QAbstractItemView, QTableView

from runjournal.domain.model import Run
from runjournal.ui.views.runs.run_filter import RunFilterProxyModel
from runjournal.ui.views.runs.run_table_model import RunTableModel

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class KeptSelection:
    selected: list[int | None]
    current: int | None
    anchor: int | None  # the run at the top of the visible rows


class RunSelection:
    def __init__(self, table: QTableView, proxy: RunFilterProxyModel, model: RunTableModel) -> None:
        self._table, self._proxy, self._model = table, proxy, model

    def selected_runs(self) -> list[Run]:
        """The selected runs in the order the table shows them."""
        rows = sorted(self._table.selectionModel().selectedRows(), key=lambda index: index.row())
        return [self._model.run_at(self._proxy.mapToSource(index).row()) for index in rows]

    def keep(self) -> KeptSelection:
        return KeptSelection(
            selected=[run.id for run in self.selected_runs()],
            current=self._run_id_at(self._table.currentIndex()),
            anchor=self._run_id_at(self._table.indexAt(QPoint(1, 1))),
        )

    def restore(self, kept: KeptSelection) -> None:
        selection = QItemSelection()
        last_column = self._proxy.columnCount() - 1
        for run_id in kept.selected:
            row = self._proxy_row(run_id)
            if row is not None:
                selection.select(self._proxy.index(row, 0), self._proxy.index(row, last_column))
        model = self._table.selectionModel()
        current_row = self._proxy_row(kept.current)
        if current_row is not None:
            model.setCurrentIndex(
                self._proxy.index(current_row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        anchor_row = self._proxy_row(kept.anchor)
        if anchor_row is not None:
            self._table.scrollTo(self._proxy.index(anchor_row, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def _run_id_at(self, index: _Index) -> int | None:
        if not index.isValid():
            return None
        source = self._proxy.mapToSource(self._proxy.index(index.row(), 0))
        if not source.isValid():
            return None
        return self._model.run_at(source.row()).id

    def _proxy_row(self, run_id: int | None) -> int | None:
        if run_id is None:
            return None
        source_row = self._model.row_of(run_id)
        if source_row is None:
            return None
        index = self._proxy.mapFromSource(self._model.index(source_row, 0))
        return index.row() if index.isValid() else None
