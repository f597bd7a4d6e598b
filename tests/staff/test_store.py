"""The staff list on disk: first manager, lockout with an injected clock, manager-only changes."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos_refunds.domain.staff import (
    LockedOut,
    NotAManager,
    PinRejected,
    StaffChangeRefused,
    UnknownStaff,
    Verified,
    WrongPin,
)
from pos_refunds.staff import AsyncStaffStore, StaffStore


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock):
    s = StaffStore(tmp_path / "staff.sqlite3", clock=clock)
    yield s
    s.close()


def test_first_manager_only_on_an_empty_list(store: StaffStore) -> None:
    assert store.staff() == []
    boss = store.create_first_manager("  Morgan ", "2468", "2468")
    assert boss.is_manager and boss.name == "Morgan"
    assert store.staff() == [boss]
    with pytest.raises(StaffChangeRefused, match=r"^staff\.already_set_up$"):
        store.create_first_manager("Sneaky", "1357", "1357")
    assert store.staff() == [boss]


def test_first_manager_pin_rules(store: StaffStore) -> None:
    with pytest.raises(PinRejected, match=r"^pin\.not_the_same$"):
        store.create_first_manager("Morgan", "2468", "2469")
    with pytest.raises(PinRejected, match=r"^pin\.shape\b"):
        store.create_first_manager("Morgan", "24", "24")
    assert store.staff() == []


def test_only_hashes_are_on_disk(store: StaffStore, tmp_path: Path) -> None:
    store.create_first_manager("Morgan", "97531", "97531")
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"97531" not in raw
    conn = sqlite3.connect(tmp_path / "staff.sqlite3")
    (stored,) = conn.execute("SELECT pin_hash FROM staff").fetchone()
    conn.close()
    assert stored.startswith("scrypt$")


def test_lockout_after_five_wrong_pins_and_its_expiry(store: StaffStore, clock: Clock) -> None:
    boss = store.create_first_manager("Morgan", "2468", "2468")
    answers = [store.verify(boss.id, "0000") for _ in range(5)]
    assert [a.tries_left for a in answers[:4]] == [4, 3, 2, 1]  # type: ignore[union-attr]
    assert answers[4] == LockedOut(boss, clock.now + timedelta(minutes=5))
    # the right PIN does not open a lock
    assert isinstance(store.verify(boss.id, "2468"), LockedOut)
    clock.now += timedelta(minutes=5)
    assert store.verify(boss.id, "2468") == Verified(boss)
    assert store.verify(boss.id, "0000") == WrongPin(boss, 4)  # afresh after a success


def test_second_lock_is_longer(store: StaffStore, clock: Clock) -> None:
    boss = store.create_first_manager("Morgan", "2468", "2468")
    for _ in range(5):
        store.verify(boss.id, "0000")
    clock.now += timedelta(minutes=5, seconds=1)
    for _ in range(4):
        assert isinstance(store.verify(boss.id, "0000"), WrongPin)
    assert store.verify(boss.id, "0000") == LockedOut(boss, clock.now + timedelta(minutes=10))


def test_the_lock_survives_a_restart(tmp_path: Path, clock: Clock) -> None:
    store = StaffStore(tmp_path / "s.sqlite3", clock=clock)
    boss = store.create_first_manager("Morgan", "2468", "2468")
    for _ in range(5):
        store.verify(boss.id, "0000")
    store.close()
    again = StaffStore(tmp_path / "s.sqlite3", clock=clock)
    assert isinstance(again.verify(boss.id, "2468"), LockedOut)
    again.close()


def test_manager_changes(store: StaffStore) -> None:
    boss = store.create_first_manager("Morgan", "2468", "2468")
    alex = store.add("Alex", "cashier", "1357", "1357", by=boss)
    with pytest.raises(StaffChangeRefused, match=r"^staff\.name_taken\b"):
        store.add("alex", "cashier", "1357", "1357", by=boss)
    assert store.verify(alex.id, "1357", manager=True) == NotAManager(alex)
    with pytest.raises(StaffChangeRefused, match=r"^staff\.manager_only$"):
        store.add("Sam", "manager", "1111", "1111", by=alex)
    with pytest.raises(StaffChangeRefused, match=r"^staff\.last_manager\b"):
        store.remove(boss.id, by=boss)
    promoted = store.set_role(alex.id, "manager", by=boss)
    assert promoted.is_manager
    assert store.remove(boss.id, by=promoted) == boss
    assert store.verify(boss.id, "2468") == UnknownStaff(boss.id)
    assert [s.name for s in store.staff()] == ["Alex"]


def test_reset_pin_lifts_a_lockout(store: StaffStore, clock: Clock) -> None:
    boss = store.create_first_manager("Morgan", "2468", "2468")
    alex = store.add("Alex", "cashier", "1357", "1357", by=boss)
    for _ in range(5):
        store.verify(alex.id, "0000")
    assert isinstance(store.verify(alex.id, "1357"), LockedOut)
    store.reset_pin(alex.id, "8642", "8642", by=boss)
    assert store.verify(alex.id, "1357") == WrongPin(alex, 4)
    assert store.verify(alex.id, "8642") == Verified(alex)


def test_training_seed_only_when_empty(store: StaffStore) -> None:
    assert store.seed_training()
    people = {s.name: s for s in store.staff()}
    assert set(people) == {"Training cashier", "Training manager"}
    assert store.verify(people["Training cashier"].id, "1111") == Verified(
        people["Training cashier"])
    assert isinstance(store.verify(people["Training manager"].id, "2222", manager=True), Verified)
    assert not store.seed_training()
    assert len(store.staff()) == 2


def test_training_seed_hashes_pins_only_when_it_seeds(store: StaffStore, monkeypatch) -> None:
    assert store.seed_training()
    import pos_refunds.staff.store as module

    def refuse(pin: str) -> str:
        raise AssertionError("a PIN hashed for a list that was already seeded")

    monkeypatch.setattr(module, "hash_pin", refuse)
    assert not store.seed_training()


def test_async_store_runs_on_its_own_thread(tmp_path: Path, clock: Clock) -> None:
    threads: set[str] = set()

    def spy() -> datetime:
        threads.add(threading.current_thread().name)
        return clock()

    async def main() -> None:
        store = await AsyncStaffStore.open(tmp_path / "staff.sqlite3", clock=spy)
        try:
            boss = await store.create_first_manager("Morgan", "2468", "2468")
            assert await store.staff() == [boss]
            assert await store.verify(boss.id, "2468", manager=True) == Verified(boss)
            assert await store.verify(boss.id, "1") == WrongPin(boss, 4)
            alex = await store.add("Alex", "cashier", "1357", "1357", by=boss)
            await store.reset_pin(alex.id, "2244", "2244", by=boss)
            await store.set_role(alex.id, "manager", by=boss)
            await store.remove(alex.id, by=boss)
            assert not await store.seed_training()
        finally:
            await store.aclose()
        with pytest.raises(RuntimeError, match="closed"):
            await store.staff()

    asyncio.run(main())
    assert threads and all(name.startswith("staff") for name in threads)


def _request(payment: str = "pi_1", minor: int = 500):
    from pos_refunds.domain.approvals import ApprovalRequest
    from pos_refunds.domain.money import Money
    from pos_refunds.domain.policy import Action

    return ApprovalRequest(payment, Money(minor, "cad"), Action.REFUND_ONLINE, "Partial")


def test_a_right_manager_pin_issues_an_approval_for_the_request_alone(store, clock) -> None:
    from pos_refunds.domain.approvals import Approval

    boss = store.create_first_manager("Morgan", "2468", "2468")
    approval = store.approve(boss.id, "2468", _request())
    assert isinstance(approval, Approval)
    assert (approval.manager_id, approval.request, approval.issued_at) == (
        boss.id, _request(), clock.now)
    assert store.consume_approval(approval.id) == approval
    assert store.consume_approval(approval.id) is None  # once


def test_no_approval_without_a_right_pin_of_a_manager(store) -> None:
    boss = store.create_first_manager("Morgan", "2468", "2468")
    alex = store.add("Alex", "cashier", "1357", "1357", by=boss)
    assert isinstance(store.approve(boss.id, "0000", _request()), WrongPin)
    assert isinstance(store.approve(alex.id, "1357", _request()), NotAManager)
    assert isinstance(store.approve("st_gone", "2468", _request()), UnknownStaff)
    assert store.consume_approval("apr_made_up") is None


def test_the_role_is_the_stored_one(store) -> None:
    boss = store.create_first_manager("Morgan", "2468", "2468")
    alex = store.add("Alex", "cashier", "1357", "1357", by=boss)
    assert store.member(alex.id) == alex and not store.member(alex.id).is_manager
    store.set_role(alex.id, "manager", by=boss)
    assert store.member(alex.id).is_manager
    store.remove(alex.id, by=boss)
    assert store.member(alex.id) is None
