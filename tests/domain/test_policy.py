"""The product's rule table, cell by cell: which of the four actions each payment offers."""

from __future__ import annotations

import pytest

from pos_refunds.domain.payments import PaymentState, network_name
from pos_refunds.domain.policy import Action, Availability, actions_for, availability
from pos_refunds.domain.reasons import PolicyReason, Refusal
from pos_refunds.domain.reasons import PolicyReason as R
from tests.support.builders import make_payment

from .product_table import COLUMNS, EXPECTED, LETTERS, ROW_NAMES, column_of, row_of

# Rows of product.md's table, as (status, amount refunded of 5000) -> expected PaymentState.
ROWS = {
    "authorized": [("requires_capture", 0)],
    "incomplete": [
        ("requires_payment_method", 0),
        ("requires_confirmation", 0),
        ("requires_action", 0),
    ],
    "captured, something left": [("succeeded", 0), ("succeeded", 1), ("succeeded", 4999)],
    "processing": [("processing", 0)],
    "canceled or fully refunded": [("canceled", 0), ("succeeded", 5000), ("succeeded", 7000)],
    "unknown status": [("requires_reauthorization", 0), ("", 0)],
}
CELLS = [
    pytest.param(row, column, status, refunded, network, id=f"{status}-{refunded}-{network}")
    for row, statuses in ROWS.items()
    for status, refunded in statuses
    for column, networks in COLUMNS.items()
    for network in networks
]


def test_expected_table_has_every_cell() -> None:
    assert tuple(ROWS) == ROW_NAMES
    assert set(EXPECTED) == {(r, c) for r in ROWS for c in COLUMNS}


@pytest.mark.parametrize(("row", "column", "status", "refunded", "network"), CELLS)
def test_every_cell_of_the_rule_table(
    row: str, column: str, status: str, refunded: int, network: str
) -> None:
    payment = make_payment(amount=5000, status=status, network=network, refunded=refunded)
    result = actions_for(payment)

    assert (row_of(payment), column_of(payment)) == (row, column)  # the properties' oracle
    assert [a.action for a in result] == list(Action)
    allowed = {a.action for a in result if a.allowed}
    assert allowed == {LETTERS[x] for x in EXPECTED[row, column]}
    for a in result:
        assert (a.reason is not None) != a.allowed, a  # a reason exactly when not allowed
        assert a.reason is None or a.reason.reason in PolicyReason


def test_rows_cover_every_payment_state() -> None:
    states = {
        make_payment(amount=5000, status=s, refunded=r).state
        for statuses in ROWS.values() for s, r in statuses
    }
    assert states == set(PaymentState)


@pytest.mark.parametrize(
    ("status", "network", "refunded", "action", "reason"),
    [
        ("succeeded", "interac", 0, Action.CANCEL,
         Refusal(R.SINGLE_MESSAGE_CANCEL, {"network": "Interac"})),
        ("succeeded", "interac", 0, Action.REFUND_ONLINE, Refusal(R.INTERAC_ON_READER)),
        ("succeeded", "visa", 0, Action.REFUND_ON_READER, Refusal(R.READER_INTERAC_ONLY)),
        ("succeeded", "visa", 0, Action.CANCEL, Refusal(R.ALREADY_CAPTURED_REFUND)),
        ("succeeded", "visa", 5000, Action.REFUND_ONLINE, Refusal(R.FULLY_REFUNDED)),
        ("succeeded", "interac", 5000, Action.REFUND_ON_READER, Refusal(R.FULLY_REFUNDED)),
        ("processing", "visa", 0, Action.REFUND_ONLINE, Refusal(R.PROCESSING)),
        ("canceled", "visa", 0, Action.REFUND_ONLINE, Refusal(R.CANCELED_NO_REFUND)),
        ("canceled", "visa", 0, Action.CANCEL, Refusal(R.ALREADY_CANCELED)),
        ("requires_capture", "visa", 0, Action.REFUND_ONLINE, Refusal(R.NOT_CAPTURED)),
        ("requires_capture", "jcb", 0, Action.CANCEL,
         Refusal(R.CANCEL_UNSUPPORTED, {"network": "JCB"})),
        ("requires_capture", "zapcard", 0, Action.CANCEL,
         Refusal(R.CANCEL_UNSUPPORTED, {"network": "zapcard"})),
        ("requires_capture", "jcb", 0, Action.REFUND_ONLINE,
         Refusal(R.NOT_CAPTURED_CAPTURE_FIRST)),
        ("requires_action", "visa", 0, Action.CAPTURE, Refusal(R.NOT_AUTHORIZED_YET)),
    ],
)
def test_refusals_are_codes(
    status: str, network: str, refunded: int, action: Action, reason: Refusal
) -> None:
    payment = make_payment(amount=5000, status=status, network=network, refunded=refunded)
    assert availability(payment, action) == Availability(action, False, reason)


@pytest.mark.parametrize("network", ["interac", "eftpos_au"])
def test_single_message_network_waiting_for_capture_is_explained(network: str) -> None:
    result = actions_for(make_payment(amount=5000, status="requires_capture", network=network))
    assert not any(a.allowed for a in result)
    assert all(a.reason == Refusal(R.SINGLE_MESSAGE_WAITING, {"network": network_name(network)})
               for a in result)


def test_unknown_status_names_the_status() -> None:
    result = actions_for(make_payment(amount=5000, status="requires_reauthorization"))
    assert all(a.reason == Refusal(R.UNKNOWN_STATUS, {"status": "requires_reauthorization"})
               and not a.allowed for a in result)


@pytest.mark.parametrize("network", ["visa", "mastercard", "interac", ""])
def test_interac_present_is_interac_whatever_the_network(network: str) -> None:
    """A co-badged Interac debit card refunds on a reader, never online."""
    payment = make_payment(amount=5000, network=network, payment_method_type="interac_present")
    allowed = [a.action for a in actions_for(payment) if a.allowed]
    assert allowed == [Action.REFUND_ON_READER]


def test_card_present_charge_on_the_interac_network_is_interac() -> None:
    payment = make_payment(amount=5000, network="interac", payment_method_type="card_present")
    allowed = [a.action for a in actions_for(payment) if a.allowed]
    assert allowed == [Action.REFUND_ON_READER]


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        ("requires_capture", []),
        ("requires_payment_method", [Action.CANCEL]),
        ("succeeded", []),
    ],
)
def test_network_not_loaded_offers_only_what_every_network_allows(
    status: str, allowed: list[Action]
) -> None:
    payment = make_payment(amount=5000, status=status, network="", payment_method_type="")
    result = actions_for(payment)
    assert [a.action for a in result if a.allowed] == allowed
    assert all(a.reason for a in result if not a.allowed)
    if status != "requires_payment_method":
        assert result[0].reason == Refusal(R.NOT_LOADED)


def test_succeeded_with_nothing_collected_says_so() -> None:
    payment = make_payment(status="succeeded", amount=0)
    assert all(a.reason == Refusal(R.NOTHING_COLLECTED) for a in actions_for(payment))


def test_availability_is_frozen() -> None:
    a = actions_for(make_payment(amount=5000))[0]
    with pytest.raises(AttributeError):
        a.allowed = True  # type: ignore[misc]
