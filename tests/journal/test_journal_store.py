"""Write-ahead, state transitions, merging and queries of the journal."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos_refunds.domain.money import Money
from pos_refunds.journal import (
    InvalidTransition,
    Journal,
    Operation,
    OperationKind,
    OperationState,
    UnknownOperation,
)

BeginRefund = Callable[..., Operation]  # the conftest fixture


def test_pending_entry_is_on_disk_when_begin_returns(
    journal: Journal, journal_path: Path, begin_refund: BeginRefund
) -> None:
    op = begin_refund(journal)
    # A second, independent connection sees only committed data.
    other = sqlite3.connect(journal_path)
    try:
        rows = other.execute(
            "SELECT op_id, state, idempotency_key, amount, currency FROM entries"
        ).fetchall()
    finally:
        other.close()
    assert rows == [(op.op_id, "pending", op.idempotency_key, 1250, "cad")]


def test_durability_pragmas(journal: Journal, journal_path: Path) -> None:
    conn = journal._conn  # the settings live on the journal's own connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_begin_returns_the_operation(journal: Journal, begin_refund: BeginRefund) -> None:
    op = begin_refund(journal)
    assert op.op_id.startswith("op_") and len(op.op_id) == 35
    assert op.idempotency_key.startswith("posr_") and len(op.idempotency_key) <= 255
    assert op.kind is OperationKind.REFUND_ONLINE
    assert op.state is OperationState.PENDING
    assert op.amount == Money(1250, "cad")
    assert (op.staff, op.approver, op.till, op.reader_id) == ("alice", "bob", "till-1", None)
    assert op.details == {"reason": "requested_by_customer", "note": "wrong size"}
    assert op.stripe_ids == {} and op.error is None
    assert op.created_at == op.updated_at and op.created_at.tzinfo is not None
    assert journal.get(op.op_id) == op


def test_each_operation_gets_its_own_keys(journal: Journal, begin_refund: BeginRefund) -> None:
    a, b = begin_refund(journal), begin_refund(journal)
    assert a.op_id != b.op_id and a.idempotency_key != b.idempotency_key


def test_pending_unknown_succeeded(journal: Journal, begin_refund: BeginRefund) -> None:
    op = begin_refund(journal)
    unknown = journal.record(op.op_id, "unknown", error="Network down")
    assert unknown.state is OperationState.UNKNOWN and unknown.is_open
    done = journal.record(op.op_id, OperationState.SUCCEEDED, stripe_ids={"refund": "re_1"})
    assert done.state is OperationState.SUCCEEDED and not done.is_open
    assert done.error is None  # an error belongs to the entry that reported it
    # The original fields are carried on every entry.
    for field in ("kind", "payment_id", "amount", "staff", "approver", "till",
                  "idempotency_key", "created_at"):
        assert getattr(done, field) == getattr(op, field)
    assert done.updated_at >= unknown.updated_at >= op.created_at
    assert [e.state for e in journal.entries()] == ["pending", "unknown", "succeeded"]


def test_failed_keeps_the_error(journal: Journal, begin_refund: BeginRefund) -> None:
    op = begin_refund(journal)
    failed = journal.record(op.op_id, "failed", error="Card declined")
    assert failed.state is OperationState.FAILED and failed.error == "Card declined"


@pytest.mark.parametrize("final", ["succeeded", "failed"])
def test_closed_operations_stay_closed(
    journal: Journal, final: str, begin_refund: BeginRefund
) -> None:
    op = begin_refund(journal)
    journal.record(op.op_id, final)
    for state in ("succeeded", "failed", "unknown"):
        with pytest.raises(InvalidTransition):
            journal.record(op.op_id, state)
    assert len(journal.entries()) == 2


def test_pending_cannot_be_recorded_again(journal: Journal, begin_refund: BeginRefund) -> None:
    op = begin_refund(journal)
    with pytest.raises(InvalidTransition):
        journal.record(op.op_id, "pending")


def test_record_unknown_operation(journal: Journal) -> None:
    with pytest.raises(UnknownOperation):
        journal.record("op_nope", "succeeded")
    with pytest.raises(ValueError):
        journal.record("op_nope", "done")  # not a state
    assert journal.get("op_nope") is None
    assert journal.entries() == []


def test_stripe_ids_and_details_merge(journal: Journal, begin_refund: BeginRefund) -> None:
    op = begin_refund(journal)
    journal.record(op.op_id, "unknown", stripe_ids={"request_id": "req_1"},
                   details={"attempt": 1})
    journal.record(op.op_id, "unknown", stripe_ids={"request_id": "req_2"},
                   details={"attempt": 2})
    done = journal.record(op.op_id, "succeeded", stripe_ids={"refund": "re_9"})
    assert done.stripe_ids == {"request_id": "req_2", "refund": "re_9"}
    assert done.details == {"reason": "requested_by_customer", "note": "wrong size",
                            "attempt": 2}
    assert journal.entries()[-1].stripe_ids == done.stripe_ids


def test_missing_stripe_ids_are_left_out(journal: Journal, begin_refund: BeginRefund) -> None:
    op = begin_refund(journal)
    done = journal.record(op.op_id, "succeeded", stripe_ids={"refund": "re_1", "request_id": None})
    assert done.stripe_ids == {"refund": "re_1"}
    other = begin_refund(journal)
    with pytest.raises(ValueError):
        journal.record(other.op_id, "succeeded", stripe_ids={"refund": 42})  # type: ignore[dict-item]


def test_open_operations_oldest_first(journal: Journal, begin_refund: BeginRefund) -> None:
    a, b, c, d = (begin_refund(journal, f"pi_{i}") for i in range(4))
    journal.record(b.op_id, "succeeded")
    journal.record(c.op_id, "unknown")
    journal.record(d.op_id, "failed")
    journal.record(a.op_id, "unknown")
    assert [o.op_id for o in journal.open_operations()] == [a.op_id, c.op_id]
    assert [o.state for o in journal.open_operations()] == ["unknown", "unknown"]


def test_open_for_payment(journal: Journal, begin_refund: BeginRefund) -> None:
    first = begin_refund(journal, "pi_A")
    second = journal.begin("cancel", "pi_A", amount=None, staff="carol", approver=None,
                           till="till-2")
    other = begin_refund(journal, "pi_B")
    journal.record(first.op_id, "failed")
    assert [o.op_id for o in journal.open_for_payment("pi_A")] == [second.op_id]
    assert [o.op_id for o in journal.open_for_payment("pi_B")] == [other.op_id]
    assert journal.open_for_payment("pi_C") == []
    assert second.amount is None and second.kind is OperationKind.CANCEL


def test_operations_newest_first_and_window(journal: Journal, begin_refund: BeginRefund) -> None:
    a = begin_refund(journal, "pi_a")
    b = journal.begin("refund_on_reader", "pi_b", amount=Money(500, "cad"), staff="alice",
                      approver=None, till="till-1", reader_id="tmr_1")
    journal.record(a.op_id, "succeeded", stripe_ids={"refund": "re_a"})
    ops = journal.operations()
    assert [o.op_id for o in ops] == [b.op_id, a.op_id]
    assert ops[1].state is OperationState.SUCCEEDED and ops[0].reader_id == "tmr_1"
    assert [o.op_id for o in journal.operations(since=b.created_at)] == [b.op_id]
    assert [o.op_id for o in journal.operations(until=b.created_at)] == [a.op_id]
    later = datetime.now(UTC) + timedelta(hours=1)
    assert journal.operations(since=later) == []
    with pytest.raises(ValueError):
        journal.operations(since=datetime(2020, 1, 1))  # naive: ambiguous


def test_entries_are_chained(journal: Journal, begin_refund: BeginRefund) -> None:
    op = begin_refund(journal)
    journal.record(op.op_id, "succeeded")
    first, second = journal.entries()
    assert (first.seq, second.seq) == (1, 2)
    assert first.prev_hash == "0" * 64 and second.prev_hash == first.hash
    assert first.at.tzinfo is not None


def test_rejects_bad_input(journal: Journal) -> None:
    def begin(**overrides: object) -> None:
        args: dict = dict(amount=Money(100, "cad"), staff="alice", approver=None,
                          till="till-1")
        args.update(overrides)
        journal.begin(args.pop("kind", "refund_online"), args.pop("payment_id", "pi_1"), **args)

    for bad in (dict(kind="chargeback"), dict(payment_id=""), dict(staff=""),
                dict(amount=Money(0, "cad")), dict(amount=Money(-5, "cad")),
                dict(details={"when": datetime.now(UTC)}), dict(details={1: "x"}),
                dict(details={"x": float("nan")})):
        with pytest.raises((ValueError, TypeError)):
            begin(**bad)
    assert journal.entries() == []


@pytest.mark.parametrize("secret", [
    "sk_live_51Habc", "sk_test_51Habc", "rk_live_51Habc", "rk_test_51Habc",
])
def test_secrets_never_go_in(journal: Journal, secret: str, begin_refund: BeginRefund) -> None:
    with pytest.raises(ValueError, match="secret key"):
        journal.begin("refund_online", "pi_1", amount=None, staff="a", approver=None,
                      till="t", details={"note": f"key is {secret}"})
    with pytest.raises(ValueError, match="secret key"):
        journal.begin("refund_online", "pi_1", amount=None, staff="a", approver=None,
                      till="t", details={"options": {"nested": [secret]}})
    op = begin_refund(journal)
    with pytest.raises(ValueError, match="secret key"):
        journal.record(op.op_id, "succeeded", stripe_ids={"api_key": secret})
    with pytest.raises(ValueError, match="secret key"):
        journal.record(op.op_id, "succeeded", details={"key": secret})
    # An error text quoting a key is masked, not refused: the outcome must be kept.
    failed = journal.record(op.op_id, "failed", error=f"Invalid API Key provided: {secret}")
    assert failed.error == "Invalid API Key provided: [redacted key]"
    dump = "\n".join(map(repr, journal.entries()))
    assert secret not in dump
    assert journal.get(op.op_id).state is OperationState.FAILED


def test_publishable_keys_are_not_secrets(journal: Journal) -> None:
    op = journal.begin("capture", "pi_1", amount=None, staff="a", approver=None, till="t",
                       details={"pk": "pk_test_123", "task": "desk_live_x"})
    assert op.details["pk"] == "pk_test_123"


def test_reopen_keeps_chain_and_continues(journal_path: Path, begin_refund: BeginRefund) -> None:
    with Journal(journal_path) as j:
        op = begin_refund(j)
        j.record(op.op_id, "succeeded", stripe_ids={"refund": "re_1"})
    with Journal(journal_path) as j:
        assert j.get(op.op_id).stripe_ids == {"refund": "re_1"}
        other = begin_refund(j, "pi_2")
        j.record(other.op_id, "failed")
        report = j.verify()
        assert report.ok and report.checked == 4, report.problems
        assert [e.seq for e in j.entries()] == [1, 2, 3, 4]


def test_crash_leaves_operation_open(journal_path: Path, begin_refund: BeginRefund) -> None:
    j = Journal(journal_path)
    op = begin_refund(j)
    j.close()  # "crash": the outcome is never recorded
    with Journal(journal_path) as again:
        [still_open] = again.open_operations()
        assert still_open.op_id == op.op_id
        assert still_open.idempotency_key == op.idempotency_key  # retry with the same key
        assert again.open_for_payment("pi_1") == [still_open]
        assert again.verify().ok


def test_memory_journal(tmp_path: Path, begin_refund: BeginRefund) -> None:
    with Journal(":memory:") as j:
        op = begin_refund(j)
        assert j.get(op.op_id) == op and j.verify().ok


def test_creates_missing_folders(tmp_path: Path, begin_refund: BeginRefund) -> None:
    path = tmp_path / "a" / "b" / "journal.sqlite3"
    with Journal(path) as j:
        begin_refund(j)
    assert path.exists()


def test_refuses_a_newer_schema(journal_path: Path) -> None:
    conn = sqlite3.connect(journal_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(Exception, match="schema version 99"):
        Journal(journal_path)


def test_settings_changes_are_chained_entries_not_operations(tmp_path) -> None:
    from pos_refunds.domain.money import Money

    with Journal(tmp_path / "j.sqlite") as j:
        assert j.latest_settings() is None
        j.record_settings({"refund_limits": {"cad": 5000}, "idle_lock_minutes": 5},
                          staff="Morgan", till="till-1")
        op = j.begin("refund_online", "pi_1", amount=Money(100, "cad"), staff="Alex",
                     approver=None, till="till-1")
        second = j.record_settings({"refund_limits": {}, "idle_lock_minutes": 2},
                                   staff="Dana", till="till-1")
        latest = j.latest_settings()
        assert latest == second and latest.details["idle_lock_minutes"] == 2
        assert latest.kind == "settings" and latest.state == "succeeded"
        assert [o.op_id for o in j.operations()] == [op.op_id]  # money operations only
        assert j.open_operations() == [j.get(op.op_id)]
        assert [e.kind for e in j.entries()] == ["settings", "refund_online", "settings"]
        assert j.verify().ok
