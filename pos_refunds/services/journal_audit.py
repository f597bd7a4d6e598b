"""The journal checked against Stripe: what the file's own chain cannot prove.

The hash chain shows an entry edited, removed or moved, but someone who knows the recipe can
append entries and seal them the journal's way. Each money operation, though, goes to Stripe
with the hash of its first journal entry in its metadata (`pos_journal_hash`): a seal of the
whole chain up to that entry, kept where the file's editor cannot follow. The audit walks the
operations from the newest, compares each with what Stripe holds (a refund said done exists and
carries its operation id, one said failed does not, the people named agree), and stops at the
newest seal Stripe confirms: everything before it is then the chain Stripe was shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain import errors as e
from ..domain.payments import Payment, RefundRecord
from ..domain.reasons import AuditReason as AR
from ..domain.reasons import Finding
from ..gateway.payments import PaymentsGateway
from ..journal import AsyncJournal, Operation, OperationKind, OperationState, VerifyReport
from .operations import META_ANCHOR, META_APPROVER, META_OPERATION, META_STAFF

REFUND_KINDS = (OperationKind.REFUND_ONLINE, OperationKind.REFUND_ON_READER)
WALK_LIMIT = 200  # operations compared with Stripe at most, newest first


@dataclass(frozen=True)
class AuditReport:
    local: VerifyReport
    problems: list[Finding] = field(default_factory=list)  # where the journal and Stripe differ
    compared: int = 0  # operations compared with Stripe
    sealed_through: int | None = None  # newest entry whose seal Stripe holds
    newer_unsealed: int = 0  # operations after it with nothing at Stripe to compare
    unreachable: e.PosError | None = None  # why Stripe could not be asked, if it could not

    @property
    def ok(self) -> bool:
        return self.local.ok and not self.problems and not self.unreachable


@dataclass
class _Walk:
    problems: list[Finding] = field(default_factory=list)
    compared: int = 0
    unsealed: int = 0


def _found(reason: AR, op: Operation, **more: object) -> Finding:
    """A difference about `op`: which operation (kind, amount, payment) and what differs."""
    return Finding(reason, {"kind": op.kind.value, "amount": op.amount,
                            "payment": op.payment_id, **more})


class JournalAudit:
    def __init__(self, journal: AsyncJournal, payments: PaymentsGateway, *,
                 limit: int = WALK_LIMIT) -> None:
        self._journal = journal
        self._payments = payments
        self._limit = limit

    async def verify(self) -> AuditReport:
        local = await self._journal.verify()
        first = {}
        for entry in await self._journal.entries():
            first.setdefault(entry.op_id, entry.seq)
        walk = _Walk()
        refunds: dict[str, list[RefundRecord]] = {}
        payments: dict[str, Payment] = {}
        try:
            for op in (await self._journal.operations())[: self._limit]:
                if op.is_open or not op.kind.moves_money:
                    walk.unsealed += 1
                    continue
                if op.kind in REFUND_KINDS:
                    if op.payment_id not in refunds:
                        refunds[op.payment_id] = await self._payments.refunds_of(op.payment_id)
                    sealed = self._refund(op, refunds[op.payment_id], walk)
                else:
                    if op.payment_id not in payments:
                        payments[op.payment_id] = await self._payments.retrieve(op.payment_id)
                    sealed = self._intent(op, payments[op.payment_id], walk)
                if sealed:
                    return AuditReport(local, walk.problems, walk.compared,
                                       first.get(op.op_id), walk.unsealed)
        except e.PosError as err:
            return AuditReport(local, walk.problems, walk.compared, None, walk.unsealed,
                               unreachable=err)
        return AuditReport(local, walk.problems, walk.compared, None, walk.unsealed)

    def _refund(self, op: Operation, refunds: list[RefundRecord], walk: _Walk) -> bool:
        """Compare one refund operation; True when Stripe holds its seal and it matches."""
        mine = [r for r in refunds if r.metadata.get(META_OPERATION) == op.op_id
                and r.status not in ("failed", "canceled")]
        walk.compared += 1
        if op.state is OperationState.FAILED:
            if mine:
                walk.problems.append(_found(AR.NOT_DONE_REFUND, op, refund=mine[0].id))
            else:
                walk.unsealed += 1
            return False
        if not mine:
            named = next((r for r in refunds if r.id == op.stripe_ids.get("refund")), None)
            if named is not None and META_OPERATION not in named.metadata:
                walk.unsealed += 1  # the refund exists; Stripe did not tag it with our id
                return False
            walk.problems.append(_found(AR.DONE_NO_REFUND, op))
            return False
        if len(mine) > 1:
            walk.problems.append(_found(AR.MANY_REFUNDS, op, count=len(mine)))
        refund = mine[0]
        if op.amount is not None and refund.amount != op.amount:
            walk.problems.append(_found(AR.AMOUNT_DIFFERS, op, refund=refund.id,
                                        refund_amount=refund.amount))
        return self._seal(op, refund.metadata, walk)

    def _intent(self, op: Operation, payment: Payment, walk: _Walk) -> bool:
        ours = payment.metadata.get(META_OPERATION) == op.op_id
        walk.compared += 1
        done = "canceled" if op.kind is OperationKind.CANCEL else "succeeded"
        if op.state is OperationState.SUCCEEDED and payment.status != done:
            walk.problems.append(_found(AR.DONE_BUT_STATUS, op, status=payment.status))
            return False
        if op.state is OperationState.FAILED:
            if op.kind is OperationKind.CAPTURE and ours and payment.status == "succeeded":
                walk.problems.append(_found(AR.NOT_DONE_CAPTURED, op))
            walk.unsealed += 1
            return False
        if not ours:
            walk.unsealed += 1  # another operation has tagged the payment since
            return False
        return self._seal(op, payment.metadata, walk)

    def _seal(self, op: Operation, metadata: dict[str, str], walk: _Walk) -> bool:
        """The people Stripe was told of, and the seal of the chain up to this operation."""
        if metadata.get(META_STAFF, op.staff) != op.staff or (
            metadata.get(META_APPROVER) or None) != (op.approver or None):
            walk.problems.append(_found(AR.PEOPLE_DIFFER, op))
        seal = metadata.get(META_ANCHOR)
        if not seal:
            walk.unsealed += 1  # sent before operations carried the seal
            return False
        if seal != op.anchor:
            walk.problems.append(_found(AR.SEAL_DIFFERS, op))
            return False
        return True
