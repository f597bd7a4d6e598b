"""Staff rules without a database: PINs, the lockout policy, PIN checks, who may change whom."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pos_refunds.domain.staff import (
    LockedOut,
    LockoutPolicy,
    NotAManager,
    PinRejected,
    Staff,
    StaffChangeRefused,
    StaffRecord,
    Verified,
    WrongPin,
    check_attempt,
    check_new_pin,
    check_pin,
    check_staff_change,
    clean_name,
)
from pos_refunds.services.api import Staff as ServicesStaff

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
POLICY = LockoutPolicy()


def record(sid: str = "st_1", role: str = "cashier", **kw) -> StaffRecord:
    return StaffRecord(sid, kw.pop("name", f"Person {sid}"), role, "scrypt$hash", **kw)


def test_services_name_the_domain_record() -> None:
    assert ServicesStaff is Staff
    assert Staff("m", "Morgan", "manager").is_manager
    assert not Staff("c", "Alex").is_manager


@pytest.mark.parametrize("pin", ["1234", "00000000", "9876543"])
def test_pins_of_four_to_eight_digits(pin: str) -> None:
    check_pin(pin)


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12a4", " 1234", "12 34", "١٢٣٤", "²²²²"])
def test_other_pins_are_refused_with_a_reason(pin: str) -> None:
    with pytest.raises(PinRejected, match=r"^pin\.shape \(shortest=4, longest=8\)$"):
        check_pin(pin)


def test_a_new_pin_is_typed_twice() -> None:
    check_new_pin("4321", "4321")
    with pytest.raises(PinRejected, match=r"^pin\.not_the_same$"):
        check_new_pin("4321", "4312")


def test_names_are_trimmed_and_required() -> None:
    assert clean_name("  Morgan   Lee ") == "Morgan Lee"
    with pytest.raises(StaffChangeRefused, match=r"^staff\.name_empty$"):
        clean_name("   ")
    with pytest.raises(StaffChangeRefused, match=r"^staff\.name_too_long \(longest=40\)$"):
        clean_name("x" * 41)


def test_record_repr_hides_the_hash() -> None:
    assert "scrypt" not in repr(record())


def test_lock_lengths_double_up_to_the_longest() -> None:
    policy = LockoutPolicy(attempts=5, first_lock=timedelta(minutes=5),
                           longest=timedelta(minutes=30))
    assert [policy.lock_for(n) for n in (1, 4)] == [None, None]
    assert policy.lock_for(5) == timedelta(minutes=5)
    assert policy.lock_for(10) == timedelta(minutes=10)
    assert policy.lock_for(15) == timedelta(minutes=20)
    assert policy.lock_for(20) == timedelta(minutes=30)
    assert policy.lock_for(5 * 1000) == timedelta(minutes=30)
    assert [policy.tries_left(n) for n in (0, 1, 4, 5, 6)] == [5, 4, 1, 5, 4]


def test_a_bad_policy_is_refused() -> None:
    with pytest.raises(ValueError):
        LockoutPolicy(attempts=0)


def test_wrong_pins_count_down_then_lock() -> None:
    rec = record()
    for left in (4, 3, 2, 1):
        outcome, rec = check_attempt(rec, False, NOW, POLICY)
        assert outcome == WrongPin(rec.staff, left)
    outcome, rec = check_attempt(rec, False, NOW, POLICY)
    assert outcome == LockedOut(rec.staff, NOW + timedelta(minutes=5))
    assert rec.failed == 5


def test_while_locked_even_the_right_pin_is_not_tried() -> None:
    rec = record(failed=5, locked_until=NOW + timedelta(minutes=5))
    outcome, fresh = check_attempt(rec, None, NOW + timedelta(minutes=4), POLICY)
    assert outcome == LockedOut(rec.staff, rec.locked_until)
    assert fresh is None  # nothing to store: the attempt did not count


def test_after_the_lock_five_more_tries_then_a_longer_lock() -> None:
    rec = record(failed=5, locked_until=NOW + timedelta(minutes=5))
    later = NOW + timedelta(minutes=6)
    outcome, rec = check_attempt(rec, False, later, POLICY)
    assert outcome == WrongPin(rec.staff, 4)
    for _ in range(4):
        outcome, rec = check_attempt(rec, False, later, POLICY)
    assert outcome == LockedOut(rec.staff, later + timedelta(minutes=10))


def test_the_right_pin_starts_afresh() -> None:
    rec = record(failed=3)
    outcome, fresh = check_attempt(rec, True, NOW, POLICY)
    assert outcome == Verified(rec.staff)
    assert fresh is not None and fresh.failed == 0 and fresh.locked_until is None
    outcome, fresh = check_attempt(fresh, True, NOW, POLICY)
    assert fresh is None  # nothing changed, nothing to write


def test_an_approval_needs_a_manager() -> None:
    outcome, _ = check_attempt(record(), True, NOW, POLICY, manager=True)
    assert outcome == NotAManager(record().staff)
    outcome, _ = check_attempt(record(role="manager"), True, NOW, POLICY, manager=True)
    assert isinstance(outcome, Verified)


TEAM = [record("m1", "manager"), record("m2", "manager"), record("c1")]


def test_a_manager_changes_and_removes_others() -> None:
    boss = TEAM[0].staff
    assert check_staff_change(TEAM, "c1", boss, new_role="manager").id == "c1"
    assert check_staff_change(TEAM, "m2", boss).id == "m2"


def test_a_cashier_changes_no_one() -> None:
    with pytest.raises(StaffChangeRefused, match=r"^staff\.manager_only$"):
        check_staff_change(TEAM, "c1", TEAM[2].staff)
    # claiming to be a manager does not help: the stored role decides
    with pytest.raises(StaffChangeRefused, match=r"^staff\.manager_only$"):
        check_staff_change(TEAM, "c1", Staff("c1", "Person c1", "manager"))


def test_the_last_manager_stays() -> None:
    team = [record("m1", "manager"), record("c1")]
    with pytest.raises(StaffChangeRefused, match=r"^staff\.last_manager \(name='Person m1'\)$"):
        check_staff_change(team, "m1", team[0].staff)
    with pytest.raises(StaffChangeRefused, match=r"^staff\.last_manager \(name='Person m1'\)$"):
        check_staff_change(team, "m1", team[0].staff, new_role="cashier")


def test_no_one_changes_themselves() -> None:
    with pytest.raises(StaffChangeRefused, match=r"^staff\.not_yourself$"):
        check_staff_change(TEAM, "m1", TEAM[0].staff)


def test_unknown_people_and_roles() -> None:
    with pytest.raises(StaffChangeRefused, match=r"^staff\.not_on_list$"):
        check_staff_change(TEAM, "gone", TEAM[0].staff)
    with pytest.raises(ValueError):
        check_staff_change(TEAM, "c1", TEAM[0].staff, new_role="owner")
