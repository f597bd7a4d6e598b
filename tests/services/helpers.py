"""Shared test plumbing for the services: open them on a sandbox, find payments by kind."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from pos_refunds.domain.payments import Payment, PaymentState
from pos_refunds.journal import Journal, Operation
from pos_refunds.services.api import Mode, Staff
from pos_refunds.services.factory import ServiceConfig, Services, open_services
from tests.support.staff_list import StaffList

T = TypeVar("T")

CASHIER = Staff("c1", "Alex Cashier", "cashier")
MANAGER = Staff("m1", "Morgan Manager", "manager")


# Settling an unknown outcome pauses between attempts while the cashier waits; tests need
# the attempts, not the pauses.
NO_PAUSES = (0.0, 0.0, 0.0)
# Likewise following a reader, and the SDK's retries of a failed request: every read and every
# retry still happens, only without the pauses a real reader and a real Stripe need.
QUICK = {"reader_poll_start": 0.01, "reader_poll_max": 0.05, "retry_pause_scale": 0.02}


def config(sandbox, journal_path: Path, *, api_key: str | None = None, till: str = "till-1",
           request_timeout: float = 30.0, settle_delays: tuple[float, ...] = NO_PAUSES):
    return ServiceConfig(
        mode=Mode.TRAINING,
        api_key=api_key or sandbox.api_key,
        api_base=sandbox.url,
        stripe_account=None,
        journal_path=journal_path,
        till=till,
        request_timeout=request_timeout,
        settle_delays=settle_delays,
        live_settle_delays=settle_delays,
        **QUICK,
    )


def run_with_services(
    sandbox, journal_path: Path, body: Callable[[Services], Awaitable[T]], *,
    staff: StaffList | None = None, **kw
) -> T:
    """Open services inside a fresh loop (the SDK's HTTP client binds to its loop), run, close.

    The staff list they ask is `staff`, or one with CASHIER and MANAGER on it."""
    people = staff if staff is not None else StaffList([CASHIER, MANAGER])

    async def main() -> T:
        services = await open_services(config(sandbox, journal_path, **kw), staff=people,
                                       sandbox=sandbox)
        try:
            return await body(services)
        finally:
            await services.aclose()

    return asyncio.run(main())


async def all_payments(services: Services) -> list[Payment]:
    out: list[Payment] = []
    async for page in services.payments.pages(page_size=100):
        out.extend(page)
    return out


async def find(services: Services, pred: Callable[[Payment], bool]) -> Payment:
    for p in await all_payments(services):
        if pred(p):
            return p
    raise AssertionError("no seeded payment matches")


def captured_card(p: Payment) -> bool:
    """A captured Visa or Mastercard payment, nothing refunded yet."""
    return p.state is PaymentState.CAPTURED and p.network in ("visa", "mastercard")


def interac_captured(p: Payment) -> bool:
    return p.network == "interac" and p.state is PaymentState.CAPTURED


def authorized_card(p: Payment) -> bool:
    return p.state is PaymentState.AUTHORIZED and p.network in ("visa", "mastercard", "amex",
                                                                "discover")


def journal_ops(path: Path) -> list[Operation]:
    """The journal's operations as a second process would read them from disk."""
    j = Journal(path)
    try:
        return j.operations()
    finally:
        j.close()


def approval(services: Services, manager: Staff, payment: Payment, amount, action=None):
    """`manager`'s approval of this one refund, as the staff list gives it after their PIN."""
    from pos_refunds.domain.approvals import ApprovalRequest
    from pos_refunds.domain.policy import Action

    people = services.authorization.staff
    assert isinstance(people, StaffList)
    return people.issue(manager, ApprovalRequest(payment.id, amount,
                                                 action or Action.REFUND_ONLINE))
