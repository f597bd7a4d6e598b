"""The few lines that tell the cashier which payment a refund dialog is about."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from ...domain.payments import Payment, network_name
from ..formatting import format_money


class PaymentSummary(QWidget):
    """Amount, card network and last 4 digits, and what is left to refund."""

    def __init__(self, payment: Payment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentSummary")
        locale = self.locale()
        card = network_name(payment.network)
        if payment.last4:
            card = f"{card} •••• {payment.last4}"
        paid = QLabel(format_money(payment.amount_received, locale))
        paid.setObjectName("summaryAmount")
        left = QLabel(format_money(payment.refundable, locale))
        left.setObjectName("summaryRemainder")
        left.setStyleSheet("font-weight: 700;")
        card_label = QLabel(card)
        card_label.setObjectName("summaryCard")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Payment:", paid)
        form.addRow("Card:", card_label)
        if payment.amount_refunded.minor > 0:
            done = QLabel(format_money(payment.amount_refunded, locale))
            done.setObjectName("summaryRefunded")
            form.addRow("Refunded so far:", done)
        form.addRow("Left to refund:", left)
