"""Properties of the action policy and of manager approval, for any payment Stripe may send.

test_policy walks the product table cell by cell with chosen payments; here the payments are
any at all: any status (unknown ones too), any network, any payment method type, any amounts
with refunded ≤ received. The oracle is product.md's table (product_table.py), not policy.py.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pos_refunds.domain.approvals import ApprovalLimits, approval_reason
from pos_refunds.domain.errors import OverRefund
from pos_refunds.domain.money import MAX_AMOUNT_MINOR, Money
from pos_refunds.domain.payments import Payment, PaymentState
from pos_refunds.domain.policy import Action, actions_for, availability
from pos_refunds.domain.reasons import ApprovalNeed, Coded, PolicyReason, Refusal
from tests.support.builders import make_payment

from .product_table import COLUMNS, INCOMPLETE, allowed_by_product, column_of

C, P, R, T = Action.CANCEL, Action.CAPTURE, Action.REFUND_ONLINE, Action.REFUND_ON_READER
REFUNDS = (R, T)
KNOWN_STATUSES = ("requires_capture", *INCOMPLETE, "processing", "succeeded", "canceled")
KNOWN_NETWORKS = tuple(n for column in COLUMNS.values() for n in column)
KNOWN_METHOD_TYPES = ("card_present", "interac_present")


def near_misses(known: tuple[str, ...]) -> list[str]:
    """Words that look like a known one but are not it: Stripe's values are exact."""
    return [m for word in known for m in (word.upper(), word.title(), f" {word}", f"{word} ",
                                          f"{word}_x", word[:-1], word[1:]) if m not in known]


def values(known: tuple[str, ...], *others: str) -> st.SearchStrategy[str]:
    """Known values, near misses, a few other real ones, and anything at all."""
    return st.one_of(st.sampled_from(known), st.sampled_from(near_misses(known)),
                     st.sampled_from(others), st.text(max_size=24))


statuses = values(KNOWN_STATUSES, "requires_reauthorization", "refunded", "")
networks = values(KNOWN_NETWORKS, "", "interac_present", "eftpos_nz")
method_types = values(KNOWN_METHOD_TYPES, "card", "", "wechat_pay")
CURRENCIES = ("cad", "usd", "aud", "eur", "jpy", "gbp", "kwd")


@st.composite
def payments(draw: st.DrawFn, status: st.SearchStrategy[str] = statuses,
             network: st.SearchStrategy[str] = networks,
             method_type: st.SearchStrategy[str] = method_types) -> Payment:
    """Any payment: amounts in minor units with refunded ≤ received ≤ amount."""
    currency = draw(st.sampled_from(CURRENCIES))
    received = draw(st.integers(0, MAX_AMOUNT_MINOR))
    refunded = draw(st.integers(0, received))
    amount = draw(st.integers(received, MAX_AMOUNT_MINOR))
    return make_payment(
        status=draw(status),
        network=draw(network),
        payment_method_type=draw(method_type),
        currency=currency,
        amount=amount,
        refunded=refunded,
        amount_received=Money(received, currency),
        amount_capturable=Money(draw(st.integers(0, amount)), currency),
    )


def _allowed(payment: Payment) -> set[Action]:
    return {a.action for a in actions_for(payment) if a.allowed}


# --- the action policy ---------------------------------------------------------------------


@given(payments())
@example(make_payment(amount=5000, network="visa", payment_method_type="interac_present"))
@example(make_payment(amount=5000, network="interac", payment_method_type="card_present"))
@example(make_payment(amount=5000, status="requires_capture", network="", payment_method_type=""))
@example(make_payment(amount=5000, status="requires_payment_method", network="",
                      payment_method_type=""))
@example(make_payment(status="succeeded", amount=0))
def test_the_actions_offered_are_exactly_the_product_table(payment: Payment) -> None:
    assert _allowed(payment) == allowed_by_product(payment)


@given(payments(status=st.sampled_from(KNOWN_STATUSES)))
def test_the_product_table_whatever_the_card(payment: Payment) -> None:
    assert _allowed(payment) == allowed_by_product(payment)


@given(payments(network=st.sampled_from(KNOWN_NETWORKS),
                method_type=st.sampled_from(KNOWN_METHOD_TYPES)))
def test_the_product_table_whatever_the_status(payment: Payment) -> None:
    assert _allowed(payment) == allowed_by_product(payment)


def test_stripe_words_count_only_as_stripe_spells_them() -> None:
    """Every near miss of a known status, network or payment method type ("Visa", "succeeded ",
    "interac_presen"...) in every row: each means what product.md says of an unknown word.
    Enumerated, not drawn: the space is small and a cell that matters is a rare draw."""
    known_networks = (*KNOWN_NETWORKS, "")
    cases = [
        *itertools.product(near_misses(KNOWN_STATUSES), known_networks, KNOWN_METHOD_TYPES),
        *itertools.product(KNOWN_STATUSES, near_misses(KNOWN_NETWORKS),
                           (*KNOWN_METHOD_TYPES, "card")),
        *itertools.product(KNOWN_STATUSES, known_networks, near_misses(KNOWN_METHOD_TYPES)),
    ]
    for (status, network, method_type), refunded in itertools.product(cases, (0, 5000)):
        payment = make_payment(amount=5000, status=status, network=network,
                               payment_method_type=method_type,
                               refunded=refunded)
        assert _allowed(payment) == allowed_by_product(payment), payment


@given(payments())
def test_every_action_is_answered_once_and_every_no_says_why(payment: Payment) -> None:
    result = actions_for(payment)
    assert [a.action for a in result] == list(Action)
    for a in result:
        if a.allowed:
            assert a.reason is None
        else:
            assert a.reason is not None and a.reason.reason in PolicyReason, a
        assert availability(payment, a.action) == a


@given(payments(statuses.filter(lambda s: s not in KNOWN_STATUSES)))
@example(make_payment(amount=5000, status="requires_reauthorization"))
@example(make_payment(amount=5000, status="Succeeded"))
def test_an_unknown_status_unlocks_nothing(payment: Payment) -> None:
    assert payment.state is PaymentState.UNKNOWN
    result = actions_for(payment)
    assert not any(a.allowed for a in result)
    assert all(a.reason == Refusal(PolicyReason.UNKNOWN_STATUS, {"status": payment.status})
               for a in result)


def _interac(payment: Payment) -> bool:
    return column_of(payment) == "interac"


@given(payments())
def test_interac_is_never_refunded_online_and_only_interac_on_a_reader(payment: Payment) -> None:
    allowed = _allowed(payment)
    if _interac(payment):
        assert R not in allowed
    else:
        assert T not in allowed


@given(payments(st.sampled_from(["succeeded", "requires_capture"])))
def test_interac_and_eftpos_are_never_canceled_nor_captured(payment: Payment) -> None:
    """Single-message networks capture at once: there is no hold to release or capture."""
    if column_of(payment) in ("interac", "eftpos"):
        assert C not in _allowed(payment) and P not in _allowed(payment)


@given(payments())
@example(make_payment(status="succeeded", amount=5000, refunded=5000))
@example(make_payment(status="succeeded", amount=5000, refunded=4999))
def test_refunds_are_offered_only_when_something_is_left_to_refund(payment: Payment) -> None:
    offered = _allowed(payment) & set(REFUNDS)
    if offered:
        assert payment.status == "succeeded" and payment.refundable.minor > 0
        assert len(offered) == 1  # online or on a reader, never both
    elif payment.refundable.minor > 0 and column_of(payment) is not None:
        assert payment.status != "succeeded"  # something is left: only the status can say no


@given(payments())
def test_cancel_and_capture_only_where_the_table_has_them(payment: Payment) -> None:
    allowed = _allowed(payment)
    column = column_of(payment)
    if C in allowed:
        assert payment.status in INCOMPLETE or (
            payment.status == "requires_capture" and column == "card schemes")
    if P in allowed:
        assert payment.status == "requires_capture" and column in ("card schemes", "other")


# --- manager approval ----------------------------------------------------------------------

limits = st.one_of(
    st.just(ApprovalLimits()),
    st.dictionaries(st.sampled_from(CURRENCIES + ("CAD", "JPY")), st.integers(0, MAX_AMOUNT_MINOR),
                    max_size=4).map(ApprovalLimits),
)


@st.composite
def refunds(draw: st.DrawFn) -> tuple[Action, Money, Payment, ApprovalLimits]:
    """A refund request: below, exactly, or above what is left to refund, often at the limit."""
    payment = draw(payments(st.sampled_from(["succeeded", "succeeded", "requires_capture"])))
    rules = draw(limits)
    left = payment.refundable.minor
    limit = rules.limit_for(payment.currency)
    near = [left, left + 1, max(left - 1, 1)]
    if limit is not None:
        near += [limit.minor, limit.minor + 1, max(limit.minor - 1, 1)]
    minor = draw(st.sampled_from(near) | st.integers(1, MAX_AMOUNT_MINOR + 1))
    return draw(st.sampled_from(REFUNDS)), Money(max(minor, 1), payment.currency), payment, rules


@given(refunds())
def test_approval_is_needed_unless_it_is_the_whole_rest_within_the_limit(
    refund: tuple[Action, Money, Payment, ApprovalLimits],
) -> None:
    action, amount, payment, rules = refund
    left, limit = payment.refundable, rules.limit_for(payment.currency)
    if amount > left:  # more than is left: refused, whoever approves
        with pytest.raises(OverRefund) as refused:
            approval_reason(action, amount, payment, rules)
        assert refused.value.params == {"maximum": left}
        return
    reason = approval_reason(action, amount, payment, rules)
    needed = []
    if amount < left:
        needed.append(Coded(ApprovalNeed.PARTIAL))
    if limit is None:
        needed.append(Coded(ApprovalNeed.NO_LIMIT, {"currency": payment.currency}))
    elif amount > limit:
        needed.append(Coded(ApprovalNeed.OVER_LIMIT, {"limit": limit}))
    assert reason == tuple(needed)  # none: exactly what is left, within the limit


@given(payments(), st.integers(1, MAX_AMOUNT_MINOR), limits, st.sampled_from([C, P]))
def test_cancel_and_capture_never_need_a_manager(
    payment: Payment, minor: int, rules: ApprovalLimits, action: Action
) -> None:
    assert approval_reason(action, Money(minor, payment.currency), payment, rules) == ()
