"""Manager approval: partial refunds and refunds over the limit, nothing else."""

from __future__ import annotations

import pytest

from pos_refunds.domain.approvals import (
    DEFAULT_LIMITS,
    ApprovalLimits,
    approval_reason,
    is_partial,
)
from pos_refunds.domain.errors import OverRefund
from pos_refunds.domain.money import Money
from pos_refunds.domain.policy import Action
from pos_refunds.domain.reasons import AmountReason, ApprovalNeed, Coded
from tests.support.builders import make_payment

LIMITS = ApprovalLimits()
PARTIAL = (Coded(ApprovalNeed.PARTIAL),)


def over(minor: int, currency: str) -> tuple[Coded, ...]:
    return (Coded(ApprovalNeed.OVER_LIMIT, {"limit": Money(minor, currency)}),)


def no_limit(currency: str) -> tuple[Coded, ...]:
    return (Coded(ApprovalNeed.NO_LIMIT, {"currency": currency}),)


@pytest.mark.parametrize(
    ("amount", "refunded", "refund", "expected"),
    [
        (5000, 0, 4999, True),
        (5000, 0, 1, True),
        (5000, 0, 5000, False),
        (5000, 1000, 4000, False),  # exactly what is left: not partial
        (5000, 1000, 3999, True),
    ],
)
def test_is_partial(amount: int, refunded: int, refund: int, expected: bool) -> None:
    payment = make_payment(amount=amount, refunded=refunded)
    assert is_partial(Money(refund, "cad"), payment) is expected


@pytest.mark.parametrize(
    ("currency", "amount", "refunded", "refund", "expected"),
    [
        # Full refunds within the limit: no manager.
        ("cad", 5000, 0, 5000, ()),
        ("cad", 20000, 0, 20000, ()),  # exactly the limit
        ("jpy", 30000, 0, 30000, ()),
        ("aud", 30000, 0, 30000, ()),
        ("cad", 5000, 1000, 4000, ()),  # the rest of an earlier partial refund
        # Partial refunds: always a manager, however small.
        ("cad", 5000, 0, 100, PARTIAL),
        ("cad", 5000, 0, 4999, PARTIAL),
        ("jpy", 1200, 0, 1, PARTIAL),
        # Over the limit.
        ("cad", 20001, 0, 20001, over(20000, "cad")),
        ("usd", 50000, 0, 50000, over(20000, "usd")),
        ("aud", 30001, 0, 30001, over(30000, "aud")),
        ("jpy", 30001, 0, 30001, over(30000, "jpy")),
        # Both.
        ("eur", 90000, 0, 50000, PARTIAL + over(20000, "eur")),
        # A currency without a limit: fail safe.
        ("gbp", 500, 0, 500, no_limit("gbp")),
    ],
)
@pytest.mark.parametrize("action", [Action.REFUND_ONLINE, Action.REFUND_ON_READER])
def test_refund_approval(
    action: Action, currency: str, amount: int, refunded: int, refund: int,
    expected: tuple[Coded, ...],
) -> None:
    payment = make_payment(amount=amount, refunded=refunded, currency=currency)
    assert approval_reason(action, Money(refund, currency), payment, LIMITS) == expected


@pytest.mark.parametrize("action", [Action.CANCEL, Action.CAPTURE])
@pytest.mark.parametrize("status", ["requires_capture", "requires_payment_method"])
def test_cancel_and_capture_need_no_manager(action: Action, status: str) -> None:
    payment = make_payment(status=status, amount=10_000_000)
    assert approval_reason(action, Money(10_000_000, "cad"), payment, LIMITS) == ()


def test_configured_limits_replace_the_defaults() -> None:
    limits = ApprovalLimits({"CAD": 1000})
    payment = make_payment(amount=1500)
    assert limits.per_currency == {"cad": 1000}
    assert approval_reason(Action.REFUND_ONLINE, Money(1500, "cad"), payment, limits) == (
        over(1000, "cad"))
    usd = make_payment(amount=100, currency="usd")
    assert approval_reason(Action.REFUND_ONLINE, Money(100, "usd"), usd, limits) == (
        no_limit("usd"))


def test_zero_limit_means_every_refund_needs_a_manager() -> None:
    limits = ApprovalLimits({"cad": 0})
    payment = make_payment(amount=1)
    assert approval_reason(Action.REFUND_ONLINE, Money(1, "cad"), payment, limits)


def test_default_limits() -> None:
    assert dict(ApprovalLimits().per_currency) == dict(DEFAULT_LIMITS)
    assert DEFAULT_LIMITS["cad"] == 20000
    assert ApprovalLimits().limit_for("JPY") == Money(30000, "jpy")
    assert ApprovalLimits().limit_for("gbp") is None


def test_limits_cannot_be_changed_after_the_fact() -> None:
    source = {"cad": 1000}
    limits = ApprovalLimits(source)
    source["cad"] = 10**9
    assert limits.limit_for("cad") == Money(1000, "cad")
    with pytest.raises(TypeError):
        limits.per_currency["cad"] = 5  # type: ignore[index]


@pytest.mark.parametrize("bad", [-1, 1.5, "100", True, None])
def test_bad_limits_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="cad"):
        ApprovalLimits({"cad": bad})  # type: ignore[dict-item]


def test_over_refund_is_refused() -> None:
    payment = make_payment(amount=5000, refunded=1000)
    with pytest.raises(OverRefund) as refused:
        approval_reason(Action.REFUND_ONLINE, Money(4001, "cad"), payment, LIMITS)
    assert refused.value.reason is AmountReason.OVER_REFUNDABLE
    assert refused.value.params == {"maximum": Money(4000, "cad")}


@pytest.mark.parametrize("amount", [Money(0, "cad"), Money(-5, "cad"), Money(100, "usd")])
def test_nonsense_amounts_are_caller_bugs(amount: Money) -> None:
    with pytest.raises(ValueError):
        approval_reason(Action.REFUND_ONLINE, amount, make_payment(amount=5000), LIMITS)
