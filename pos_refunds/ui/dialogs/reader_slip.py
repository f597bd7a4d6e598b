"""The refund slip offered in the reader refund's final state.

Glue between the progress view's slip buttons, the slip view-model and the print/PDF dialogs:
the payment is read afresh once (it must list the new refund), then printed or saved. Opened
dialogs are children of the reader refund dialog; closing it cancels the read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from ...domain.refund_slip import RefundSlip
from ..presenter import Presenter
from ..prompts import Prompts, is_silent
from ..viewmodels.refund_slip_vm import RefundSlipViewModel
from ..viewmodels.slip_printer_vm import SavedPrinter
from ..views.slip_buttons import SlipButtons
from .slip_output import print_slip, save_slip_pdf

PRINT, SAVE, RECEIPT = "print", "save", "receipt"

translate = QCoreApplication.translate


class ReaderSlipOffer:
    def __init__(self, dialog: QDialog, buttons: SlipButtons, vm: RefundSlipViewModel,
                 prompts: Prompts, payment_id: str,
                 receipt: SavedPrinter | None = None) -> None:
        self._dialog, self._buttons, self._prompts = dialog, buttons, prompts
        self._payment_id = payment_id
        self.vm = vm
        self._receipt = receipt
        vm.setParent(dialog)
        self._slip: RefundSlip | None = None
        self._wanted = PRINT
        buttons.offered = True
        buttons.printRequested.connect(lambda: self.request(PRINT))
        buttons.saveRequested.connect(lambda: self.request(SAVE))
        buttons.receiptRequested.connect(lambda: self.request(RECEIPT))
        buttons.refundOffered.connect(self._offered)
        vm.busyChanged.connect(buttons.set_busy)
        vm.ready.connect(self._ready)
        vm.failed.connect(self._failed)
        vm.tasks.bind(dialog)  # closing the dialog stops reading the payment

    def _offered(self, _refund_id: str) -> None:
        """The refund succeeded: with "after every refund" set, the slip prints by itself."""
        receipt = self._receipt
        self._buttons.set_receipt_printer(receipt.label if receipt and receipt.ready else "")
        if receipt is not None and receipt.after_refund:
            self.request(RECEIPT)

    def request(self, what: str) -> None:
        refund_id = self._buttons.refund_id
        if refund_id is None:
            return
        self._wanted = what
        if self._slip is not None and self._slip.refund_id == refund_id:
            self._output()
        else:
            self.vm.prepare(self._payment_id, refund_id, self._buttons.reader_label)

    def _ready(self, slip: RefundSlip) -> None:
        self._slip = slip
        self._output()

    def _output(self) -> None:
        slip = self._slip
        if slip is None:
            return
        if self._wanted == RECEIPT and self._receipt is not None:
            self._buttons.show_status(translate("ReaderSlipOffer", "Printing on {printer}…")
                                      .format(printer=self._receipt.label))
            self._receipt.print_slip(slip, self._dialog, self._printed)
        elif self._wanted == PRINT:
            print_slip(self._dialog, slip)
        else:
            save_slip_pdf(self._dialog, slip, self._prompts, self._saved)

    def _printed(self, ok: bool, text: str) -> None:
        self._buttons.show_status(text, good=ok)

    def _saved(self, path: Path) -> None:
        self._buttons.show_status(translate("ReaderSlipOffer", "Slip saved: {path}")
                                  .format(path=path), good=True)

    def _failed(self, error: BaseException) -> None:
        if is_silent(error):
            return
        Presenter(self._prompts).error(
            self._dialog, error, inline=lambda text: self._buttons.show_status(
                translate("ReaderSlipOffer", "No slip: {reason}").format(reason=text)))
