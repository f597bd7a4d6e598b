"""Payments for domain tests: one builder, every field defaulted to a plain captured Visa sale."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pos_refunds.domain.money import Money
from pos_refunds.domain.payments import Payment

CREATED = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)


def make_payment(
    *,
    status: str = "succeeded",
    network: str = "visa",
    amount: int = 5000,
    refunded: int = 0,
    currency: str = "cad",
    payment_method_type: str | None = None,
    **overrides: Any,
) -> Payment:
    """A payment as the mapping would build it; `received` follows the status like Stripe's."""
    if payment_method_type is None:
        payment_method_type = "interac_present" if network == "interac" else "card_present"
    received = amount if status == "succeeded" else 0
    capturable = amount if status == "requires_capture" else 0
    fields: dict[str, Any] = {
        "id": "pi_3Test",
        "status": status,
        "amount": Money(amount, currency),
        "amount_received": Money(received, currency),
        "amount_capturable": Money(capturable, currency),
        "amount_refunded": Money(refunded, currency),
        "currency": currency,
        "payment_method_type": payment_method_type,
        "network": network,
        "brand": network or None,
        "last4": "4242",
        "reader_id": "tmr_1",
        "location_id": "tml_1",
        "created": CREATED,
        "capture_before": None,
        "description": None,
        "charge_id": "ch_3Test",
    }
    fields.update(overrides)
    return Payment(**fields)
