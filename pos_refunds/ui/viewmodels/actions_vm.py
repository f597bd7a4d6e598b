"""Cancel, Capture and Refund online: confirmation first, then one call, one outcome signal.

Runs in its own TaskGroup; at most one money action at a time (the window disables the
buttons on busyChanged), and every failure leaves through `failed`, never as an exception.
Acts for the signed-in staff (`set_staff`); a refund a cashier may not make alone waits for a
manager's PIN (through Prompts), and that manager approves this one refund only.
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...domain.approvals import Approval, ApprovalLimits, ApprovalRequest, approval_reason
from ...domain.errors import ActionNotAllowed, PosError, UserCancelled
from ...domain.money import Money
from ...domain.payments import Payment, network_name
from ...domain.policy import Action
from ...domain.reasons import AccessReason
from ...services.api import Mode, MoneyActions, Staff
from ..formatting import format_money
from ..prompts import Prompts
from ..tasks import TaskGroup

LIVE_WARNING = "LIVE MODE — this moves real money. "


def card_words(payment: Payment) -> str:
    text = network_name(payment.network)
    return f"{text} ••••\u00a0{payment.last4}" if payment.last4 else text


class ActionsViewModel(QObject):
    succeeded = Signal(object, str)  # fresh Payment, what happened in words
    failed = Signal(object)  # BaseException
    busyChanged = Signal(bool)

    def __init__(
        self,
        actions: MoneyActions,
        prompts: Prompts,
        staff: Staff | None,
        *,
        mode: Mode,
        limits: ApprovalLimits,
        tasks: TaskGroup | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._actions = actions
        self._prompts = prompts
        self._staff = staff
        self._mode = mode
        self._limits = limits
        self._tasks = tasks if tasks is not None else TaskGroup("actions")
        self._running = 0

    def set_limits(self, limits: ApprovalLimits) -> None:
        """New limits from Settings: approvals follow them from the next refund on."""
        self._limits = limits

    @property
    def busy(self) -> bool:
        return self._running > 0

    @property
    def staff(self) -> Staff | None:
        return self._staff

    def set_staff(self, staff: Staff | None) -> None:
        """Who acts from now on (None while the till is locked: nothing is sent)."""
        self._staff = staff

    def _live(self, text: str) -> str:
        return LIVE_WARNING + text if self._mode is Mode.LIVE else text

    # --- commands ------------------------------------------------------------------------
    def cancel_payment(self, payment: Payment, parent: QWidget) -> None:
        """Ask, then release the authorization (or drop the incomplete payment)."""
        staff = self._actor()
        if staff is None:
            return
        amount = format_money(payment.amount)
        self._prompts.confirm(
            parent,
            "Cancel this payment?",
            self._live(f"Cancel the payment of {amount} on {card_words(payment)}? "
                       "The customer is not charged, and it cannot be undone."),
            "Cancel payment",
            lambda: self._run(self._cancel(payment, staff)),
        )

    def capture_payment(self, payment: Payment, parent: QWidget) -> None:
        staff = self._actor()
        if staff is None:
            return
        capturable = payment.amount_capturable
        amount = format_money(capturable if capturable.minor else payment.amount)
        self._prompts.confirm(
            parent,
            "Capture this payment?",
            self._live(f"Capture {amount} from {card_words(payment)}? "
                       "The customer is charged."),
            "Capture",
            lambda: self._run(self._capture(payment, staff)),
        )

    def refund_online(
        self, payment: Payment, amount: Money, reason: str | None, note: str, parent: QWidget
    ) -> None:
        """Refund after the approval check; a cashier alone cannot send what needs a manager:
        a manager's PIN approves this refund (or, refused, nothing is sent)."""
        staff = self._actor()
        if staff is None:
            return
        try:
            why = approval_reason(Action.REFUND_ONLINE, amount, payment, self._limits)
        except PosError as error:
            self.failed.emit(error)
            return
        if why and not staff.is_manager:
            self._prompts.ask_manager_pin(
                parent, ApprovalRequest(payment.id, amount, Action.REFUND_ONLINE, why),
                lambda approval: self._confirm_refund(payment, amount, reason, note, parent,
                                                      staff, approval),
                lambda: self.failed.emit(UserCancelled()),
            )
            return
        self._confirm_refund(payment, amount, reason, note, parent, staff, None)

    def _confirm_refund(
        self, payment: Payment, amount: Money, reason: str | None, note: str, parent: QWidget,
        staff: Staff, approval: Approval | None,
    ) -> None:
        def run() -> None:
            self._run(self._refund(payment, amount, reason, note, staff, approval))

        if self._mode is Mode.LIVE:
            self._prompts.confirm(
                parent,
                "Refund real money?",
                self._live(f"Refund {format_money(amount)} to {card_words(payment)}?"),
                f"Refund {format_money(amount)}",
                run,
            )
        else:
            run()

    def cancel(self) -> None:
        self._tasks.cancel_all()

    def _actor(self) -> Staff | None:
        """The signed-in staff, bound to the operation now asked for (None: says so)."""
        if self._staff is None:
            self.failed.emit(ActionNotAllowed(AccessReason.SIGN_IN_FIRST))
        return self._staff

    # --- work ----------------------------------------------------------------------------
    def _run(self, coro: Coroutine[Any, Any, tuple[Payment, str]]) -> None:
        self._running += 1
        if self._running == 1:
            self.busyChanged.emit(True)
        task = self._tasks.start(coro, on_done=self._done, on_error=self._error)
        task.add_done_callback(lambda _t: self._ended())

    def _ended(self) -> None:
        self._running -= 1
        if self._running == 0:
            self.busyChanged.emit(False)

    def _done(self, result: tuple[Payment, str]) -> None:
        payment, message = result
        self.succeeded.emit(payment, message)

    def _error(self, error: BaseException) -> None:
        self.failed.emit(error)

    async def _cancel(self, payment: Payment, staff: Staff) -> tuple[Payment, str]:
        fresh = await self._actions.cancel(payment, staff=staff)
        return fresh, f"Payment of {format_money(payment.amount)} canceled."

    async def _capture(self, payment: Payment, staff: Staff) -> tuple[Payment, str]:
        fresh = await self._actions.capture(payment, staff=staff)
        return fresh, f"Captured {format_money(fresh.amount_received)}."

    async def _refund(
        self, payment: Payment, amount: Money, reason: str | None, note: str,
        staff: Staff, approval: Approval | None,
    ) -> tuple[Payment, str]:
        fresh = await self._actions.refund_online(
            payment, amount, reason=reason, note=note, staff=staff, approval=approval
        )
        return fresh, f"Refunded {format_money(amount)} to {card_words(payment)}."
