"""The weekly report: a print preview with a week picker, printing and PDF export.

The page is drawn by `runjournal.reports.weekly`, so what the preview shows is exactly
what the printer and the PDF get.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QMarginsF, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QPageLayout, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from runjournal.domain.weeks import IsoWeek
from runjournal.figures.week_report import WeekReport
from runjournal.reports.weekly import ReportError, locale_page_size, print_report, write_pdf
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.dates import edit_format
from runjournal.ui.views.runs.qt_dates import to_date, to_qdate

PAGE_MARGIN_MM = 15


def ask_pdf_path(parent: QWidget, suggested: Path) -> Path | None:
    """Where to write the PDF; one function so tests can answer for the person."""
    name, _ = QFileDialog.getSaveFileName(
        parent, "Export Weekly Report as PDF", str(suggested), "PDF (*.pdf)"
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def week_title(week: IsoWeek, locale: QLocale | None = None) -> str:
    """ "Week 47 · 16–22 November 2026", or across months "Week 49 · 30 November – 6 December 2026"."""
    locale = locale or QLocale()
    first, last = week.monday, week.sunday
    month = locale.monthName(last.month)
    if first.month == last.month:
        dates = f"{first.day}–{last.day} {month} {last.year}"
    elif first.year == last.year:
        dates = f"{first.day} {locale.monthName(first.month)} – {last.day} {month} {last.year}"
    else:
        dates = f"{first.day} {locale.monthName(first.month)} {first.year} – {last.day} {month} {last.year}"
    return f"Week {week.week} · {dates}"


def default_week(bridge: JournalBridge, today: date) -> IsoWeek:
    """This week, or last week while this one is still empty (e.g. on a Monday morning)."""
    this_week = IsoWeek.of(today)
    journal = bridge.journal
    if journal.runs(this_week.monday, today) or journal.check_ins(this_week.monday, today):
        return this_week
    last_week = this_week - 1
    if journal.runs(last_week.monday, last_week.sunday) or journal.check_ins(
        last_week.monday, last_week.sunday
    ):
        return last_week
    return this_week


class ReportDialog(QDialog):
    def __init__(
        self, bridge: JournalBridge, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Weekly Report")
        self.bridge = bridge
        self.today = today or date.today()
        self.week = default_week(bridge, self.today)
        self.report: WeekReport | None = None

        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageSize(locale_page_size())
        self.printer.setPageMargins(
            QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
        self.printer.setDocName(f"RunJournal week {self.week}")

        self.previous_button = QToolButton()
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip("The week before (Alt+Left)")
        self.previous_button.setAccessibleName("Previous week")
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip("The week after (Alt+Right)")
        self.next_button.setAccessibleName("Next week")
        self.day_edit = QDateEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat(edit_format())  # the window's one date format
        self.day_edit.setMaximumDate(to_qdate(IsoWeek.of(self.today).sunday))
        self.day_edit.setToolTip("Pick any day: the report shows the week (Monday to Sunday) it falls in.")
        self.day_edit.setAccessibleName("A day of the week to report")
        self.this_week_button = QPushButton("This Week")
        self.this_week_button.setAutoDefault(False)
        self.week_label = QLabel()
        self.week_label.setAccessibleName("Week shown")
        font = self.week_label.font()
        font.setBold(True)
        self.week_label.setFont(font)
        self.include_notes = QCheckBox("Include notes")
        self.include_notes.setToolTip(
            "Print the week's run and check-in notes. Notes you marked private are never printed."
        )

        picker = QHBoxLayout()
        for widget in (self.previous_button, self.day_edit, self.next_button, self.this_week_button):
            picker.addWidget(widget)
        picker.addSpacing(12)
        picker.addWidget(self.week_label, 1)
        picker.addWidget(self.include_notes)

        self.preview = QPrintPreviewWidget(self.printer)
        self.preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitInView)
        self.preview.setAccessibleName("Preview of the printed page")
        self.preview.paintRequested.connect(self._paint)

        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton("Print…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.pdf_button = buttons.addButton("Export PDF…", QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in (self.print_button, self.pdf_button, close):
            button.setAutoDefault(False)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_page)
        self.pdf_button.clicked.connect(self.export_pdf)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)

        self.previous_button.clicked.connect(lambda: self.set_week(self.week - 1))
        self.next_button.clicked.connect(lambda: self.set_week(self.week + 1))
        self.this_week_button.clicked.connect(lambda: self.set_week(IsoWeek.of(self.today)))
        QShortcut(QKeySequence("Alt+Left"), self, lambda: self.set_week(self.week - 1))
        QShortcut(QKeySequence("Alt+Right"), self, lambda: self.set_week(self.week + 1))
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_page)
        self.day_edit.dateChanged.connect(self._day_picked)
        self.include_notes.toggled.connect(lambda _on: self.preview.updatePreview())

        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(900, screen.width() - 40), min(1000, screen.height() - 40))
        self.set_week(self.week)

    def set_week(self, week: IsoWeek) -> None:
        last_allowed = IsoWeek.of(self.today)
        self.week = min(week, last_allowed)
        self.report = self.bridge.journal.week_report(self.week, self.today)
        self.week_label.setText(week_title(self.week))
        self.next_button.setEnabled(self.week < last_allowed)
        self.this_week_button.setEnabled(self.week != last_allowed)
        self.printer.setDocName(f"RunJournal week {self.week}")
        if IsoWeek.of(to_date(self.day_edit.date())) != self.week:
            self.day_edit.blockSignals(True)
            self.day_edit.setDate(to_qdate(self.week.monday))
            self.day_edit.blockSignals(False)
        self.preview.updatePreview()

    def _day_picked(self, day: QDate) -> None:
        week = IsoWeek.of(to_date(day))
        if week != self.week:
            self.set_week(week)

    def _paint(self, printer: QPrinter) -> None:
        if self.report is None:
            return
        try:
            print_report(
                printer, self.report, include_notes=self.include_notes.isChecked(), printed_on=date.today()
            )
        except ReportError as error:
            QMessageBox.warning(self, "Weekly Report", str(error))

    def print_page(self) -> None:
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle("Print Weekly Report")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._paint(self.printer)
            self.preview.updatePreview()  # the person may have chosen another paper size

    def suggested_path(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder or Path.home()) / f"runjournal-{self.week}.pdf"

    def export_pdf(self) -> Path | None:
        path = ask_pdf_path(self, self.suggested_path())
        if path is None or self.report is None:
            return None
        try:
            write_pdf(
                path,
                self.report,
                include_notes=self.include_notes.isChecked(),
                printed_on=date.today(),
                page_size=self.printer.pageLayout().pageSize(),
            )
        except ReportError as error:
            QMessageBox.warning(self, "Export PDF", str(error))
            return None
        parent = self.parent()
        if parent is not None and hasattr(parent, "notify"):
            parent.notify(f"Weekly report for {self.week} saved to {path}.")
        return path
