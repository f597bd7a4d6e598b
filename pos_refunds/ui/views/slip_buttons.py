""""Print slip…" and "Save slip as PDF…" with a line saying what happened: layout only.

Shown in the reader refund's final state (once a refund succeeded) and in the slip preview.
`offer(refund_id, reader_label)` says which refund the buttons are for.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from ..restyle import restyle
from .touch import touch_button


class SlipButtons(QWidget):
    printRequested = Signal()
    saveRequested = Signal()
    receiptRequested = Signal()  # on the saved receipt printer, no dialog
    refundOffered = Signal(str)  # the refund id the buttons are now for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slipButtons")
        self.setAccessibleName(self.tr("Refund slip for the customer"))
        self.offered = True  # False: the buttons stay hidden (no slips where they are)
        self.refund_id: str | None = None
        self.reader_label: str | None = None
        self.print_button = touch_button("printSlipButton", self.tr("Print slip…"),
                                         self.tr("Print the refund slip"))
        self.pdf_button = touch_button("saveSlipPdfButton", self.tr("Save slip as PDF…"),
                                       self.tr("Save the refund slip as PDF"))
        self.receipt_button = touch_button("receiptPrinterButton",
                                           self.tr("Print on receipt printer"),
                                           self.tr("Print the refund slip on the receipt printer"))
        self.receipt_button.hide()  # shown when a receipt printer is saved
        for button in (self.receipt_button, self.print_button, self.pdf_button):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            # As wide as its words, never less (a fixed minimum would clip them when a third
            # button comes): the status line beside them wraps instead.
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.status = QLabel()
        self.status.setObjectName("slipStatus")
        self.status.setAccessibleName(self.tr("Refund slip status"))
        self.status.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.receipt_button)
        layout.addWidget(self.print_button)
        layout.addWidget(self.pdf_button)
        layout.addWidget(self.status, 1)
        self.receipt_button.clicked.connect(self.receiptRequested)
        self.print_button.clicked.connect(self.printRequested)
        self.pdf_button.clicked.connect(self.saveRequested)

    def offer(self, refund_id: str, reader_label: str | None = None) -> None:
        self.refund_id, self.reader_label = refund_id, reader_label
        self.show_status("")
        self.setVisible(self.offered)
        self.refundOffered.emit(refund_id)

    def set_receipt_printer(self, label: str) -> None:
        """The saved receipt printer's name ("" when none: the button hides)."""
        self.receipt_button.setVisible(bool(label))
        self.receipt_button.setToolTip(
            self.tr("Print on {printer}, without a dialog").format(printer=label) if label else "")

    def set_busy(self, busy: bool) -> None:
        """The refund is being read from Stripe before the slip can be made."""
        for button in (self.receipt_button, self.print_button, self.pdf_button):
            button.setEnabled(not busy)
        self.show_status(self.tr("Reading the refund from Stripe…") if busy else "")

    def show_status(self, text: str, *, good: bool = False) -> None:
        self.status.setText(text)
        restyle(self.status, tone="good" if good else "")
