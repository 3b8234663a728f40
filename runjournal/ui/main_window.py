"""The main window: menus, actions and views wired together, and nothing more."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTime, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from runjournal.domain.units import count
from runjournal.service.journal import Journal, JournalError
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.locking import (
    IdleLock,
    lock_now,
    open_asking,
    unencrypted_copy_agreed,
)
from runjournal.ui.views.charts.charts_tab import ChartsTab
from runjournal.ui.views.coach.coach_panel import CoachPanel
from runjournal.ui.views.insights.insights_tab import InsightsTab
from runjournal.ui.views.runs.run_actions import RunActions
from runjournal.ui.views.runs.runs_tab import RunsTab
from runjournal.ui.views.today.today_view import TodayView
from runjournal.ui.widgets.sample_banner import SampleBanner, is_sample_journal
from runjournal.ui.window_backups import WindowBackups

if TYPE_CHECKING:
    from runjournal.ui.exporting import Exporter
    from runjournal.ui.importing.controller import ImportController
    from runjournal.ui.single_instance import SingleInstance

VIEWS = ("Today", "Runs", "Charts", "Insights")
CHARTS_WAIT_MS, CHARTS_WAIT_TURNS = 100, 50  # the charts wait up to 5 s for the run log


class MainWindow(QMainWindow):
    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        *,
        single_instance: SingleInstance | None = None,
    ) -> None:
        super().__init__(parent)
        self.home_path = journal.path  # "my journal": the one the app was started on
        self.single_instance = single_instance  # the claim that this window is the journal's one writer
        self.bridge = JournalBridge(journal, self)
        self.undo_stack = QUndoStack(self)
        self.run_actions = RunActions(self.bridge, self.undo_stack, self)
        self._importer: ImportController | None = None  # made on the first import or drop
        self._exporter: Exporter | None = None  # made on the first export
        self.backups = WindowBackups(self)  # Back Up Now, the daily backup, Restore
        self.setAcceptDrops(True)  # files dropped on the window are imported

        self.today = TodayView(self.bridge, self.undo_stack)
        self.runs = RunsTab(self.bridge)  # builds the run log when first shown
        self.charts = ChartsTab(self.bridge)  # builds its charts when first shown
        self.insights = InsightsTab(self.bridge)  # built when first shown; works off the UI thread
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        views: tuple[QWidget, ...] = (self.today, self.runs, self.charts, self.insights)
        for view, name in zip(views, VIEWS, strict=True):
            self.tabs.addTab(view, name)
        self.sample_banner = SampleBanner()  # above every view while the sample is open
        self.sample_banner.openMine.connect(lambda: self.switch_to(self.home_path))
        central = QWidget()
        central_column = QVBoxLayout(central)
        central_column.setContentsMargins(0, 0, 0, 0)
        central_column.setSpacing(0)
        central_column.addWidget(self.sample_banner)
        central_column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        # The coach panel docks on the right.
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)
        self.setCorner(Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.coach = CoachPanel(self.bridge, undo_stack=self.undo_stack)
        self.coach_dock = QDockWidget("Coach", self)
        self.coach_dock.setObjectName("coachDock")  # lets saveState()/restoreState() find it
        self.coach_dock.setWidget(self.coach)
        self.coach.heading.hide()  # the dock's title bar already says "Coach"
        self.coach_dock.setMinimumWidth(300)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.coach_dock)

        self._build_actions()
        self._build_menus()
        self._connect()
        self._update_title()
        self.statusBar().showMessage(f"Journal: {journal.path}", 8000)
        self.resize(1100, 720)
        self.setMinimumSize(720, 480)
        self._restore_state()
        self.locked = False  # Lock Now / idle lock: the journal is closed and the window hidden
        self.idle_lock = IdleLock(self)
        QTimer.singleShot(2000, self.backups.backup_if_due)  # after start-up, off the first paint
        QTimer.singleShot(1200, self._prepare_while_idle)  # the run log, then the charts

    # While idle -------------------------------------------------------------------------

    def _prepare_while_idle(self) -> None:
        """The run log (its runs read on a worker thread), then the charts (their libraries
        loaded in the background, then built hidden), so opening either later is quick."""
        self.runs.prepare_runs()
        self.prepare_charts_after_runs()

    def prepare_charts_after_runs(self, *, waits: int = CHARTS_WAIT_TURNS) -> None:
        """Prepares the charts once the run log is listed: the run log's rows join its table
        on this thread, and the charts' libraries loading meanwhile would slow both enough
        to hold the window up. After `waits` checks the charts are prepared anyway."""
        if self.runs.is_listing and waits > 0:
            QTimer.singleShot(CHARTS_WAIT_MS, self, lambda: self.prepare_charts_after_runs(waits=waits - 1))
            return
        self.charts.prepare()

    # Actions and menus ------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    @staticmethod
    def _standard(key: QKeySequence.StandardKey, fallback: str) -> QKeySequence:
        """The platform's own shortcut, or the usual one where the platform defines none."""
        sequence = QKeySequence(key)
        return sequence if not sequence.isEmpty() else QKeySequence(fallback)

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.log_run_action = self._action(
            "&Log Run…", self.run_actions.log_run, key.New, "Log a run, walk, ride or swim"
        )
        self.open_action = self._action(
            "&Open Journal…", self.open_journal, key.Open, "Open another journal file"
        )
        self.open_mine_action = self._action("Open &My Journal", lambda: self.switch_to(self.home_path))
        self.import_action = self._action(
            "&Import…", lambda: self.importer.choose_files(), "Ctrl+I", "Import GPX, TCX, FIT or CSV files"
        )
        self.import_folder_action = self._action(
            "Import &Folder…",
            lambda: self.importer.choose_folder(),
            "Ctrl+Shift+I",
            "Import every activity file in a folder, such as Strava's bulk export",
        )
        self.import_check_ins_action = self._action(
            "Import &Check-ins (CSV)…",
            lambda: self.importer.choose_check_ins(),
            None,
            "Import the check-ins of a table RunJournal exported, with their tags",
        )
        self.backup_action = self._action(
            "&Back Up Now", self.backups.back_up, "Ctrl+B", "Write a checked copy of the journal"
        )
        self.restore_action = self._action(
            "&Restore from Backup…",
            self.backups.restore_from_backup,
            tip="Choose a checked backup to go back to",
        )
        self.export_action = self._action(
            "&Export…", self.export, "Ctrl+E", "Save the journal as JSON or CSV"
        )
        self.report_action = self._action(
            "&Print Weekly Report…",
            self.show_report,
            key.Print,
            "Preview, print or save as PDF a page about one week",
        )
        self.quit_action = self._action("&Quit", self.close, self._standard(key.Quit, "Ctrl+Q"))
        self.undo_action = self._action("&Undo", lambda: self._step(self.undo_stack.undo), key.Undo)
        self.redo_action = self._action("&Redo", lambda: self._step(self.undo_stack.redo), key.Redo)
        self.redo_action.setShortcuts([QKeySequence(key.Redo), QKeySequence("Ctrl+Y")])
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.undo_action.setText(f"&Undo {text}".strip())
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: self.redo_action.setText(f"&Redo {text}".strip())
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.edit_run_action = self._action("&Edit Run…", self._edit_selected, "F2")
        self.duplicate_action = self._action("D&uplicate Run…", self._duplicate_selected, "Ctrl+D")
        self.delete_action = self._action("&Delete Run", self._delete_selected, key.Delete)
        self.preferences_action = self._action(
            "&Preferences…", self.edit_preferences, self._standard(key.Preferences, "Ctrl+,")
        )
        self.view_actions = [
            self._action(f"&{name}", lambda _=False, i=i: self.tabs.setCurrentIndex(i), f"Ctrl+{i + 1}")
            for i, name in enumerate(VIEWS)
        ]
        self.coach_action = self.coach_dock.toggleViewAction()
        self.coach_action.setText("&Coach")
        self.coach_action.setShortcut(QKeySequence("Ctrl+K"))
        self.support_action = self._action(
            "&Need Support Now?", self.show_support, "Ctrl+Shift+H", "Helplines and your own contacts"
        )
        self.support_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.sources_action = self._action(
            "&Sources…", self.show_sources, tip="Where the coach's tips come from"
        )
        self.lock_action = self._action(
            "&Lock Now",
            lambda: lock_now(self),
            "Ctrl+L",
            "Close the journal and hide it until its passphrase is typed",
        )
        self.shortcuts_action = self._action("&Keyboard Shortcuts", self.show_shortcuts, "Ctrl+/")
        self.about_action = self._action("&About RunJournal", self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.log_run_action, self.open_action, self.open_mine_action])
        file_menu.addSeparator()
        file_menu.addActions(
            [self.import_action, self.import_folder_action, self.import_check_ins_action, self.export_action]
        )
        file_menu.addSeparator()
        file_menu.addActions([self.backup_action, self.restore_action])
        file_menu.addSeparator()
        file_menu.addAction(self.report_action)
        file_menu.addSeparator()
        file_menu.addActions([self.lock_action, self.quit_action])
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.edit_run_action, self.duplicate_action, self.delete_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        view_menu = bar.addMenu("&View")
        view_menu.addActions(self.view_actions)
        view_menu.addSeparator()
        view_menu.addAction(self.coach_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.support_action)
        help_menu.addAction(self.sources_action)
        help_menu.addSeparator()
        help_menu.addActions([self.shortcuts_action, self.about_action])

    def _connect(self) -> None:
        self.run_actions.message.connect(self.say)
        self.run_actions.run_saved.connect(self.runs.select_run)
        self.runs.runActivated.connect(self.run_actions.edit_run)
        self.runs.selectionChanged.connect(self._update_run_actions)
        self.tabs.currentChanged.connect(self._update_run_actions)
        self.coach.supportRequested.connect(self.show_support)
        self.today.check_in.saved.connect(lambda _day: self.say("Saved"))
        self.today.check_in.saveFailed.connect(self._save_failed)
        self._update_run_actions()

    @property
    def importer(self) -> ImportController:
        """Imports files (File → Import…, drops); its module loads on the first use."""
        if self._importer is None:
            from runjournal.ui.importing.controller import ImportController

            self._importer = ImportController(self.bridge, self.undo_stack, self)
            self._importer.imported.connect(self._imported)
            self._importer.document_loaded.connect(self._document_loaded)
            self._importer.check_ins_imported.connect(
                lambda days: self.notify(
                    f"Imported {count(days, 'check-in')}. Undo (Ctrl+Z) takes them away again."
                )
            )
        return self._importer

    @property
    def exporter(self) -> Exporter:
        """Writes exports in the background (File → Export…); its module loads on first use."""
        if self._exporter is None:
            from runjournal.ui.exporting import Exporter

            self._exporter = Exporter(self.bridge, self.export_action, self)
            self._exporter.status.connect(self.notify)
        return self._exporter

    # Behaviour --------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """Confirms a save with the time it happened, e.g. "Saved 21:14"."""
        self.statusBar().showMessage(f"{text} {QTime.currentTime().toString('HH:mm')}")

    def notify(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def _step(self, undo_or_redo) -> None:
        """Saves a check-in still waiting for its autosave first, so Undo undoes what was last
        done rather than being overwritten by it a moment later."""
        self.today.check_in.flush()
        undo_or_redo()

    def _save_failed(self, reason: str) -> None:
        self.statusBar().showMessage(f"Not saved: {reason}")

    def _update_title(self) -> None:
        path = self.bridge.journal.path
        mine = path.resolve() == self.home_path.resolve()
        self.setWindowTitle("RunJournal" if mine else f"RunJournal — {path.name}")
        self.open_mine_action.setEnabled(not mine)
        self.sample_banner.setVisible(is_sample_journal(path) and not mine)

    def _update_run_actions(self, *_args: object) -> None:
        on_runs = self.tabs.currentWidget() is self.runs
        selected = self.runs.selected_runs() if on_runs else []
        self.edit_run_action.setEnabled(len(selected) == 1)
        self.duplicate_action.setEnabled(len(selected) == 1)
        self.delete_action.setEnabled(bool(selected))
        self.delete_action.setText("&Delete Run" if len(selected) <= 1 else f"&Delete {len(selected)} Runs")

    def _edit_selected(self) -> None:
        selected = self.runs.selected_runs()
        if len(selected) == 1:
            self.run_actions.edit_run(selected[0])

    def _duplicate_selected(self) -> None:
        selected = self.runs.selected_runs()
        if len(selected) == 1:
            self.run_actions.duplicate_run(selected[0])

    def _delete_selected(self) -> None:
        self.run_actions.delete_runs(self.runs.selected_runs())

    def export(self) -> None:
        self.exporter.ask_and_export()

    def _imported(self, runs: int) -> None:
        self.notify(f"Imported {count(runs, 'run')}. Undo (Ctrl+Z) takes the whole import away again.")

    def _document_loaded(self, runs: int, check_ins: int) -> None:
        self.notify(f"Loaded the whole journal: {count(runs, 'run')}, {count(check_ins, 'check-in')}.")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.importer.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self.importer.paths_from(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.importer.import_paths(paths)

    def show_report(self) -> None:
        # Printing support is loaded when the report is first asked for, not at start-up.
        from runjournal.ui.dialogs.report_dialog import ReportDialog

        self.today.check_in.flush()  # a check-in still waiting for its autosave belongs on the page
        if not unencrypted_copy_agreed(self, self.bridge.journal.path):  # a PDF is never encrypted
            return
        dialog = ReportDialog(self.bridge, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report_dialog = dialog
        dialog.open()

    def open_journal(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open journal",
            str(self.bridge.journal.path.parent),
            "RunJournal journals (*.sqlite);;All files (*)",
        )
        if path:
            self.switch_to(Path(path))

    def start_check_in(self) -> None:
        """Today's check-in, in front, with the cursor on Mood (a reminder was clicked)."""
        from runjournal.ui.single_instance import bring_to_front

        self.tabs.setCurrentWidget(self.today)
        bring_to_front(self)
        self.today.check_in.start_today()

    def switch_to(self, path: Path) -> bool:
        """Opens another journal in this window; the current one stays open if that fails."""
        self.today.check_in.flush()
        previous = self.bridge.journal.path
        # Claim the other journal first: if another window has it open, that one comes to the
        # front and this one stays as it is, so there is never a second writer.
        if self.single_instance is not None and not self.single_instance.switch_to(path):
            QMessageBox.information(self, "Already open", self.single_instance.message)
            return False
        try:
            journal = open_asking(path, self)  # a locked journal's passphrase first
        except JournalError as error:
            journal = None
            QMessageBox.warning(self, "The journal cannot be opened", str(error))
        if journal is None:
            if self.single_instance is not None:
                self.single_instance.switch_to(previous)
            return False
        # Undo steps belong to the journal they were made in.
        self.undo_stack.clear()
        self.bridge.replace(journal).close()
        from runjournal.ui.error_report import installed

        if (reporter := installed()) is not None:
            reporter.follow(path)  # the log lives beside the journal in use
        self._update_title()
        self.statusBar().showMessage(f"Opened {path}", 8000)
        return True

    def edit_preferences(self) -> None:
        from runjournal.ui.preferences_flow import edit_preferences

        edit_preferences(self)

    def show_support(self) -> None:
        from runjournal.ui.dialogs.help_card_dialog import HelpCardDialog

        HelpCardDialog(self.bridge, self, undo_stack=self.undo_stack).exec()

    def show_sources(self) -> None:
        from runjournal.ui.dialogs.sources_dialog import SourcesDialog

        SourcesDialog(self).exec()

    def show_shortcuts(self) -> None:
        from runjournal.ui.dialogs.about_dialog import ShortcutsDialog

        ShortcutsDialog(self.actions(), self).exec()

    def show_about(self) -> None:
        from runjournal.ui.dialogs.about_dialog import about_text

        QMessageBox.about(self, "About RunJournal", about_text(self.bridge.journal.path))

    # Window state -----------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        # Always Today, ready for the day's check-in: a digit typed at once goes into Mood.
        self.tabs.setCurrentWidget(self.today)
        self.today.check_in.focus_first_scale()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.today.check_in.flush()  # whatever was typed last is saved before closing
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        super().closeEvent(event)
