"""A request that may still land is never declared failed by looking alone.

The requests here are held by the sandbox (a latency fault that hangs up on the till, as a
till whose request timed out sees it) until the test lets them land, so what each case shows
never depends on the machine's speed.
"""

from __future__ import annotations

import asyncio

import pytest

from pos_refunds.domain import errors as e
from pos_refunds.journal import Journal, OperationState
from pos_refunds.services.api import ReaderRefundOptions, Step, TestCard
from tests.services.helpers import (
    CASHIER,
    MANAGER,
    authorized_card,
    find,
    interac_captured,
    journal_ops,
    run_with_services,
)

NO_OPTIONS = ReaderRefundOptions()


async def _reader(s):
    for r in await s.readers.readers():
        if r.status == "online" and not r.busy and r.can_refund:
            return r
    raise AssertionError("no idle online reader")


async def _in_thread(fn, *args):
    """Wait for a sandbox condition without blocking the loop the services run on."""
    return await asyncio.get_running_loop().run_in_executor(None, fn, *args)


async def _refund_on(s, p, reader_id):
    return [u async for u in s.readers.refund(p, reader_id, p.refundable, options=NO_OPTIONS,
                                              staff=MANAGER, approval=None)]


def _hold_refund_payment(sandbox, reader_id: str, *, hang_up: bool = True) -> str:
    path = f"^/v1/terminal/readers/{reader_id}/refund_payment$"
    return sandbox.inject_fault("latency", method="POST", path=path, hold=True,
                                hang_up=hang_up)["id"]


def test_reader_refund_slower_than_the_till_is_not_refunded_twice(sandbox, tmp_path) -> None:
    """The refund request reaches Stripe slower than the till waits. The flow must not close
    it as failed, a second attempt at once is refused, and when the slow request lands its
    action on the reader is ours: Cancel on the reader works, and one refund at most moves."""
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, interac_captured)
        reader = await _reader(s)
        fault = _hold_refund_payment(sandbox, reader.id)
        with pytest.raises(e.OutcomeUnknown, match=r"^reader\.not_confirmed$"):
            await _refund_on(s, p, reader.id)
        (op,) = await s.journal.operations()
        assert op.state is OperationState.UNKNOWN  # may still land: not failed

        with pytest.raises(e.OutcomeUnknown, match=r"^operation\.earlier_open\b"):
            await _refund_on(s, p, reader.id)  # the cashier asks again at once
        assert len(await s.journal.operations()) == 1  # nothing new was begun or sent

        await _in_thread(sandbox.wait_held, fault)
        sandbox.release_faults(fault)
        await _in_thread(sandbox.wait_idle)  # the slow request has landed: the reader asks
        landed = await s.readers.check(reader.id)
        assert landed.step is Step.WAITING_FOR_CARD
        await s.readers.cancel(reader.id)  # ours, though it landed late
        assert await s.recovery.resolve_all() == []
        return p, await s.payments.refresh(p.id)

    p, after = run_with_services(sandbox, jp, body)
    assert after.refunds == () and after.refundable == p.refundable
    (op,) = journal_ops(jp)
    assert op.state is OperationState.FAILED


def test_a_late_landing_refund_is_followed_again_and_recorded(sandbox, tmp_path) -> None:
    """The same slow request, but the customer is still there: Check status finds our action
    on the reader, the till follows it again, and the tap's refund is journaled as done."""
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, interac_captured)
        reader = await _reader(s)
        fault = _hold_refund_payment(sandbox, reader.id)
        with pytest.raises(e.OutcomeUnknown):
            await _refund_on(s, p, reader.id)
        await _in_thread(sandbox.wait_held, fault)
        sandbox.release_faults(fault)
        await _in_thread(sandbox.wait_idle)
        steps = []
        async for update in s.readers.resume(reader.id):
            steps.append(update.step)
            if update.step is Step.WAITING_FOR_CARD and steps.count(update.step) == 1:
                await s.readers.present(reader.id, TestCard.INTERAC)
        return p, steps, await s.payments.refresh(p.id)

    p, steps, after = run_with_services(sandbox, jp, body)
    assert steps[-1] is Step.SUCCEEDED
    assert len(after.refunds) == 1 and after.refunds[0].amount == p.refundable
    (op,) = journal_ops(jp)
    assert op.state is OperationState.SUCCEEDED
    assert op.stripe_ids["refund"] == after.refunds[0].id


def test_till_killed_while_the_reader_refund_is_in_flight(sandbox, tmp_path) -> None:
    """The till dies while its refund request is still on its way. At the next start the
    operation stays open (re-sent with its key: Stripe says 409, still running), the payment
    takes nothing new, and when the request lands its action is canceled as left over:
    nobody is refunded, and the refund can then be made once."""
    jp = tmp_path / "j.sqlite"
    held: dict[str, str] = {}

    async def crash(s):
        p = await find(s, interac_captured)
        reader = await _reader(s)
        held["fault"] = _hold_refund_payment(sandbox, reader.id, hang_up=False)
        flow = asyncio.get_running_loop().create_task(_refund_on(s, p, reader.id))
        await _in_thread(sandbox.wait_held, held["fault"])
        flow.cancel()  # the till is gone, its request still on its way to Stripe
        with pytest.raises(asyncio.CancelledError):
            await flow
        return p, reader

    p, reader = run_with_services(sandbox, jp, crash)
    assert [op.state for op in journal_ops(jp)] == [OperationState.PENDING]

    async def restart(s):
        assert [op.payment_id for op in s.unresolved] == [p.id]  # not closed as failed
        with pytest.raises(e.OutcomeUnknown, match=r"^operation\.earlier_open\b"):
            await _refund_on(s, p, reader.id)
        sandbox.release_faults(held["fault"])
        await _in_thread(sandbox.wait_idle)
        assert (await s.readers.check(reader.id)).step is Step.WAITING_FOR_CARD
        assert await s.recovery.resolve_all() == []  # left over: canceled on the reader
        assert (await s.payments.refresh(p.id)).refunds == ()
        steps = []
        async for update in s.readers.refund(p, reader.id, p.refundable, options=NO_OPTIONS,
                                             staff=MANAGER, approval=None):
            steps.append(update.step)
            if update.step is Step.WAITING_FOR_CARD and steps.count(update.step) == 1:
                await s.readers.present(reader.id, TestCard.INTERAC)
        return steps, await s.payments.refresh(p.id)

    steps, after = run_with_services(sandbox, jp, restart)
    assert steps[-1] is Step.SUCCEEDED
    assert len(after.refunds) == 1
    newest_first = [op.state for op in journal_ops(jp)]
    assert newest_first == [OperationState.SUCCEEDED, OperationState.FAILED]


def test_a_saved_500_on_the_note_before_a_cancel_does_not_block_the_cancel(
    sandbox, tmp_path
) -> None:
    """Stripe keeps a 5xx for its key: the note of who cancels (an update of the payment's
    metadata) answered 500 after committing would replay forever. It never holds up the cancel:
    the authorization is released, once, and the journal says so."""
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, authorized_card)
        sandbox.inject_fault("error_after", method="POST", path=f"^/v1/payment_intents/{p.id}$",
                             count=10)
        after = await s.actions.cancel(p, staff=CASHIER)
        return p, after

    p, after = run_with_services(sandbox, jp, body)
    assert after.status == "canceled"
    (op,) = journal_ops(jp)
    assert op.state is OperationState.SUCCEEDED


def test_a_cancel_that_stopped_before_it_was_sent_is_settled_as_not_done(
    sandbox, tmp_path
) -> None:
    """The till stopped after journaling a cancel (and perhaps its note), before the cancel
    itself went out: the payment is still authorized, so at the next start the operation is
    closed as not done, and the cashier can cancel it again."""
    jp = tmp_path / "j.sqlite"

    async def find_auth(s):
        return await find(s, authorized_card)

    p = run_with_services(sandbox, jp, find_auth)
    j = Journal(jp)
    j.begin("cancel", p.id, amount=p.amount, staff=CASHIER.name, approver=None, till="till-1")
    j.close()

    async def restart(s):
        unresolved = s.unresolved
        fresh = await s.payments.refresh(p.id)
        return unresolved, fresh, await s.actions.cancel(fresh, staff=CASHIER)

    unresolved, before, after = run_with_services(sandbox, jp, restart)
    assert unresolved == [] and before.status == "requires_capture"
    assert after.status == "canceled"
    newest_first = [op.state for op in journal_ops(jp)]
    assert newest_first == [OperationState.SUCCEEDED, OperationState.FAILED]
