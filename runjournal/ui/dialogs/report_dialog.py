"""The weekly report: a print preview with a week picker, printing and PDF export.

The page is drawn by `runjournal.reports.weekly`, so what the preview shows is exactly
what the printer and the PDF get.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QMarginsF, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QPageLayout, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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

from runjournal.domain.weeks import week_start
from runjournal.figures.period_report import PERIOD_CHOICES, PeriodReport
from runjournal.figures.week_report import WeekReport
from runjournal.reports.period import print_period, write_period_pdf
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


def week_title(first_day: date, locale: QLocale | None = None) -> str:
    """A week by its dates: "16–22 November 2026", or "29 November – 5 December 2026"."""
    locale = locale or QLocale()
    first, last = first_day, first_day + timedelta(days=6)
    month = locale.monthName(last.month)
    if first.month == last.month:
        return f"{first.day}–{last.day} {month} {last.year}"
    if first.year == last.year:
        return f"{first.day} {locale.monthName(first.month)} – {last.day} {month} {last.year}"
    return f"{first.day} {locale.monthName(first.month)} {first.year} – {last.day} {month} {last.year}"


def period_title(first_day: date, last_week: date, locale: QLocale | None = None) -> str:
    """The weeks from the one starting on `first_day` to the one starting on `last_week`."""
    whole = week_title(last_week, locale)
    last = last_week + timedelta(days=6)
    locale = locale or QLocale()
    start = f"{first_day.day} {locale.monthName(first_day.month)}"
    if first_day.year != last.year:
        start += f" {first_day.year}"
    return f"{start} – {whole.split('–')[-1].strip()}"


def default_week(bridge: JournalBridge, today: date) -> date:
    """The first day of the person's last full week: a page about a finished week, never
    a half-empty one that looks like a failure (Ctrl+P early in a week)."""
    return week_start(today, bridge.journal.settings().week_start) - timedelta(weeks=1)


class ReportDialog(QDialog):
    def __init__(
        self, bridge: JournalBridge, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Weekly Report")
        self.bridge = bridge
        self.today = today or date.today()
        self.week_start_day = bridge.journal.settings().week_start
        self.this_week = week_start(self.today, self.week_start_day)
        self.first_day = default_week(bridge, self.today)
        self.report: WeekReport | None = None
        self.period: PeriodReport | None = None  # set when more than one week is chosen

        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageSize(locale_page_size())
        self.printer.setPageMargins(
            QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
        self.printer.setDocName(self._doc_name())

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
        self.day_edit.setMaximumDate(to_qdate(self.this_week + timedelta(days=6)))
        self.day_edit.setToolTip(
            "Pick any day: the report shows your week (from your first day of the week) it falls in."
        )
        self.day_edit.setAccessibleName("A day of the week to report")
        self.this_week_button = QPushButton("This Week")
        self.this_week_button.setAutoDefault(False)
        self.week_label = QLabel()
        self.week_label.setAccessibleName("Week shown")
        font = self.week_label.font()
        font.setBold(True)
        self.week_label.setFont(font)
        self.span_box = QComboBox()
        self.span_box.addItem("One week", 1)
        for weeks in PERIOD_CHOICES:
            self.span_box.addItem(f"{weeks} weeks", weeks)
        self.span_box.setToolTip(
            "One week, or several weeks ending with the week picked: a report for an appointment"
        )
        self.span_box.setAccessibleName("How many weeks to report")
        self.include_notes = QCheckBox("Include notes")
        self.include_notes.setToolTip(
            "Print the week's run and check-in notes. Notes you marked private are never printed."
        )

        picker = QHBoxLayout()
        for widget in (
            self.previous_button,
            self.day_edit,
            self.next_button,
            self.this_week_button,
            self.span_box,
        ):
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

        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.this_week_button.clicked.connect(lambda: self.set_week(self.this_week))
        QShortcut(QKeySequence("Alt+Left"), self, lambda: self.step(-1))
        QShortcut(QKeySequence("Alt+Right"), self, lambda: self.step(1))
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_page)
        self.day_edit.dateChanged.connect(self._day_picked)
        self.include_notes.toggled.connect(lambda _on: self.preview.updatePreview())
        self.span_box.currentIndexChanged.connect(lambda _index: self.set_week(self.first_day))

        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(900, screen.width() - 40), min(1000, screen.height() - 40))
        self.set_week(self.first_day)

    def step(self, weeks: int) -> None:
        """Move by whole weeks of the person's own calendar."""
        self.set_week(self.first_day + timedelta(weeks=weeks))

    def set_week(self, day: date) -> None:
        """Show the person's week holding `day`; never a week after the current one."""
        self.first_day = min(week_start(day, self.week_start_day), self.this_week)
        weeks = int(self.span_box.currentData() or 1)
        so_far = "" if self.first_day < self.this_week else " (so far)"
        if weeks > 1:
            first = self.first_day - timedelta(weeks=weeks - 1)
            self.period = self.bridge.journal.period_report(
                first, self.first_day + timedelta(days=6), self.today
            )
            self.week_label.setText(f"{period_title(first, self.first_day)} ({weeks} weeks){so_far}")
        else:
            self.period = None
            self.report = self.bridge.journal.week_report(self.first_day, self.today)
            self.week_label.setText(week_title(self.first_day) + so_far)
        self.include_notes.setEnabled(self.period is None)
        self.next_button.setEnabled(self.first_day < self.this_week)
        self.this_week_button.setEnabled(self.first_day != self.this_week)
        self.printer.setDocName(self._doc_name())
        if week_start(to_date(self.day_edit.date()), self.week_start_day) != self.first_day:
            self.day_edit.blockSignals(True)
            self.day_edit.setDate(to_qdate(self.first_day))
            self.day_edit.blockSignals(False)
        self.preview.updatePreview()

    def _doc_name(self) -> str:
        return f"RunJournal week of {self.first_day.isoformat()}"

    def _day_picked(self, day: QDate) -> None:
        first = week_start(to_date(day), self.week_start_day)
        if first != self.first_day:
            self.set_week(first)

    def _paint(self, printer: QPrinter) -> None:
        try:
            if self.period is not None:
                print_period(printer, self.period, printed_on=date.today())
                return
            if self.report is None:
                return
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
        if self.period is not None:
            name = f"runjournal-{self.period.first.isoformat()}-to-{self.period.last.isoformat()}.pdf"
        else:
            name = f"runjournal-week-{self.first_day.isoformat()}.pdf"
        return Path(folder or Path.home()) / name

    def export_pdf(self) -> Path | None:
        path = ask_pdf_path(self, self.suggested_path())
        if path is None or (self.report is None and self.period is None):
            return None
        try:
            if self.period is not None:
                write_period_pdf(
                    path, self.period, printed_on=date.today(), page_size=self.printer.pageLayout().pageSize()
                )
            else:
                self._write_week(path)
        except ReportError as error:
            QMessageBox.warning(self, "Export PDF", str(error))
            return None
        parent = self.parent()
        if parent is not None and hasattr(parent, "notify"):
            parent.notify(f"Report for {self.week_label.text()} saved to {path}.")
        return path

    def _write_week(self, path: Path) -> None:
        if self.report is not None:
            write_pdf(
                path,
                self.report,
                include_notes=self.include_notes.isChecked(),
                printed_on=date.today(),
                page_size=self.printer.pageLayout().pageSize(),
            )
