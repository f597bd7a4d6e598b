"""The domain records of every test, built the way the gateway's mapping would build them: one
builder per record kind (payment, refund, reader). Each field is defaulted to a plain captured
Visa sale of $12.50 made five minutes before NOW, and any field can be given instead.

Stripe's own JSON shapes (what the mapping reads) are built in tests/gateway/stripe_fixtures.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from pos_refunds.domain.money import Money
from pos_refunds.domain.payments import Payment, Reader, ReaderAction, RefundRecord

NOW = datetime(2026, 11, 29, 20, 0, tzinfo=UTC)


def make_payment(
    id: str = "pi_1",
    *,
    status: str = "succeeded",
    amount: int = 1250,
    currency: str = "cad",
    refunded: int = 0,
    network: str = "visa",
    last4: str | None = "4242",
    payment_method_type: str | None = None,
    created: datetime | None = None,
    minutes_ago: float = 5,
    capture_hours: float | None = 40,
    refunds: tuple[RefundRecord, ...] = (),
    now: datetime = NOW,
    **fields: Any,
) -> Payment:
    """A payment in `status`: received and capturable follow from it as with Stripe, and an
    authorization must be captured `capture_hours` after `now` (None: Stripe did not say).
    `created` defaults to `minutes_ago` before `now`; any other field of Payment may be given."""
    received = amount if status == "succeeded" else 0
    capturable = amount if status == "requires_capture" else 0
    if payment_method_type is None:
        payment_method_type = "interac_present" if network == "interac" else "card_present"
    capture_before = None
    if status == "requires_capture" and capture_hours is not None:
        capture_before = now + timedelta(hours=capture_hours)
    values: dict[str, Any] = {
        "id": id,
        "status": status,
        "amount": Money(amount, currency),
        "amount_received": Money(received, currency),
        "amount_capturable": Money(capturable, currency),
        "amount_refunded": Money(refunded, currency),
        "currency": currency,
        "payment_method_type": payment_method_type,
        "network": network,
        "brand": network or None,
        "last4": last4,
        "reader_id": "tmr_counter1",
        "location_id": "tml_shop",
        "created": created if created is not None else now - timedelta(minutes=minutes_ago),
        "capture_before": capture_before,
        "description": f"Sale {id}",
        "charge_id": f"ch_{id[3:]}",
        "refunds": refunds,
        "receipt": {"account_type": "credit"},
    }
    values.update(fields)
    return Payment(**values)


def make_refund(
    id: str = "re_1",
    amount: int = 1250,
    *,
    currency: str = "cad",
    status: str = "succeeded",
    staff: str = "Training manager",
    created: datetime | None = None,
    now: datetime = NOW,
    **fields: Any,
) -> RefundRecord:
    """A refund made a minute before `now` by `staff` (any other field may be given)."""
    values: dict[str, Any] = {
        "id": id,
        "amount": Money(amount, currency),
        "status": status,
        "reason": "requested_by_customer",
        "created": created if created is not None else now - timedelta(minutes=1),
        "metadata": {"pos_staff": staff},
    }
    values.update(fields)
    return RefundRecord(**values)


def make_reader(
    id: str = "tmr_counter1",
    label: str = "Counter 1",
    *,
    status: str = "online",
    busy: bool = False,
    device: str = "simulated_wisepos_e",
    last_seen_at: datetime | None = None,
    now: datetime = NOW,
    **fields: Any,
) -> Reader:
    """A reader last seen two minutes before `now`; `busy`: with a refund in progress."""
    values: dict[str, Any] = {
        "id": id,
        "label": label,
        "device_type": device,
        "serial_number": f"SN-{id}",
        "location_id": "tml_shop",
        "location_name": "Main street",
        "status": status,
        "last_seen_at": last_seen_at if last_seen_at is not None else now - timedelta(minutes=2),
        "action": ReaderAction(type="refund_payment", status="in_progress") if busy else None,
    }
    values.update(fields)
    return Reader(**values)
