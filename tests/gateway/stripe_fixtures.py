"""Stripe objects as the API sends them (API 2026 shapes, checked against the OpenAPI subset).

Each builder returns a fresh dict, so a test can break one field without touching the others.
"""

from __future__ import annotations

import copy
from typing import Any

T0 = 1_795_707_000  # 2026-11-26 15:30:00 UTC, seconds, like every Stripe time but one
PI_ID = "pi_3SXq2nLkdIwHu7ix0c4Gh1Rz"
CH_ID = "ch_3SXq2nLkdIwHu7ix0Y1cQ9pB"


def receipt(**over: Any) -> dict[str, Any]:
    return {
        "account_type": "credit",
        "application_cryptogram": "6B3A3C6F4D0E2C1A",
        "application_preferred_name": "VISA CREDIT",
        "authorization_code": "123456",
        "authorization_response_code": "3030",
        "cardholder_verification_method": "none",
        "dedicated_file_name": "A0000000031010",
        "terminal_verification_results": "0000008000",
        "transaction_status_information": "0000",
        **over,
    }


def card_present(**over: Any) -> dict[str, Any]:
    return {
        "amount_authorized": 5000,
        "brand": "visa",
        "brand_product": None,
        "cardholder_name": None,
        "country": "CA",
        "description": "Visa Classic",
        "emv_auth_data": "8A023030",
        "exp_month": 12,
        "exp_year": 2029,
        "fingerprint": "Xt5EWLLDS7FJjR1c",
        "funding": "credit",
        "generated_card": None,
        "incremental_authorization_supported": False,
        "issuer": None,
        "last4": "4242",
        "location": "tml_FDOtHwxAAdIJOh",
        "network": "visa",
        "network_transaction_id": "463034530070009",
        "offline": None,
        "overcapture_supported": False,
        "preferred_locales": ["en", "fr"],
        "read_method": "contactless_emv",
        "reader": "tmr_FDOt2wlRZEdpd7",
        "receipt": receipt(),
        **over,
    }


def interac_present(**over: Any) -> dict[str, Any]:
    return {
        "brand": "interac",
        "cardholder_name": None,
        "country": "CA",
        "description": None,
        "emv_auth_data": "8A023030",
        "exp_month": 12,
        "exp_year": 2030,
        "fingerprint": "g8jOTtbbkVdeVFnk",
        "funding": "debit",
        "generated_card": None,
        "issuer": None,
        "last4": "1933",
        "location": "tml_FDOtHwxAAdIJOh",
        "network": "interac",
        "network_transaction_id": None,
        "preferred_locales": ["fr", "en"],
        "read_method": "contact_emv",
        "reader": "tmr_FDOt2wlRZEdpd7",
        "receipt": receipt(
            account_type="savings",
            application_preferred_name="Interac",
            dedicated_file_name="A0000002771010",
            cardholder_verification_method="online_pin",
        ),
        **over,
    }


def refund(**over: Any) -> dict[str, Any]:
    return {
        "id": "re_3SXq2nLkdIwHu7ix0qWv7S4d",
        "object": "refund",
        "amount": 1000,
        "balance_transaction": "txn_3SXq2nLkdIwHu7ix0T0eQ8Zx",
        "charge": CH_ID,
        "created": T0 + 600,
        "currency": "cad",
        "destination_details": {"card": {"reference_status": "pending", "reference_type":
                                "acquirer_reference_number", "type": "refund"}, "type": "card"},
        "metadata": {"pos_operation": "op-7f3a", "pos_staff": "alice", "pos_approved_by": "maria"},
        "payment_intent": PI_ID,
        "reason": "requested_by_customer",
        "receipt_number": None,
        "source_transfer_reversal": None,
        "status": "succeeded",
        "transfer_reversal": None,
        **over,
    }


def charge(pm_type: str = "card_present", details: dict[str, Any] | None = None,
           refunds: list[dict[str, Any]] | None = None, **over: Any) -> dict[str, Any]:
    if details is None:
        details = card_present() if pm_type == "card_present" else interac_present()
    refunds = [] if refunds is None else refunds
    refunded = sum(r.get("amount", 0) for r in refunds)
    return {
        "id": CH_ID,
        "object": "charge",
        "amount": 5000,
        "amount_captured": 5000,
        "amount_refunded": refunded,
        "application_fee_amount": None,
        "balance_transaction": "txn_3SXq2nLkdIwHu7ix0bYIu2cV",
        "billing_details": {"address": None, "email": None, "name": None, "phone": None,
                            "tax_id": None},
        "captured": True,
        "created": T0,
        "currency": "cad",
        "customer": None,
        "description": None,
        "disputed": False,
        "failure_code": None,
        "failure_message": None,
        "livemode": False,
        "metadata": {},
        "outcome": {"network_status": "approved_by_network", "reason": None,
                    "risk_level": "not_assessed", "seller_message": "Payment complete.",
                    "type": "authorized"},
        "paid": True,
        "payment_intent": PI_ID,
        "payment_method": "pm_1SXq2mLkdIwHu7ixa3Fh2kLq",
        "payment_method_details": {"type": pm_type, pm_type: details},
        "receipt_email": None,
        "receipt_number": None,
        "receipt_url": "https://pay.stripe.com/receipts/payment/CAcaFwoV",
        "refunded": refunded >= 5000,
        "refunds": {"object": "list", "data": refunds, "has_more": False,
                    "url": f"/v1/charges/{CH_ID}/refunds"},
        "status": "succeeded",
        **over,
    }


def payment_intent(status: str = "succeeded", latest_charge: Any = "default",
                   **over: Any) -> dict[str, Any]:
    if latest_charge == "default":
        latest_charge = charge()
    received = 5000 if status == "succeeded" else 0
    return {
        "id": PI_ID,
        "object": "payment_intent",
        "amount": 5000,
        "amount_capturable": 5000 if status == "requires_capture" else 0,
        "amount_received": received,
        "canceled_at": None,
        "cancellation_reason": None,
        "capture_method": "automatic",
        "client_secret": None,
        "confirmation_method": "automatic",
        "created": T0 - 5,
        "currency": "cad",
        "customer": None,
        "description": "Order 1042",
        "last_payment_error": None,
        "latest_charge": latest_charge,
        "livemode": False,
        "metadata": {"order": "1042"},
        "payment_method": "pm_1SXq2mLkdIwHu7ixa3Fh2kLq",
        "payment_method_types": ["card_present", "interac_present"],
        "status": status,
        **over,
    }


def location(**over: Any) -> dict[str, Any]:
    return {
        "id": "tml_FDOtHwxAAdIJOh",
        "object": "terminal.location",
        "address": {"city": "Montréal", "country": "CA", "line1": "1 rue Sainte-Catherine",
                    "line2": None, "postal_code": "H2X 1Z4", "state": "QC"},
        "display_name": "Boutique Plateau",
        "livemode": False,
        "metadata": {},
        **over,
    }


def reader(**over: Any) -> dict[str, Any]:
    return {
        "id": "tmr_FDOt2wlRZEdpd7",
        "object": "terminal.reader",
        "action": None,
        "device_sw_version": "2.27.7.0",
        "device_type": "bbpos_wisepos_e",
        "ip_address": "192.168.2.2",
        "label": "Front counter",
        "last_seen_at": T0 * 1000 + 250,
        "livemode": False,
        "location": "tml_FDOtHwxAAdIJOh",
        "metadata": {},
        "serial_number": "WSC513105011295",
        "status": "online",
        **over,
    }


def refund_action(status: str = "in_progress", **over: Any) -> dict[str, Any]:
    return {
        "failure_code": None,
        "failure_message": None,
        "refund_payment": {
            "amount": 1500,
            "charge": CH_ID,
            "metadata": {"pos_operation": "op-7f3a"},
            "payment_intent": PI_ID,
            "refund_payment_config": {"enable_customer_cancellation": True},
        },
        "status": status,
        "type": "refund_payment",
        **over,
    }


def deep(obj: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(obj)
