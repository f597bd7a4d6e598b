"""Append-only triggers, and `verify` catching edits made behind the journal's back.

The tampering tests edit the file with raw sqlite3, dropping the triggers first, as someone
with a database tool would.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_refunds.domain.money import Money
from pos_refunds.domain.reasons import ChainReason as CR
from pos_refunds.domain.reasons import Finding as F
from pos_refunds.journal import Journal, VerifyReport
from pos_refunds.journal.chain import COLUMNS


def _fill(path: Path, operations: int) -> None:
    """`operations` refunds, each begun and succeeded: 2 entries each."""
    with Journal(path) as j:
        for i in range(operations):
            op = j.begin("refund_online", f"pi_{i}", amount=Money(100 + i, "cad"),
                         staff="alice", approver=None, till="till-1")
            j.record(op.op_id, "succeeded", stripe_ids={"refund": f"re_{i}"})


@pytest.fixture
def filled(journal_path: Path) -> Path:
    _fill(journal_path, 5)  # entries 1..10
    return journal_path


def _verify(path: Path) -> VerifyReport:
    with Journal(path) as j:
        return j.verify()


def _tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP TRIGGER entries_no_update")
        conn.execute("DROP TRIGGER entries_no_delete")
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def raw(filled: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(filled)
    yield conn
    conn.close()


def test_intact_journal_verifies(filled: Path) -> None:
    report = _verify(filled)
    assert report.ok and report.checked == 10 and report.problems == []
    assert report.head_hash is not None and len(report.head_hash) == 64


def test_empty_journal_verifies(journal: Journal) -> None:
    assert journal.verify() == VerifyReport(ok=True, checked=0, problems=[], head_hash=None)


@pytest.mark.parametrize("sql", [
    "UPDATE entries SET amount = 1 WHERE seq = 3",
    "DELETE FROM entries WHERE seq = 3",
    "DELETE FROM entries",
    "UPDATE chain_head SET seq = 3",
    "DELETE FROM chain_head",
])
def test_triggers_refuse_changes(raw: sqlite3.Connection, filled: Path, sql: str) -> None:
    with pytest.raises(sqlite3.DatabaseError):
        raw.execute(sql)
    raw.rollback()
    assert _verify(filled).ok


def test_edited_amount(filled: Path) -> None:
    _tamper(filled, "UPDATE entries SET amount = 99999 WHERE seq = 4")
    report = _verify(filled)
    assert not report.ok and report.checked == 10
    assert F(CR.CHANGED, {"entry": 4}) in report.problems
    assert F(CR.UNPROTECTED) in report.problems


def test_edited_and_resealed_entry(filled: Path) -> None:
    """Someone who knows the recipe reseals the edited entry: the next one still points back."""
    from pos_refunds.journal.chain import entry_hash

    conn = sqlite3.connect(filled)
    conn.row_factory = sqlite3.Row
    row = dict(conn.execute("SELECT * FROM entries WHERE seq = 4").fetchone())
    conn.close()
    row["amount"] = 1
    resealed = entry_hash(row["prev_hash"], row)
    _tamper(filled, f"UPDATE entries SET amount = 1, hash = '{resealed}' WHERE seq = 4")
    assert _verify(filled).problems[0] == F(CR.CHANGED, {"entry": 4})


def test_edited_newest_entry(filled: Path) -> None:
    _tamper(filled, "UPDATE entries SET state = 'failed' WHERE seq = 10")
    assert F(CR.CHANGED, {"entry": 10}) in _verify(filled).problems


def test_edited_json_and_text(filled: Path) -> None:
    _tamper(filled,
            "UPDATE entries SET stripe_ids = '{\"refund\":\"re_X\"}' WHERE seq = 2",
            "UPDATE entries SET staff = 'mallory' WHERE seq = 7")
    problems = _verify(filled).problems
    assert problems[:2] == [F(CR.CHANGED, {"entry": 2}),
                            F(CR.CHANGED, {"entry": 7})]


def test_deleted_middle_entry(filled: Path) -> None:
    _tamper(filled, "DELETE FROM entries WHERE seq = 7")
    report = _verify(filled)
    assert report.checked == 9
    assert report.problems[0] == F(CR.MISSING_ONE, {"entry": 7})


def test_deleted_middle_range(filled: Path) -> None:
    _tamper(filled, "DELETE FROM entries WHERE seq BETWEEN 3 AND 5")
    assert _verify(filled).problems[0] == F(CR.MISSING_RANGE, {"first": 3, "last": 5})


def test_deleted_newest_entries(filled: Path) -> None:
    _tamper(filled, "DELETE FROM entries WHERE seq > 8")
    report = _verify(filled)
    assert F(CR.REMOVED, {"expected": 10, "found": 8}) in report.problems


def test_deleted_everything(filled: Path) -> None:
    _tamper(filled, "DELETE FROM entries")
    assert F(CR.REMOVED, {"expected": 10, "found": 0}) in _verify(filled).problems


def test_deleted_chain_head(filled: Path) -> None:
    conn = sqlite3.connect(filled)
    conn.execute("DROP TRIGGER chain_head_no_delete")
    conn.execute("DELETE FROM chain_head")
    conn.commit()
    conn.close()
    assert F(CR.HEAD_MISSING) in _verify(filled).problems


def test_appending_after_newest_were_removed_keeps_the_gap_visible(filled: Path) -> None:
    _tamper(filled, "DELETE FROM entries WHERE seq > 8")
    with Journal(filled) as j:
        j.begin("cancel", "pi_x", amount=None, staff="alice", approver=None, till="t")
        report = j.verify()
    assert report.problems[0] == F(CR.MISSING_RANGE, {"first": 9, "last": 10})


def test_swapped_order(filled: Path) -> None:
    _tamper(
        filled,
        # Move 5 and 6 out of the way, then back crosswise (seq is the primary key).
        "UPDATE entries SET seq = seq + 100 WHERE seq IN (5, 6)",
        "UPDATE entries SET seq = 6 WHERE seq = 105",
        "UPDATE entries SET seq = 5 WHERE seq = 106",
    )
    report = _verify(filled)
    assert report.problems[0] == F(CR.SWAPPED, {"first": 5, "second": 6})
    assert report.checked == 10


def test_swapped_contents_far_apart(filled: Path) -> None:
    _tamper(
        filled,
        "UPDATE entries SET seq = 102 WHERE seq = 2",
        "UPDATE entries SET seq = 2 WHERE seq = 9",
        "UPDATE entries SET seq = 9 WHERE seq = 102",
    )
    assert _verify(filled).problems[0] == F(CR.SWAPPED, {"first": 2, "second": 9})


def test_renumbered_after_a_deletion(filled: Path) -> None:
    """Closing the gap left by a deleted entry does not hide it."""
    _tamper(
        filled,
        "DELETE FROM entries WHERE seq = 9",
        "UPDATE entries SET seq = 9 WHERE seq = 10",
    )
    assert _verify(filled).problems[:2] == [
        F(CR.CHANGED, {"entry": 9}),
        F(CR.REMOVED, {"expected": 10, "found": 9}),
    ]


def test_moved_entry_is_named(filled: Path) -> None:
    """An entry moved to another position is told apart from an edited one."""
    _tamper(filled, "UPDATE entries SET seq = 12 WHERE seq = 10")
    assert _verify(filled).problems[:2] == [
        F(CR.MISSING_RANGE, {"first": 10, "last": 11}),
        F(CR.MOVED, {"entry": 10, "position": 12}),
    ]


def test_added_behind_the_journal(filled: Path) -> None:
    conn = sqlite3.connect(filled)
    conn.execute(
        f"INSERT INTO entries ({', '.join(COLUMNS)}) SELECT 11, "
        + ", ".join(COLUMNS[1:]) + " FROM entries WHERE seq = 10"
    )
    conn.commit()
    conn.close()
    report = _verify(filled)
    assert F(CR.ADDED, {"expected": 10, "found": 11}) in report.problems


def append_sealed(path: Path, **changes: object) -> int:
    """Append a copy of the newest entry with `changes`, sealed the journal's way and with the
    head moved: what someone who knows the format can do with a database tool."""
    from pos_refunds.journal.chain import entry_hash

    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        last = dict(conn.execute("SELECT * FROM entries ORDER BY seq DESC LIMIT 1").fetchone())
        row = {**last, **changes, "seq": last["seq"] + 1, "prev_hash": last["hash"]}
        row["hash"] = entry_hash(row["prev_hash"], row)
        names = ", ".join(COLUMNS)
        conn.execute(f"INSERT INTO entries ({names}) VALUES ({', '.join('?' * len(COLUMNS))})",
                     [row[c] for c in COLUMNS])
        conn.execute("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1",
                     (row["seq"], row["hash"]))
        conn.commit()
        return row["seq"]
    finally:
        conn.close()


def test_a_resealed_entry_that_rewrites_who_approved_is_caught(filled: Path) -> None:
    seq = append_sealed(filled, approver="Somebody Else", state="succeeded")
    report = _verify(filled)
    assert not report.ok
    assert F(CR.CHANGES_WHO, {"entry": seq, "first": 9}) in (
        report.problems)


def test_a_resealed_entry_that_reopens_a_closed_operation_is_caught(filled: Path) -> None:
    seq = append_sealed(filled, state="failed", stripe_ids="{}")
    report = _verify(filled)
    assert report.problems == [F(CR.AFTER_CLOSED, {"entry": seq})]


def test_a_resealed_new_operation_passes_the_file_alone(filled: Path) -> None:
    """A whole new operation appended and sealed the journal's way leaves the file consistent:
    only Stripe, which holds the seal each money operation was sent with, can tell (see
    tests/services/test_journal_audit.py)."""
    append_sealed(filled, op_id="op_forged", state="pending", stripe_ids="{}")
    append_sealed(filled, state="succeeded", stripe_ids='{"refund":"re_0"}')
    assert _verify(filled).ok
