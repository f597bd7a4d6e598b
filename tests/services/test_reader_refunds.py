"""Interac refunds on a reader through the services: the happy path and every way it ends."""

from __future__ import annotations

import asyncio

import pytest

from pos_refunds.domain import errors as e
from pos_refunds.domain.money import Money
from pos_refunds.domain.reasons import ReaderReason, StripeReason
from pos_refunds.journal import OperationState
from pos_refunds.services.api import ReaderRefundOptions, Step, TestCard
from tests.services.helpers import (
    CASHIER,
    MANAGER,
    find,
    interac_captured,
    journal_ops,
    run_with_services,
)


async def _reader(s, *, skip: set[str] = frozenset()):
    for r in await s.readers.readers():
        if r.status == "online" and not r.busy and r.can_refund and r.id not in skip:
            return r
    raise AssertionError("no idle online reader")


NO_OPTIONS = ReaderRefundOptions()


async def _start_until_waiting(s):
    """Start a full refund of a captured Interac payment on an idle reader; return once the
    reader waits for the card, with the flow still open."""
    p = await find(s, interac_captured)
    reader = await _reader(s)
    flow = s.readers.refund(p, reader.id, p.refundable, options=NO_OPTIONS, staff=MANAGER,
                            approval=None)
    async for u in flow:
        if u.step is Step.WAITING_FOR_CARD:
            return p, reader, flow
    raise AssertionError("the flow ended before the reader waited for a card")


async def _run_refund(s, card: TestCard | None, *, options=NO_OPTIONS, on_wait=None,
                      amount=None):
    p = await find(s, interac_captured)
    reader = await _reader(s)
    steps = []
    flow = s.readers.refund(p, reader.id, amount or p.refundable, options=options,
                            staff=MANAGER, approval=None)
    async for update in flow:
        steps.append(update)
        if update.step is Step.WAITING_FOR_CARD and len(
            [u for u in steps if u.step is Step.WAITING_FOR_CARD]
        ) == 1:
            if on_wait is not None:
                await on_wait(s, reader, p)
            elif card is not None:
                await s.readers.present(reader.id, card)
    return p, reader, steps


def test_interac_refund_on_reader_succeeds_with_the_right_card(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p, reader, steps = await _run_refund(s, TestCard.INTERAC)
        return p, await s.payments.refresh(p.id), steps

    before, after, steps = run_with_services(sandbox, jp, body)
    kinds = [u.step for u in steps]
    assert kinds[0] is Step.SENDING
    assert Step.WAITING_FOR_CARD in kinds and Step.PROCESSING in kinds
    assert kinds[-1] is Step.SUCCEEDED
    assert steps[-1].refund_id and steps[-1].refund_id.startswith("re_")
    assert after.amount_refunded == before.amount_received
    (op,) = journal_ops(jp)
    assert op.state is OperationState.SUCCEEDED
    assert op.stripe_ids["refund"] == steps[-1].refund_id


@pytest.mark.parametrize(("card", "code_part"), [
    (TestCard.DECLINED, "declined"),
    (TestCard.OTHER_CARD, ""),
])
def test_declined_or_wrong_card_fails_with_stripes_reason(sandbox, tmp_path, card,
                                                          code_part) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p, reader, steps = await _run_refund(s, card)
        return p, await s.payments.refresh(p.id), steps

    before, after, steps = run_with_services(sandbox, jp, body)
    last = steps[-1]
    assert last.step is Step.FAILED
    assert last.failure_code and code_part in last.failure_code
    assert after.amount_refunded == before.amount_refunded  # no money moved
    (op,) = journal_ops(jp)
    assert op.state is OperationState.FAILED


def test_cancel_on_the_reader_ends_as_canceled(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def cancel(s, reader, p):
        await s.readers.cancel(reader.id)

    def body(s):
        return _run_refund(s, None, on_wait=cancel)

    _, _, steps = run_with_services(sandbox, jp, body)
    assert steps[-1].step is Step.CANCELED
    (op,) = journal_ops(jp)
    assert op.state is OperationState.FAILED


def test_reader_timeout_ends_the_flow(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def wait_out(s, reader, p):
        sandbox.advance_clock(3600)

    _, _, steps = run_with_services(sandbox, jp, lambda s: _run_refund(s, None, on_wait=wait_out))
    assert steps[-1].step is Step.FAILED
    assert "timeout" in (steps[-1].failure_code or "")


def test_busy_reader_is_refused_and_nothing_is_journaled_as_sent(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p, reader, first = await _start_until_waiting(s)
        others = [q for q in await _interacs(s) if q.id != p.id]
        with pytest.raises(e.ReaderBusy):
            async for _ in s.readers.refund(others[0], reader.id, others[0].refundable,
                                            options=NO_OPTIONS, staff=MANAGER,
                                            approval=None):
                pass
        await first.aclose()
        await s.readers.cancel(reader.id)

    run_with_services(sandbox, jp, body)


def test_offline_reader_is_refused_with_a_clear_message(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, interac_captured)
        offline = [r for r in await s.readers.readers() if r.status == "offline"]
        assert offline, "the sandbox seeds one offline reader"
        with pytest.raises(e.ReaderOffline, match=r"^reader\.offline\b"):
            async for _ in s.readers.refund(p, offline[0].id, p.refundable,
                                            options=NO_OPTIONS, staff=MANAGER,
                                            approval=None):
                pass

    run_with_services(sandbox, jp, body)
    assert journal_ops(jp) == []


def test_reader_going_offline_mid_flow_is_reported_then_times_out(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"
    messages: list[str] = []

    async def go_offline(s, reader, p):
        sandbox.set_reader_status(reader.id, "offline")

    async def body(s):
        p = await find(s, interac_captured)
        reader = await _reader(s)
        flow = s.readers.refund(p, reader.id, p.refundable, options=NO_OPTIONS,
                                staff=MANAGER, approval=None)
        steps = []
        async for u in flow:
            steps.append(u)
            messages.append(u.reason)
            if u.step is Step.WAITING_FOR_CARD and len(steps) == 2:
                sandbox.set_reader_status(reader.id, "offline")
            elif u.reason is ReaderReason.OFFLINE_WAITING:
                sandbox.advance_clock(3600)
        return steps

    steps = run_with_services(sandbox, jp, body)
    assert ReaderReason.OFFLINE_WAITING in messages
    assert steps[-1].step is Step.FAILED


def test_another_tills_action_is_never_canceled(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"
    jp2 = tmp_path / "j2.sqlite"

    async def start_on_till_1(s):
        _, reader, flow = await _start_until_waiting(s)
        await flow.aclose()
        return reader.id

    reader_id = run_with_services(sandbox, jp, start_on_till_1)

    async def cancel_from_till_2(s):
        with pytest.raises(e.ActionNotAllowed, match=r"^reader\.not_ours\b"):
            await s.readers.cancel(reader_id)
        return await s.readers.check(reader_id)

    progress = run_with_services(sandbox, jp2, cancel_from_till_2, till="till-2")
    assert progress.step is Step.WAITING_FOR_CARD  # still running for till 1


def test_stale_action_of_ours_is_recovered_at_start(sandbox, tmp_path) -> None:
    """A crash while the reader waits: the next start cancels our leftover action and
    closes the journal entry with the truth."""
    jp = tmp_path / "j.sqlite"

    async def start_then_crash(s):
        _, reader, _flow = await _start_until_waiting(s)
        return reader.id  # the flow is abandoned mid-way, as in a crash

    reader_id = run_with_services(sandbox, jp, start_then_crash)
    assert [op.state for op in journal_ops(jp)] == [OperationState.PENDING]

    async def restart(s):
        return s.unresolved, s.settled_at_start, await s.readers.check(reader_id)

    unresolved, settled, progress = run_with_services(sandbox, jp, restart)
    assert unresolved == []
    assert progress.step in (Step.CANCELED, Step.FAILED)
    (op,) = journal_ops(jp)
    assert op.state is OperationState.FAILED
    # what the window tells the cashier: that operation, closed, with its reader
    assert [(o.op_id, o.state, o.reader_id) for o in settled] == [
        (op.op_id, OperationState.FAILED, reader_id)]


def test_partial_reader_refund_needs_a_manager(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, interac_captured)
        reader = await _reader(s)
        with pytest.raises(e.ApprovalRequired):
            async for _ in s.readers.refund(p, reader.id, Money(100, p.currency),
                                            options=NO_OPTIONS, staff=CASHIER,
                                            approval=None):
                pass

    run_with_services(sandbox, jp, body)
    assert journal_ops(jp) == []


async def _interacs(s):
    from tests.services.helpers import all_payments

    return [p for p in await all_payments(s) if interac_captured(p)]


def test_follow_keeps_going_through_network_errors(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def flaky(s, reader, p):
        sandbox.inject_fault(method="GET", path=f"/v1/terminal/readers/{reader.id}",
                             kind="error_before", status=500, count=6)
        await asyncio.sleep(0)
        await s.readers.present(reader.id, TestCard.INTERAC)

    _, _, steps = run_with_services(sandbox, jp, lambda s: _run_refund(s, None, on_wait=flaky))
    assert steps[-1].step is Step.SUCCEEDED


def test_check_status_closes_an_unknown_outcome(sandbox, tmp_path) -> None:
    """The refund reached the reader but the answer was lost: the flow ends unknown, the
    customer taps anyway, and Check status records what really happened."""
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, interac_captured)
        reader = await _reader(s)
        path = f"^/v1/terminal/readers/{reader.id}"
        sandbox.inject_fault("error_after", method="POST", path=path + "/refund_payment$")
        with pytest.raises(e.OutcomeUnknown, match=r"^reader\.not_confirmed$"):
            async for u in s.readers.refund(p, reader.id, p.refundable, options=NO_OPTIONS,
                                            staff=MANAGER, approval=None):
                if u.step is Step.SENDING and u.reader is not None:
                    # every look at the reader while the cashier waits fails too (3 looks,
                    # of 3 tries each)
                    sandbox.inject_fault("error_before", method="GET", path=path + "$",
                                         count=9)
        await s.readers.present(reader.id, TestCard.INTERAC)
        return await s.readers.check(reader.id)

    progress = run_with_services(sandbox, jp, body)
    assert progress.step is Step.SUCCEEDED
    (op,) = journal_ops(jp)
    assert op.state is OperationState.SUCCEEDED
    assert op.stripe_ids["refund"] == progress.refund_id


def test_stale_action_that_could_not_be_canceled_is_not_closed_as_failed(
    sandbox, tmp_path, monkeypatch
) -> None:
    """At start our leftover action is to be canceled, but Stripe refuses (say the reader
    is offline): the action may still complete, so the entry must stay open, and the
    refund the customer then makes is recorded as done (not a 'failed' one to redo)."""
    from pos_refunds.gateway.readers import ReadersGateway

    jp = tmp_path / "j.sqlite"

    async def start_then_crash(s):
        _, reader, flow = await _start_until_waiting(s)
        await flow.aclose()
        return reader.id

    reader_id = run_with_services(sandbox, jp, start_then_crash)

    async def refuse(self, reader_id):
        raise e.ReaderOffline(StripeReason.READER_OFFLINE, stripe_code="terminal_reader_offline")

    monkeypatch.setattr(ReadersGateway, "cancel_action", refuse)

    async def restart(s):
        unresolved = list(s.unresolved)
        await s.readers.present(reader_id, TestCard.INTERAC)  # the customer taps after all
        return unresolved, await s.readers.check(reader_id)

    unresolved, progress = run_with_services(sandbox, jp, restart)
    assert len(unresolved) == 1  # not closed as failed while the action could still run
    assert progress.step is Step.SUCCEEDED
    (op,) = journal_ops(jp)
    assert op.state is OperationState.SUCCEEDED
    assert op.stripe_ids["refund"] == progress.refund_id



def test_reader_timeout_on_sending_is_an_unknown_outcome_not_a_failure(
    sandbox, tmp_path, monkeypatch
) -> None:
    """`terminal_reader_timeout` on refund_payment: the reader may have the action anyway.
    The entry must not be closed as failed (a new refund could then be sent while this one
    still runs); the flow looks at the reader and follows our action."""
    from pos_refunds.gateway.readers import ReadersGateway

    jp = tmp_path / "j.sqlite"
    real = ReadersGateway.refund_payment
    calls = []

    async def times_out(self, *args, **kw):
        calls.append(args)
        await real(self, *args, **kw)  # Stripe started the action on the reader...
        raise e.ReaderTimeout(StripeReason.READER_TIMEOUT,
                              stripe_code="terminal_reader_timeout")  # ...but answered late

    monkeypatch.setattr(ReadersGateway, "refund_payment", times_out)

    async def body(s):
        p, reader, steps = await _run_refund(s, TestCard.INTERAC)
        return p, await s.payments.refresh(p.id), steps

    before, after, steps = run_with_services(sandbox, jp, body)
    assert len(calls) == 1  # looked at the reader; nothing sent twice
    assert steps[-1].step is Step.SUCCEEDED
    assert after.amount_refunded == before.amount_received
    (op,) = journal_ops(jp)
    assert op.state is OperationState.SUCCEEDED


def test_two_status_checks_at_once_close_the_entry_once_without_error(sandbox, tmp_path) -> None:
    """A double tap on Check status (or a check while the next operation on the payment
    settles the same entry): both resolve the same open entry; the second must find it
    closed and say the same, not fail on the journal's closed-stays-closed rule."""
    jp = tmp_path / "j.sqlite"

    async def body(s):
        _, reader, flow = await _start_until_waiting(s)
        await flow.aclose()  # nobody follows it any more
        await s.readers.present(reader.id, TestCard.INTERAC)
        return await asyncio.gather(s.readers.check(reader.id), s.readers.check(reader.id))

    first, second = run_with_services(sandbox, jp, body)
    assert first.step is Step.SUCCEEDED and second.step is Step.SUCCEEDED
    (op,) = journal_ops(jp)
    assert op.state is OperationState.SUCCEEDED


def test_recovery_trusts_the_actions_refund_when_the_refund_lacks_our_metadata(
    sandbox, tmp_path
) -> None:
    """A crash while the reader waits; the customer taps; Stripe's refund does not carry our
    operation id. The reader's action still names the refund: the entry closes as done."""
    import stripe

    jp = tmp_path / "j.sqlite"

    async def start_then_crash(s):
        _, reader, _flow = await _start_until_waiting(s)
        await s.readers.present(reader.id, TestCard.INTERAC)
        return reader.id

    reader_id = run_with_services(sandbox, jp, start_then_crash)
    client = stripe.StripeClient(sandbox.api_key, base_addresses={"api": sandbox.url})
    refund_id = client.v1.terminal.readers.retrieve(reader_id).action.refund_payment.refund
    client.v1.refunds.update(refund_id, {"metadata": {"pos_operation_id": ""}})

    unresolved = run_with_services(sandbox, jp, lambda s: _unresolved(s))
    assert unresolved == []
    (op,) = journal_ops(jp)
    assert op.state is OperationState.SUCCEEDED
    assert op.stripe_ids["refund"] == refund_id


async def _unresolved(s):
    return s.unresolved


def test_reader_refused_at_send_is_journaled_failed_with_stripes_request_id(
    sandbox, tmp_path
) -> None:
    """The reader drops offline between the till's look and the send: Stripe refuses, the
    cashier is told, and the journal keeps the request id for support."""
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, interac_captured)
        reader = await _reader(s)
        with pytest.raises(e.ReaderOffline) as info:
            async for u in s.readers.refund(p, reader.id, p.refundable, options=NO_OPTIONS,
                                            staff=MANAGER, approval=None):
                if u.step is Step.SENDING:
                    sandbox.set_reader_status(reader.id, "offline")
        return info.value

    err = run_with_services(sandbox, jp, body)
    (op,) = journal_ops(jp)
    assert op.state is OperationState.FAILED
    assert err.request_id and op.stripe_ids["request_id"] == err.request_id
