"""Which buttons a payment offers: the product's rule table, and the reason for every "no".

One pure function, so the UI, the services (which re-check before sending) and the tests all
read the same table. Every refusal carries a reason because touch screens have no hover: the
UI shows its words next to the disabled button.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from .payments import NetworkFamily, Payment, PaymentState, network_name
from .reasons import PolicyReason as R_
from .reasons import Refusal


class Action(enum.Enum):
    CANCEL = "cancel"
    CAPTURE = "capture"
    REFUND_ONLINE = "refund_online"
    REFUND_ON_READER = "refund_on_reader"


@dataclass(frozen=True)
class Availability:
    action: Action
    allowed: bool
    reason: Refusal | None  # None when allowed; else why, shown next to the disabled button


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

def _family(payment: Payment) -> NetworkFamily | None:
    """The table column; None when the card network is not known yet (charge not loaded).

    An interac_present payment is Interac whatever its network says (co-badged cards).
    """
    if payment.payment_method_type == "interac_present":
        return NetworkFamily.INTERAC
    if not payment.network:
        return None
    return payment.family


def _reason(payment: Payment, family: NetworkFamily | None, action: Action) -> Refusal:
    """Why `action` is not offered: the table's cell, as a code."""
    state = payment.state
    if state is PaymentState.UNKNOWN:
        return Refusal(R_.UNKNOWN_STATUS, {"status": payment.status})
    network = {"network": network_name(payment.network)}
    if state is PaymentState.PROCESSING:
        return Refusal(R_.PROCESSING)
    if state is PaymentState.CANCELED:
        return Refusal({C: R_.ALREADY_CANCELED, P: R_.CANCELED_NO_CAPTURE}.get(
            action, R_.CANCELED_NO_REFUND))
    if state is PaymentState.REFUNDED:
        if payment.amount_refunded.minor <= 0:
            return Refusal(R_.NOTHING_COLLECTED)
        return Refusal(R_.FULLY_REFUNDED)
    if state is PaymentState.INCOMPLETE:
        return Refusal(R_.NOT_AUTHORIZED_YET if action is P else R_.NOT_PAID_YET)
    if family is None:
        return Refusal(R_.NOT_LOADED)
    if state is PaymentState.AUTHORIZED:
        if family in (INTERAC, EFTPOS):
            return Refusal(R_.SINGLE_MESSAGE_WAITING, network)
        if action is C:
            return Refusal(R_.CANCEL_UNSUPPORTED, network)
        if family is OTHER:
            return Refusal(R_.NOT_CAPTURED_CAPTURE_FIRST)
        return Refusal(R_.NOT_CAPTURED)
    # Captured, something left to refund.
    if action is C:
        if family is INTERAC:
            return Refusal(R_.SINGLE_MESSAGE_CANCEL, network)
        return Refusal(R_.ALREADY_CAPTURED_REFUND)
    if action is P:
        return Refusal(R_.ALREADY_CAPTURED)
    if action is R:
        return Refusal(R_.INTERAC_ON_READER)
    return Refusal(R_.READER_INTERAC_ONLY)


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
        Availability(a, a in allowed, None if a in allowed else _reason(payment, family, a))
        for a in Action
    )


def availability(payment: Payment, action: Action) -> Availability:
    """One action's availability: what services check again just before sending."""
    return next(a for a in actions_for(payment) if a.action is action)
