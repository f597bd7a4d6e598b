"""A refund's slip on screen as it will be on paper, to print or save as PDF.

Opened with `.open()` from a refund card's "Slip…" button (reprints included). Layout and
glue only: the slip is built before (RefundSlipViewModel.slip_for); the print and file dialogs
it opens are children of it, opened the same way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.refund_slip import RefundSlip
from .. import i18n
from ..prompts import Prompts
from ..refund_slip_html import slip_html
from ..slip_barcode import add_barcode
from ..slip_words import SlipWords
from ..viewmodels.slip_printer_vm import SavedPrinter
from ..views.screen_fit import fit_to_screen
from ..views.slip_buttons import SlipButtons
from ..views.touch import touch_button
from .slip_output import print_slip, save_slip_pdf

PREVIEW_WIDTH = 380  # about an 80 mm roll on screen
STATUS_WIDTH = 160  # room for the line saying how printing went, beside the buttons


class RefundSlipDialog(QDialog):
    def __init__(self, slip: RefundSlip, prompts: Prompts, parent: QWidget | None = None, *,
                 receipt: SavedPrinter | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refundSlipDialog")
        self.setWindowTitle(self.tr("Refund slip"))
        self.slip, self._prompts, self._receipt = slip, prompts, receipt
        self.preview = QTextBrowser()
        self.preview.setObjectName("slipPreview")
        self.preview.setAccessibleName(self.tr("The refund slip as it will be printed"))
        add_barcode(self.preview.document(), slip.payment_intent_id)
        self.preview.setMinimumWidth(PREVIEW_WIDTH)
        # The customer reads the slip: it can be in their language rather than the till's.
        self.language = QComboBox()
        self.language.setObjectName("slipLanguage")
        self.language.setAccessibleName(self.tr("Language of the slip"))
        self.language.addItem("English", "en")  # each language named in itself: not translated
        self.language.addItem("Français (Canada)", "fr")
        self.language.setCurrentIndex(self.language.findData(i18n.current_code()))
        language_label = QLabel(self.tr("Slip &language"))
        language_label.setBuddy(self.language)
        self.words = SlipWords()
        self._show_language()
        self.language.currentIndexChanged.connect(self._show_language)
        self.buttons = SlipButtons()
        self.buttons.offer(slip.refund_id, slip.reader)
        self.buttons.set_receipt_printer(receipt.label if receipt and receipt.ready else "")
        self.close_button = touch_button("slipCloseButton", self.tr("Close"),
                                         self.tr("Close the refund slip"))
        footer = QHBoxLayout()
        footer.addWidget(self.buttons, 1)
        footer.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        choice = QHBoxLayout()
        choice.addWidget(language_label)
        choice.addWidget(self.language)
        choice.addStretch(1)
        layout.addLayout(choice)
        layout.addWidget(self.preview, 1)
        layout.addLayout(footer)
        self.buttons.printRequested.connect(self.print_slip)
        self.buttons.saveRequested.connect(self.choose_pdf_file)
        self.buttons.receiptRequested.connect(self.print_on_receipt_printer)
        self.close_button.clicked.connect(self.reject)
        self.ensurePolished()  # the style sheet's padding counts in the buttons' widths
        fit_to_screen(self, max(PREVIEW_WIDTH + 260, self.sizeHint().width() + STATUS_WIDTH),
                      640)  # the preview scrolls on a small (or scaled) screen
        self.buttons.print_button.setFocus()

    def _show_language(self) -> None:
        code = self.language.currentData()
        self.words = SlipWords() if code == i18n.current_code() else SlipWords.of(code)
        self.preview.setHtml(slip_html(self.slip, self.words))

    def print_slip(self) -> None:
        print_slip(self, self.slip, self.words)

    def print_on_receipt_printer(self) -> None:
        if self._receipt is None:
            return
        self.buttons.show_status(self.tr("Printing on {printer}…").format(
            printer=self._receipt.label))
        self._receipt.print_slip(self.slip, self, lambda ok, text: self.buttons.show_status(
            text, good=ok), self.words)

    def choose_pdf_file(self) -> None:
        save_slip_pdf(self, self.slip, self._prompts, self._saved, self.words)

    def _saved(self, path: Path) -> None:
        self.buttons.show_status(self.tr("Slip saved: {path}").format(path=path), good=True)
