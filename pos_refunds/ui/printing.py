"""Putting an HTML document on paper or in a PDF: the end-of-day report and the refund slip.

The print dialog is opened with `.open()` (never `exec()`): printing starts when it is
accepted. A PDF is written on the UI thread once its file was chosen: one document takes
milliseconds. QPrinter says nothing when it cannot open the file, so the file is checked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

translate = QCoreApplication.translate

RECEIPT_WIDTH_MM = 80.0
RECEIPT_MARGIN_MM = 4.0
RECEIPT_COLUMN_MM = 100.0  # the slip's width on a sheet of paper
SCREEN_DPI = 96.0  # QTextDocument lays out for the screen until a printer is set


def open_print_dialog(parent: QWidget, doc_name: str,
                      print_on: Callable[[QPrinter], None], *,
                      landscape: bool = False) -> QPrintDialog:
    """The system's print dialog, opened (not exec'd); `print_on(printer)` runs if accepted.
    `landscape` is what the dialog proposes; the user may change it."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc_name)
    if landscape:
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: print_on(printer))  # the lambda keeps the printer alive
    QDialog.open(dialog)  # QPrintDialog.open() in PySide6 wants a receiver and a slot
    return dialog


def write_pdf(path: Path, doc_name: str, print_on: Callable[[QPrinter], None],
              layout: QPageLayout | None = None, *, landscape: bool = False) -> bool:
    """Write a PDF to `path` (the printer's default page unless `layout`); False if no file."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(doc_name)
    if layout is not None:
        printer.setPageLayout(layout)
    if landscape:
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    print_on(printer)
    return path.is_file()


def _px(mm: float) -> float:
    return mm / 25.4 * SCREEN_DPI


def print_receipt(document: QTextDocument, printer: QPrinter) -> None:
    """Print `document` as a receipt column: the whole width of a till roll, or centred
    RECEIPT_COLUMN_MM wide on a sheet (A4, Letter). No page numbers, no added margins."""
    paint = printer.pageLayout().paintRect(QPageLayout.Unit.Millimeter)
    document.setPageSize(QSizeF(_px(paint.width()), _px(paint.height())))
    side = max(_px(paint.width() - RECEIPT_COLUMN_MM) / 2, 0.0)
    root = document.rootFrame()
    frame = root.frameFormat()
    frame.setLeftMargin(side)
    frame.setRightMargin(side)
    root.setFrameFormat(frame)
    document.print_(printer)


def receipt_layout(document: QTextDocument,
                   width_mm: float = RECEIPT_WIDTH_MM) -> QPageLayout:
    """One page `width_mm` wide (58 or 80) as long as `document` laid out at that width (a
    till roll)."""
    probe = document.clone()
    probe.setTextWidth(_px(width_mm - 2 * RECEIPT_MARGIN_MM))
    height_mm = probe.size().height() / SCREEN_DPI * 25.4 + 2 * RECEIPT_MARGIN_MM + 4
    name = translate("Printing", "Receipt {width} mm", "a page size: a till roll").format(
        width=f"{width_mm:g}")
    size = QPageSize(QSizeF(width_mm, max(height_mm, 60.0)), QPageSize.Unit.Millimeter, name)
    margins = QMarginsF(*(RECEIPT_MARGIN_MM,) * 4)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins,
                       QPageLayout.Unit.Millimeter)


def print_on_roll(document: QTextDocument, printer: QPrinter, width_mm: float) -> None:
    """Print `document` on a till roll `width_mm` wide, no dialog: the page as long as the
    slip (the driver feeds and cuts where its settings say)."""
    printer.setPageLayout(receipt_layout(document, width_mm))
    print_receipt(document, printer)
