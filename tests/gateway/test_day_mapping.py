"""Stripe's refunds and PaymentIntents to the day's operation records: who from the metadata,
a capture told from a sale, a failed refund's reason kept as a code."""

from __future__ import annotations

from datetime import UTC, datetime

from pos_refunds.domain.day_operations import DayKind, DayOutcome
from pos_refunds.gateway.day_mapping import (
    cancel_operation,
    capture_operation,
    refund_operation,
)

AT = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
WHO = {"pos_operation_id": "op_1", "pos_staff": "Ann", "pos_till": "front",
       "pos_approved_by": "Maria"}


def _pi(**kw) -> dict:
    base = {"id": "pi_1", "object": "payment_intent", "currency": "cad", "amount": 1500,
            "amount_received": 1500, "capture_method": "manual", "metadata": WHO,
            "canceled_at": None}
    return {**base, **kw}


def test_a_refund_says_who_made_it_and_why_it_failed() -> None:
    raw = {"id": "re_1", "object": "refund", "amount": 500, "currency": "cad",
           "status": "failed", "failure_reason": "insufficient_funds", "created": 1764687600,
           "payment_intent": "pi_1", "metadata": WHO}
    op = refund_operation(raw)
    assert (op.kind, op.outcome, op.error) == (DayKind.REFUND, DayOutcome.FAILED,
                                               "insufficient_funds")
    assert (op.op_id, op.staff, op.till, op.approver) == ("op_1", "Ann", "front", "Maria")
    bare = refund_operation({**raw, "metadata": {}, "status": "succeeded"})
    assert bare.outside_app and bare.outcome is DayOutcome.DONE and bare.error is None


def test_a_capture_is_told_from_a_sale() -> None:
    assert capture_operation(_pi(), AT).kind is DayKind.CAPTURE
    sale = _pi(capture_method="automatic")
    assert capture_operation(sale, AT) is None  # captured at once: a sale, not a capture
    later = capture_operation(sale, AT, charge_captured=True)  # manual_preferred, captured
    assert later is not None and later.amount.minor == 1500


def test_a_cancel_is_dated_when_it_was_canceled() -> None:
    op = cancel_operation(_pi(canceled_at=1764687600), AT)
    assert op.kind is DayKind.CANCEL and op.at == datetime.fromtimestamp(1764687600, UTC)
    assert op.staff == "Ann"
