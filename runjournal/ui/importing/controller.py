"""File → Import… and files dropped on the window, in one place the main window wires up.

Activity files go to the `ImportDialog` (read, review, then store as one undoable step).
A check-ins table (RunJournal's check-ins export, picked with File → Import Check-ins
(CSV)…, or given to Import… or dropped on its own) goes to the `CheckInImportDialog`.
A single whole-journal export (.json) goes the other way: it can fill an empty journal,
after the person agrees, and is explained rather than refused when the journal is not empty.
The question and message boxes are module functions, so tests can answer for the person.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from runjournal.domain.units import count
from runjournal.service.journal import JournalError, ValidationError
from runjournal.ui.bridge import JournalBridge

if TYPE_CHECKING:
    from runjournal.ui.importing.check_in_import_dialog import CheckInImportDialog
    from runjournal.ui.importing.import_dialog import ImportDialog

FILE_FILTER = (
    "Activity files (*.gpx *.tcx *.fit *.csv *.json *.gpx.gz *.tcx.gz *.fit.gz *.csv.gz);;All files (*)"
)


def ask_file_names(parent: QWidget, folder: str) -> list[Path]:
    """The files the person picks (several at once), or [] when they cancel."""
    names, _ = QFileDialog.getOpenFileNames(parent, "Import Activities", folder, FILE_FILTER)
    return [Path(name) for name in names]


CHECK_INS_FILTER = "Check-ins tables (*.csv);;All files (*)"


def ask_check_ins_file(parent: QWidget, folder: str) -> Path | None:
    """The check-ins table the person picks, or None when they cancel."""
    name, _ = QFileDialog.getOpenFileName(parent, "Import Check-ins", folder, CHECK_INS_FILTER)
    return Path(name) if name else None


def ask_folder(parent: QWidget, folder: str) -> Path | None:
    """The folder the person picks, or None when they cancel."""
    chosen = QFileDialog.getExistingDirectory(parent, "Import a Folder of Activities", folder)
    return Path(chosen) if chosen else None


def ask_to_load_document(parent: QWidget, name: str, runs: int, check_ins: int) -> bool:
    """Whether to fill the (empty) journal from a whole-journal export."""
    answer = QMessageBox.question(
        parent,
        "Load a Whole Journal?",
        f"“{name}” is a whole RunJournal journal with {count(runs, 'run')} and "
        f"{count(check_ins, 'check-in')}, with its settings.\n\n"
        "Load all of it into this empty journal?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def tell(parent: QWidget, title: str, message: str, *, warning: bool = False) -> None:
    """A message the person reads and closes."""
    if warning:
        QMessageBox.warning(parent, title, message)
    else:
        QMessageBox.information(parent, title, message)


def is_whole_journal(path: Path) -> bool:
    """Whether a file is RunJournal's own whole-journal export, from its first bytes only."""
    from runjournal.formats.journal_json import is_whole_journal as whole

    return whole(path)


class ImportController(QObject):
    """Opens the import dialog for chosen or dropped files and loads whole-journal exports.

    Signals: `imported(int)` with the number of runs one import stored;
    `document_loaded(int, int)` with the runs and check-ins a whole journal brought.
    """

    imported = Signal(int)
    document_loaded = Signal(int, int)
    check_ins_imported = Signal(int)

    def __init__(self, bridge: JournalBridge, undo_stack: QUndoStack, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.bridge = bridge
        self.undo_stack = undo_stack
        self.parent_widget = parent_widget
        self.dialog: ImportDialog | None = None  # the last one opened, for tests and for raising it again
        self.check_in_dialog: CheckInImportDialog | None = None  # likewise, for check-ins tables
        self._folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)

    # File → Import… ---------------------------------------------------------------------

    def choose_files(self) -> None:
        paths = ask_file_names(self.parent_widget, self._folder)
        if paths:
            self._folder = str(paths[0].parent)
            self.import_paths(paths)

    def choose_folder(self) -> None:
        """File → Import Folder…: every activity file in a folder, such as an app's export."""
        folder = ask_folder(self.parent_widget, self._folder)
        if folder is not None:
            self._folder = str(folder)
            self.import_paths([folder])

    def choose_check_ins(self) -> None:
        """File → Import Check-ins (CSV)…: a check-ins table, reviewed before anything is stored."""
        path = ask_check_ins_file(self.parent_widget, self._folder)
        if path is not None:
            self._folder = str(path.parent)
            self.import_check_ins(path)

    def import_paths(self, paths: Sequence[Path]) -> None:
        """Reviews and imports activity files, and those in folders among them; a lone
        whole-journal export is loaded instead, and a lone check-ins table reviewed as one."""
        from runjournal.formats.importers.folders import expand_folders
        from runjournal.service.check_in_import import is_check_ins_file

        paths = expand_folders([Path(p) for p in paths])
        if not paths:
            return
        if len(paths) == 1 and is_whole_journal(paths[0]):
            self.load_document(paths[0])
            return
        tables = [path for path in paths if is_check_ins_file(path)]
        if len(paths) == 1 and tables:
            self.import_check_ins(paths[0])
            return
        if tables:
            names = ", ".join(f"“{path.name}”" for path in tables)
            tell(
                self.parent_widget,
                "Check-ins Are Imported on Their Own",
                f"{names} {'holds' if len(tables) == 1 else 'hold'} check-ins, not activities. "
                "Import each with File → Import Check-ins (CSV)…; the activity files are reviewed now.",
            )
            paths = [path for path in paths if path not in tables]
            if not paths:
                return
        from runjournal.ui.importing.import_dialog import ImportDialog

        previous = self.dialog
        if previous is not None:
            previous.reject()  # window-modal, so only reachable from code; it had stored nothing
            previous.deleteLater()
        dialog = ImportDialog(self.bridge, self.undo_stack, paths, self.parent_widget)
        dialog.imported.connect(self.imported)
        self.dialog = dialog
        dialog.open()

    def import_check_ins(self, path: Path) -> None:
        """Opens the review of a check-ins table, which reads it in the background; says
        why, with the review closed, when the table can't be imported."""
        from runjournal.ui.importing.check_in_import_dialog import CheckInImportDialog

        previous = self.check_in_dialog
        if previous is not None:
            previous.reject()  # window-modal, so only reachable from code; it had stored nothing
            previous.deleteLater()
        dialog = CheckInImportDialog(self.bridge, self.undo_stack, path, self.parent_widget)
        dialog.imported.connect(self.check_ins_imported)
        dialog.read_failed.connect(lambda message, refused=dialog: self._check_ins_refused(refused, message))
        self.check_in_dialog = dialog
        dialog.open()

    def _check_ins_refused(self, dialog: CheckInImportDialog, message: str) -> None:
        if self.check_in_dialog is dialog:
            self.check_in_dialog = None
        dialog.deleteLater()
        tell(self.parent_widget, "Check-ins Not Imported", message, warning=True)

    # Drag and drop ----------------------------------------------------------------------

    @staticmethod
    def accepts(mime: QMimeData) -> bool:
        """Whether a drag carries files on this computer (not web links)."""
        return mime.hasUrls() and any(url.isLocalFile() for url in mime.urls())

    @staticmethod
    def paths_from(mime: QMimeData) -> list[Path]:
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    # Whole-journal exports -------------------------------------------------------------

    def load_document(self, path: Path) -> bool:
        """Fills an empty journal from an export, after asking; explains when it can't."""
        from runjournal.formats.journal_json import DocumentError, read_document_file

        parent = self.parent_widget
        title = "Whole Journal Not Loaded"
        journal = self.bridge.journal
        try:
            empty = journal.holds_nothing()
        except JournalError as error:  # the journal can't be read: say so rather than fail
            tell(parent, title, f"Your journal could not be read: {error}", warning=True)
            return False
        if not empty:
            tell(
                parent,
                "A Whole Journal Goes into an Empty One",
                f"“{path.name}” is a whole RunJournal journal, not an activity file. It can only be "
                "loaded into an empty journal, so that nothing of yours is mixed up or overwritten.\n\n"
                "To load it: choose File → Open Journal…, type a new file name, and then import "
                f"“{path.name}” into that new journal.",
            )
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            document = read_document_file(path)
        except OSError as error:
            QGuiApplication.restoreOverrideCursor()
            tell(parent, title, f"“{path.name}” could not be read ({error.strerror or error}).", warning=True)
            return False
        except DocumentError as error:
            QGuiApplication.restoreOverrideCursor()
            tell(parent, title, str(error), warning=True)
            return False
        QGuiApplication.restoreOverrideCursor()
        if not ask_to_load_document(parent, path.name, len(document.runs), len(document.check_ins)):
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            runs, check_ins = journal.load_document(document)
        except (ValidationError, JournalError) as error:  # nothing was stored
            QGuiApplication.restoreOverrideCursor()
            tell(parent, title, f"Nothing was loaded: {error}", warning=True)
            return False
        QGuiApplication.restoreOverrideCursor()
        # Earlier steps on the undo stack belong to the empty journal; undoing one now
        # could clash with the records just loaded.
        self.undo_stack.clear()
        self.document_loaded.emit(runs, check_ins)
        return True
