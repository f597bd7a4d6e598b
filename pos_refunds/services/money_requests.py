"""The one Stripe request each money operation stands for, built from its journal entry alone.

The first send and every later re-send (settling an unknown outcome, after a crash) go through
`MoneyRequests.send`, so they are the very same request: same endpoint, same parameters, same
idempotency key. Stripe then answers a re-send with the first request's saved result, or 409
while it is still running, and never carries the operation out twice.
"""

from __future__ import annotations

from typing import Any

from ..domain.payments import Payment, Reader, RefundRecord
from ..gateway.payments import PaymentsGateway
from ..gateway.readers import ReadersGateway
from ..journal import Operation, OperationKind
from .operations import operation_metadata

Result = Payment | RefundRecord | Reader


def reader_options(op: Operation) -> dict[str, Any]:
    """The refund_payment options as journaled when the operation began."""
    d = op.details
    return {
        "enable_customer_cancellation": bool(d.get("enable_customer_cancellation")),
        "refund_application_fee": d.get("refund_application_fee"),
        "reverse_transfer": d.get("reverse_transfer"),
    }


def metadata_of(op: Operation) -> dict[str, str]:
    """The metadata the operation was first sent with: same key, same parameters."""
    return operation_metadata(op, note=op.details.get("note") or "",
                              reason=op.details.get("reason"))


class MoneyRequests:
    def __init__(self, payments: PaymentsGateway, readers: ReadersGateway) -> None:
        self._payments = payments
        self._readers = readers

    async def send(self, op: Operation) -> Result:
        """Send (or send again) the operation's money request, once."""
        key = op.idempotency_key
        if op.kind is OperationKind.CANCEL:
            return await self._payments.cancel(op.payment_id, idempotency_key=key)
        if op.kind is OperationKind.CAPTURE:
            return await self._payments.capture(
                op.payment_id, metadata=metadata_of(op), idempotency_key=key
            )
        if op.amount is None:
            raise ValueError(f"{op.op_id}: a refund is journaled with its amount")
        if op.kind is OperationKind.REFUND_ONLINE:
            return await self._payments.refund(
                op.payment_id, op.amount, reason=op.details.get("reason"),
                metadata=metadata_of(op), idempotency_key=key,
            )
        if op.reader_id is None:
            raise ValueError(f"{op.op_id}: a reader refund is journaled with its reader")
        return await self._readers.refund_payment(
            op.reader_id, op.payment_id, op.amount, metadata=metadata_of(op),
            idempotency_key=key, **reader_options(op),
        )
