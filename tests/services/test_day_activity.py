"""The day's operations read from Stripe: every till's refunds, cancels and captures, with who
did them (metadata), joined with this till's own journal (attempts Stripe never held)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from pos_refunds.domain.day_operations import DayKind, DayOutcome
from pos_refunds.gateway import day_mapping
from pos_refunds.services import operations
from tests.services.helpers import (
    CASHIER,
    MANAGER,
    authorized_card,
    captured_card,
    find,
    run_with_services,
)


def _window() -> tuple[datetime, datetime]:
    now = datetime.now(UTC)
    return now - timedelta(hours=12), now + timedelta(hours=12)


def test_the_metadata_keys_are_the_ones_operations_write() -> None:
    assert (day_mapping.META_OPERATION, day_mapping.META_STAFF, day_mapping.META_APPROVER,
            day_mapping.META_TILL) == (operations.META_OPERATION, operations.META_STAFF,
                                       operations.META_APPROVER, operations.META_TILL)


def test_another_till_sees_every_refund_cancel_and_capture_with_who(sandbox, tmp_path) -> None:
    async def at_till_1(s):
        captured = await find(s, captured_card)
        await s.actions.refund_online(captured, captured.refundable, reason=None, note="",
                                      staff=CASHIER, approval=None)
        auth = await find(s, authorized_card)
        await s.actions.capture(auth, staff=MANAGER)
        other = await find(s, authorized_card)
        await s.actions.cancel(other, staff=CASHIER)
        return captured, auth, other

    refunded, captured, canceled = run_with_services(sandbox, tmp_path / "1.sqlite", at_till_1)

    async def at_till_2(s):
        start, end = _window()
        return await s.day.read(start, end, {})

    day = run_with_services(sandbox, tmp_path / "2.sqlite", at_till_2, till="till-2")
    kinds = {(o.kind, o.payment_id): o for o in day.operations}
    refund = kinds[DayKind.REFUND, refunded.id]
    assert (refund.till, refund.staff, refund.outcome) == ("till-1", CASHIER.name,
                                                           DayOutcome.DONE)
    assert refund.amount == refunded.refundable and refund.op_id
    assert refund.network == refunded.network and refund.last4 == refunded.last4
    capture = kinds[DayKind.CAPTURE, captured.id]
    assert (capture.till, capture.staff, capture.amount) == ("till-1", MANAGER.name,
                                                             captured.amount)
    cancel = kinds[DayKind.CANCEL, canceled.id]
    assert (cancel.till, cancel.staff) == ("till-1", CASHIER.name)
    # The payments captured there, made on an earlier day, come along for the totals.
    assert captured.id in {p.id for p in day.payments}
    assert len(day.operations) == len(kinds)  # one record per operation


def test_a_refund_made_outside_the_app_says_so(sandbox, tmp_path) -> None:
    async def pick(s):
        return await find(s, captured_card)

    payment = run_with_services(sandbox, tmp_path / "0.sqlite", pick)
    httpx.post(f"{sandbox.url}/v1/refunds", auth=(sandbox.api_key, ""),
               data={"payment_intent": payment.id, "amount": "100"}).raise_for_status()

    async def read(s):
        return await s.day.read(*_window(), {})

    day = run_with_services(sandbox, tmp_path / "1.sqlite", read)
    (op,) = [o for o in day.operations if o.payment_id == payment.id]
    assert op.outside_app and op.kind is DayKind.REFUND and op.amount.minor == 100


def test_this_tills_own_attempts_join_stripes_records_once(sandbox, tmp_path) -> None:
    jp = tmp_path / "1.sqlite"

    async def body(s):
        p = await find(s, captured_card)
        await s.actions.refund_online(p, p.refundable, reason=None, note="", staff=CASHIER,
                                      approval=None)
        return p, await s.day.read(*_window(), {})

    p, day = run_with_services(sandbox, jp, body)
    (op,) = [o for o in day.operations if o.payment_id == p.id]
    assert op.kind is DayKind.REFUND and op.till == "till-1" and op.history == ("succeeded",)
