"""Loading recent payments page by page, and picking up other tills' changes via events."""

from __future__ import annotations

import pytest

from pos_refunds.domain import errors as e
from pos_refunds.domain.payments import PaymentState
from tests.services.helpers import CASHIER, all_payments, captured_card, run_with_services


def test_pages_are_newest_first_and_in_person_only(sandbox, tmp_path) -> None:
    async def body(s):
        sizes = []
        out = []
        async for page in s.payments.pages(page_size=25):
            sizes.append(len(page))
            out.extend(page)
        return sizes, out

    sizes, payments = run_with_services(sandbox, tmp_path / "j.sqlite", body)
    assert len(sizes) >= 3  # 80 seeded payments, 25 a page
    assert len(payments) >= 60
    created = [p.created for p in payments]
    assert created == sorted(created, reverse=True)
    # incomplete payments have no charge yet, so no payment method type
    assert {p.payment_method_type for p in payments} <= {"card_present", "interac_present", ""}
    assert len({p.id for p in payments}) == len(payments)


def test_changes_from_other_tills_arrive_through_events(sandbox, tmp_path) -> None:
    async def body(s):
        payments = await all_payments(s)
        assert await s.payments.changes() == []  # nothing happened since loading
        target = next(p for p in payments if captured_card(p))
        sale = sandbox.new_sale(amount=1234, currency="cad", network="visa")
        sandbox.other_till_refund(target.id)
        changed = {p.id: p for p in await s.payments.changes()}
        again = await s.payments.changes()
        return target, sale, changed, again

    target, sale, changed, again = run_with_services(sandbox, tmp_path / "j.sqlite", body)
    assert sale["id"] in changed
    assert changed[sale["id"]].amount.minor == 1234
    assert changed[target.id].state is PaymentState.REFUNDED
    assert again == []  # the cursor moved on


def test_readonly_restricted_key_reads_but_cannot_move_money(sandbox, tmp_path) -> None:
    async def body(s):
        p = next(p for p in await all_payments(s) if captured_card(p))
        with pytest.raises(e.PermissionMissing, match=r"^stripe\.permission\b"):
            await s.actions.refund_online(p, p.refundable, reason=None, note="",
                                          staff=CASHIER, approval=None)
        return await s.payments.refresh(p.id)

    after = run_with_services(sandbox, tmp_path / "j.sqlite", body,
                              api_key="rk_test_readonly_fake")
    assert after.refunds == ()


def test_server_errors_on_reads_become_clear_errors(sandbox, tmp_path) -> None:
    async def body(s):
        sandbox.inject_fault("error_before", method="GET", path="^/v1/payment_intents$",
                             count=5)
        with pytest.raises(e.ServerError):
            async for _ in s.payments.pages():
                pass
        sandbox.inject_fault("malformed", method="GET", path="^/v1/payment_intents/", count=1)
        with pytest.raises(e.MalformedResponse):
            await s.payments.refresh("pi_whatever")
        with pytest.raises(e.NotFound):
            await s.payments.refresh("pi_doesnotexist")

    run_with_services(sandbox, tmp_path / "j.sqlite", body)
