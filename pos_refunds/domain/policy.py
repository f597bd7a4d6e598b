"""Which buttons a payment offers: the product's rule table, and the words for every "no".

One pure function, so the UI, the services (which re-check before sending) and the tests all
read the same table. Every refusal carries a reason because touch screens have no hover: the
words are shown next to the disabled button.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from .payments import NetworkFamily, Payment, PaymentState, network_name


class Action(enum.Enum):
    CANCEL = "cancel"
    CAPTURE = "capture"
    REFUND_ONLINE = "refund_online"
    REFUND_ON_READER = "refund_on_reader"


@dataclass(frozen=True)
class Availability:
    action: Action
    allowed: bool
    reason: str  # "" when allowed; else the words shown next to the disabled button


C, P, R, T = Action.CANCEL, Action.CAPTURE, Action.REFUND_ONLINE, Action.REFUND_ON_READER
CARD, INTERAC, EFTPOS, OTHER = (
    NetworkFamily.CARD_SCHEME,
    NetworkFamily.INTERAC,
    NetworkFamily.EFTPOS,
    NetworkFamily.OTHER,
)

# product.md, "The rules": (state, family) -> allowed actions. Captured and partially refunded
# are the same row ("succeeded, something left to refund").
_CAPTURED_ROW = {CARD: {R}, INTERAC: {T}, EFTPOS: {R}, OTHER: {R}}
_ROWS: dict[PaymentState, dict[NetworkFamily, set[Action]]] = {
    PaymentState.AUTHORIZED: {CARD: {C, P}, INTERAC: set(), EFTPOS: set(), OTHER: {P}},
    PaymentState.INCOMPLETE: {CARD: {C}, INTERAC: {C}, EFTPOS: {C}, OTHER: {C}},
    PaymentState.CAPTURED: _CAPTURED_ROW,
    PaymentState.PARTIALLY_REFUNDED: _CAPTURED_ROW,
    PaymentState.PROCESSING: {f: set() for f in NetworkFamily},
    PaymentState.CANCELED: {f: set() for f in NetworkFamily},
    PaymentState.REFUNDED: {f: set() for f in NetworkFamily},
    PaymentState.UNKNOWN: {f: set() for f in NetworkFamily},
}
TABLE: Mapping[PaymentState, Mapping[NetworkFamily, frozenset[Action]]] = {
    state: {family: frozenset(actions) for family, actions in row.items()}
    for state, row in _ROWS.items()
}

WAIT = "Payment is still processing; wait a moment and refresh."
NOT_LOADED = "The card details of this payment are not loaded yet; refresh it."


def _family(payment: Payment) -> NetworkFamily | None:
    """The table column; None when the card network is not known yet (charge not loaded).

    An interac_present payment is Interac whatever its network says (co-badged cards).
    """
    if payment.payment_method_type == "interac_present":
        return NetworkFamily.INTERAC
    if not payment.network:
        return None
    return payment.family


def _single_message(payment: Payment) -> str:
    return f"{network_name(payment.network)} payments are captured at once"


def _reason(payment: Payment, family: NetworkFamily | None, action: Action) -> str:
    """Why `action` is not offered: the table's cell, in words."""
    state = payment.state
    if state is PaymentState.UNKNOWN:
        return (
            f"Stripe reports a status this app does not know (“{payment.status}”); "
            "nothing can be done here. Check the payment in the Stripe Dashboard."
        )
    if state is PaymentState.PROCESSING:
        return WAIT
    if state is PaymentState.CANCELED:
        return {
            C: "Already canceled.",
            P: "Canceled payments cannot be captured.",
        }.get(action, "Canceled payments cannot be refunded.")
    if state is PaymentState.REFUNDED:
        if payment.amount_refunded.minor <= 0:
            return "Nothing was collected, so there is nothing to refund."
        return "Already fully refunded."
    if state is PaymentState.INCOMPLETE:
        if action is P:
            return "Not authorized yet: nothing to capture; cancel it instead."
        return "Not paid yet: nothing to refund; cancel it instead."
    if family is None:
        return NOT_LOADED
    if state is PaymentState.AUTHORIZED:
        if family in (INTERAC, EFTPOS):
            return (
                f"{_single_message(payment)}, so this one should not be waiting for capture. "
                "Refresh it, or check it in the Stripe Dashboard."
            )
        if action is C:
            return (
                f"Canceling is not supported for {network_name(payment.network)} payments; "
                "capture it, then refund it."
            )
        if family is OTHER:
            return "Not captured: capture it first, then refund it."
        return "Not captured: cancel or capture it instead."
    # Captured, something left to refund.
    if action is C:
        if family is INTERAC:
            return f"{_single_message(payment)}; refund on a reader instead."
        return "Already captured: refund it instead."
    if action is P:
        return "Already captured."
    if action is R:
        return "Interac payments cannot be refunded online; refund on a reader instead."
    return "Only Interac payments are refunded on a reader; refund online instead."


def actions_for(payment: Payment) -> tuple[Availability, ...]:
    """Every action, in Action's order, each allowed or not with the reason why not.

    When the network is not known yet, only what every column of the row allows is offered
    (an incomplete payment can still be canceled; nothing that moves money can be guessed).
    """
    state = payment.state
    family = _family(payment)
    row = TABLE[state]
    allowed = row[family] if family is not None else frozenset.intersection(*row.values())
    return tuple(
        Availability(a, a in allowed, "" if a in allowed else _reason(payment, family, a))
        for a in Action
    )


def availability(payment: Payment, action: Action) -> Availability:
    """One action's availability: what services check again just before sending."""
    return next(a for a in actions_for(payment) if a.action is action)
