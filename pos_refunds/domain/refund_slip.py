"""The refund slip handed to the customer: what it says, decided without Qt.

A slip is a record built from the payment (as Stripe sent it, with its refunds) and one of its
refunds. It carries the card-present receipt fields Stripe provides on the original payment
(application name, AID, authorization codes, CVM, TVR, TSI...) and nothing Stripe did not send.
Turning it into HTML or paper is the UI's business (ui/refund_slip_html.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .errors import PosError
from .money import Money
from .payments import Payment, RefundRecord, network_name

META_STAFF = "pos_staff"  # who served, as the services write it on every refund
META_NOTE = "pos_note"
TRAINING_MARK = "TRAINING — NOT A REAL REFUND"

# Receipt fields in the order a card-present receipt lists them, with their printed names.
RECEIPT_LABELS: tuple[tuple[str, str], ...] = (
    ("application_preferred_name", "Application"),
    ("dedicated_file_name", "AID"),
    ("account_type", "Account type"),
    ("authorization_code", "Authorization code"),
    ("authorization_response_code", "ARC"),
    ("cardholder_verification_method", "Verification"),
    ("terminal_verification_results", "TVR"),
    ("transaction_status_information", "TSI"),
)
CVM_WORDS = {
    "online_pin": "PIN verified online",
    "offline_pin": "PIN verified by the card",
    "offline_pin_and_signature": "PIN verified by the card and signature",
    "signature": "Signature",
    "approval": "No verification required",
    "none": "No verification",
    "failure": "Verification failed",
}
SIGNATURE_CVMS = frozenset({"signature", "offline_pin_and_signature"})
REASON_WORDS = {
    "requested_by_customer": "Requested by the customer",
    "duplicate": "Duplicate payment",
    "fraudulent": "Fraudulent payment",
    "expired_uncaptured_charge": "Authorization expired",
}


class SlipNotAvailable(PosError):
    """No slip for this refund: not found on the payment, or it did not succeed."""

    title = "No refund slip"


@dataclass(frozen=True, slots=True)
class SlipContext:
    """What the till knows that the payment does not."""

    shop: str
    training: bool


@dataclass(frozen=True, slots=True)
class RefundSlip:
    shop: str
    refunded_at: datetime
    amount: Money
    original_amount: Money
    original_at: datetime
    card: str  # "Interac", "Visa", "Mastercard (Maestro)"
    last4: str | None
    in_person: bool  # an Interac refund, done with the card on a reader
    receipt: tuple[tuple[str, str], ...]  # (printed name, value) in RECEIPT_LABELS order
    refund_id: str
    payment_intent_id: str
    reader: str | None  # the reader's label, when the refund was done on one we know
    reason: str | None
    served_by: str | None
    training: bool
    signature_line: bool
    fully_refunded: bool

    @property
    def headline(self) -> str:
        return "REFUND"


def _refund(payment: Payment, refund_id: str) -> RefundRecord:
    for refund in payment.refunds:
        if refund.id == refund_id:
            if refund.status != "succeeded":
                raise SlipNotAvailable(f"Refund {refund_id} has not succeeded "
                                       f"({refund.status}): there is no slip to give.")
            return refund
    raise SlipNotAvailable(f"Refund {refund_id} is not among the refunds of {payment.id}.")


def _receipt_lines(receipt: dict[str, str]) -> tuple[tuple[str, str], ...]:
    lines = []
    for key, label in RECEIPT_LABELS:
        value = receipt.get(key, "").strip()
        if not value:
            continue
        if key == "cardholder_verification_method":
            value = CVM_WORDS.get(value, value.replace("_", " "))
        elif key == "account_type":
            value = value.replace("_", " ").capitalize()
        lines.append((label, value))
    return tuple(lines)


def _reason(refund: RefundRecord) -> str | None:
    words = REASON_WORDS.get(refund.reason or "", (refund.reason or "").replace("_", " "))
    note = refund.metadata.get(META_NOTE, "").strip()
    text = " — ".join(t for t in (words.capitalize() if words else "", note) if t)
    return text or None


def build_refund_slip(payment: Payment, refund_id: str, context: SlipContext, *,
                      reader_label: str | None = None) -> RefundSlip:
    """The slip of one succeeded refund of `payment`; SlipNotAvailable otherwise."""
    refund = _refund(payment, refund_id)
    card = network_name(payment.network)
    if payment.brand and network_name(payment.brand) != card:
        card += f" ({network_name(payment.brand)})"
    cvm = payment.receipt.get("cardholder_verification_method", "")
    return RefundSlip(
        shop=context.shop,
        refunded_at=refund.created,
        amount=refund.amount,
        original_amount=(payment.amount_received if payment.amount_received.minor
                         else payment.amount),
        original_at=payment.created,
        card=card,
        last4=payment.last4,
        in_person=payment.payment_method_type == "interac_present",
        receipt=_receipt_lines(payment.receipt),
        refund_id=refund.id,
        payment_intent_id=payment.id,
        reader=reader_label or None,
        reason=_reason(refund),
        served_by=refund.metadata.get(META_STAFF) or None,
        training=context.training,
        signature_line=cvm in SIGNATURE_CVMS,
        fully_refunded=payment.status == "succeeded" and payment.refundable.minor == 0,
    )
