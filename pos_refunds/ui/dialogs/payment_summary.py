"""The few lines that tell the cashier which payment a refund dialog is about."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from ...domain.money import Money
from ...domain.payments import Payment, network_name
from ..formatting import format_money


class PaymentSummary(QWidget):
    """Amount, card network and last 4 digits, what was refunded and what is left to refund."""

    def __init__(self, payment: Payment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentSummary")
        self._refunded, self._left = payment.amount_refunded, payment.refundable
        card = network_name(payment.network)
        if payment.last4:
            card = f"{card} •••• {payment.last4}"  # data: the network's name and digits
        paid = QLabel(format_money(payment.amount_received, self.locale()))
        paid.setObjectName("summaryAmount")
        self._left_label = QLabel()
        self._left_label.setObjectName("summaryRemainder")
        card_label = QLabel(card)
        card_label.setObjectName("summaryCard")
        self._done_label = QLabel()
        self._done_label.setObjectName("summaryRefunded")
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.addRow(self.tr("Payment:"), paid)
        self._form.addRow(self.tr("Card:"), card_label)
        self._form.addRow(self.tr("Refunded so far:"), self._done_label)
        self._form.addRow(self.tr("Left to refund:"), self._left_label)
        self._show()

    def add_refund(self, amount: Money) -> None:
        """A refund made from this dialog: the lines stay true until the dialog closes."""
        self._refunded, self._left = self._refunded + amount, self._left - amount
        self._show()

    def _show(self) -> None:
        self._done_label.setText(format_money(self._refunded, self.locale()))
        self._form.setRowVisible(self._done_label, self._refunded.minor > 0)
        self._left_label.setText(format_money(self._left, self.locale()))
