"""The day's money operations as every till of the shop sees them.

Stripe holds the refunds, cancels and captures of all tills (the metadata says which till and
who); this till's journal adds what Stripe does not hold (a reader refund the card refused,
an attempt whose outcome is still open). Payments the caller did not have are read, so each
operation names its card and the day's totals can count a capture of an older payment.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from ..domain.day_operations import DayActivity, DayKind, DayOperation, DayOutcome, merge
from ..domain.payments import Payment
from ..gateway.payments import PaymentsGateway
from ..journal import AsyncJournal, Operation, OperationKind, OperationState
from .operations import ERROR_PARAMS

MAX_PARALLEL_READS = 4
_KINDS = {OperationKind.REFUND_ONLINE: DayKind.REFUND, OperationKind.REFUND_ON_READER:
          DayKind.REFUND, OperationKind.CANCEL: DayKind.CANCEL,
          OperationKind.CAPTURE: DayKind.CAPTURE}
_OUTCOMES = {OperationState.SUCCEEDED: DayOutcome.DONE, OperationState.FAILED: DayOutcome.FAILED}


def from_journal(op: Operation) -> DayOperation | None:
    """A journaled operation as a day's record (None: it moves no money)."""
    kind = _KINDS.get(op.kind)
    if kind is None:
        return None
    stripe_id = op.stripe_ids.get("refund", "") if kind is DayKind.REFUND else op.payment_id
    params = op.details.get(ERROR_PARAMS) if isinstance(op.details, Mapping) else None
    return DayOperation(
        kind, op.created_at, op.payment_id, op.amount,
        _OUTCOMES.get(op.state, DayOutcome.PENDING), stripe_id=stripe_id, op_id=op.op_id,
        till=op.till, staff=op.staff, approver=op.approver or "",
        on_reader=op.kind is OperationKind.REFUND_ON_READER, error=op.error,
        error_params=params if isinstance(params, Mapping) else {},
        history=(op.state.value,))


class DayActivityService:
    def __init__(self, gateway: PaymentsGateway, journal: AsyncJournal) -> None:
        self._gw, self._journal = gateway, journal

    async def read(self, start: datetime, end: datetime,
                   known: Mapping[str, Payment]) -> DayActivity:
        """The operations made in [start, end) on in-store payments, every till's."""
        stripe_ops = await self._gw.day_operations(int(start.timestamp()),
                                                   int(end.timestamp()))
        journaled = [d for d in (from_journal(op) for op in
                                 await self._journal.operations(since=start, until=end))
                     if d is not None]
        merged = merge(stripe_ops, journaled)
        missing = sorted({o.payment_id for o in merged} - set(known))
        gate = asyncio.Semaphore(MAX_PARALLEL_READS)

        async def one(pid: str) -> Payment | None:
            async with gate:
                return await self._gw.retrieve_in_person(pid)

        read = await asyncio.gather(*(one(pid) for pid in missing))
        found = {p.id: p for p in read if p is not None}
        online = {pid for pid, p in zip(missing, read, strict=True) if p is None}
        payments = {**known, **found}
        out: list[DayOperation] = []
        for op in merged:
            if op.payment_id in online:
                continue  # an online sale's refund: not the shop counter's
            p = payments.get(op.payment_id)
            if p is not None:
                op = op.with_card(p.network, p.last4 or "")
                if op.kind is DayKind.REFUND and p.payment_method_type == "interac_present":
                    op = replace(op, on_reader=True)  # Interac is refunded on a reader only
            out.append(op)
        return DayActivity(out, list(found.values()))
