"""Connect: payments with a platform fee and a transfer, refunded on a reader with the
endpoint's Connect options; a connected account's own payments through Stripe-Account."""

from __future__ import annotations

import asyncio

from pos_refunds.domain.payments import PaymentState
from pos_refunds.journal import OperationState
from pos_refunds.services.api import Mode, ReaderRefundOptions, Step, TestCard
from pos_refunds.services.factory import ServiceConfig, open_services
from tests.services.helpers import MANAGER, all_payments, run_with_services
from tests.support.staff_list import StaffList


def test_destination_charge_refund_reverses_transfer_and_fee(sandbox, tmp_path) -> None:
    async def body(s):
        p = next(p for p in await all_payments(s) if p.network == "interac"
                 and p.state is PaymentState.CAPTURED and p.transfer_destination
                 and p.application_fee)
        reader = next(r for r in await s.readers.readers()
                      if r.status == "online" and not r.busy and r.can_refund)
        options = ReaderRefundOptions(enable_customer_cancellation=True,
                                      refund_application_fee=True, reverse_transfer=True)
        steps = []
        async for u in s.readers.refund(p, reader.id, p.refundable, options=options,
                                        staff=MANAGER, approval=None):
            steps.append(u)
            if u.step is Step.WAITING_FOR_CARD and len(steps) == 2:
                await s.readers.present(reader.id, TestCard.INTERAC)
        ops = await s.journal.operations()
        return p, steps, ops

    p, steps, ops = run_with_services(sandbox, tmp_path / "j.sqlite", body)
    assert steps[-1].step is Step.SUCCEEDED
    assert ops[0].state is OperationState.SUCCEEDED
    import stripe

    client = stripe.StripeClient(sandbox.api_key, base_addresses={"api": sandbox.url})
    refund = client.v1.refunds.retrieve(steps[-1].refund_id)
    assert refund.transfer_reversal  # the transfer to the connected account was reversed
    reader = client.v1.terminal.readers.retrieve(steps[-1].reader.id)
    sent = reader.action.refund_payment
    assert sent.refund_application_fee is True and sent.reverse_transfer is True
    assert sent.refund_payment_config.enable_customer_cancellation is True


def test_connected_account_sees_only_its_own_payments(sandbox, tmp_path) -> None:
    cfg = ServiceConfig(Mode.TRAINING, sandbox.api_key, sandbox.url,
                        sandbox.connected_account, tmp_path / "j.sqlite", "till-c")

    async def main():
        s = await open_services(cfg, staff=StaffList([MANAGER]), sandbox=sandbox)
        try:
            return s.connect, await all_payments(s)
        finally:
            await s.aclose()

    connect, payments = asyncio.run(main())
    assert connect is True
    assert 0 < len(payments) < 20  # the platform has 80; the connected shop a few
    assert any(p.application_fee for p in payments)  # direct charges carrying a platform fee
