"""Page 1 of the reader refund: which reader, how much, with which options.

Kept as it is while the refund runs, so going back after a failure finds everything still
filled in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...clock import Clock, utc_now
from ...domain.payments import Payment
from ...services.api import ReaderRefundOptions
from ..metrics import TOUCH_HEIGHT
from ..views.touch import touch_button
from .amount_field import AmountField
from .reader_picker import ReaderPicker

translate = QCoreApplication.translate


def reason_label(name: str) -> QLabel:
    """The words beside a button that say why it is disabled."""
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(translate("ReaderRefundSetup", "Why not available"))
    label.setWordWrap(True)
    label.setProperty("hint", True)  # style.qss: the muted words beside a button
    return label


def option_box(name: str, text: str) -> QCheckBox:
    box = QCheckBox(text)
    box.setObjectName(name)
    box.setAccessibleName(text)
    box.setMinimumHeight(TOUCH_HEIGHT)
    return box


def _chosen(box: QCheckBox | None) -> bool | None:
    """Sent only when it applies: Stripe refuses it for a payment without fee or transfer."""
    return box.isChecked() if box is not None and box.isEnabled() else None


class ReaderRefundSetup(QWidget):
    def __init__(self, payment: Payment, connect: bool, parent: QWidget | None = None, *,
                 clock: Clock = utc_now) -> None:
        super().__init__(parent)
        self.picker = ReaderPicker(self, clock=clock)  # built in place (screen_fit.scroll_area)
        self.amount = AmountField(payment.refundable, self)
        self._customer_cancel = option_box(
            "customerCancelOption", self.tr("Customer may cancel on the reader")
        )
        options = QGroupBox(self.tr("Options"))
        column = QVBoxLayout(options)
        column.addWidget(self._customer_cancel)
        self._app_fee: QCheckBox | None = None
        self._reverse: QCheckBox | None = None
        # Connect only, and only where the payment has what the option acts on.
        if connect or payment.application_fee is not None:
            self._app_fee = option_box("refundApplicationFeeOption",
                                       self.tr("Refund the application fee"))
            self._app_fee.setEnabled(payment.application_fee is not None)
            column.addWidget(self._app_fee)
        if connect or payment.transfer_destination is not None:
            self._reverse = option_box("reverseTransferOption", self.tr("Reverse the transfer"))
            self._reverse.setEnabled(payment.transfer_destination is not None)
            column.addWidget(self._reverse)
        self.start_button = touch_button("startButton", self.tr("Start refund on reader"),
                                         min_width=140)
        self.start_button.setDefault(True)
        self._start_reason = reason_label("startButtonReason")
        self._start_reason.setAlignment(  # beside the button it explains
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.close_button = touch_button("closeButton", self.tr("Close"), min_width=140)

        footer = QHBoxLayout()
        footer.addWidget(self._start_reason, 1)
        footer.addWidget(self.close_button)
        footer.addWidget(self.start_button)
        middle = QHBoxLayout()
        middle.setSpacing(16)
        middle.addWidget(self.amount, 3, Qt.AlignmentFlag.AlignTop)  # label, field, note together
        middle.addWidget(options, 2, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker, 1)
        layout.addLayout(middle)
        layout.addLayout(footer)

        self.picker.selectionChanged.connect(self.refresh_start)
        self.amount.amountChanged.connect(self.refresh_start)
        self.refresh_start()

    def options(self) -> ReaderRefundOptions:
        return ReaderRefundOptions(
            enable_customer_cancellation=self._customer_cancel.isChecked(),
            refund_application_fee=_chosen(self._app_fee),
            reverse_transfer=_chosen(self._reverse),
        )

    def refresh_start(self, *_: object) -> None:
        """Start only with a usable reader and a valid amount; otherwise say which is missing."""
        reader = self.picker.selected_reader()
        if not self.picker.loaded:
            why = self.tr("Loading readers…")
        elif reader is None:
            why = self.tr("Choose a reader first.") if self.picker.usable_count() else (
                self.tr("No reader can take this refund now: refresh when one is free.")
            )
        elif self.amount.amount() is None:
            why = self.tr("Enter a valid amount first.")
        else:
            why = ""
        self.start_button.setEnabled(not why)
        self._start_reason.setText(why)
