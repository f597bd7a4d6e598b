"""A refund slip to the printer or to a PDF, through dialogs opened with `.open()`.

The PDF is one 80 mm wide page as long as the slip (a till roll); the print dialog prints on
whatever paper the chosen printer has, the slip centred on a sheet (see ui/printing.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from ...domain.reasons import FileReason
from ...domain.refund_slip import RefundSlip
from ..file_export import SaveFailed
from ..presenter import Presenter
from ..printing import open_print_dialog, print_receipt, receipt_layout, write_pdf
from ..prompts import Prompts
from ..refund_slip_html import slip_html
from ..slip_barcode import add_barcode
from ..slip_words import SlipWords
from .save_file import ask_save_path

translate = QCoreApplication.translate


def slip_document(slip: RefundSlip, parent: QWidget, paper_mm: int = 80,
                  words: SlipWords | None = None) -> QTextDocument:
    """The slip laid out for `paper_mm` paper, its barcode resolved, in `words`' language."""
    document = QTextDocument(parent)
    add_barcode(document, slip.payment_intent_id)
    document.setHtml(slip_html(slip, words, paper_mm=paper_mm))
    return document


def doc_name(slip: RefundSlip) -> str:
    return translate("SlipOutput", "Refund slip {refund}", "the document's name").format(
        refund=slip.refund_id)


def print_slip(parent: QWidget, slip: RefundSlip, words: SlipWords | None = None
               ) -> QPrintDialog:
    """The print dialog; the slip prints when it is accepted."""
    return open_print_dialog(parent, doc_name(slip), lambda printer: print_receipt(
        slip_document(slip, parent, words=words), printer))


def write_slip_pdf(parent: QWidget, slip: RefundSlip, path: Path, prompts: Prompts,
                   words: SlipWords | None = None) -> bool:
    """Write the PDF now; a file that could not be written is said through `prompts`."""
    document = slip_document(slip, parent, words=words)
    layout = receipt_layout(document)
    if write_pdf(path, doc_name(slip), lambda printer: print_receipt(document, printer), layout):
        return True
    Presenter(prompts).error(parent, SaveFailed(FileReason.NOT_WRITTEN_PDF, file=path.name,
                                                folder=str(path.parent)))
    return False


def save_slip_pdf(parent: QWidget, slip: RefundSlip, prompts: Prompts,
                  on_saved: Callable[[Path], None], words: SlipWords | None = None
                  ) -> QFileDialog:
    """Ask where (a file dialog opened with `.open()`), then write the PDF there."""

    def chosen(path: Path) -> None:
        if write_slip_pdf(parent, slip, path, prompts, words):
            on_saved(path)

    return ask_save_path(parent, translate("SlipOutput", "Save the refund slip as PDF"),
                         translate("SlipOutput", "refund-slip-{refund}.pdf",
                                   "a file name: no spaces, no accents").format(
                             refund=slip.refund_id),
                         translate("SlipOutput", "PDF files (*.pdf)"), chosen)
