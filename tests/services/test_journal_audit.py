"""The journal compared with Stripe: the seal each money operation carries in its metadata.

An editor of the journal file can append entries and seal them the journal's way, so the file
alone verifies; Stripe, which holds the seal of the chain each operation was sent with, tells.
"""

from __future__ import annotations

from pos_refunds.domain.money import Money
from pos_refunds.domain.reasons import AuditReason, ChainReason, Finding
from pos_refunds.journal import Journal
from pos_refunds.services.operations import META_ANCHOR
from tests.journal.test_journal_tamper import append_sealed
from tests.services.helpers import (
    CASHIER,
    MANAGER,
    authorized_card,
    captured_card,
    find,
    run_with_services,
)


def _some_operations(sandbox, jp):
    async def body(s):
        p = await find(s, captured_card)
        await s.actions.refund_online(p, Money(300, p.currency), reason=None, note="",
                                      staff=MANAGER, approval=None)
        auth = await find(s, authorized_card)
        await s.actions.capture(auth, staff=CASHIER)
        fresh = await s.payments.refresh(p.id)
        refund = fresh.refunds[0]
        return p, refund

    return run_with_services(sandbox, jp, body)


def _audit(sandbox, jp):
    async def body(s):
        return await s.audit_journal()

    return run_with_services(sandbox, jp, body)


def test_each_money_operation_carries_the_seal_of_its_journal_entry(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"
    _, refund = _some_operations(sandbox, jp)
    with Journal(jp) as j:
        refund_op = next(op for op in j.operations() if op.kind == "refund_online")
        first = next(e for e in j.entries() if e.op_id == refund_op.op_id)
    assert refund.metadata[META_ANCHOR] == first.hash == refund_op.anchor
    report = _audit(sandbox, jp)
    assert report.ok, report
    assert report.sealed_through is not None and report.compared >= 1


def test_a_forged_operation_sealed_the_journals_way_is_caught(sandbox, tmp_path) -> None:
    """Someone appends an operation claiming a refund: the file verifies, Stripe does not."""
    jp = tmp_path / "j.sqlite"
    _, refund = _some_operations(sandbox, jp)
    append_sealed(jp, op_id="op_forged", kind="refund_online", state="pending",
                  stripe_ids="{}", approver="Morgan Manager")
    append_sealed(jp, state="succeeded", stripe_ids=f'{{"refund":"{refund.id}"}}')
    report = _audit(sandbox, jp)
    assert report.local.ok  # the file alone cannot tell
    assert not report.ok
    assert any(p.reason is AuditReason.DONE_NO_REFUND and p.params["payment"]
               for p in report.problems)


def test_an_operation_closed_as_failed_behind_the_apps_back_is_caught(sandbox, tmp_path) -> None:
    """Rewriting history from an entry onwards and sealing it all again (here: the refund said
    not done, which would let it be made again): the seal Stripe holds no longer matches."""
    import json
    import sqlite3

    from pos_refunds.journal.chain import COLUMNS, entry_hash

    jp = tmp_path / "j.sqlite"
    _some_operations(sandbox, jp)
    conn = sqlite3.connect(jp)
    conn.row_factory = sqlite3.Row
    conn.execute("DROP TRIGGER entries_no_update")
    rows = [dict(r) for r in conn.execute("SELECT * FROM entries ORDER BY seq")]
    done = next(r for r in rows if r["kind"] == "refund_online" and r["state"] == "succeeded")
    done.update(state="failed", stripe_ids=json.dumps({}), error="declined")
    prev = None
    for row in rows:  # reseal from the start, as a careful editor would
        if prev is not None:
            row["prev_hash"] = prev
        row["hash"] = entry_hash(row["prev_hash"], row)
        prev = row["hash"]
        sets = ", ".join(f"{c} = ?" for c in COLUMNS if c != "seq")
        conn.execute(f"UPDATE entries SET {sets} WHERE seq = ?",
                     [row[c] for c in COLUMNS if c != "seq"] + [row["seq"]])
    conn.execute("UPDATE chain_head SET hash = ? WHERE id = 1", (prev,))
    conn.commit()
    conn.close()

    report = _audit(sandbox, jp)
    assert report.local.problems == [Finding(ChainReason.UNPROTECTED)]
    assert any(p.reason is AuditReason.NOT_DONE_REFUND and p.params["refund"]
               for p in report.problems)


def test_stripe_unreachable_is_said_not_passed(sandbox, tmp_path) -> None:
    jp = tmp_path / "j.sqlite"
    _some_operations(sandbox, jp)

    async def body(s):
        sandbox.inject_fault("error_before", method="GET", path=".*", count=50)
        return await s.audit_journal()

    report = run_with_services(sandbox, jp, body)
    assert report.local.ok and not report.ok and report.unreachable
