"""What a flow reports when it ends well: a code and the records it concerns, no words."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ...domain.money import Money
from ...domain.payments import Payment
from ...domain.staff import Staff


class Done(enum.Enum):
    CANCELED = "canceled"  # an authorization released (or an incomplete payment dropped)
    CAPTURED = "captured"
    REFUNDED = "refunded"  # online
    STAFF_ADDED = "staff_added"
    ROLE_CHANGED = "role_changed"
    PIN_RESET = "pin_reset"
    STAFF_REMOVED = "staff_removed"


@dataclass(frozen=True, slots=True)
class Outcome:
    done: Done
    payment: Payment | None = None  # fresh from Stripe after the action
    amount: Money | None = None  # what moved
    card: Payment | None = None  # the payment as the cashier saw it (card, amount asked)
    staff: Staff | None = None  # the person a staff change was about
