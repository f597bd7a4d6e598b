"""When a refund needs a manager's PIN: partial refunds, and refunds over the shop's limit.

Pure functions, so the refund dialog (to ask for the PIN) and the services (to refuse a
refund that arrives without an approver) decide the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType

from .errors import OverRefund, PosError
from .money import Money
from .payments import Payment
from .policy import Action
from .reasons import AmountReason, ApprovalNeed, ApprovalReason, Coded

# Minor units: 200.00 CAD/USD/EUR, 300.00 AUD, 30,000 JPY.
DEFAULT_LIMITS: Mapping[str, int] = MappingProxyType(
    {"cad": 20000, "usd": 20000, "eur": 20000, "aud": 30000, "jpy": 30000}
)

REFUNDS = frozenset({Action.REFUND_ONLINE, Action.REFUND_ON_READER})


@dataclass(frozen=True)
class ApprovalLimits:
    """Per-currency refund limits in minor units; a refund above its limit needs a manager.

    A currency without a limit has no threshold a cashier may refund up to on their own:
    every refund in it needs a manager (fail safe, rather than unlimited).
    """

    per_currency: Mapping[str, int] = field(
        default_factory=lambda: dict(DEFAULT_LIMITS), hash=False
    )

    def __post_init__(self) -> None:
        limits: dict[str, int] = {}
        for currency, minor in self.per_currency.items():
            if not isinstance(minor, int) or isinstance(minor, bool) or minor < 0:
                raise ValueError(f"limit for {currency} must be a whole number of minor units ≥ 0")
            limits[currency.lower()] = minor
        object.__setattr__(self, "per_currency", MappingProxyType(limits))

    def limit_for(self, currency: str) -> Money | None:
        minor = self.per_currency.get(currency.lower())
        return None if minor is None else Money(minor, currency)


def is_partial(amount: Money, payment: Payment) -> bool:
    """Less than what is left to refund (a later refund of exactly the rest is not partial)."""
    return amount < payment.refundable


def approval_reason(
    action: Action, amount: Money, payment: Payment, limits: ApprovalLimits,
) -> tuple[Coded, ...]:
    """Why a manager must approve, as codes for the PIN prompt; empty when no one needs to.

    Raises ValueError for an amount that is not a positive sum in the payment's currency
    (a caller's bug) and OverRefund for more than is left to refund.
    """
    if action not in REFUNDS:
        return ()
    if amount.currency != payment.currency.lower():
        raise ValueError(f"amount in {amount.currency}, payment in {payment.currency}")
    if amount.minor <= 0:
        raise ValueError("a refund amount must be positive")
    if amount > payment.refundable:
        raise OverRefund(AmountReason.OVER_REFUNDABLE, maximum=payment.refundable)
    reasons: list[Coded] = []
    if is_partial(amount, payment):
        reasons.append(Coded(ApprovalNeed.PARTIAL))
    limit = limits.limit_for(amount.currency)
    if limit is None:
        reasons.append(Coded(ApprovalNeed.NO_LIMIT, {"currency": amount.currency}))
    elif amount > limit:
        reasons.append(Coded(ApprovalNeed.OVER_LIMIT, {"limit": limit}))
    return tuple(reasons)


# --- a manager's approval, bound to one operation --------------------------------------------

APPROVAL_LIFETIME = timedelta(minutes=10)  # asked for one refund now, not kept for later


class ApprovalRefused(PosError):
    """An approval that does not hold for this operation: another payment or amount, used
    already, expired, not issued by this till's staff list, or its manager no longer one."""


@dataclass(frozen=True, slots=True)
class ApprovalRequest:
    """What a manager is asked to approve: one refund of one amount on one payment."""

    payment_id: str
    amount: Money
    action: Action
    reasons: tuple[Coded, ...] = ()  # why it needs a manager (ApprovalNeed), for the prompt


@dataclass(frozen=True, slots=True)
class Approval:
    """Issued by the staff list once a manager's PIN was right, for exactly one request; the
    services take it only from the staff list's own record of it, and only once."""

    id: str
    manager_id: str
    manager_name: str
    request: ApprovalRequest
    issued_at: datetime


def check_binding(approval: Approval, payment_id: str, amount: Money, action: Action,
                  now: datetime) -> None:
    """The approval is for this very operation, and still fresh; raises ApprovalRefused."""
    asked = approval.request
    if (asked.payment_id, asked.amount, asked.action) != (payment_id, amount, action):
        raise ApprovalRefused(ApprovalReason.WRONG_OPERATION)
    if now - approval.issued_at > APPROVAL_LIFETIME:
        raise ApprovalRefused(ApprovalReason.TOO_OLD)
