"""What the services offer the UI: records and the shape of each use case.

The UI depends on these names only; `services/` implements them over the gateway and the
journal. Nothing here knows Qt exists.
"""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from ..domain.approvals import Approval
from ..domain.day_operations import DayActivity
from ..domain.money import Money
from ..domain.payments import Payment, Reader
from ..domain.reasons import ReaderReason
from ..domain.staff import Staff as Staff  # the record lives in the domain; named here too


class Mode(enum.Enum):
    TRAINING = "TRAINING"  # embedded sandbox
    TEST = "TEST"  # sk_test_/rk_test_ key on real Stripe
    LIVE = "LIVE"  # live key: extra confirmation on every money movement
    CUSTOM = "CUSTOM"  # --api-base pointing at another Stripe-compatible server


@dataclass(frozen=True, slots=True)
class ReaderRefundOptions:
    """Every option of POST /v1/terminal/readers/{id}/refund_payment the UI exposes."""

    enable_customer_cancellation: bool = False
    refund_application_fee: bool | None = None  # Connect only
    reverse_transfer: bool | None = None  # Connect only


class Step(enum.Enum):
    """The steps a reader refund shows, in order."""

    SENDING = "sending"
    WAITING_FOR_CARD = "waiting_for_card"
    PROCESSING = "processing"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELED = "canceled"

    @property
    def final(self) -> bool:
        return self in (Step.SUCCEEDED, Step.FAILED, Step.CANCELED)


@dataclass(frozen=True, slots=True)
class ReaderProgress:
    step: Step
    reader: Reader | None
    reason: ReaderReason  # what it means for the cashier (the UI words it)
    params: Mapping[str, Any] = field(default_factory=dict)  # e.g. the reader's label
    refund_id: str | None = None
    failure_code: str | None = None
    failure_message: str | None = None
    at: datetime | None = None


class TestCard(enum.Enum):
    """Cards the "Simulate card tap" button can present on a simulated reader."""

    __test__ = False  # not a pytest test class, despite the name

    INTERAC = "interac"  # the Interac test card: the right card for an Interac refund
    OTHER_CARD = "other_card"  # a Visa: the wrong card
    DECLINED = "declined"  # a card that declines


class StaffAuthority(Protocol):
    """What the services ask the staff list (AsyncStaffStore): who someone is as stored, and
    the staff list's own record of an approval it issued, handed out once."""

    async def member(self, staff_id: str) -> Staff | None: ...

    async def consume_approval(self, approval_id: str) -> Approval | None: ...


class PaymentsSource(Protocol):
    async def pages(self, *, page_size: int = 100) -> AsyncIterator[list[Payment]]:
        """Recent in-store payments, newest first, one page at a time."""
        ...

    async def refresh(self, payment_id: str) -> Payment: ...

    async def changes(self) -> list[Payment]:
        """Payments changed since the previous call (events), freshly read."""
        ...


class DayActivitySource(Protocol):
    async def read(self, start: datetime, end: datetime,
                   known: Mapping[str, Payment]) -> DayActivity:
        """The refunds, cancels and captures of [start, end), every till's (Stripe) and this
        till's own attempts (journal); with the payments they touched missing from `known`."""
        ...


class MoneyActions(Protocol):
    async def cancel(self, payment: Payment, *, staff: Staff) -> Payment: ...

    async def capture(self, payment: Payment, *, staff: Staff) -> Payment: ...

    async def refund_online(
        self,
        payment: Payment,
        amount: Money,
        *,
        reason: str | None,
        note: str,
        staff: Staff,
        approval: Approval | None,
    ) -> Payment: ...


class ReaderRefunds(Protocol):
    async def readers(self) -> list[Reader]: ...

    def refund(
        self,
        payment: Payment,
        reader_id: str,
        amount: Money,
        *,
        options: ReaderRefundOptions,
        staff: Staff,
        approval: Approval | None,
    ) -> AsyncIterator[ReaderProgress]:
        """Start the refund on the reader and follow it until it ends.

        Journaled before it is sent; never re-sent while following.
        """
        ...

    async def cancel(self, reader_id: str) -> None:
        """Cancel the reader's action, only if it is the one this till started."""
        ...

    async def check(self, reader_id: str) -> ReaderProgress: ...

    def resume(self, reader_id: str) -> AsyncIterator[ReaderProgress]:
        """Follow again our refund on the reader that nobody follows (it landed late, or its
        flow ended before the customer tapped), until it ends; journaled like `refund`."""
        ...

    async def present(self, reader_id: str, card: TestCard) -> None: ...
