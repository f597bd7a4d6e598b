"""Cancel, capture and refund online: confirmation first, then one call, one outcome.

The three share one task scope, so one money action runs at a time and the window is busy
while it does; every failure leaves through `failed`, never as an exception.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...domain.approvals import Approval
from ...domain.money import Money
from ...domain.payments import Payment
from ...domain.policy import Action
from ...services.api import Mode, MoneyActions, Staff
from ..formatting import card_words, format_money
from ..prompts import Prompts
from ..tasks import TaskScope
from .base import Flow, FlowBackEnd
from .outcome import Done, Outcome


class _MoneyFlow(Flow):
    def __init__(self, actions: MoneyActions, back: FlowBackEnd, prompts: Prompts,
                 tasks: TaskScope, actor: Callable[[], Staff | None],
                 parent: QObject | None = None) -> None:
        super().__init__(back, prompts, tasks, actor, parent)
        self._actions = actions


class CancelFlow(_MoneyFlow):
    """Ask, then release the authorization (or drop the incomplete payment)."""

    def start(self, payment: Payment, parent: QWidget) -> None:
        staff = self.actor()
        if staff is None:
            return
        amount = format_money(payment.amount)
        self._prompts.confirm(
            parent,
            self.tr("Cancel this payment?"),
            self.live(self.tr("Cancel the payment of {amount} on {card}? The customer is not "
                              "charged, and it cannot be undone.").format(
                amount=amount, card=card_words(payment))),
            self.tr("Cancel payment"),
            lambda: self.run(self._cancel(payment, staff)),
        )

    async def _cancel(self, payment: Payment, staff: Staff) -> Outcome:
        fresh = await self._actions.cancel(payment, staff=staff)
        return Outcome(Done.CANCELED, fresh, payment.amount, card=payment)


class CaptureFlow(_MoneyFlow):
    def start(self, payment: Payment, parent: QWidget) -> None:
        staff = self.actor()
        if staff is None:
            return
        capturable = payment.amount_capturable
        amount = format_money(capturable if capturable.minor else payment.amount)
        self._prompts.confirm(
            parent,
            self.tr("Capture this payment?"),
            self.live(self.tr("Capture {amount} from {card}? The customer is charged.").format(
                amount=amount, card=card_words(payment))),
            self.tr("Capture", "the button that captures the payment"),
            lambda: self.run(self._capture(payment, staff)),
        )

    async def _capture(self, payment: Payment, staff: Staff) -> Outcome:
        fresh = await self._actions.capture(payment, staff=staff)
        return Outcome(Done.CAPTURED, fresh, fresh.amount_received, card=payment)


class RefundOnlineFlow(_MoneyFlow):
    """Refund after the approval step; in live mode, one more confirmation."""

    def start(self, payment: Payment, amount: Money, reason: str | None, note: str,
              parent: QWidget) -> None:
        staff = self.actor()
        if staff is None:
            return
        self.approve(Action.REFUND_ONLINE, payment, amount, staff, parent,
                     lambda approval: self._confirm(payment, amount, reason, note, parent,
                                                    staff, approval))

    def _confirm(self, payment: Payment, amount: Money, reason: str | None, note: str,
                 parent: QWidget, staff: Staff, approval: Approval | None) -> None:
        def send() -> None:
            self.run(self._refund(payment, amount, reason, note, staff, approval))

        if self._back.mode is not Mode.LIVE:
            send()
            return
        self._prompts.confirm(
            parent, self.tr("Refund real money?"),
            self.live(self.tr("Refund {amount} to {card}?").format(
                amount=format_money(amount), card=card_words(payment))),
            self.tr("Refund {amount}", "a button").format(amount=format_money(amount)), send)

    async def _refund(self, payment: Payment, amount: Money, reason: str | None, note: str,
                      staff: Staff, approval: Approval | None) -> Outcome:
        fresh = await self._actions.refund_online(
            payment, amount, reason=reason, note=note, staff=staff, approval=approval)
        return Outcome(Done.REFUNDED, fresh, amount, card=payment)


class MoneyFlows(QObject):
    """The window's three money flows over one task scope: one action at a time."""

    busyChanged = Signal(bool)

    def __init__(self, back: FlowBackEnd, actions: MoneyActions, prompts: Prompts,
                 tasks: TaskScope, actor: Callable[[], Staff | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.cancel = CancelFlow(actions, back, prompts, tasks, actor, self)
        self.capture = CaptureFlow(actions, back, prompts, tasks, actor, self)
        self.refund_online = RefundOnlineFlow(actions, back, prompts, tasks, actor, self)
        tasks.busyChanged.connect(self.busyChanged)

    @property
    def all(self) -> tuple[Flow, ...]:
        return (self.cancel, self.capture, self.refund_online)

    @property
    def busy(self) -> bool:
        return self._tasks.busy

    @property
    def staff(self) -> Staff | None:
        return self.cancel.staff
