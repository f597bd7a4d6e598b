"""Builders for the full Stripe object shapes the sandbox serves.

Shapes follow the official schema (``stripe-subset.json``): every documented field is
present with a realistic value or ``null``, expandable fields hold ids, and fields Stripe
only includes on request (``charge.refunds``) are left out. Contract tests validate them.
"""

from __future__ import annotations

import random
from typing import Any

from .cards import CardInfo
from .store import Ids

_AIDS = {
    "visa": ("A0000000031010", "VISA CREDIT"),
    "mastercard": ("A0000000041010", "MASTERCARD"),
    "amex": ("A00000002501", "AMERICAN EXPRESS"),
    "discover": ("A0000001523010", "DISCOVER"),
    "interac": ("A0000002771010", "Interac"),
    "eftpos_au": ("A00000038410", "EFTPOS SAV"),
    "girocard": ("A0000003591010028001", "girocard"),
    "jcb": ("A0000000651010", "JCB CREDIT"),
}


def payment_intent(
    ids: Ids,
    *,
    amount: int,
    currency: str,
    created: int,
    payment_method_types: list[str],
    capture_method: str = "automatic",
    description: str | None = None,
    metadata: dict[str, str] | None = None,
    application_fee_amount: int | None = None,
    transfer_destination: str | None = None,
) -> dict[str, Any]:
    """A new PaymentIntent waiting for a card (``requires_payment_method``)."""
    pi_id = ids.new("pi")
    options: dict[str, Any] = {}
    if "card_present" in payment_method_types:
        options["card_present"] = {
            "request_extended_authorization": False,
            "request_incremental_authorization_support": False,
        }
    if "interac_present" in payment_method_types:
        options["interac_present"] = {}
    return {
        "id": pi_id,
        "object": "payment_intent",
        "amount": amount,
        "amount_capturable": 0,
        "amount_details": {"tip": {}},
        "amount_received": 0,
        "application": None,
        "application_fee_amount": application_fee_amount,
        "automatic_payment_methods": None,
        "canceled_at": None,
        "cancellation_reason": None,
        "capture_method": capture_method,
        "client_secret": f"{pi_id}_secret_{ids.token(25)}",
        "confirmation_method": "automatic",
        "created": created,
        "currency": currency,
        "customer": None,
        "customer_account": None,
        "description": description,
        "excluded_payment_method_types": None,
        "last_payment_error": None,
        "latest_charge": None,
        "livemode": False,
        "metadata": dict(metadata or {}),
        "next_action": None,
        "on_behalf_of": None,
        "payment_method": None,
        "payment_method_configuration_details": None,
        "payment_method_options": options,
        "payment_method_types": list(payment_method_types),
        "processing": None,
        "receipt_email": None,
        "review": None,
        "setup_future_usage": None,
        "shipping": None,
        "statement_descriptor": None,
        "statement_descriptor_suffix": None,
        "status": "requires_payment_method",
        "transfer_data": ({"destination": transfer_destination} if transfer_destination else None),
        "transfer_group": f"group_{pi_id}" if transfer_destination else None,
    }


def _receipt(card: CardInfo, rng: random.Random, interac: bool) -> dict[str, Any]:
    aid, name = _AIDS.get(card.network, ("A0000000000000", card.brand.upper()))
    return {
        "account_type": "checking"
        if interac
        else ("credit" if card.funding == "credit" else "checking"),
        "application_cryptogram": f"{rng.getrandbits(64):016X}",
        "application_preferred_name": name,
        "authorization_code": f"{rng.randrange(1_000_000):06d}",
        "authorization_response_code": "3030",
        "cardholder_verification_method": "online_pin"
        if interac
        else rng.choice(["approval", "offline_pin", "none"]),
        "dedicated_file_name": aid,
        "terminal_verification_results": "0000008000" if not interac else "0080008000",
        "transaction_status_information": "0000" if not interac else "6800",
    }


def payment_method_details(
    card: CardInfo,
    *,
    rng: random.Random,
    reader: str,
    location: str,
    amount: int,
    created: int,
    interac: bool,
    capture_before: int | None = None,
    wallet: str | None = None,
    read_method: str = "contactless_emv",
) -> dict[str, Any]:
    """``payment_method_details`` for an in-person card or Interac payment."""
    common: dict[str, Any] = {
        "brand": card.brand,
        "cardholder_name": None,
        "country": card.country,
        "description": None,
        "emv_auth_data": "8A023030",
        "exp_month": rng.randint(1, 12),
        "exp_year": rng.randint(2027, 2031),
        "fingerprint": "".join(
            rng.choices("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", k=16)
        ),
        "funding": card.funding,
        "generated_card": None,
        "issuer": None,
        "last4": card.last4,
        "location": location,
        "network": card.network,
        "network_transaction_id": None if interac else f"{rng.randrange(10**15):015d}",
        "preferred_locales": ["en", "fr"] if card.country == "CA" else ["en"],
        "read_method": read_method,
        "reader": reader,
        "receipt": _receipt(card, rng, interac),
    }
    if interac:
        return {"type": "interac_present", "interac_present": common}
    present = dict(common)
    present.update(
        amount_authorized=amount,
        brand_product=None,
        incremental_authorization_supported=False,
        offline=None,
        overcapture_supported=False,
    )
    if capture_before is not None:
        present["capture_before"] = capture_before
    if wallet:
        present["wallet"] = {"type": wallet}
    return {"type": "card_present", "card_present": dict(sorted(present.items()))}


def charge(
    ids: Ids,
    pi: dict[str, Any],
    *,
    created: int,
    details: dict[str, Any],
    captured: bool,
    statement_name: str,
    failure: tuple[str, str, str | None] | None = None,
) -> dict[str, Any]:
    """The Charge of a card read: succeeded (captured or only authorized) or failed."""
    ch_id = ids.new("ch")
    failed = failure is not None
    receipt = f"https://pay.stripe.com/receipts/payment/{ids.token(40)}"
    amount = pi["amount"]
    outcome = {
        "advice_code": None,
        "network_advice_code": None,
        "network_decline_code": None,
        "network_status": "declined_by_network" if failed else "approved_by_network",
        "reason": failure[2] if failure else None,
        "risk_level": "not_assessed",
        "seller_message": (
            "The bank did not return any further details with this decline."
            if failed
            else "Payment complete."
        ),
        "type": "issuer_declined" if failed else "authorized",
    }
    obj: dict[str, Any] = {
        "id": ch_id,
        "object": "charge",
        "amount": amount,
        "amount_captured": amount if captured and not failed else 0,
        "amount_refunded": 0,
        "application": None,
        "application_fee": ids.new("fee") if pi.get("application_fee_amount") else None,
        "application_fee_amount": pi.get("application_fee_amount"),
        "balance_transaction": ids.new("txn") if captured and not failed else None,
        "billing_details": {
            "address": {
                "city": None,
                "country": None,
                "line1": None,
                "line2": None,
                "postal_code": None,
                "state": None,
            },
            "email": None,
            "name": None,
            "phone": None,
            "tax_id": None,
        },
        "calculated_statement_descriptor": statement_name,
        "captured": captured and not failed,
        "created": created,
        "currency": pi["currency"],
        "customer": None,
        "description": pi.get("description"),
        "disputed": False,
        "failure_balance_transaction": None,
        "failure_code": failure[0] if failure else None,
        "failure_message": failure[1] if failure else None,
        "fraud_details": {},
        "livemode": False,
        "metadata": dict(pi.get("metadata") or {}),
        "on_behalf_of": None,
        "outcome": outcome,
        "paid": not failed,
        "payment_intent": pi["id"],
        "payment_method": ids.new("pm"),
        "payment_method_details": details,
        "receipt_email": None,
        "receipt_number": None,
        "receipt_url": receipt,
        "refunded": False,
        "review": None,
        "shipping": None,
        "source_transfer": None,
        "statement_descriptor": None,
        "statement_descriptor_suffix": None,
        "status": "failed" if failed else "succeeded",
        "transfer_data": None,
        "transfer_group": pi.get("transfer_group"),
    }
    if pi.get("transfer_data"):
        obj["transfer_data"] = {"amount": None, "destination": pi["transfer_data"]["destination"]}
        obj["transfer"] = ids.new("tr") if captured and not failed else None
        if obj["transfer"] is None:
            del obj["transfer"]
    return obj


def refund(
    ids: Ids,
    ch: dict[str, Any],
    *,
    amount: int,
    created: int,
    reason: str | None = None,
    metadata: dict[str, str] | None = None,
    transfer_reversal: bool = False,
) -> dict[str, Any]:
    """A succeeded Refund of (part of) a charge."""
    obj: dict[str, Any] = {
        "id": ids.new("re"),
        "object": "refund",
        "amount": amount,
        "balance_transaction": ids.new("txn"),
        "charge": ch["id"],
        "created": created,
        "currency": ch["currency"],
        "metadata": dict(metadata or {}),
        "payment_intent": ch["payment_intent"],
        "reason": reason,
        "receipt_number": None,
        "source_transfer_reversal": None,
        "status": "succeeded",
        "transfer_reversal": ids.new("trr") if transfer_reversal else None,
    }
    if ch["payment_method_details"]["type"] == "card_present":
        obj["destination_details"] = {
            "card": {
                "reference": f"{ids.rng.randrange(10**23):023d}",
                "reference_status": "pending",
                "reference_type": "acquirer_reference_number",
                "type": "refund",
            },
            "type": "card",
        }
    return obj
