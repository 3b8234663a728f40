"""The printable weekly page: one sheet a person can keep or hand to a coach or therapist.

The same `paint_report` feeds the print preview, the printer and the PDF export, so what
the person previews is what they get. Everything is vector (text stays text) and fits one
page: long sections end with "…and N more" instead of spilling onto a second sheet.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from runjournal.figures.week_report import WeekReport
from runjournal.reports.page_layout import paint_page

PDF_DPI = 300
MARGIN_MM = 15.0
# CLDR's "US-Letter" territories; the rest of the world prints on A4.
_LETTER_TERRITORIES = frozenset(
    getattr(QLocale.Country, name)
    for name in (
        "UnitedStates",
        "Canada",
        "Mexico",
        "Philippines",
        "Chile",
        "Colombia",
        "Venezuela",
        "CostaRica",
        "Guatemala",
        "Panama",
        "ElSalvador",
        "Nicaragua",
        "PuertoRico",
        "Belize",
        "DominicanRepublic",
    )
    if hasattr(QLocale.Country, name)
)


class ReportError(Exception):
    """The report could not be printed or saved; the message is for the person."""


def locale_page_size(locale: QLocale | None = None) -> QPageSize:
    """US Letter where people print on it (the US, Canada, Mexico, the Philippines, …), else A4."""
    locale = locale if locale is not None else QLocale()
    imperial = locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    if imperial or locale.territory() in _LETTER_TERRITORIES:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def paint_report(
    painter: QPainter, page: QRectF, report: WeekReport, *, include_notes: bool = False, printed_on: date
) -> None:
    """Draw the weekly page inside `page` (in the painter's coordinates).

    Lengths come from the device's resolution, so the preview, the printer and the PDF
    look alike; a page rect far narrower or wider than a sheet of paper (a thumbnail) is
    drawn as a 180 mm wide page scaled to fit.
    """
    _paint(painter, page, report, include_notes=include_notes, printed_on=printed_on)


def _paint(
    painter: QPainter, page: QRectF, report: WeekReport, *, include_notes: bool, printed_on: date
) -> None:
    device = painter.device()
    dpi = device.logicalDpiY() if device is not None else 96
    mm = dpi / 25.4
    painter.save()
    try:
        width_mm = page.width() / mm
        if not 140 <= width_mm <= 280:
            scale = page.width() / (180 * mm)
            painter.translate(page.topLeft())
            painter.scale(scale, scale)
            page = QRectF(0, 0, 180 * mm, page.height() / scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setClipRect(page)
        paint_page(
            painter, page, mm, report, include_notes=include_notes, printed_on=printed_on, locale=QLocale()
        )
    finally:
        painter.restore()


def print_report(
    printer: QPrinter, report: WeekReport, *, include_notes: bool = False, printed_on: date
) -> None:
    """Send the page to `printer` (or to the print preview, which hands us its printer)."""
    painter = QPainter()
    if not painter.begin(printer):
        raise ReportError(
            "The printer could not be started. Check that it is switched on and connected, then try again."
        )
    try:
        paint_report(
            painter,
            _paint_rect(printer, printer.fullPage()),
            report,
            include_notes=include_notes,
            printed_on=printed_on,
        )
    finally:
        painter.end()


def write_pdf(
    path: Path,
    report: WeekReport,
    *,
    include_notes: bool = False,
    printed_on: date | None = None,
    page_size: QPageSize | None = None,
) -> None:
    """Save the page as a one-page PDF, atomically: the file appears complete or not at all."""
    _write_pdf(Path(path), report, include_notes, printed_on, page_size)


def _write_pdf(
    path: Path, report: WeekReport, include_notes: bool, printed_on: date | None, page_size: QPageSize | None
) -> None:
    printed_on = printed_on or date.today()

    def paint(painter: QPainter, writer: QPdfWriter) -> None:
        paint_report(painter, _paint_rect(writer), report, include_notes=include_notes, printed_on=printed_on)

    write_pdf_file(path, f"RunJournal — week of {report.first.isoformat()}", page_size, paint)


def write_pdf_file(
    path: Path, title: str, page_size: QPageSize | None, paint: Callable[[QPainter, QPdfWriter], None]
) -> None:
    """Paints a PDF into a private temporary file beside `path` and moves it into place: the
    file appears complete or not at all, readable by its owner only."""
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        # Creating the file ourselves turns a missing or read-only folder into an OSError
        # with its reason, before Qt could fail quietly; and makes it private (owner only)
        # from the first byte, whatever the umask: Qt writes into it and keeps its mode.
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        writer = QPdfWriter(str(temporary))
        writer.setResolution(PDF_DPI)
        writer.setPageSize(page_size if page_size is not None else locale_page_size())
        writer.setPageMargins(
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
        )
        writer.setTitle(title)
        writer.setCreator("RunJournal")
        painter = QPainter()
        if not painter.begin(writer):
            raise ReportError(
                f"{path.name} could not be written: the PDF could not be started. Nothing was written."
            )
        try:
            paint(painter, writer)
        finally:
            finished = painter.end()
        del painter, writer  # closes the file before it is moved into place
        if not finished or temporary.stat().st_size == 0:
            raise ReportError(
                f"{path.name} could not be written: the PDF could not be finished. Nothing was written."
            )
        os.replace(temporary, path)
    except OSError as error:
        raise ReportError(
            f"{path.name} could not be written: {_reason(error, path)}. Nothing was written."
        ) from error
    finally:
        _remove(temporary)


def _paint_rect(device: QPrinter | QPdfWriter, full_page: bool = False) -> QRectF:
    """The printable area in device pixels; the painter's origin is its top-left corner
    unless the printer was set to paint on the full sheet."""
    rect = device.pageLayout().paintRectPixels(device.resolution())
    if full_page:
        return QRectF(rect)
    return QRectF(QPointF(0, 0), QSizeF(rect.size()))


def _remove(path: Path) -> None:
    """Leave no partial file behind (a no-op once it has been moved into place)."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _reason(error: OSError, path: Path) -> str:
    if isinstance(error, FileNotFoundError):
        return f"the folder {path.parent} does not exist"
    if isinstance(error, NotADirectoryError):
        return f"{path.parent} is not a folder"
    if isinstance(error, PermissionError):
        return f"you do not have permission to save in {path.parent}"
    return (error.strerror or str(error)).rstrip(".").lower()
