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
from .reasons import SlipReason

META_STAFF = "pos_staff"  # who served, as the services write it on every refund
META_NOTE = "pos_note"
# Receipt fields in the order a card-present receipt lists them (the UI names each one).
RECEIPT_FIELDS: tuple[str, ...] = (
    "application_preferred_name",
    "dedicated_file_name",
    "account_type",
    "authorization_code",
    "authorization_response_code",
    "cardholder_verification_method",
    "terminal_verification_results",
    "transaction_status_information",
)
SIGNATURE_CVMS = frozenset({"signature", "offline_pin_and_signature"})


class SlipNotAvailable(PosError):
    """No slip for this refund: not found on the payment, or it did not succeed."""


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
    receipt: tuple[tuple[str, str], ...]  # (field, value as Stripe sent it), RECEIPT_FIELDS order
    refund_id: str
    payment_intent_id: str
    reader: str | None  # the reader's label, when the refund was done on one we know
    reason: str | None  # Stripe's refund reason code (requested_by_customer, ...)
    note: str | None  # the cashier's note on the refund
    served_by: str | None
    training: bool
    signature_line: bool
    fully_refunded: bool


def _refund(payment: Payment, refund_id: str) -> RefundRecord:
    for refund in payment.refunds:
        if refund.id == refund_id:
            if refund.status != "succeeded":
                raise SlipNotAvailable(SlipReason.NOT_SUCCEEDED, refund=refund_id,
                                       status=refund.status)
            return refund
    raise SlipNotAvailable(SlipReason.NOT_FOUND, refund=refund_id, payment=payment.id)


def _receipt_lines(receipt: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((key, receipt[key].strip()) for key in RECEIPT_FIELDS
                 if receipt.get(key, "").strip())


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
        reason=refund.reason or None,
        note=refund.metadata.get(META_NOTE, "").strip() or None,
        served_by=refund.metadata.get(META_STAFF) or None,
        training=context.training,
        signature_line=cvm in SIGNATURE_CVMS,
        fully_refunded=payment.status == "succeeded" and payment.refundable.minor == 0,
    )
