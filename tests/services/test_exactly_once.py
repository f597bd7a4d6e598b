"""Money moves at most once: faults after Stripe committed, and crashes around the send.

Each case ends with exactly one refund on the payment and a journal that says so.
"""

from __future__ import annotations

import asyncio

import pytest

from pos_refunds.domain import errors as e
from pos_refunds.gateway.client import ClientHandle, Connection
from pos_refunds.gateway.payments import PaymentsGateway
from pos_refunds.journal import Journal, OperationKind, OperationState
from pos_refunds.services.operations import operation_metadata
from tests.services.helpers import CASHIER, captured_card, find, journal_ops, run_with_services
from tests.support.staff_list import StaffList

REFUNDS_PATH = r"^/v1/refunds$"


def _refund_once_with_fault(sandbox, jp, kind: str):
    async def body(s):
        p = await find(s, captured_card)
        sandbox.inject_fault(kind, method="POST", path=REFUNDS_PATH, count=1)
        after = await s.actions.refund_online(p, p.refundable, reason=None, note="",
                                              staff=CASHIER, approval=None)
        refunds = await s.payments.refresh(p.id)
        return p, after, refunds.refunds

    return run_with_services(sandbox, jp, body)


@pytest.mark.parametrize("kind", ["error_after", "drop_after", "malformed", "error_before"])
def test_fault_around_commit_still_refunds_exactly_once(sandbox, tmp_path, kind) -> None:
    jp = tmp_path / "j.sqlite"
    before, after, refunds = _refund_once_with_fault(sandbox, jp, kind)
    assert len(refunds) == 1
    assert after.amount_refunded == before.amount_received
    (op,) = journal_ops(jp)
    assert op.state is OperationState.SUCCEEDED
    assert op.stripe_ids["refund"] == refunds[0].id


def test_rate_limited_refund_fails_cleanly_and_moves_nothing(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, captured_card)
        sandbox.inject_fault("rate_limit", method="POST", path=REFUNDS_PATH, count=1)
        with pytest.raises(e.RateLimited):
            await s.actions.refund_online(p, p.refundable, reason=None, note="",
                                          staff=CASHIER, approval=None)
        return await s.payments.refresh(p.id)

    after = run_with_services(sandbox, jp, body)
    assert after.refunds == ()
    (op,) = journal_ops(jp)
    assert op.state is OperationState.FAILED


def _pending_refund(sandbox, jp, *, send: bool) -> str:
    """Journal a refund as the service would, then 'crash' before or after sending it."""

    async def main() -> str:
        handle = ClientHandle(Connection(sandbox.api_key, sandbox.url))
        try:
            gw = PaymentsGateway(handle)
            after = None
            while True:
                page = await gw.page(limit=100, starting_after=after)
                target = next((p for p in page.payments if captured_card(p)), None)
                if target or not page.has_more:
                    break
                after = page.cursor
            assert target is not None
            j = Journal(jp)
            op = j.begin(OperationKind.REFUND_ONLINE, target.id, amount=target.refundable,
                         staff=CASHIER.name, approver=None, till="till-1",
                         details={"reason": None, "note": ""})
            j.close()
            if send:
                await gw.refund(target.id, target.refundable, reason=None,
                                metadata=operation_metadata(op),
                                idempotency_key=op.idempotency_key)
            return target.id
        finally:
            await handle.aclose()

    return asyncio.run(main())


@pytest.mark.parametrize("sent", [False, True], ids=["crash-before-send", "crash-after-send"])
def test_crash_is_resolved_on_next_start_exactly_once(sandbox, tmp_path, sent) -> None:
    jp = tmp_path / "j.sqlite"
    pid = _pending_refund(sandbox, jp, send=sent)
    assert [op.state for op in journal_ops(jp)] == [OperationState.PENDING]

    async def restart(s):
        return s.unresolved, await s.payments.refresh(pid)

    unresolved, payment = run_with_services(sandbox, jp, restart)
    assert unresolved == []
    assert len(payment.refunds) == 1
    assert payment.refundable.minor == 0
    (op,) = journal_ops(jp)
    assert op.state is OperationState.SUCCEEDED
    assert op.stripe_ids["refund"] == payment.refunds[0].id


def test_unknown_outcome_is_resolved_before_the_next_operation(sandbox, tmp_path) -> None:
    """Stripe committed the refund but answered 500, and every look-up failed too: the outcome
    stays unknown. Trying again on that payment first resolves the old operation; the money
    still moves once."""
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, captured_card)
        sandbox.inject_fault("error_after", method="POST", path=REFUNDS_PATH, count=1)
        # every look-up while the cashier waits (3 tries of the SDK each)
        sandbox.inject_fault("error_before", method="GET", path=REFUNDS_PATH, count=9)
        with pytest.raises(e.OutcomeUnknown, match=r"^operation\.not_confirmed\b"):
            await s.actions.refund_online(p, p.refundable, reason=None, note="",
                                          staff=CASHIER, approval=None)
        assert [op.state for op in await s.journal.operations()] == [OperationState.UNKNOWN]
        with pytest.raises(e.PaymentChanged):  # the stale screen offers it again
            await s.actions.refund_online(p, p.refundable, reason=None, note="",
                                          staff=CASHIER, approval=None)
        return await s.payments.refresh(p.id)

    after = run_with_services(sandbox, jp, body)
    assert len(after.refunds) == 1
    states = [op.state for op in journal_ops(jp)]
    assert states == [OperationState.SUCCEEDED]  # the second one was never begun


@pytest.mark.parametrize("key", ["sk_test_revoked_fake", "pk_test_fake", "sk_live_fake"])
def test_wrong_or_revoked_key_is_refused_with_words(sandbox, tmp_path, key) -> None:
    sandbox.revoke_key("sk_test_revoked_fake")
    with pytest.raises(e.AuthenticationFailed, match="key"):
        run_with_services(sandbox, tmp_path / "j.sqlite", lambda s: asyncio.sleep(0),
                          api_key=key)


def test_network_down_is_reported_as_such(tmp_path) -> None:
    import socket

    from pos_refunds.services.api import Mode
    from pos_refunds.services.factory import ServiceConfig, open_services

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cfg = ServiceConfig(Mode.CUSTOM, "sk_test_fake_key", f"http://127.0.0.1:{port}", None,
                        tmp_path / "j.sqlite", "till-1", retry_pause_scale=0.02)

    async def main():
        # opens anyway: the shop's internet may return
        services = await open_services(cfg, staff=StaffList())
        try:
            with pytest.raises(e.NetworkDown, match=r"^stripe\.network_down$"):
                await services.payments.refresh("pi_any")
        finally:
            await services.aclose()

    asyncio.run(main())


def test_request_timeout_after_stripe_got_it_refunds_exactly_once(sandbox, tmp_path) -> None:
    """The till gives up waiting while Stripe is still working on the refund (held by the
    sandbox until the test lets it land, so the machine's speed does not matter): the
    operation stays open while the request may still land, then settles as done, once."""
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, captured_card)
        fault = sandbox.inject_fault("latency", method="POST", path=REFUNDS_PATH, hold=True,
                                     hang_up=True)["id"]
        with pytest.raises(e.OutcomeUnknown, match=r"^operation\.not_confirmed\b"):
            await s.actions.refund_online(p, p.refundable, reason=None, note="",
                                          staff=CASHIER, approval=None)
        assert [op.state for op in await s.recovery.resolve_all()] == [OperationState.UNKNOWN]
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, sandbox.wait_held, fault)
        sandbox.release_faults(fault)
        await loop.run_in_executor(None, sandbox.wait_idle)  # the slow request has landed
        assert await s.recovery.resolve_all() == []
        return await s.payments.refresh(p.id)

    after = run_with_services(sandbox, jp, body)
    assert len(after.refunds) == 1
    (op,) = journal_ops(jp)
    assert op.state is OperationState.SUCCEEDED
    assert op.stripe_ids["refund"] == after.refunds[0].id


def test_a_429_on_a_re_send_does_not_close_an_operation_that_may_still_land(
    sandbox, tmp_path
) -> None:
    """Settling sends the request again; a 429 then only says that re-send was turned away,
    not that the first one will not land: the operation stays open."""
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, captured_card)
        fault = sandbox.inject_fault("latency", method="POST", path=REFUNDS_PATH, hold=True,
                                     hang_up=True)["id"]
        with pytest.raises(e.OutcomeUnknown):
            await s.actions.refund_online(p, p.refundable, reason=None, note="",
                                          staff=CASHIER, approval=None)
        sandbox.inject_fault("rate_limit", method="POST", path=REFUNDS_PATH, count=5)
        assert len(await s.recovery.resolve_all()) == 1
        sandbox.clear_faults()  # the held request lands
        await asyncio.get_running_loop().run_in_executor(None, sandbox.wait_idle)
        assert await s.recovery.resolve_all() == []
        return fault, await s.payments.refresh(p.id)

    _, after = run_with_services(sandbox, jp, body)
    assert len(after.refunds) == 1
    assert [op.state for op in journal_ops(jp)] == [OperationState.SUCCEEDED]


def test_partial_refund_retried_after_an_unknown_outcome_is_not_sent_twice(
    sandbox, tmp_path
) -> None:
    """A partial refund is committed by Stripe but answered 500, and the look-up fails too.
    The cashier, on the same (stale) screen, asks for it again: the earlier one is resolved
    first and turns out done, so the new one is refused (the payment changed), not sent on
    top: Stripe would accept a second partial refund, and the customer would get it twice."""
    from pos_refunds.domain.money import Money
    from tests.services.helpers import MANAGER

    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, captured_card)
        part = Money(p.refundable.minor // 3, p.currency)
        sandbox.inject_fault("error_after", method="POST", path=REFUNDS_PATH, count=1)
        sandbox.inject_fault("error_before", method="GET", path=REFUNDS_PATH, count=9)
        with pytest.raises(e.OutcomeUnknown):
            await s.actions.refund_online(p, part, reason=None, note="",
                                          staff=MANAGER, approval=None)
        with pytest.raises(e.PaymentChanged, match=r"^operation\.earlier_done$"):
            await s.actions.refund_online(p, part, reason=None, note="",
                                          staff=MANAGER, approval=None)
        return part, await s.payments.refresh(p.id)

    part, after = run_with_services(sandbox, jp, body)
    assert [r.amount for r in after.refunds] == [part]
    assert [op.state for op in journal_ops(jp)] == [OperationState.SUCCEEDED]


def test_a_cancel_answered_500_is_ours_only_if_stripe_says_our_request_did_it(
    sandbox, tmp_path
) -> None:
    """Another till canceled the authorization first; ours then ran and answered 500 (saved
    under our key, so every re-send replays it). The payment is canceled, but not by us:
    Stripe's event names the request that did it, and ours is settled as not done."""
    from tests.services.helpers import authorized_card

    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, authorized_card)
        sandbox.other_till_cancel(p.id)
        sandbox.inject_fault("error_after", method="POST",
                             path=f"^/v1/payment_intents/{p.id}/cancel$", count=10)
        with pytest.raises(e.NotCarriedOut) as refused:
            await s.actions.cancel(p, staff=CASHIER)  # the screen still showed it authorized
        assert refused.value.params == {"error": "recovery.payment_is",
                                        "error_params": {"status": "canceled"}}

    run_with_services(sandbox, jp, body)
    (op,) = journal_ops(jp)
    assert op.state is OperationState.FAILED


def test_a_cancel_that_ran_and_answered_500_is_settled_as_done(sandbox, tmp_path) -> None:
    from tests.services.helpers import authorized_card

    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, authorized_card)
        sandbox.inject_fault("error_after", method="POST",
                             path=f"^/v1/payment_intents/{p.id}/cancel$", count=10)
        return await s.actions.cancel(p, staff=CASHIER)

    after = run_with_services(sandbox, jp, body)
    assert after.status == "canceled"
    assert [op.state for op in journal_ops(jp)] == [OperationState.SUCCEEDED]
