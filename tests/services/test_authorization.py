"""Approvals and roles are the staff list's, never the caller's say-so.

An approval is the staff list's record of a manager's PIN for one refund: bound to its payment,
amount and kind, used once; the person acting and the approving manager are who the staff
list says they are now.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pos_refunds.domain import errors as e
from pos_refunds.domain.approvals import Approval, ApprovalRefused, ApprovalRequest
from pos_refunds.domain.guarded import GuardedSettings
from pos_refunds.domain.money import Money
from pos_refunds.domain.policy import Action
from pos_refunds.domain.reasons import SettingsReason
from pos_refunds.services.api import ReaderRefundOptions, Staff
from tests.services.helpers import (
    CASHIER,
    MANAGER,
    approval,
    authorized_card,
    captured_card,
    find,
    interac_captured,
    journal_ops,
    run_with_services,
)


def _half(p) -> Money:
    return Money(p.refundable.minor // 2, p.currency)


async def _two_captured(s):
    first = await find(s, captured_card)
    second = await find(s, lambda p: captured_card(p) and p.id != first.id)
    return first, second


def test_an_approval_holds_for_its_own_refund_only(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p, other = await _two_captured(s)
        given = approval(s, MANAGER, p, _half(p))
        with pytest.raises(ApprovalRefused, match=r"^approval\.wrong_operation$"):
            await s.actions.refund_online(other, _half(other), reason=None, note="",
                                          staff=CASHIER, approval=given)
        given = approval(s, MANAGER, p, _half(p))
        with pytest.raises(ApprovalRefused, match=r"^approval\.wrong_operation$"):
            await s.actions.refund_online(p, Money(_half(p).minor - 1, p.currency),
                                          reason=None, note="", staff=CASHIER, approval=given)
        given = approval(s, MANAGER, p, _half(p), Action.REFUND_ON_READER)
        with pytest.raises(ApprovalRefused, match=r"^approval\.wrong_operation$"):
            await s.actions.refund_online(p, _half(p), reason=None, note="", staff=CASHIER,
                                          approval=given)
        return await s.payments.refresh(p.id), await s.payments.refresh(other.id)

    p, other = run_with_services(sandbox, jp, body)
    assert p.refunds == () and other.refunds == ()
    assert journal_ops(jp) == []  # nothing was begun, nothing sent


def test_an_approval_is_used_once(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, captured_card)
        part = Money(p.refundable.minor // 4, p.currency)
        given = approval(s, MANAGER, p, part)
        await s.actions.refund_online(p, part, reason=None, note="", staff=CASHIER,
                                      approval=given)
        fresh = await s.payments.refresh(p.id)
        with pytest.raises(ApprovalRefused, match=r"^approval\.not_issued$"):
            await s.actions.refund_online(fresh, part, reason=None, note="", staff=CASHIER,
                                          approval=given)
        return await s.payments.refresh(p.id), part

    after, part = run_with_services(sandbox, jp, body)
    assert [r.amount for r in after.refunds] == [part]
    (op,) = journal_ops(jp)
    assert op.approver == MANAGER.name and op.details["approval"].startswith("apr_")


def test_an_approval_not_issued_by_the_staff_list_is_refused(sandbox, tmp_path) -> None:
    """A made-up manager, on no staff list, 'approves' by building the record itself."""
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, captured_card)
        forged = Approval("apr_forged", "m_nobody", "Made Up", ApprovalRequest(
            p.id, _half(p), Action.REFUND_ONLINE), datetime.now(UTC))
        with pytest.raises(ApprovalRefused, match=r"^approval\.not_issued$"):
            await s.actions.refund_online(p, _half(p), reason=None, note="", staff=CASHIER,
                                          approval=forged)

    run_with_services(sandbox, jp, body)
    assert journal_ops(jp) == []


def test_roles_come_from_the_staff_list(sandbox, tmp_path) -> None:
    """A cashier relabelled 'manager' by the caller is still a cashier; someone on no staff
    list acts not at all; a manager demoted since the approval no longer approves."""
    jp = tmp_path / "j.sqlite"
    relabelled = Staff(CASHIER.id, CASHIER.name, "manager")
    stranger = Staff("m_nobody", "Made Up Manager", "manager")
    demoted = Staff("m2", "Dana Former", "manager")

    async def body(s):
        p = await find(s, captured_card)
        with pytest.raises(e.ApprovalRequired):
            await s.actions.refund_online(p, _half(p), reason=None, note="", staff=relabelled,
                                          approval=None)
        with pytest.raises(e.ActionNotAllowed, match=r"^access\.not_on_list\b"):
            await s.actions.refund_online(p, p.refundable, reason=None, note="",
                                          staff=stranger, approval=None)
        with pytest.raises(e.ActionNotAllowed, match=r"^access\.not_on_list\b"):
            await s.actions.cancel(await find(s, authorized_card), staff=stranger)
        given = approval(s, demoted, p, _half(p))
        s.authorization.staff.add(Staff(demoted.id, demoted.name, "cashier"))
        with pytest.raises(ApprovalRefused, match=r"^approval\.no_longer_manager\b"):
            await s.actions.refund_online(p, _half(p), reason=None, note="", staff=CASHIER,
                                          approval=given)
        return await s.payments.refresh(p.id)

    after = run_with_services(sandbox, jp, body)
    assert after.refunds == ()
    assert journal_ops(jp) == []


def test_an_old_approval_is_refused(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, captured_card)
        request = ApprovalRequest(p.id, _half(p), Action.REFUND_ONLINE)
        stale = s.authorization.staff.issue(MANAGER, request,
                                            at=datetime.now(UTC) - timedelta(hours=1))
        with pytest.raises(ApprovalRefused, match=r"^approval\.too_old$"):
            await s.actions.refund_online(p, _half(p), reason=None, note="", staff=CASHIER,
                                          approval=stale)

    run_with_services(sandbox, jp, body)


def test_a_reader_refund_takes_its_approval_the_same_way(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"

    async def body(s):
        p = await find(s, interac_captured)
        readers = [r for r in await s.readers.readers() if r.status == "online" and not r.busy]
        online = approval(s, MANAGER, p, _half(p))  # given for an online refund
        with pytest.raises(ApprovalRefused):
            async for _ in s.readers.refund(p, readers[0].id, _half(p),
                                            options=ReaderRefundOptions(), staff=CASHIER,
                                            approval=online):
                pass

    run_with_services(sandbox, jp, body)
    assert journal_ops(jp) == []


def test_changing_the_limits_takes_a_manager_of_the_staff_list(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"
    relabelled = Staff(CASHIER.id, CASHIER.name, "manager")

    async def body(s):
        before = s.guarded
        for who in (CASHIER, relabelled, Staff("m_nobody", "Made Up", "manager")):
            with pytest.raises((e.ApprovalRequired, e.ActionNotAllowed)):
                await s.set_guarded(GuardedSettings({"cad": 10**9}), by=who)
        assert s.guarded == before and s.authorization.limits == before.limits()
        assert await s.journal.latest_settings() is None
        await s.set_guarded(GuardedSettings({"cad": 100}, idle_lock_minutes=3), by=MANAGER)
        return s.authorization.limits

    assert run_with_services(sandbox, jp, body).limit_for("cad") == Money(100, "cad")

    async def restart(s):
        return s.guarded, s.guarded_problem, await s.journal.latest_settings()

    guarded, problem, entry = run_with_services(sandbox, jp, restart)
    assert guarded == GuardedSettings({"cad": 100}, idle_lock_minutes=3) and problem is None
    assert entry.staff == MANAGER.name  # journaled, with who changed it


def test_a_journal_that_does_not_verify_means_every_refund_needs_a_manager(
    sandbox, tmp_path
) -> None:
    """Limits read from a tampered journal cannot be trusted: the strict ones hold, said."""
    import sqlite3

    jp = tmp_path / "j.sqlite"

    async def raise_it(s):
        await s.set_guarded(GuardedSettings({"cad": 100}), by=MANAGER)

    run_with_services(sandbox, jp, raise_it)
    conn = sqlite3.connect(jp)
    conn.execute("DROP TRIGGER entries_no_update")
    conn.execute("""UPDATE entries SET details = '{"idle_lock_minutes":5,"refund_limits":"""
                 """{"cad":99999999}}' WHERE kind = 'settings'""")
    conn.commit()
    conn.close()

    async def body(s):
        p = await find(s, captured_card)
        with pytest.raises(e.ApprovalRequired, match=r"^approval\.needed \(needs=.*NO_LIMIT"):
            await s.actions.refund_online(p, Money(1, p.currency), reason=None, note="",
                                          staff=CASHIER, approval=None)
        return s.guarded_problem

    assert run_with_services(sandbox, jp, body) is SettingsReason.UNTRUSTED_JOURNAL
