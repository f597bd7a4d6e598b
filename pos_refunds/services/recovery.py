"""Resolving operations whose outcome is not known: after a failure, and at every start.

The truth is Stripe's: a refund carrying our operation id, the PaymentIntent's status, or the
reader's action. Where Stripe shows nothing, the request is re-sent with the very same
idempotency key while Stripe still honours it (keys may be pruned after 24 hours). A refund on a
reader is never re-sent: the customer may be gone; a stale action of ours is canceled instead.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from ..domain import errors as e
from ..domain.payments import Payment
from ..gateway.errors import outcome_unknown
from ..gateway.payments import PaymentsGateway
from ..gateway.readers import ReadersGateway
from ..journal import (
    AsyncJournal,
    InvalidTransition,
    Operation,
    OperationKind,
    OperationState,
)
from .operations import META_OPERATION, operation_metadata

log = logging.getLogger(__name__)

KEY_LIFETIME = timedelta(hours=23)  # a margin under Stripe's 24 h


class Recovery:
    def __init__(
        self, payments: PaymentsGateway, readers: ReadersGateway, journal: AsyncJournal
    ) -> None:
        self._payments = payments
        self._readers = readers
        self._journal = journal

    async def resolve_all(self) -> list[Operation]:
        """Resolve every open operation (at start); returns those still open."""
        still: list[Operation] = []
        for op in await self._journal.open_operations():
            try:
                state = await self.resolve(op)
            except e.PosError as err:  # Stripe unreachable: try again later
                log.warning("could not resolve %s yet: %s", op.op_id, err)
                state = OperationState.UNKNOWN
            if state.is_open:
                still.append(op)
        return still

    async def resolve(self, op: Operation) -> OperationState:
        if op.kind == OperationKind.REFUND_ONLINE:
            return await self._resolve_refund(op)
        if op.kind == OperationKind.REFUND_ON_READER:
            return await self._resolve_reader_refund(op)
        return await self._resolve_intent(op)

    async def _close(
        self, op: Operation, state: OperationState, *, ids: dict[str, str] | None = None,
        error: str | None = None,
    ) -> OperationState:
        try:
            await self._journal.record(op.op_id, state, stripe_ids=ids, error=error)
        except InvalidTransition:
            # Resolved meanwhile by a concurrent resolve (a second Check status, the next
            # operation on the payment): the first close stands.
            closed = await self._journal.get(op.op_id)
            if closed is None or closed.is_open:
                raise
            return closed.state
        return state

    async def _our_refund(self, op: Operation) -> str | None:
        for refund in await self._payments.refunds_of(op.payment_id):
            if refund.metadata.get(META_OPERATION) == op.op_id and refund.status not in (
                "failed",
                "canceled",
            ):
                return refund.id
        return None

    def _key_alive(self, op: Operation) -> bool:
        return datetime.now(UTC) - op.created_at < KEY_LIFETIME

    async def _resolve_refund(self, op: Operation) -> OperationState:
        found = await self._our_refund(op)
        if found:
            return await self._close(op, OperationState.SUCCEEDED, ids={"refund": found})
        if not self._key_alive(op) or op.amount is None:
            return await self._close(
                op, OperationState.FAILED, error="Stripe has no refund from this operation."
            )
        meta = _metadata(op)
        try:
            refund = await self._payments.refund(
                op.payment_id,
                op.amount,
                reason=op.details.get("reason"),
                metadata=meta,
                idempotency_key=op.idempotency_key,
            )
        except e.PosError as err:
            if outcome_unknown(err):
                return OperationState.UNKNOWN
            return await self._close(op, OperationState.FAILED, error=str(err))
        return await self._close(op, OperationState.SUCCEEDED, ids={"refund": refund.id})

    async def _resolve_intent(self, op: Operation) -> OperationState:
        payment = await self._payments.retrieve(op.payment_id)
        done = _intent_done(op, payment)
        if done is not None:
            error = None if done is OperationState.SUCCEEDED else f"Payment is {payment.status}."
            return await self._close(op, done, error=error)
        if not self._key_alive(op):
            return await self._close(op, OperationState.FAILED, error="Not carried out.")
        meta = _metadata(op)
        try:
            if op.kind == OperationKind.CANCEL:
                await self._payments.cancel(
                    op.payment_id, metadata=meta, idempotency_key=op.idempotency_key
                )
            else:
                await self._payments.capture(
                    op.payment_id, metadata=meta, idempotency_key=op.idempotency_key
                )
        except e.PosError as err:
            if outcome_unknown(err):
                return OperationState.UNKNOWN
            return await self._close(op, OperationState.FAILED, error=str(err))
        return await self._close(op, OperationState.SUCCEEDED)

    async def _resolve_reader_refund(self, op: Operation) -> OperationState:
        found = await self._our_refund(op)
        if found:
            return await self._close(op, OperationState.SUCCEEDED, ids={"refund": found})
        if op.reader_id:
            reader = await self._readers.retrieve(op.reader_id)
            action = reader.action
            ours = action is not None and action.metadata.get(META_OPERATION) == op.op_id
            if ours and action is not None and action.status == "in_progress":
                log.info("canceling stale reader action of %s on %s", op.op_id, op.reader_id)
                try:
                    await self._readers.cancel_action(op.reader_id)
                except e.PosError as err:
                    if outcome_unknown(err):
                        return OperationState.UNKNOWN
                    # Refused (the reader offline, say): not canceled, unless it ended
                    # meanwhile. A live action may still refund, so it stays open.
                    log.warning("could not cancel %s on %s: %s", op.op_id, op.reader_id, err)
                    now = (await self._readers.retrieve(op.reader_id)).action
                    if (now is not None and now.status == "in_progress"
                            and now.metadata.get(META_OPERATION) == op.op_id):
                        return OperationState.UNKNOWN
                found = await self._our_refund(op)  # it may have completed meanwhile
                if found:
                    return await self._close(
                        op, OperationState.SUCCEEDED, ids={"refund": found}
                    )
                return await self._close(
                    op, OperationState.FAILED,
                    error="The reader action was left over and has been canceled.",
                )
            if ours and action is not None and action.status == "succeeded" and action.refund_id:
                # The action names its refund even where the refund does not carry our
                # metadata (Stripe does not promise to copy it from the action).
                return await self._close(
                    op, OperationState.SUCCEEDED, ids={"refund": action.refund_id}
                )
            if ours and action is not None and action.status == "failed":
                return await self._close(
                    op, OperationState.FAILED,
                    error=f"{action.failure_message or 'Failed'} ({action.failure_code})",
                )
        return await self._close(
            op, OperationState.FAILED, error="Stripe has no refund from this operation."
        )


def _metadata(op: Operation) -> dict[str, str]:
    """The metadata the operation was first sent with: same key, same parameters."""
    note = op.details.get("note") or ""
    return operation_metadata(op, note=note, reason=op.details.get("reason"))


def _intent_done(op: Operation, payment: Payment) -> OperationState | None:
    """The outcome a PaymentIntent's status already shows, or None if still to do."""
    if op.kind == OperationKind.CANCEL:
        if payment.status == "canceled":
            return OperationState.SUCCEEDED
        if payment.status in ("requires_capture", "requires_payment_method",
                              "requires_confirmation", "requires_action"):
            return None
        return OperationState.FAILED
    if payment.status == "succeeded":
        return OperationState.SUCCEEDED
    if payment.status == "requires_capture":
        return None
    return OperationState.FAILED
