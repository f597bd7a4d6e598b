"""Domain records for UI tests, built the way the gateway's mapping would build them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from pos_refunds.domain.money import Money
from pos_refunds.domain.payments import Payment, Reader, ReaderAction, RefundRecord

NOW = datetime(2026, 11, 29, 20, 0, tzinfo=UTC)


def payment(
    id: str = "pi_1",
    *,
    status: str = "succeeded",
    amount: int = 1250,
    currency: str = "cad",
    refunded: int = 0,
    network: str = "visa",
    last4: str | None = "4242",
    minutes_ago: int = 5,
    pm_type: str | None = None,
    capture_hours: float | None = None,
    refunds: tuple[RefundRecord, ...] = (),
    **extra: Any,
) -> Payment:
    """A payment in `status`; amounts received/capturable follow from the status."""
    received = amount if status == "succeeded" else 0
    capturable = amount if status == "requires_capture" else 0
    created = NOW - timedelta(minutes=minutes_ago)
    capture_before = None
    if status == "requires_capture":
        capture_before = NOW + timedelta(hours=capture_hours if capture_hours is not None else 40)
    kind = pm_type or ("interac_present" if network == "interac" else "card_present")
    fields: dict[str, Any] = dict(
        id=id,
        status=status,
        amount=Money(amount, currency),
        amount_received=Money(received, currency),
        amount_capturable=Money(capturable, currency),
        amount_refunded=Money(refunded, currency),
        currency=currency,
        payment_method_type=kind,
        network=network,
        brand=network,
        last4=last4,
        reader_id="tmr_counter1",
        location_id="tml_shop",
        created=created,
        capture_before=capture_before,
        description=f"Sale {id}",
        charge_id=f"ch_{id[3:]}",
        refunds=refunds,
        receipt={"account_type": "credit"},
    )
    fields.update(extra)
    return Payment(**fields)


def refund(id: str, amount: int, *, currency: str = "cad", status: str = "succeeded",
           staff: str = "Training manager") -> RefundRecord:
    return RefundRecord(
        id=id, amount=Money(amount, currency), status=status, reason="requested_by_customer",
        created=NOW - timedelta(minutes=1), metadata={"pos_staff": staff},
    )


def reader(id: str = "tmr_counter1", *, label: str = "Counter 1", status: str = "online",
           busy: bool = False, device: str = "simulated_wisepos_e") -> Reader:
    action = ReaderAction(type="refund_payment", status="in_progress") if busy else None
    return Reader(
        id=id, label=label, device_type=device, serial_number=f"SN-{id}",
        location_id="tml_shop", location_name="Main street", status=status,
        last_seen_at=NOW - timedelta(minutes=2), action=action,
    )
