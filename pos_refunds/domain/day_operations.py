"""The day's money operations as the whole shop made them: refunds, cancels and captures.

Stripe holds every one of them, whichever till made it (the metadata says which till, who and
who approved); this till's journal adds what Stripe never holds (a reader refund the card
refused, an attempt still open). `merge` joins the two into one record per operation, so the
screen, the printed report and the CSV read the same list.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from .money import Money
from .payments import Payment


class DayKind(enum.StrEnum):
    REFUND = "refund"
    CANCEL = "cancel"
    CAPTURE = "capture"


class DayOutcome(enum.StrEnum):
    """Where an operation ended (a failed one says why in `error`)."""

    DONE = "done"
    PENDING = "pending"  # sent; Stripe (or the bank) has not finished it
    FAILED = "failed"
    CANCELED = "canceled"  # a refund Stripe canceled


# Stripe's refund status -> outcome; a status this version does not know is pending.
_REFUND_OUTCOMES = {
    "succeeded": DayOutcome.DONE,
    "pending": DayOutcome.PENDING,
    "requires_action": DayOutcome.PENDING,
    "failed": DayOutcome.FAILED,
    "canceled": DayOutcome.CANCELED,
}


def refund_outcome(status: str) -> DayOutcome:
    return _REFUND_OUTCOMES.get(status, DayOutcome.PENDING)


@dataclass(frozen=True, slots=True)
class DayOperation:
    """One refund, cancel or capture of the day.

    `op_id` is the app's operation id (metadata `pos_operation_id`, or the journal's): empty
    when the operation was made outside this app (the Dashboard, another integration).
    `error` is a code (a journaled reason, or Stripe's refund `failure_reason`) with its
    parameters in `error_params`.
    """

    kind: DayKind
    at: datetime
    payment_id: str
    amount: Money | None
    outcome: DayOutcome
    stripe_id: str = ""  # the refund's id; the PaymentIntent's for a cancel or capture
    op_id: str = ""
    till: str = ""
    staff: str = ""
    approver: str = ""
    on_reader: bool = False
    network: str = ""
    last4: str = ""
    error: str | None = None
    error_params: Mapping[str, Any] = field(default_factory=dict)
    history: tuple[str, ...] = ()  # the journal's states, oldest first (detail)

    @property
    def outside_app(self) -> bool:
        """Made without this app: no metadata names an operation, a till or a staff."""
        return not (self.op_id or self.till or self.staff)

    @property
    def counted(self) -> bool:
        """Moved money in the day's totals (a pending refund is counted: it was sent)."""
        return self.outcome in (DayOutcome.DONE, DayOutcome.PENDING)

    def with_card(self, network: str, last4: str) -> DayOperation:
        return replace(self, network=self.network or network, last4=self.last4 or last4)


@dataclass(frozen=True, slots=True)
class DayActivity:
    operations: list[DayOperation]  # oldest first
    payments: list[Payment]  # the payments they touched that the reader was not given


def merge(from_stripe: Iterable[DayOperation],
          from_journal: Iterable[DayOperation]) -> list[DayOperation]:
    """Stripe's records, with the journal's own added: one per operation, oldest first.

    An operation both know is Stripe's record (the state every till sees) completed by the
    journal (reader, history). One only the journal knows (a reader refund that never became
    a refund, an attempt still open) is the journal's. A refund whose id the journal knows
    but whose operation id Stripe lacks is matched by that id.
    """
    journal = list(from_journal)
    by_op = {j.op_id: j for j in journal if j.op_id}
    by_refund = {j.stripe_id: j for j in journal if j.stripe_id and j.kind is DayKind.REFUND}
    used: set[int] = set()
    out: list[DayOperation] = []
    seen: set[tuple[DayKind, str]] = set()
    for s in from_stripe:
        if (s.kind, s.stripe_id) in seen:
            continue
        seen.add((s.kind, s.stripe_id))
        mine = by_op.get(s.op_id) if s.op_id else None
        if mine is None and not s.op_id and s.kind is DayKind.REFUND:
            mine = by_refund.get(s.stripe_id)
        if mine is not None and mine.kind is s.kind and id(mine) not in used:
            used.add(id(mine))
            s = replace(s, op_id=s.op_id or mine.op_id, till=s.till or mine.till,
                        staff=s.staff or mine.staff, approver=s.approver or mine.approver,
                        on_reader=s.on_reader or mine.on_reader, history=mine.history,
                        network=s.network or mine.network, last4=s.last4 or mine.last4)
        out.append(s)
    out += [j for j in journal if id(j) not in used]
    return sorted(out, key=lambda o: (o.at, o.stripe_id, o.op_id))


def captured_in(operations: Iterable[DayOperation]) -> dict[str, DayOperation]:
    """The payments captured by the day's operations, by payment id."""
    return {o.payment_id: o for o in operations
            if o.kind is DayKind.CAPTURE and o.outcome is DayOutcome.DONE}
