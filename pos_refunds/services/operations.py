"""The write-ahead pattern every money operation follows, in one place.

1. Journal the operation (pending, with its idempotency key) and commit it.
2. Send it with that key and metadata naming the operation, the staff, the approver, the till.
3. Journal the outcome. When the outcome is unknown (network, 5xx, 409, unreadable answer),
   the operation is settled (looked up, or re-sent with the same key) instead of re-decided;
   while its request may still land it stays open, and nothing new is sent on its payment.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any, TypeVar

from ..domain import errors as e
from ..domain.money import Money
from ..domain.payments import Payment
from ..domain.policy import Action, availability
from ..domain.reasons import Coded, OperationReason, params_from_plain, plain_params
from ..gateway.errors import WriteOutcome, write_outcome
from ..journal import AsyncJournal, Operation, OperationKind, OperationState
from ..journal.records import redact_secrets
from .api import Staff

T = TypeVar("T")

# When a send's outcome is unknown, it is settled at once and then again after these pauses
# while the cashier waits (a 409 says the first request is still running at Stripe).
SETTLE_DELAYS: tuple[float, ...] = (0.0, 1.0, 2.0)
ERROR_PARAMS = "error_params"  # details key: the parameters of the journaled error code

META_OPERATION = "pos_operation_id"
META_STAFF = "pos_staff"
META_APPROVER = "pos_approved_by"
META_TILL = "pos_till"
META_NOTE = "pos_note"
META_REASON = "pos_reason"
META_ANCHOR = "pos_journal_hash"  # the hash of the operation's first journal entry


def operation_metadata(
    op: Operation, *, note: str = "", reason: str | None = None
) -> dict[str, str]:
    """What other tills and the Stripe Dashboard see about who did it (no empty values:
    Stripe treats an empty value as "delete this key")."""
    meta = {META_OPERATION: op.op_id, META_STAFF: op.staff, META_TILL: op.till}
    if op.anchor:
        meta[META_ANCHOR] = op.anchor
    if op.approver:
        meta[META_APPROVER] = op.approver
    if note.strip():
        meta[META_NOTE] = note.strip()[:500]
    if reason:
        meta[META_REASON] = reason
    return meta


def journaled(error: Coded | e.PosError) -> dict[str, Any]:
    """The `error` and `details` of a journal record saying `error`: its code, and its
    parameters in the details (Stripe's words masked if they quote a key: an outcome must be
    kept, never refused)."""
    return {"error": error.reason.value,
            "details": {ERROR_PARAMS: _masked(plain_params(error.params))}}


def _masked(value: Any) -> Any:
    if isinstance(value, str):
        return redact_secrets(value)
    if isinstance(value, dict):
        return {k: _masked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_masked(v) for v in value]
    return value


def journaled_error(op: Operation) -> dict[str, Any]:
    """The error an operation was closed with, as parameters of a reason that shows it
    (`error`: the journaled code, or an old journal's text; `error_params`)."""
    return {"error": op.error or "",
            "error_params": params_from_plain(op.details.get(ERROR_PARAMS))}


def require_allowed(payment: Payment, action: Action) -> None:
    """The policy decides; the services never send what the policy refuses."""
    av = availability(payment, action)
    if not av.allowed:
        assert av.reason is not None
        raise e.ActionNotAllowed(av.reason.reason, **av.reason.params)


class OperationRunner:
    """Runs one journaled money operation; shared by the online and reader services."""

    def __init__(
        self,
        journal: AsyncJournal,
        till: str,
        resolve: Callable[[Operation], Awaitable[OperationState]],
        *,
        settle_delays: Sequence[float] = SETTLE_DELAYS,
    ) -> None:
        self.journal = journal
        self.till = till
        self._resolve = resolve
        self._settle_delays = tuple(settle_delays)
        self._busy: set[str] = set()

    def busy(self, payment_id: str) -> bool:
        """An operation on this payment is being sent or followed by this till right now."""
        return payment_id in self._busy

    @contextlib.asynccontextmanager
    async def exclusive(self, payment_id: str) -> AsyncIterator[None]:
        """One operation per payment at a time on this till (a double tap sends nothing
        twice); the check and the claim happen without an await between them."""
        if payment_id in self._busy:
            raise e.ActionNotAllowed(OperationReason.BUSY_HERE)
        self._busy.add(payment_id)
        try:
            yield
        finally:
            self._busy.discard(payment_id)

    async def begin(
        self,
        kind: OperationKind,
        payment: Payment,
        amount: Money | None,
        *,
        staff: Staff,
        approver: Staff | None,
        reader_id: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> Operation:
        await self.ensure_settled(payment.id)
        return await self.journal.begin(
            kind,
            payment.id,
            amount=amount,
            staff=staff.name,
            approver=approver.name if approver else None,
            till=self.till,
            reader_id=reader_id,
            details=details,
        )

    async def ensure_settled(self, payment_id: str) -> None:
        """Nothing new on a payment while an earlier operation on it is open: such an
        operation is settled first (nobody follows it any more, or `exclusive` would have
        refused), and while its request may still land the new one is refused. If one turns
        out done, the payment changed under the cashier's eyes: the new operation was decided
        on a stale screen (perhaps it is the same refund asked again), so it is refused too."""
        done = False
        for op in await self.journal.open_for_payment(payment_id):
            try:
                state = await self._resolve(op)
            except e.PosError as err:
                raise e.OutcomeUnknown(OperationReason.EARLIER_OPEN,
                                       request_id=err.request_id) from err
            if state.is_open:
                raise e.OutcomeUnknown(OperationReason.EARLIER_OPEN)
            done = done or state is OperationState.SUCCEEDED
        if done:
            raise e.PaymentChanged(OperationReason.EARLIER_DONE)

    async def send(
        self,
        op: Operation,
        call: Callable[[], Awaitable[T]],
        ids: Callable[[T], dict[str, str]],
    ) -> T | None:
        """Send `call` (the operation's first and only send); journal the outcome. Returns
        None if it was settled as done without a result in hand (the caller re-reads)."""
        try:
            result = await call()
        except e.PosError as err:
            err_ids = {"request_id": err.request_id} if err.request_id else None
            if write_outcome(err, only_attempt=True) is WriteOutcome.REFUSED:
                await self.journal.record(
                    op.op_id, OperationState.FAILED, stripe_ids=err_ids, **journaled(err)
                )
                raise
            await self.journal.record(
                op.op_id, OperationState.UNKNOWN, stripe_ids=err_ids, **journaled(err)
            )
            state = await self.settle(op)
            if state is OperationState.SUCCEEDED:
                return None
            if state is OperationState.FAILED:
                closed = await self.journal.get(op.op_id)
                if closed is not None and closed.error:
                    raise e.NotCarriedOut(OperationReason.NOT_CARRIED_OUT,
                                          request_id=err.request_id,
                                          **journaled_error(closed)) from err
                raise e.NotCarriedOut(err.reason, request_id=err.request_id,
                                      **err.params) from err
            raise e.OutcomeUnknown(OperationReason.NOT_CONFIRMED,
                                   request_id=err.request_id) from err
        await self.journal.record(op.op_id, OperationState.SUCCEEDED, stripe_ids=ids(result))
        return result

    async def settle(self, op: Operation) -> OperationState:
        """Settle an unknown outcome while the cashier waits: at once, then after short
        pauses; still open after that, it is left to the next settling."""
        state = OperationState.UNKNOWN
        for delay in self._settle_delays:
            if delay:
                await asyncio.sleep(delay)
            try:
                state = await self._resolve(op)
            except e.PosError:  # Stripe unreachable right now
                state = OperationState.UNKNOWN
            if not state.is_open:
                break
        return state
