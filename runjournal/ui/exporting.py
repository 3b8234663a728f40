"""File → Export…: the journal as JSON or CSV, written off the window's thread.

Ten years of entries take a noticeable moment to turn into JSON; written in the
background, the window keeps responding and the status bar says what is happening.
The file is written to a temporary name and renamed into place (runjournal.service.export), so
a failed export leaves nothing under the chosen name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from runjournal.domain.units import count
from runjournal.ui.background import BackgroundLoader
from runjournal.ui.bridge import JournalBridge

FILTERS = ("Whole journal (*.json)", "Runs table (*.csv)", "Check-ins table (*.csv)")


def ask_target(parent: QWidget) -> tuple[Path, bool] | None:
    """Where to write and whether the check-ins table was chosen; None when cancelled."""
    path, chosen = QFileDialog.getSaveFileName(
        parent, "Export journal", str(Path.home() / "runjournal-export.json"), ";;".join(FILTERS)
    )
    if not path:
        return None
    target = Path(path)
    if not target.suffix:
        target = target.with_suffix(".json" if chosen == FILTERS[0] else ".csv")
    return target, chosen == FILTERS[2]


def tell_failure(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, "Export failed", message)


class Exporter(QObject):
    """Asks where to export, writes in the background and says how it went.

    `status(text)` carries what the status bar should say; `finished(path, records)`
    follows a written file.
    """

    status = Signal(str)
    finished = Signal(object, int)

    def __init__(self, bridge: JournalBridge, action: QAction, parent: QWidget) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._action = action
        self._parent = parent
        self._target: Path | None = None
        from runjournal.service.export import ExportError

        self._loader = BackgroundLoader(self, doing="exporting your journal", expected=(ExportError,))
        self._loader.loaded.connect(self._on_written)
        self._loader.failed.connect(self._on_failed)

    @property
    def is_exporting(self) -> bool:
        return self._loader.is_loading

    def ask_and_export(self) -> None:
        from runjournal.ui.locking import unencrypted_copy_agreed

        if not unencrypted_copy_agreed(self._parent, self._bridge.journal.path):
            return
        chosen = ask_target(self._parent)
        if chosen is not None:
            self.export_to(*chosen)

    def export_to(self, target: Path, check_ins: bool = False) -> None:
        """Writes `target` (.json: everything; .csv: runs, or check-ins) in the background."""
        from runjournal.service.export import export

        journal = self._bridge.journal
        self._target = target
        self._action.setEnabled(False)  # one export at a time
        self.status.emit(f"Exporting to {target.name}…")
        self._loader.start(lambda: export(journal, target, check_ins=check_ins))

    def _on_written(self, records: object) -> None:
        assert isinstance(records, int)  # what runjournal.service.export.export returns
        self._action.setEnabled(True)
        self.status.emit(f"Exported {count(records, 'entry', 'entries')} to {self._target}")
        self.finished.emit(self._target, records)

    def _on_failed(self, message: str) -> None:
        self._action.setEnabled(True)
        self.status.emit("The export failed; nothing was written.")
        tell_failure(self._parent, message)
