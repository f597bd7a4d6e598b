"""product.md's rule table, transcribed once by hand, and how a payment finds its cell in it.

The oracle of the policy tests: test_policy walks every cell, test_policy_properties checks any
payment against it. Written from the product document, never from policy.py's TABLE, so that
the two can disagree.
"""

from __future__ import annotations

from pos_refunds.domain.payments import Payment
from pos_refunds.domain.policy import Action

# Networks of each column, as Stripe names them; any other network is in "other".
COLUMNS = {
    "card schemes": ["visa", "mastercard", "amex", "discover", "girocard"],
    "interac": ["interac"],
    "eftpos": ["eftpos_au", "eftpos"],
    "other": ["jcb", "unionpay", "diners", "cartes_bancaires", "link", "zapcard", "unknown"],
}
ROW_NAMES = (
    "authorized",
    "incomplete",
    "captured, something left",
    "processing",
    "canceled or fully refunded",
    "unknown status",  # not in product.md: a status Stripe added after us unlocks nothing
)
# C=Cancel, P=Capture, R=Refund online, T=Refund on a reader.
EXPECTED = {
    ("authorized", "card schemes"): "CP",
    ("authorized", "interac"): "",
    ("authorized", "eftpos"): "",
    ("authorized", "other"): "P",
    ("incomplete", "card schemes"): "C",
    ("incomplete", "interac"): "C",
    ("incomplete", "eftpos"): "C",
    ("incomplete", "other"): "C",
    ("captured, something left", "card schemes"): "R",
    ("captured, something left", "interac"): "T",
    ("captured, something left", "eftpos"): "R",
    ("captured, something left", "other"): "R",
    **{("processing", c): "" for c in COLUMNS},
    **{("canceled or fully refunded", c): "" for c in COLUMNS},
    **{("unknown status", c): "" for c in COLUMNS},
}
LETTERS = {
    "C": Action.CANCEL,
    "P": Action.CAPTURE,
    "R": Action.REFUND_ONLINE,
    "T": Action.REFUND_ON_READER,
}
INCOMPLETE = ("requires_payment_method", "requires_confirmation", "requires_action")


def row_of(payment: Payment) -> str:
    """The table's row, from Stripe's status and what is left to refund."""
    status = payment.status
    if status == "requires_capture":
        return "authorized"
    if status in INCOMPLETE:
        return "incomplete"
    if status == "processing":
        return "processing"
    if status == "canceled":
        return "canceled or fully refunded"
    if status == "succeeded":
        left = payment.amount_received.minor - payment.amount_refunded.minor
        return "captured, something left" if left > 0 else "canceled or fully refunded"
    return "unknown status"


def column_of(payment: Payment) -> str | None:
    """The table's column; None while the card network is not loaded yet.

    An interac_present payment is Interac whatever its network says (co-badged debit cards).
    """
    if payment.payment_method_type == "interac_present":
        return "interac"
    if not payment.network:
        return None
    for column in ("card schemes", "interac", "eftpos"):
        if payment.network in COLUMNS[column]:
            return column
    return "other"


def allowed_by_product(payment: Payment) -> set[Action]:
    """The actions the table gives this payment.

    Network not loaded (not in product.md, the app's own rule): only what every column of the
    row allows, since nothing that moves money can be guessed.
    """
    row, column = row_of(payment), column_of(payment)
    columns = list(COLUMNS) if column is None else [column]
    return set.intersection(*({LETTERS[x] for x in EXPECTED[row, c]} for c in columns))
