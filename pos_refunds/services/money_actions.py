"""Cancel, capture and refund online: each gated by the policy and the approval rules,
journaled before it is sent, and resolved when its outcome is not known."""

from __future__ import annotations

import logging

from ..domain import errors as e
from ..domain.approvals import Approval
from ..domain.money import Money
from ..domain.payments import Payment, RefundRecord
from ..domain.policy import Action
from ..gateway.payments import PaymentsGateway
from ..journal import Operation, OperationKind, OperationState
from .api import Staff
from .authorization import Authorization
from .money_requests import MoneyRequests
from .operations import OperationRunner, operation_metadata, require_allowed
from .recovery import SENT

log = logging.getLogger(__name__)


class MoneyActionsService:
    def __init__(
        self,
        gateway: PaymentsGateway,
        runner: OperationRunner,
        requests: MoneyRequests,
        authorization: Authorization,
    ) -> None:
        self._gw = gateway
        self._runner = runner
        self._requests = requests
        self._auth = authorization

    async def cancel(self, payment: Payment, *, staff: Staff) -> Payment:
        require_allowed(payment, Action.CANCEL)
        who = await self._auth.member(staff)
        return await self._intent_op(OperationKind.CANCEL, payment, who)

    async def capture(self, payment: Payment, *, staff: Staff) -> Payment:
        require_allowed(payment, Action.CAPTURE)
        who = await self._auth.member(staff)
        return await self._intent_op(OperationKind.CAPTURE, payment, who)

    async def _intent_op(self, kind: OperationKind, payment: Payment, staff: Staff) -> Payment:
        async with self._runner.exclusive(payment.id):
            op = await self._runner.begin(
                kind, payment, payment.amount, staff=staff, approver=None
            )
            if kind is OperationKind.CANCEL:
                op = await self._before_cancel(op)

            async def call() -> Payment:
                result = await self._requests.send(op)
                assert isinstance(result, Payment)
                return result

            result = await self._runner.send(op, call, lambda p: {"payment_intent": p.id})
        return result if result is not None else await self._gw.retrieve(payment.id)

    async def _before_cancel(self, op: Operation) -> Operation:
        """A cancel takes no metadata: who cancels is written on the PaymentIntent first.

        That note never holds up the money step (a saved 5xx would replay forever under its
        key): it is tried once, and the journal then says the cancel itself is going out,
        so settling knows an operation stopped before that point did nothing.
        """
        tagged = True
        try:
            await self._gw.tag(op.payment_id, metadata=operation_metadata(op))
        except e.PosError as err:
            tagged = False
            log.warning("cancel %s: who cancels not written at Stripe: %s", op.op_id, err)
        return await self._runner.journal.record(
            op.op_id, OperationState.UNKNOWN, details={SENT: "cancel", "tagged": tagged}
        )

    async def refund_online(
        self,
        payment: Payment,
        amount: Money,
        *,
        reason: str | None,
        note: str,
        staff: Staff,
        approval: Approval | None,
    ) -> Payment:
        require_allowed(payment, Action.REFUND_ONLINE)
        who, approver = await self._auth.authorize(Action.REFUND_ONLINE, amount, payment, staff,
                                                   approval)
        async with self._runner.exclusive(payment.id):
            op = await self._runner.begin(
                OperationKind.REFUND_ONLINE, payment, amount, staff=who, approver=approver,
                details={"reason": reason, "note": note,
                         "approval": approval.id if approval else None},
            )

            async def call() -> RefundRecord:
                result = await self._requests.send(op)
                assert isinstance(result, RefundRecord)
                return result

            await self._runner.send(op, call, lambda r: {"refund": r.id})
        return await self._gw.retrieve(payment.id)
