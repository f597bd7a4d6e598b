"""Wrong PINs tried at the same moment on one staff file (two app copies, two threads) all count.

Each attempt runs in its own thread with its own `StaffStore` on the same `staff.sqlite3`, and a
rendezvous forces the interleaving that loses a count when the check and the count are not one
transaction: every attempt is held between reading the record (the injected clock is called
there) and writing the new count, until every other attempt has read the record too, or is
waiting for the write lock (its BEGIN has started; sqlite's trace callback says so). No timing
decides the outcome: without the transaction every attempt reads the same count; with it, the
others queue on the lock and each reads the count the one before wrote.
"""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos_refunds.domain.staff import LockedOut, PinCheck, Staff, WrongPin
from pos_refunds.staff import StaffStore, pins

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
SAFETY = 30.0  # seconds; only a broken hook waits this long, a passing test never does


class Rendezvous:
    """Holds each party at `hold` until every party has `arrive`d (read, or begun to lock)."""

    def __init__(self, parties: int) -> None:
        self._parties = parties
        self._arrived: set[int] = set()
        self._changed = threading.Condition()

    def arrive(self, party: int) -> None:
        with self._changed:
            self._arrived.add(party)
            self._changed.notify_all()

    def hold(self, party: int) -> None:
        self.arrive(party)
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._arrived) == self._parties, SAFETY):
                raise AssertionError("an attempt never reached its read nor its lock")


@pytest.fixture
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fast PIN hashes (the parameters travel with each hash), so that a queued attempt never
    waits on another's scrypt: only the counting is under test here, not the machine's speed."""
    monkeypatch.setattr(pins, "N", 2)


def _person(path: Path) -> Staff:
    store = StaffStore(path, clock=lambda: NOW)
    try:
        return store.create_first_manager("Morgan", "2468", "2468")
    finally:
        store.close()


def _wrong_pins_at_once(path: Path, staff_id: str, attempts: int) -> list[PinCheck]:
    """`attempts` wrong PINs, each from its own store in its own thread, forced to overlap."""
    rendezvous = Rendezvous(attempts)

    def attempt(party: int) -> PinCheck:
        def clock() -> datetime:  # called by verify between its read and its write
            rendezvous.hold(party)
            return NOW

        def traced(statement: str) -> None:
            if statement.lstrip().upper().startswith("BEGIN"):
                rendezvous.arrive(party)  # about to wait for the write lock, or to take it

        store = StaffStore(path, clock=clock)
        try:
            # sqlite calls this as a statement starts, before BEGIN IMMEDIATE waits for the lock
            store._conn.set_trace_callback(traced)
            return store.verify(staff_id, "0000")
        finally:
            store.close()

    with ThreadPoolExecutor(max_workers=attempts) as pool:
        return list(pool.map(attempt, range(attempts)))


def _stored(path: Path, staff_id: str) -> tuple[int, datetime | None]:
    store = StaffStore(path, clock=lambda: NOW)
    try:
        (record,) = [r for r in store.records() if r.id == staff_id]
        return record.failed, record.locked_until
    finally:
        store.close()


@pytest.mark.usefixtures("cheap_hashes")
def test_two_wrong_pins_at_the_same_moment_both_count(tmp_path: Path) -> None:
    path = tmp_path / "staff.sqlite3"
    boss = _person(path)

    answers = _wrong_pins_at_once(path, boss.id, 2)

    assert _stored(path, boss.id) == (2, None)
    assert Counter(answers) == Counter([WrongPin(boss, 4), WrongPin(boss, 3)])


@pytest.mark.usefixtures("cheap_hashes")
@pytest.mark.parametrize(
    ("attempts", "failed", "tries_left", "locked_out"),
    [
        (4, 4, [4, 3, 2, 1], 0),
        (5, 5, [4, 3, 2, 1], 1),  # the fifth wrong PIN locks, whichever thread makes it
        (7, 5, [4, 3, 2, 1], 3),  # attempts during the lock are refused and not counted
    ],
)
def test_wrong_pins_at_the_same_moment_lock_out_as_the_policy_says(
    tmp_path: Path, attempts: int, failed: int, tries_left: list[int], locked_out: int
) -> None:
    path = tmp_path / "staff.sqlite3"
    boss = _person(path)
    until = NOW + timedelta(minutes=5) if locked_out else None  # the policy's first lock

    answers = _wrong_pins_at_once(path, boss.id, attempts)

    assert _stored(path, boss.id) == (failed, until)
    expected = [WrongPin(boss, n) for n in tries_left] + [LockedOut(boss, until)] * locked_out
    assert Counter(answers) == Counter(expected)
