"""Records the app works with, built from Stripe objects by the gateway's mapping.

Frozen dataclasses: rows of the UI's models and the inputs of the action policy. Stripe's enums
are open, so network, status and device type are kept as plain strings; the helpers below give
them meaning and words.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from .money import Money


class PaymentState(enum.Enum):
    """Where a payment stands, in the terms of the product's rule table."""

    AUTHORIZED = "authorized"  # requires_capture
    INCOMPLETE = "incomplete"  # requires_payment_method / requires_confirmation / requires_action
    CAPTURED = "captured"  # succeeded, something left to refund
    PARTIALLY_REFUNDED = "partially_refunded"  # succeeded, some refunded, some left
    REFUNDED = "refunded"  # succeeded, nothing left to refund
    PROCESSING = "processing"
    CANCELED = "canceled"
    UNKNOWN = "unknown"  # a status Stripe added after us: unlocks nothing


INCOMPLETE_STATUSES = frozenset(
    {"requires_payment_method", "requires_confirmation", "requires_action"}
)


class NetworkFamily(enum.Enum):
    """Networks grouped by how the product's rule table treats them."""

    CARD_SCHEME = "card_scheme"  # Visa, Mastercard, Amex, Discover, girocard
    INTERAC = "interac"
    EFTPOS = "eftpos"
    OTHER = "other"


CARD_SCHEMES = frozenset({"visa", "mastercard", "amex", "discover", "girocard"})
EFTPOS_NETWORKS = frozenset({"eftpos_au", "eftpos"})

NETWORK_NAMES = {
    "visa": "Visa",
    "mastercard": "Mastercard",
    "amex": "American Express",
    "discover": "Discover",
    "girocard": "girocard",
    "interac": "Interac",
    "eftpos_au": "eftpos",
    "eftpos": "eftpos",
    "jcb": "JCB",
    "diners": "Diners Club",
    "unionpay": "UnionPay",
    "cartes_bancaires": "Cartes Bancaires",
}


def network_family(network: str) -> NetworkFamily:
    if network in CARD_SCHEMES:
        return NetworkFamily.CARD_SCHEME
    if network == "interac":
        return NetworkFamily.INTERAC
    if network in EFTPOS_NETWORKS:
        return NetworkFamily.EFTPOS
    return NetworkFamily.OTHER


def network_name(network: str) -> str:
    """Display name; unknown networks are shown as Stripe sent them."""
    return NETWORK_NAMES.get(network, network or "Unknown")


@dataclass(frozen=True, slots=True)
class RefundRecord:
    id: str
    amount: Money
    status: str  # pending, requires_action, succeeded, failed, canceled, or newer
    reason: str | None
    created: datetime
    metadata: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    failure_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Payment:
    """A PaymentIntent with what its latest charge tells about card and refunds."""

    id: str
    status: str  # Stripe's PaymentIntent.status, kept as sent
    amount: Money  # what was asked for
    amount_received: Money  # what was collected (captured)
    amount_capturable: Money
    amount_refunded: Money
    currency: str
    payment_method_type: str  # card_present, interac_present, or whatever Stripe sent
    network: str  # classification of stripe.md: type, then network, then brand
    brand: str | None
    last4: str | None
    reader_id: str | None
    location_id: str | None
    created: datetime
    capture_before: datetime | None
    description: str | None
    charge_id: str | None
    canceled_at: datetime | None = None
    cancellation_reason: str | None = None
    refunds: tuple[RefundRecord, ...] = ()  # money given back to the customer
    # Holds released on a card never charged that much (a canceled authorization, the rest of
    # a partial capture): Stripe records them as refunds, but nothing was given back.
    releases: tuple[RefundRecord, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    receipt: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    livemode: bool = False
    # Connect: a platform fee on this payment, and the connected account its funds went to;
    # they decide whether "refund the application fee" and "reverse the transfer" apply.
    application_fee: Money | None = None
    transfer_destination: str | None = None

    @property
    def released(self) -> Money:
        """What was authorized and let go without charging the customer."""
        return Money(sum(r.amount.minor for r in self.releases), self.currency)

    @property
    def refundable(self) -> Money:
        """What is left to refund (zero unless captured)."""
        if self.status != "succeeded":
            return Money(0, self.currency)
        left = self.amount_received.minor - self.amount_refunded.minor
        return Money(max(left, 0), self.currency)

    @property
    def family(self) -> NetworkFamily:
        return network_family(self.network)

    @property
    def state(self) -> PaymentState:
        s = self.status
        if s == "requires_capture":
            return PaymentState.AUTHORIZED
        if s in INCOMPLETE_STATUSES:
            return PaymentState.INCOMPLETE
        if s == "processing":
            return PaymentState.PROCESSING
        if s == "canceled":
            return PaymentState.CANCELED
        if s == "succeeded":
            if self.refundable.minor <= 0:
                return PaymentState.REFUNDED
            if self.amount_refunded.minor > 0:
                return PaymentState.PARTIALLY_REFUNDED
            return PaymentState.CAPTURED
        return PaymentState.UNKNOWN


@dataclass(frozen=True, slots=True)
class ReaderAction:
    type: str  # refund_payment, process_payment_intent, ...
    status: str  # in_progress, succeeded, failed
    failure_code: str | None = None
    failure_message: str | None = None
    payment_intent: str | None = None
    refund_id: str | None = None
    amount: int | None = None
    metadata: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


DEVICE_MODELS = {
    "bbpos_wisepos_e": "BBPOS WisePOS E",
    "simulated_wisepos_e": "WisePOS E",  # simulated: the UI says so in its words
    "stripe_s700": "Stripe Reader S700",
    "simulated_stripe_s700": "Stripe Reader S700",
    "stripe_s710": "Stripe Reader S710",
    "simulated_stripe_s710": "Stripe Reader S710",
    "bbpos_wisepad3": "BBPOS WisePad 3",
    "bbpos_chipper2x": "BBPOS Chipper 2X BT",
    "stripe_m2": "Stripe Reader M2",
    "verifone_P400": "Verifone P400",
    "mobile_phone_reader": "Tap to Pay",
}

# Readers that can take an in-person (Interac) refund: WisePOS E, S700 and their simulated twins.
REFUND_CAPABLE_DEVICES = frozenset(
    {"bbpos_wisepos_e", "simulated_wisepos_e", "stripe_s700", "simulated_stripe_s700"}
)


@dataclass(frozen=True, slots=True)
class Reader:
    id: str
    label: str
    device_type: str
    serial_number: str
    location_id: str | None
    location_name: str | None
    status: str | None  # online, offline, or None (mobile readers)
    last_seen_at: datetime | None
    action: ReaderAction | None
    livemode: bool = False

    @property
    def model(self) -> str:
        return DEVICE_MODELS.get(self.device_type, self.device_type)

    @property
    def simulated(self) -> bool:
        return self.device_type.startswith("simulated_")

    @property
    def busy(self) -> bool:
        return self.action is not None and self.action.status == "in_progress"

    @property
    def can_refund(self) -> bool:
        return self.device_type in REFUND_CAPABLE_DEVICES
