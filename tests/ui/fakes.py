"""In-memory services for UI tests that do not need the sandbox: same protocols, no network."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from pos_refunds.domain.approvals import approval_reason
from pos_refunds.domain.day_operations import DayActivity
from pos_refunds.domain.errors import ApprovalRequired, NotFound, PosError
from pos_refunds.domain.guarded import GuardedSettings
from pos_refunds.domain.money import Money
from pos_refunds.domain.payments import Payment, Reader
from pos_refunds.domain.policy import Action
from pos_refunds.journal import VerifyReport
from pos_refunds.services.api import Mode, Staff
from tests.support.builders import make_reader


class FakeSource:
    def __init__(self, payments: list[Payment], page_size: int = 2) -> None:
        self.payments = {p.id: p for p in payments}
        self.order = [p.id for p in payments]
        self.page_size = page_size
        self.pending: list[Payment] = []
        self.fail_changes: PosError | None = None
        self.page_gate: asyncio.Event | None = None  # hold pages back until set
        self.refreshed: list[str] = []  # ids read afresh, in order

    async def pages(self, *, page_size: int = 100) -> AsyncIterator[list[Payment]]:
        for start in range(0, len(self.order), self.page_size):
            if self.page_gate is not None:
                await self.page_gate.wait()
            await asyncio.sleep(0)
            yield [self.payments[i] for i in self.order[start:start + self.page_size]]

    async def refresh(self, payment_id: str) -> Payment:
        await asyncio.sleep(0)
        self.refreshed.append(payment_id)
        if payment_id not in self.payments:
            raise NotFound(f"No such payment: {payment_id}")
        return self.payments[payment_id]

    async def changes(self) -> list[Payment]:
        await asyncio.sleep(0)
        if self.fail_changes is not None:
            raise self.fail_changes
        out, self.pending = self.pending, []
        return out

    def change(self, payment: Payment) -> None:
        """Another till changed (or made) this payment."""
        self.payments[payment.id] = payment
        self.pending.append(payment)


class FakeActions:
    def __init__(self, source: FakeSource) -> None:
        self.source = source
        self.calls: list[tuple] = []
        self.fail: BaseException | None = None

    async def _apply(self, payment: Payment, **changes) -> Payment:
        await asyncio.sleep(0)
        if self.fail is not None:
            raise self.fail
        fresh = dataclasses.replace(self.source.payments[payment.id], **changes)
        self.source.payments[payment.id] = fresh
        return fresh

    async def cancel(self, payment: Payment, *, staff: Staff) -> Payment:
        self.calls.append(("cancel", payment.id, staff.id))
        return await self._apply(payment, status="canceled",
                                 amount_capturable=Money(0, payment.currency))

    async def capture(self, payment: Payment, *, staff: Staff) -> Payment:
        self.calls.append(("capture", payment.id, staff.id))
        return await self._apply(payment, status="succeeded", amount_received=payment.amount,
                                 amount_capturable=Money(0, payment.currency))

    async def refund_online(self, payment: Payment, amount: Money, *, reason, note, staff,
                            approval) -> Payment:
        self.calls.append(("refund", payment.id, amount.minor, reason, note, staff.id,
                           approval.manager_id if approval else None))
        return await self._apply(payment, amount_refunded=payment.amount_refunded + amount)


class FakeReaders:
    def __init__(self, readers: list[Reader] | None = None) -> None:
        self._readers = readers if readers is not None else [make_reader()]

    async def readers(self) -> list[Reader]:
        await asyncio.sleep(0)
        return list(self._readers)


class FakeJournal:
    """An empty journal, as the UI reads one (JournalReader)."""

    async def operations(self, *, since=None, until=None) -> list:  # noqa: ANN001
        await asyncio.sleep(0)
        return []

    async def entries(self) -> list:
        await asyncio.sleep(0)
        return []

    async def verify(self) -> VerifyReport:
        await asyncio.sleep(0)
        return VerifyReport(ok=True, checked=0, problems=[])

    async def export_csv(self, file) -> None:  # noqa: ANN001
        await asyncio.sleep(0)


class FakeDay:
    """No operations made today (DayActivitySource)."""

    async def read(self, start, end, known) -> DayActivity:  # noqa: ANN001
        await asyncio.sleep(0)
        return DayActivity([], [])


@dataclass
class FakeServices:
    payments: FakeSource
    actions: FakeActions
    readers: FakeReaders
    mode: Mode = Mode.TRAINING
    account_name: str = "Training shop"
    connect: bool = False
    unresolved: list = field(default_factory=list)
    settled_at_start: list = field(default_factory=list)
    closed: bool = False
    settled: list = field(default_factory=list)  # operations the next settling closes
    guarded: GuardedSettings = field(default_factory=GuardedSettings)
    guarded_problem: str = ""
    journal: FakeJournal = field(default_factory=FakeJournal)
    day: FakeDay = field(default_factory=FakeDay)

    def approval_reason(self, action: Action, amount: Money, payment: Payment) -> str | None:
        return approval_reason(action, amount, payment, self.guarded.limits())

    async def audit_journal(self):  # noqa: ANN201 - no journal in these fakes
        raise NotFound("No journal in this fake.")

    async def set_guarded(self, values: GuardedSettings, *, by: Staff) -> GuardedSettings:
        await asyncio.sleep(0)
        if not by.is_manager:
            raise ApprovalRequired(f"{by.name} is not a manager: a manager must do this.")
        self.guarded = values
        return values

    async def settle_open(self) -> list:
        await asyncio.sleep(0)
        closed, self.settled = self.settled, []
        return closed

    async def aclose(self) -> None:
        await asyncio.sleep(0)
        self.closed = True


def fake_services(payments: list[Payment], *, mode: Mode = Mode.TRAINING,
                  page_size: int = 2) -> FakeServices:
    source = FakeSource(payments, page_size)
    return FakeServices(source, FakeActions(source), FakeReaders(), mode=mode)


@dataclass
class FakeApprovals:
    """What a flow asks the services (FlowBackEnd): the mode and the approval rule."""

    mode: Mode = Mode.TRAINING
    guarded: GuardedSettings = field(default_factory=GuardedSettings)

    def approval_reason(self, action: Action, amount: Money, payment: Payment) -> str | None:
        return approval_reason(action, amount, payment, self.guarded.limits())
