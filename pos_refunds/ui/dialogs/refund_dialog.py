"""Online refund: amount, reason and note, checked as they are typed.

Layout only: the dialog collects and validates; its view-model (`bind`, built on the window's
refund flow) sends the refund when `submitted` fires and answers with `set_busy`, `show_error`
or `accept_done`. Nothing typed is ever lost on an error: the cashier fixes or retries from
where they were.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.money import Money
from ...domain.payments import Payment
from ..formatting import format_money
from ..metrics import TOUCH_HEIGHT
from ..restyle import restyle
from ..viewmodels.refund_vm import RefundViewModel
from ..views.screen_fit import scroll_when_tall
from ..views.touch import touch_button
from .amount_field import AmountField
from .payment_summary import PaymentSummary

translate = QCoreApplication.translate

# Stripe's refund reasons; their words are translated where the combo is filled.
REASONS: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("RefundDialog", "No reason given"), None),
    (QT_TRANSLATE_NOOP("RefundDialog", "Customer asked"), "requested_by_customer"),
    (QT_TRANSLATE_NOOP("RefundDialog", "Duplicate"), "duplicate"),
    (QT_TRANSLATE_NOOP("RefundDialog", "Fraudulent"), "fraudulent"),
)

NOTE_MAX = 500  # Stripe's limit for one metadata value


class RefundDialog(QDialog):
    """Collects a valid online refund; Esc or Cancel closes it without sending anything."""

    submitted = Signal(object, object, str)  # Money, reason or None, note

    def __init__(self, payment: Payment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._payment = payment
        self._busy = False
        self.setObjectName("refundDialog")
        self.setWindowTitle(self.tr("Refund payment"))
        self.setMinimumWidth(520)

        title = QLabel(self.tr("Refund online"))
        title.setObjectName("dialogTitle")
        self._amount = AmountField(payment.refundable)
        self._reason = QComboBox()
        self._reason.setObjectName("refundReason")
        self._reason.setAccessibleName(self.tr("Reason"))
        self._reason.setMinimumHeight(TOUCH_HEIGHT)
        for text, code in REASONS:
            self._reason.addItem(translate("RefundDialog", text), code)
        reason_label = QLabel(self.tr("&Reason"))
        reason_label.setBuddy(self._reason)
        self._note = QLineEdit()
        self._note.setObjectName("refundNote")
        self._note.setAccessibleName(self.tr("Note"))
        self._note.setPlaceholderText(self.tr("Optional: why, receipt number…"))
        self._note.setMaxLength(NOTE_MAX)
        self._note.setMinimumHeight(TOUCH_HEIGHT)
        note_label = QLabel(self.tr("&Note"))
        note_label.setBuddy(self._note)

        self._status = QLabel()
        self._status.setObjectName("submitError")
        self._status.setAccessibleName(self.tr("Refund status"))
        self._status.setWordWrap(True)
        self._status.setVisible(False)

        self._cancel = touch_button("refundCancelButton", self.tr("Cancel"), min_width=140)
        self._submit = touch_button("refundSubmitButton", "", self.tr("Refund", "the button"),
                                    min_width=140)
        self._submit.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self._cancel)
        buttons.addWidget(self._submit)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.addWidget(title)
        layout.addWidget(PaymentSummary(payment))
        layout.addSpacing(6)
        layout.addWidget(self._amount)
        layout.addWidget(reason_label)
        layout.addWidget(self._reason)
        layout.addWidget(note_label)
        layout.addWidget(self._note)
        layout.addWidget(self._status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        scroll_when_tall(self, layout, "refundScroll")  # 1366×768 at 150 %: Refund in reach

        self._cancel.clicked.connect(self.reject)
        self._submit.clicked.connect(self._on_submit)
        self._amount.amountChanged.connect(self._refresh_submit)
        self._refresh_submit()
        self._amount.line_edit.setFocus()
        self._amount.line_edit.selectAll()

    @property
    def payment(self) -> Payment:
        return self._payment

    def bind(self, vm: RefundViewModel) -> None:
        """Send through `vm`: what it says about the refund shows here."""
        self.vm = vm
        self._amount.set_approval(vm.approval_reasons)  # announced as the cashier types
        self.submitted.connect(vm.submit)
        vm.busyChanged.connect(self.set_busy)
        vm.errorText.connect(self.show_error)
        vm.done.connect(lambda _outcome: self.accept_done())

    def amount(self) -> Money | None:
        return self._amount.amount()

    def set_busy(self, busy: bool) -> None:
        """While the refund is being sent: inputs frozen, "Refunding…" on the button."""
        self._busy = busy
        self._amount.set_inputs_enabled(not busy)
        self._reason.setEnabled(not busy)
        self._note.setEnabled(not busy)
        self._cancel.setEnabled(not busy)
        if busy:
            self._set_status_error(False)
            self._status.setText(self.tr("Refunding…"))
            self._status.setVisible(True)
        self._refresh_submit()

    def show_error(self, text: str) -> None:
        """The refund was not made: say why, give everything typed back for a retry."""
        self.set_busy(False)
        self._set_status_error(True)
        self._status.setText(text)
        self._status.setVisible(bool(text))

    def _set_status_error(self, error: bool) -> None:
        """style.qss colours QLabel[error="true"]; Qt re-reads a property only when asked."""
        self._status.setProperty("error", error)
        restyle(self._status)

    def accept_done(self) -> None:
        self._busy = False
        self.accept()

    def reject(self) -> None:
        """Esc and Cancel close, except while the refund is on its way (its outcome must show)."""
        if self._busy:
            return
        super().reject()

    def _refresh_submit(self, *_: object) -> None:
        amount = self._amount.amount()
        if self._busy:
            self._submit.setText(self.tr("Refunding…"))
            self._submit.setEnabled(False)
            return
        self._submit.setEnabled(amount is not None)
        if amount is None:
            self._submit.setText(self.tr("Refund", "the button"))
        else:
            self._submit.setText(self.tr("Refund {amount}", "the button").format(
                amount=format_money(amount, self.locale())))

    def _on_submit(self) -> None:
        amount = self._amount.amount()
        if self._busy or amount is None:
            return
        self._status.setVisible(False)
        self.submitted.emit(amount, self._reason.currentData(), self._note.text().strip())
