"""The write-ahead pattern every money operation follows, in one place.

1. Journal the operation (pending, with its idempotency key) and commit it.
2. Send it with that key and metadata naming the operation, the staff, the approver, the till.
3. Journal the outcome. When the outcome is unknown (network, 5xx, unreadable answer), the
   operation is resolved (looked up, or re-sent with the same key) instead of re-decided.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..domain import errors as e
from ..domain.money import Money
from ..domain.payments import Payment
from ..domain.policy import Action, availability
from ..gateway.errors import outcome_unknown
from ..journal import AsyncJournal, Operation, OperationKind, OperationState
from .api import Staff

T = TypeVar("T")

META_OPERATION = "pos_operation_id"
META_STAFF = "pos_staff"
META_APPROVER = "pos_approved_by"
META_TILL = "pos_till"
META_NOTE = "pos_note"
META_REASON = "pos_reason"


def operation_metadata(
    op: Operation, *, note: str = "", reason: str | None = None
) -> dict[str, str]:
    """What other tills and the Stripe Dashboard see about who did it (no empty values:
    Stripe treats an empty value as "delete this key")."""
    meta = {META_OPERATION: op.op_id, META_STAFF: op.staff, META_TILL: op.till}
    if op.approver:
        meta[META_APPROVER] = op.approver
    if note.strip():
        meta[META_NOTE] = note.strip()[:500]
    if reason:
        meta[META_REASON] = reason
    return meta


def require_allowed(payment: Payment, action: Action) -> None:
    """The policy decides; the services never send what the policy refuses."""
    av = availability(payment, action)
    if not av.allowed:
        raise e.ActionNotAllowed(av.reason)


@dataclass(frozen=True, slots=True)
class Who:
    staff: Staff
    approver: Staff | None
    till: str


class OperationRunner:
    """Runs one journaled money operation; shared by the online and reader services."""

    def __init__(
        self,
        journal: AsyncJournal,
        till: str,
        resolve: Callable[[Operation], Awaitable[OperationState]],
    ) -> None:
        self.journal = journal
        self.till = till
        self._resolve = resolve
        self._busy: set[str] = set()

    @contextlib.asynccontextmanager
    async def exclusive(self, payment_id: str) -> AsyncIterator[None]:
        """One operation per payment at a time on this till (a double tap sends nothing
        twice); the check and the claim happen without an await between them."""
        if payment_id in self._busy:
            raise e.ActionNotAllowed(
                "This payment is already being processed at this till; wait for it to finish."
            )
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
        """Nothing new on a payment while an earlier operation on it is unresolved: such an
        operation is resolved first (nobody follows it any more, or `exclusive` would have
        refused), and only if Stripe still cannot tell is the new one refused. If one turns
        out done, the payment changed under the cashier's eyes: the new operation was decided
        on a stale screen (perhaps it is the same refund asked again), so it is refused too."""
        done = False
        for op in await self.journal.open_for_payment(payment_id):
            try:
                state = await self._resolve(op)
            except e.PosError as err:
                raise e.OutcomeUnknown(
                    "An earlier operation on this payment could not be confirmed yet "
                    f"({err}). Try again in a moment; nothing new was sent.",
                    request_id=err.request_id,
                ) from err
            if state.is_open:
                raise e.OutcomeUnknown(
                    "An earlier operation on this payment has not been confirmed by Stripe "
                    "yet. Try again in a moment; nothing new was sent."
                )
            done = done or state is OperationState.SUCCEEDED
        if done:
            raise e.PaymentChanged(
                "An earlier operation on this payment has just been confirmed as done by "
                "Stripe. Refresh the payment and check it; nothing new was sent."
            )

    async def send(
        self,
        op: Operation,
        call: Callable[[], Awaitable[T]],
        ids: Callable[[T], dict[str, str]],
    ) -> T | None:
        """Send `call`; journal the outcome. Returns None if it was resolved as done
        without a result in hand (the caller then re-reads the payment)."""
        try:
            result = await call()
        except e.PosError as err:
            err_ids = {"request_id": err.request_id} if err.request_id else None
            if not outcome_unknown(err):
                await self.journal.record(
                    op.op_id, OperationState.FAILED, error=str(err), stripe_ids=err_ids
                )
                raise
            await self.journal.record(
                op.op_id, OperationState.UNKNOWN, error=str(err), stripe_ids=err_ids
            )
            state = await self._resolve(op)
            if state is OperationState.SUCCEEDED:
                return None
            if state is OperationState.FAILED:
                raise
            raise e.OutcomeUnknown(
                "Stripe did not confirm the operation. It will be checked again "
                "automatically; do not repeat it by hand.",
                request_id=err.request_id,
            ) from err
        await self.journal.record(op.op_id, OperationState.SUCCEEDED, stripe_ids=ids(result))
        return result
