"""Stripe objects to our frozen records: the one place that knows Stripe's JSON shapes.

Accepts plain Mappings (JSON, the sandbox) and the SDK's objects. In stripe 16 a StripeObject
is NOT a dict or a Mapping (its `.get` raises AttributeError), so those are read through their
`to_dict()`, duck-typed to keep `import stripe` out of here. Stripe's enums are open: unknown
strings are kept as sent; but a missing id, amount or status, or a value of the wrong type, is
a MalformedResponse, never a KeyError or TypeError escaping into the UI.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from ..domain.errors import MalformedResponse, NotFound
from ..domain.money import Money
from ..domain.payments import Payment, Reader, ReaderAction, RefundRecord
from ..domain.reasons import StripeReason

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _as_mapping(value: object) -> Mapping[str, Any] | None:
    if isinstance(value, Mapping):
        return value
    to_dict = getattr(type(value), "to_dict", None)  # stripe.StripeObject
    if callable(to_dict):
        data = to_dict(value)
        return data if isinstance(data, Mapping) else None
    return None


class _Fields:
    """Typed reads from one Stripe object; every failure names the object and the field."""

    def __init__(self, obj: object, what: str) -> None:
        data = _as_mapping(obj)
        if data is None:
            raise MalformedResponse(StripeReason.UNREADABLE_OBJECT, what=what,
                                    detail=f"not an object: {type(obj).__name__}")
        self.obj = data
        self.what = what

    def fail(self, detail: str) -> MalformedResponse:
        return MalformedResponse(StripeReason.UNREADABLE_OBJECT, what=self.what, detail=detail)

    def _get(self, key: str, required: bool) -> Any:
        value = self.obj.get(key)
        if value is None and required:
            raise self.fail(f"“{key}” is missing")
        return value

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self._get(key, required)
        if value is not None and not isinstance(value, str):
            raise self.fail(f"“{key}” is not text")
        if required and not value:
            raise self.fail(f"“{key}” is empty")
        return value

    def req_text(self, key: str) -> str:
        value = self.text(key, required=True)
        assert value is not None
        return value

    def whole(self, key: str, *, required: bool = False) -> int | None:
        value = self._get(key, required)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise self.fail(f"“{key}” is not a whole number")
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key, False)
        if value is not None and not isinstance(value, bool):
            raise self.fail(f"“{key}” is not true or false")
        return bool(value)

    def time(self, key: str, *, required: bool = False, millis: bool = False) -> datetime | None:
        value = self.whole(key, required=required)
        if value is None:
            return None
        try:
            return EPOCH + (timedelta(milliseconds=value) if millis else timedelta(seconds=value))
        except OverflowError:
            raise self.fail(f"“{key}” is not a time") from None

    def created(self) -> datetime:
        created = self.time("created", required=True)
        assert created is not None  # required=True raised otherwise
        return created

    def sub(self, key: str) -> _Fields | None:
        """An optional nested object (an expanded one, or a sub-hash)."""
        value = self._get(key, False)
        if value is None:
            return None
        if _as_mapping(value) is None:
            raise self.fail(f"“{key}” is not an object")
        return _Fields(value, self.what)

    def ref(self, key: str) -> tuple[str | None, _Fields | None]:
        """An expandable field: (id, the object when expanded)."""
        value = self._get(key, False)
        if value is None:
            return None, None
        if isinstance(value, str):
            return value, None
        if _as_mapping(value) is not None:
            inner = _Fields(value, self.what)
            return inner.req_text("id"), inner
        raise self.fail(f"“{key}” is neither an id nor an object")

    def metadata(self, key: str = "metadata") -> dict[str, str]:
        value = _as_mapping(self._get(key, False) or {})
        if value is None or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise self.fail(f"“{key}” is not a set of texts")
        return dict(value)

    def money(self, key: str, currency: str, *, required: bool = False) -> Money:
        value = self.whole(key, required=required) or 0
        if value < 0:
            raise self.fail(f"“{key}” is negative")
        return Money(value, currency)


# Receipt fields a card-present slip must carry; dedicated_file_name is the AID.
RECEIPT_FIELDS = (
    "application_preferred_name", "dedicated_file_name", "authorization_code",
    "authorization_response_code", "account_type", "application_cryptogram",
    "cardholder_verification_method", "terminal_verification_results",
    "transaction_status_information",
)


def _shared(value: str | None) -> str | None:
    """A value thousands of payments repeat (a status, a currency, a reader, a receipt's
    application name): one string for all of them instead of one per payment parsed, a few
    megabytes with 10,000 loaded."""
    return sys.intern(value) if value else value


def _receipt(details: _Fields | None) -> dict[str, str]:
    """What a card-present receipt must carry, as Stripe provides it (text only)."""
    receipt = details.sub("receipt") if details is not None else None
    if receipt is None:
        return {}
    return {k: sys.intern(v) for k in RECEIPT_FIELDS
            if isinstance(v := receipt.obj.get(k), str) and v}


def _classify(pm_type: str, details: _Fields | None) -> str:
    """stripe.md §4: type (interac_present means Interac), then network, then brand."""
    if pm_type == "interac_present":
        return "interac"
    if details is None:
        return "unknown" if pm_type else ""  # "": no payment method details at all
    network = details.text("network")
    brand = details.text("brand")
    for candidate in (network, brand):
        if candidate and candidate != "unknown":
            return candidate
    return network or brand or "unknown"


def payment_from_stripe(pi: Mapping[str, Any]) -> Payment:
    """A PaymentIntent, best with `latest_charge` (and its `refunds`) expanded.

    Without the charge the card is not known: network is "" (the policy then offers nothing
    that depends on it), and card fields, refunds and amount_refunded are empty.
    """
    p = _Fields(pi, "a payment")
    currency = sys.intern(p.req_text("currency").lower())
    charge_id, charge = p.ref("latest_charge")
    pm_type = ""
    details: _Fields | None = None
    refunds: tuple[RefundRecord, ...] = ()
    releases: tuple[RefundRecord, ...] = ()
    amount_refunded = Money(0, currency)
    if charge is not None:
        pmd = charge.sub("payment_method_details")
        if pmd is not None:
            pm_type = pmd.text("type") or ""
            details = pmd.sub(pm_type) if pm_type else None
        refunds, releases, amount_refunded = _refunds_and_releases(
            charge, currency, p.req_text("status"), p.money("amount_received", currency))
    else:
        types = p.obj.get("payment_method_types")
        if isinstance(types, list) and len(types) == 1 and isinstance(types[0], str):
            pm_type = types[0]
    known = charge is not None or pm_type == "interac_present"
    network = _classify(pm_type, details) if known else ""
    return Payment(
        id=p.req_text("id"),
        status=sys.intern(p.req_text("status")),
        amount=p.money("amount", currency, required=True),
        amount_received=p.money("amount_received", currency),
        amount_capturable=p.money("amount_capturable", currency),
        amount_refunded=amount_refunded,
        currency=currency,
        payment_method_type=sys.intern(pm_type),
        network=sys.intern(network),
        brand=_shared(details.text("brand")) if details else None,
        last4=details.text("last4") if details else None,
        reader_id=_shared(details.text("reader")) if details else None,
        location_id=_shared(details.text("location")) if details else None,
        created=p.created(),
        capture_before=details.time("capture_before") if details else None,
        description=p.text("description"),
        charge_id=charge_id,
        canceled_at=p.time("canceled_at"),
        cancellation_reason=_shared(p.text("cancellation_reason")),
        refunds=refunds,
        releases=releases,
        metadata=p.metadata(),
        receipt=_receipt(details),
        livemode=p.flag("livemode"),
        application_fee=_fee(p, currency),
        transfer_destination=_destination(p),
    )


def _fee(p: _Fields, currency: str) -> Money | None:
    fee = p.money("application_fee_amount", currency)
    return fee if fee.minor > 0 else None


def _destination(p: _Fields) -> str | None:
    transfer = p.sub("transfer_data")
    if transfer is None:
        return None
    account_id, _ = transfer.ref("destination")
    return account_id


def _refunds_and_releases(
    charge: _Fields, currency: str, status: str, received: Money,
) -> tuple[tuple[RefundRecord, ...], tuple[RefundRecord, ...], Money]:
    """The charge's refunds split into money given back and holds released, and the amount
    really refunded.

    Stripe releases what was authorized but never captured as a refund on the charge: all of
    it when an authorization is canceled, the rest when less was captured (its reason is
    `expired_uncaptured_charge` when the hold ran out). The customer was never charged that:
    it is a release, never a refund the cashier made, and it leaves nothing less to refund.
    """
    every = _refunds(charge)
    charged = charge.money("amount", currency).minor
    held_back = max(charged - received.minor, 0) if status in ("canceled", "succeeded") else 0
    releases: list[RefundRecord] = []
    left = held_back
    oldest_first = sorted(every, key=lambda r: r.created)
    passes = (  # the hold's own reason; then its exact amount; then the oldest (made first)
        lambda r: r.reason == "expired_uncaptured_charge",
        lambda r: r.amount.minor == left,
        lambda r: True,
    )
    for wanted in passes:
        for refund in oldest_first:
            if 0 < refund.amount.minor <= left and refund not in releases and wanted(refund):
                releases.append(refund)
                left -= refund.amount.minor
    refunded = charge.money("amount_refunded", currency).minor - (held_back - left)
    return (tuple(r for r in every if r not in releases), tuple(releases),
            Money(max(refunded, 0), currency))


def _refunds(charge: _Fields) -> tuple[RefundRecord, ...]:
    lst = charge.sub("refunds")
    if lst is None:
        return ()
    data = lst.obj.get("data")
    if data is None:
        return ()
    if not isinstance(data, list):
        raise charge.fail("“refunds.data” is not a list")
    return tuple(refund_from_stripe(r) for r in data)


def refund_from_stripe(r: Mapping[str, Any]) -> RefundRecord:
    f = _Fields(r, "a refund")
    currency = f.req_text("currency").lower()
    return RefundRecord(
        id=f.req_text("id"),
        amount=f.money("amount", currency, required=True),
        status=f.text("status") or "unknown",
        reason=f.text("reason"),
        created=f.created(),
        metadata=f.metadata(),
        failure_reason=f.text("failure_reason"),
    )


def reader_from_stripe(
    r: Mapping[str, Any], location_names: Mapping[str, str] | None = None
) -> Reader:
    """A Terminal reader; `location` may be an id or the expanded location.

    A deleted reader is NotFound: it can take no refund.
    """
    d = _Fields(r, "a reader")
    if d.obj.get("deleted") is True:
        raise NotFound(StripeReason.READER_DELETED)
    location_id, location = d.ref("location")
    name = location.text("display_name") if location is not None else None
    if location_id is not None and location_names and location_id in location_names:
        name = location_names[location_id]
    return Reader(
        id=d.req_text("id"),
        label=d.text("label") or "",
        device_type=d.req_text("device_type"),
        serial_number=d.text("serial_number") or "",
        location_id=location_id,
        location_name=name,
        status=d.text("status"),
        last_seen_at=d.time("last_seen_at", millis=True),  # milliseconds, unlike the rest
        action=reader_action_from_stripe(d.obj.get("action")),
        livemode=d.flag("livemode"),
    )


def reader_action_from_stripe(a: Mapping[str, Any] | None) -> ReaderAction | None:
    """The reader's latest action; for refunds its PaymentIntent, refund, amount and metadata."""
    if a is None:
        return None
    x = _Fields(a, "a reader action")
    kind = x.req_text("type")
    detail = x.sub(kind)
    api_error = x.sub("api_error")
    payment_intent: str | None = None
    refund_id: str | None = None
    amount: int | None = None
    metadata: dict[str, str] = {}
    if detail is not None:
        payment_intent, _ = detail.ref("payment_intent")
        if kind == "refund_payment":
            refund_id, _ = detail.ref("refund")
            amount = detail.whole("amount")
            metadata = detail.metadata()
    failure_code = x.text("failure_code")
    failure_message = x.text("failure_message")
    if api_error is not None:  # newer API versions: the Stripe error behind a failure
        failure_code = failure_code or api_error.text("code") or api_error.text("decline_code")
        failure_message = failure_message or api_error.text("message")
    return ReaderAction(
        type=kind,
        status=x.req_text("status"),
        failure_code=failure_code,
        failure_message=failure_message,
        payment_intent=payment_intent,
        refund_id=refund_id,
        amount=amount,
        metadata=metadata,
    )
