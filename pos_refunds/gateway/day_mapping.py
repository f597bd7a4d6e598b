"""Stripe's refunds and PaymentIntent events to the day's operation records.

The metadata our operations carry (`services.operations.operation_metadata`) says which
operation, till, staff and approver; an object without it was made outside this app.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ..domain.day_operations import DayKind, DayOperation, DayOutcome, refund_outcome
from .mapping import _Fields

# The metadata keys written by services.operations (kept equal by a test).
META_OPERATION, META_STAFF = "pos_operation_id", "pos_staff"
META_APPROVER, META_TILL = "pos_approved_by", "pos_till"


def _who(meta: Mapping[str, str]) -> dict[str, str]:
    return {"op_id": meta.get(META_OPERATION, ""), "staff": meta.get(META_STAFF, ""),
            "approver": meta.get(META_APPROVER, ""), "till": meta.get(META_TILL, "")}


def _payment_of(f: _Fields) -> str:
    pid, _inner = f.ref("payment_intent")
    return pid or ""


def refund_operation(raw: Mapping[str, Any]) -> DayOperation:
    f = _Fields(raw, "a refund")
    currency = f.req_text("currency").lower()
    status = f.text("status") or "unknown"
    outcome = refund_outcome(status)
    failure = f.text("failure_reason") if outcome is DayOutcome.FAILED else None
    return DayOperation(
        DayKind.REFUND, f.created(), _payment_of(f), f.money("amount", currency, required=True),
        outcome, stripe_id=f.req_text("id"), error=failure, **_who(f.metadata()))


def cancel_operation(raw: Mapping[str, Any], at: datetime) -> DayOperation:
    """A PaymentIntent canceled (its `canceled_at`, else the event's time)."""
    f = _Fields(raw, "a payment")
    currency = f.req_text("currency").lower()
    return DayOperation(
        DayKind.CANCEL, f.time("canceled_at") or at, f.req_text("id"),
        f.money("amount", currency, required=True), DayOutcome.DONE,
        stripe_id=f.req_text("id"), **_who(f.metadata()))


def capture_operation(raw: Mapping[str, Any], at: datetime,
                      charge_captured: bool = False) -> DayOperation | None:
    """A PaymentIntent that succeeded by being captured (None: it was captured at once, a
    sale). `charge_captured`: a `charge.captured` event of the day names it (a capture of a
    card_present `manual_preferred` authorization, whose intent says `automatic`)."""
    f = _Fields(raw, "a payment")
    if f.text("capture_method") != "manual" and not charge_captured:
        return None
    currency = f.req_text("currency").lower()
    return DayOperation(
        DayKind.CAPTURE, at, f.req_text("id"), f.money("amount_received", currency,
                                                       required=True),
        DayOutcome.DONE, stripe_id=f.req_text("id"), **_who(f.metadata()))
