"""Cancel, capture and online refunds through the services, against the sandbox over HTTP."""

from __future__ import annotations

import pytest

from pos_refunds.domain import errors as e
from pos_refunds.domain.money import Money
from pos_refunds.domain.payments import PaymentState
from pos_refunds.domain.reasons import OperationReason
from pos_refunds.journal import OperationState
from tests.services.helpers import (
    CASHIER,
    MANAGER,
    all_payments,
    approval,
    authorized_card,
    captured_card,
    find,
    interac_captured,
    journal_ops,
    run_with_services,
)


def test_full_online_refund_is_journaled_and_carries_who_did_it(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, captured_card)
        after = await s.actions.refund_online(
            p, p.refundable, reason="requested_by_customer", note="wrong size",
            staff=CASHIER, approval=None,
        )
        return p, after

    before, after = run_with_services(sandbox, jp, body)
    assert after.state is PaymentState.REFUNDED
    assert after.amount_refunded == before.amount_received
    (op,) = journal_ops(jp)
    assert op.state is OperationState.SUCCEEDED
    assert op.stripe_ids["refund"].startswith("re_")
    (refund,) = after.refunds
    assert refund.id == op.stripe_ids["refund"]
    assert refund.metadata["pos_operation_id"] == op.op_id
    assert refund.metadata["pos_staff"] == CASHIER.name
    assert refund.metadata["pos_till"] == "till-1"
    assert refund.metadata["pos_note"] == "wrong size"


def test_partial_refund_needs_a_manager_and_sends_nothing_without_one(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, captured_card)
        half = Money(p.refundable.minor // 2, p.currency)
        with pytest.raises(e.ApprovalRequired):
            await s.actions.refund_online(p, half, reason=None, note="", staff=CASHIER,
                                          approval=None)
        assert (await s.payments.refresh(p.id)).amount_refunded.minor == 0
        after = await s.actions.refund_online(p, half, reason=None, note="", staff=CASHIER,
                                              approval=approval(s, MANAGER, p, half))
        return half, after

    half, after = run_with_services(sandbox, jp, body)
    assert after.state is PaymentState.PARTIALLY_REFUNDED
    assert after.amount_refunded == half
    (op,) = journal_ops(jp)
    assert op.approver == MANAGER.name
    assert after.refunds[0].metadata["pos_approved_by"] == MANAGER.name


def test_interac_is_never_refunded_online(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, interac_captured)
        with pytest.raises(e.ActionNotAllowed, match=r"^policy\.interac_on_reader$"):
            await s.actions.refund_online(p, p.refundable, reason=None, note="",
                                          staff=MANAGER, approval=None)

    run_with_services(sandbox, jp, body)
    assert journal_ops(jp) == []


def test_refund_of_a_payment_refunded_meanwhile_by_another_till(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, captured_card)
        sandbox.other_till_refund(p.id)  # another till refunds it in full
        with pytest.raises((e.AlreadyRefunded, e.OverRefund)) as info:
            await s.actions.refund_online(p, p.refundable, reason=None, note="",
                                          staff=CASHIER, approval=None)
        return info.value

    err = run_with_services(sandbox, jp, body)
    assert err.request_id and err.request_id.startswith("req_")
    (op,) = journal_ops(jp)
    assert op.state is OperationState.FAILED


def test_cancel_and_capture_authorizations(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        auths = [p for p in await all_payments(s) if authorized_card(p)]
        assert len(auths) >= 2
        canceled = await s.actions.cancel(auths[0], staff=CASHIER)
        captured = await s.actions.capture(auths[1], staff=CASHIER)
        return canceled, captured

    canceled, captured = run_with_services(sandbox, jp, body)
    assert canceled.state is PaymentState.CANCELED
    assert canceled.metadata["pos_operation_id"]
    assert captured.state is PaymentState.CAPTURED
    assert captured.amount_received == captured.amount
    assert {op.state for op in journal_ops(jp)} == {OperationState.SUCCEEDED}


def test_cancel_of_a_payment_captured_meanwhile_says_it_changed(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, authorized_card)
        import stripe

        stripe.StripeClient(sandbox.api_key, base_addresses={"api": sandbox.url}).v1\
            .payment_intents.capture(p.id)  # another till captures it
        with pytest.raises(e.PaymentChanged):
            await s.actions.cancel(p, staff=CASHIER)

    run_with_services(sandbox, jp, body)
    (op,) = journal_ops(jp)
    assert op.state is OperationState.FAILED



def test_a_double_tap_sends_one_refund(sandbox, tmp_path) -> None:
    """Two refunds of the same payment started at once on one till: one goes, one is refused
    before anything is journaled or sent."""
    import asyncio

    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, captured_card)
        half = Money(p.refundable.minor // 2, p.currency)
        results = await asyncio.gather(
            *(s.actions.refund_online(p, half, reason=None, note="", staff=MANAGER,
                                      approval=None) for _ in range(2)),
            return_exceptions=True,
        )
        return results, await s.payments.refresh(p.id)

    results, after = run_with_services(sandbox, jp, body)
    refused = [r for r in results if isinstance(r, e.ActionNotAllowed)]
    assert len(refused) == 1 and refused[0].reason is OperationReason.BUSY_HERE
    assert len(after.refunds) == 1
    assert len(journal_ops(jp)) == 1


def test_new_limits_hold_from_the_next_refund(sandbox, tmp_path) -> None:
    """A manager lowers the limit in Settings: a cashier's full refund above it now needs a
    manager, without restarting the till."""
    from pos_refunds.domain.guarded import GuardedSettings

    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, captured_card)
        await s.set_guarded(GuardedSettings({p.currency: p.refundable.minor - 1}), by=MANAGER)
        with pytest.raises(e.ApprovalRequired):
            await s.actions.refund_online(p, p.refundable, reason=None, note="",
                                          staff=CASHIER, approval=None)
        await s.set_guarded(GuardedSettings({p.currency: p.refundable.minor}), by=MANAGER)
        return await s.actions.refund_online(p, p.refundable, reason=None, note="",
                                             staff=CASHIER, approval=None)

    after = run_with_services(sandbox, jp, body)
    assert after.state is PaymentState.REFUNDED
    assert len(journal_ops(jp)) == 1  # the refused one never reached the journal
