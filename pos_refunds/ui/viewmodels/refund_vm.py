"""The online refund dialog's state, built on the window's refund flow.

`submit` hands what was typed to the flow (approval, confirmation, the refund); `busyChanged`
while it is sent, `errorText` when it was not made (the dialog's own line, or a box: the
presenter decides), `done(Outcome)` once this payment's refund is made.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...domain.money import Money
from ...domain.payments import Payment
from ...domain.policy import Action
from ..flows.money import RefundOnlineFlow
from ..flows.outcome import Outcome
from ..presenter import Presenter


class RefundViewModel(QObject):
    busyChanged = Signal(bool)
    errorText = Signal(str)
    done = Signal(object)  # Outcome

    def __init__(self, flow: RefundOnlineFlow, payment: Payment, presenter: Presenter,
                 view: QWidget) -> None:
        super().__init__(view)
        self._flow, self._payment, self._presenter, self._view = flow, payment, presenter, view
        self._asked = False  # this dialog asked the flow for a refund not yet ended
        flow.busyChanged.connect(self._busy)
        flow.succeeded.connect(self._succeeded)
        flow.failed.connect(self._failed)

    @property
    def payment(self) -> Payment:
        return self._payment

    @property
    def busy(self) -> bool:
        return self._asked and self._flow.busy

    def approval_reasons(self, amount: Money) -> object:
        """Why a manager must approve `amount` (empty: nobody need), as the services say."""
        return self._flow.approval_reasons(Action.REFUND_ONLINE, self._payment, amount)

    def submit(self, amount: Money, reason: str | None, note: str) -> None:
        if self._flow.busy:
            return
        self._asked = True
        self._flow.start(self._payment, amount, reason, note, self._view)

    def _busy(self, busy: bool) -> None:
        if self._asked:
            self.busyChanged.emit(busy)

    def _succeeded(self, outcome: Outcome) -> None:
        if self._asked and outcome.card is not None and outcome.card.id == self._payment.id:
            self._asked = False
            self.done.emit(outcome)

    def _failed(self, error: BaseException) -> None:
        if not self._asked:
            return
        self._asked = False
        self.busyChanged.emit(False)
        self._presenter.error(self._view, error, inline=self.errorText.emit)
