"""Settling operations whose outcome is not known: after a failure, and at every start.

An open operation (pending, or sent with no answer) is settled by what Stripe shows — a refund
carrying our operation id, the PaymentIntent's state, our action on the reader — and, where
Stripe shows nothing yet, by the request itself: it is sent again with the same idempotency key
(`MoneyRequests`). Stripe then replays the first request's result, answers 409 while it is still
running, or carries it out now; the first request can no longer land on its own after that.
Looking alone never closes an operation as failed while its request may still land: only a
refusal, a request known to have finished, or a key too old to be honoured does.

A reader action carrying one of our operation ids is ours. One that a flow of this till follows
is left to that flow; one that nobody follows (the till crashed, the dialog closed, the request
landed late) is canceled, since the customer is no longer waiting at the reader.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from datetime import timedelta

from ..clock import Clock, utc_now
from ..domain import errors as e
from ..domain.payments import Payment, Reader, ReaderAction, RefundRecord
from ..domain.reasons import Coded, ReaderReason, RecoveryReason
from ..gateway.errors import WriteOutcome, write_outcome
from ..gateway.payments import PaymentsGateway
from ..gateway.readers import ReadersGateway
from ..journal import (
    AsyncJournal,
    InvalidTransition,
    Operation,
    OperationKind,
    OperationState,
)
from .money_requests import MoneyRequests
from .operations import META_OPERATION, journaled

log = logging.getLogger(__name__)

KEY_LIFETIME = timedelta(hours=23)  # a margin under Stripe's 24 h
SENT = "sent"  # details key: the step of a two-step operation that has gone out
NOT_SENT = Coded(RecoveryReason.NOT_SENT)
NO_REFUND = Coded(RecoveryReason.NO_REFUND)
LEFT_OVER = Coded(RecoveryReason.LEFT_OVER)


def ours(action: ReaderAction | None, op_id: str) -> bool:
    return action is not None and action.metadata.get(META_OPERATION) == op_id


class Recovery:
    def __init__(
        self, payments: PaymentsGateway, readers: ReadersGateway, journal: AsyncJournal,
        *, clock: Clock = utc_now,
    ) -> None:
        self._payments = payments
        self._readers = readers
        self._journal = journal
        self._clock = clock
        self.requests = MoneyRequests(payments, readers)
        self._following: set[str] = set()  # reader refunds a flow of this till follows

    @contextlib.contextmanager
    def following(self, op_id: str) -> Iterator[None]:
        """While a flow follows this reader refund, settling leaves its action alone."""
        self._following.add(op_id)
        try:
            yield
        finally:
            self._following.discard(op_id)

    def is_followed(self, op_id: str) -> bool:
        return op_id in self._following

    async def resolve_all(self) -> list[Operation]:
        """Settle every open operation (at start); returns those still open."""
        ops = await self._journal.open_operations()
        states = await self.settle_each(ops)
        return [op for op in ops if states[op.op_id].is_open]

    async def settle_each(self, ops: list[Operation]) -> dict[str, OperationState]:
        """Settle these operations one by one; one Stripe cannot tell about yet stays open."""
        states: dict[str, OperationState] = {}
        for op in ops:
            try:
                states[op.op_id] = await self.resolve(op)
            except e.PosError as err:  # Stripe unreachable: try again later
                log.warning("could not settle %s yet: %s", op.op_id, err)
                states[op.op_id] = OperationState.UNKNOWN
        return states

    async def resolve(self, op: Operation) -> OperationState:
        if op.kind is OperationKind.REFUND_ONLINE:
            return await self._resolve_refund(op)
        if op.kind is OperationKind.REFUND_ON_READER:
            return await self._resolve_reader_refund(op)
        return await self._resolve_intent(op)

    # --- closing -------------------------------------------------------------------------
    async def close(
        self, op: Operation, state: OperationState, *, ids: dict[str, str] | None = None,
        error: Coded | e.PosError | None = None,
    ) -> OperationState:
        """Journal the outcome; `error` is kept as its code, its parameters in the details."""
        said = journaled(error) if error is not None else {}
        try:
            await self._journal.record(op.op_id, state, stripe_ids=ids, **said)
        except InvalidTransition:
            # Closed meanwhile by a concurrent settle (a second Check status, the next
            # operation on the payment): the first close stands.
            closed = await self._journal.get(op.op_id)
            if closed is None or closed.is_open:
                raise
            return closed.state
        return state

    @staticmethod
    async def _still_open(op: Operation, err: object) -> OperationState:
        """The request may still land: keep the operation open, saying why."""
        log.warning("%s stays open: %s", op.op_id, err)  # the log says why
        return OperationState.UNKNOWN

    def key_alive(self, op: Operation) -> bool:
        """While Stripe honours the key, a request under it may still be on its way."""
        return self._clock() - op.created_at < KEY_LIFETIME

    async def _send_again(self, op: Operation) -> tuple[WriteOutcome | None, object]:
        """The very request once more, under its key: (None, Stripe's answer), or what the
        failure says of the operation, with the error."""
        try:
            return None, await self.requests.send(op)
        except e.PosError as err:
            return write_outcome(err, only_attempt=False), err

    # --- online refunds ------------------------------------------------------------------
    async def our_refund(self, op: Operation) -> str | None:
        for refund in await self._payments.refunds_of(op.payment_id):
            if refund.metadata.get(META_OPERATION) == op.op_id and refund.status not in (
                "failed",
                "canceled",
            ):
                return refund.id
        return None

    async def _resolve_refund(self, op: Operation) -> OperationState:
        found = await self.our_refund(op)
        if found:
            return await self.close(op, OperationState.SUCCEEDED, ids={"refund": found})
        if not self.key_alive(op):
            return await self.close(op, OperationState.FAILED, error=NO_REFUND)
        outcome, answer = await self._send_again(op)
        if outcome is None:
            assert isinstance(answer, RefundRecord)
            return await self.close(op, OperationState.SUCCEEDED, ids={"refund": answer.id})
        if outcome is WriteOutcome.REFUSED:
            assert isinstance(answer, e.PosError)
            return await self.close(op, OperationState.FAILED, error=answer)
        if outcome is WriteOutcome.FINISHED:  # done at Stripe: what it shows decides
            found = await self.our_refund(op)
            if found:
                return await self.close(op, OperationState.SUCCEEDED, ids={"refund": found})
            return await self.close(op, OperationState.FAILED, error=NO_REFUND)
        return await self._still_open(op, answer)

    # --- cancel and capture --------------------------------------------------------------
    async def _ran(self, op: Operation) -> bool:
        """Did this operation's own request cancel (or capture) the payment? Stripe's event of
        it names the request's idempotency key: the state alone could be another till's."""
        event = _EFFECT_EVENT[op.kind]
        since = int(op.created_at.timestamp()) - 60
        return op.idempotency_key in await self._payments.effect_keys(
            op.payment_id, event, created_from=since)

    async def _resolve_intent(self, op: Operation) -> OperationState:
        payment = await self._payments.retrieve(op.payment_id)
        if op.kind is OperationKind.CAPTURE and _captured_by(op, payment):
            return await self.close(op, OperationState.SUCCEEDED)
        if op.kind is OperationKind.CANCEL and not op.details.get(SENT):
            # Only the note of who cancels may have gone out, never the cancel itself.
            return await self.close(op, OperationState.FAILED, error=NOT_SENT)
        if not self.key_alive(op):
            if payment.status == _EFFECT_STATUS[op.kind] and await self._ran(op):
                return await self.close(op, OperationState.SUCCEEDED)
            return await self.close(op, OperationState.FAILED,
                                    error=Coded(RecoveryReason.NOT_CARRIED_OUT))
        outcome, answer = await self._send_again(op)
        if outcome is None:
            return await self.close(op, OperationState.SUCCEEDED)
        if outcome is WriteOutcome.REFUSED:
            assert isinstance(answer, e.PosError)
            return await self.close(op, OperationState.FAILED, error=answer)
        if outcome is WriteOutcome.FINISHED:  # done at Stripe, by this request or another
            if await self._ran(op):
                return await self.close(op, OperationState.SUCCEEDED)
            now = await self._payments.retrieve(op.payment_id)
            said = Coded(RecoveryReason.PAYMENT_IS, {"status": now.status})
            return await self.close(op, OperationState.FAILED, error=said)
        return await self._still_open(op, answer)

    # --- refunds on a reader -------------------------------------------------------------
    async def _shown(self, op: Operation) -> tuple[OperationState | None, Reader | None]:
        """What Stripe shows of a reader refund: a refund of ours, or our action on the
        reader, settles it (the state); otherwise None, with the reader as it is now."""
        found = await self.our_refund(op)
        if found:
            return await self.close(op, OperationState.SUCCEEDED, ids={"refund": found}), None
        reader = await self._readers.retrieve(op.reader_id) if op.reader_id else None
        if reader is not None and ours(reader.action, op.op_id):
            return await self.settle_action(op, reader), reader
        return None, reader

    async def _resolve_reader_refund(self, op: Operation) -> OperationState:
        state, reader = await self._shown(op)
        if state is not None:
            return state
        if not self.key_alive(op) or reader is None:
            return await self.close(op, OperationState.FAILED, error=NO_REFUND)
        outcome, answer = await self._send_again(op)
        if outcome is WriteOutcome.REFUSED:
            assert isinstance(answer, e.PosError)
            return await self.close(op, OperationState.FAILED, error=answer)
        if outcome is WriteOutcome.UNKNOWN:
            return await self._still_open(op, answer)
        # The request has run at Stripe (now, or earlier and replayed): what it did shows.
        return await self.after_request(op)

    async def after_request(self, op: Operation) -> OperationState:
        """The reader refund's request is known to have run: settle by what Stripe shows."""
        state, _reader = await self._shown(op)
        if state is not None:
            return state
        if await self._unattributed_refund(op):
            # A refund Stripe did not tag with our id may be this one: a person must look.
            log.warning("%s: a refund without our id matches it; left open", op.op_id)
            return OperationState.UNKNOWN
        return await self.close(op, OperationState.FAILED, error=NO_REFUND)

    async def settle_action(self, op: Operation, reader: Reader) -> OperationState:
        """Our action on the reader: closed with its outcome, or canceled if nobody follows it."""
        action = reader.action
        assert action is not None and ours(action, op.op_id)
        if action.status == "succeeded":
            refund = action.refund_id or await self.our_refund(op)
            return await self.close(
                op, OperationState.SUCCEEDED, ids={"refund": refund} if refund else None
            )
        if action.status == "failed":
            said = Coded(ReaderReason.FAILED, {"failure_code": action.failure_code or "",
                                               "failure_message": action.failure_message or ""})
            return await self.close(op, OperationState.FAILED, error=said)
        if action.status != "in_progress" or self.is_followed(op.op_id):
            return OperationState.UNKNOWN
        return await self._cancel_left_over(op, reader)

    async def _cancel_left_over(self, op: Operation, reader: Reader) -> OperationState:
        log.info("canceling left-over reader action of %s on %s", op.op_id, reader.id)
        try:
            await self._readers.cancel_action(reader.id)
        except e.PosError as err:
            if write_outcome(err, only_attempt=False) is WriteOutcome.UNKNOWN:
                return await self._still_open(op, err)
            log.warning("could not cancel %s on %s: %s", op.op_id, reader.id, err)
        # Canceled, refused (the reader offline) or ended meanwhile: look once more.
        found = await self.our_refund(op)
        if found:
            return await self.close(op, OperationState.SUCCEEDED, ids={"refund": found})
        now = await self._readers.retrieve(reader.id)
        if ours(now.action, op.op_id) and now.action is not None:
            if now.action.status == "in_progress":
                return OperationState.UNKNOWN  # a live action may still refund
            if now.action.status == "succeeded":
                return await self.settle_action(op, now)
        return await self.close(op, OperationState.FAILED, error=LEFT_OVER)

    async def _unattributed_refund(self, op: Operation) -> bool:
        since = op.created_at.timestamp() - 1
        return any(
            META_OPERATION not in r.metadata and r.amount == op.amount
            and r.created.timestamp() >= since and r.status not in ("failed", "canceled")
            for r in await self._payments.refunds_of(op.payment_id)
        )


_EFFECT_EVENT = {OperationKind.CANCEL: "payment_intent.canceled",
                 OperationKind.CAPTURE: "payment_intent.succeeded"}
_EFFECT_STATUS = {OperationKind.CANCEL: "canceled", OperationKind.CAPTURE: "succeeded"}


def _captured_by(op: Operation, payment: Payment) -> bool:
    """A capture carries its metadata itself: a captured payment naming this operation."""
    return payment.status == "succeeded" and payment.metadata.get(META_OPERATION) == op.op_id
