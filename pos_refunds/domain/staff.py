"""Who works the till: staff records, PIN rules, the lockout policy and what a PIN check says.

Pure rules, so the store (which keeps the records) and the screens (which explain a refusal)
decide the same way. PINs never live here in clear beyond the call that checks them: a record
holds only the salted slow hash, made and checked in `pos_refunds.staff.pins`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from .errors import PosError
from .reasons import PinReason, StaffReason

CASHIER = "cashier"
MANAGER = "manager"
ROLES = (CASHIER, MANAGER)

PIN_MIN, PIN_MAX = 4, 8
NAME_MAX = 40
_PIN = re.compile(rf"[0-9]{{{PIN_MIN},{PIN_MAX}}}")  # ASCII digits only: a keypad types these


@dataclass(frozen=True, slots=True)
class Staff:
    """The person signed in (or approving); what the journal and Stripe metadata name."""

    id: str
    name: str
    role: str = CASHIER  # cashier | manager

    @property
    def is_manager(self) -> bool:
        return self.role == MANAGER


class PinRejected(PosError):
    """A new PIN does not follow the rules (or the two entries differ)."""


class StaffChangeRefused(PosError):
    """A staff change that would leave the till without a manager, or is not theirs to make."""


def check_pin(pin: str) -> None:
    """A PIN is 4 to 8 digits; raises PinRejected saying so."""
    if not _PIN.fullmatch(pin):
        raise PinRejected(PinReason.SHAPE, shortest=PIN_MIN, longest=PIN_MAX)


def check_new_pin(pin: str, again: str) -> None:
    """A PIN chosen by typing it twice."""
    check_pin(pin)
    if pin != again:
        raise PinRejected(PinReason.NOT_THE_SAME)


def clean_name(name: str) -> str:
    """The name as shown on the sign-in screen: trimmed, single spaces, not empty, not long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise StaffChangeRefused(StaffReason.NAME_EMPTY)
    if len(cleaned) > NAME_MAX:
        raise StaffChangeRefused(StaffReason.NAME_TOO_LONG, longest=NAME_MAX)
    return cleaned


def check_role(role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")


@dataclass(frozen=True)
class LockoutPolicy:
    """Every `attempts` wrong PINs in a row lock the person out; each lock lasts twice as long
    as the one before (5, 10, 20 min...), up to `longest`. A right PIN starts afresh."""

    attempts: int = 5
    first_lock: timedelta = timedelta(minutes=5)
    longest: timedelta = timedelta(hours=4)

    def __post_init__(self) -> None:
        if self.attempts < 1 or self.first_lock <= timedelta(0) or self.longest < self.first_lock:
            raise ValueError("a lockout policy needs attempts ≥ 1 and 0 < first_lock ≤ longest")

    def lock_for(self, failed: int) -> timedelta | None:
        """How long the `failed`-th wrong PIN in a row locks for (None: it does not lock)."""
        if failed <= 0 or failed % self.attempts:
            return None
        rounds = failed // self.attempts
        if rounds > 32:  # beyond any cap, and no giant powers of two
            return self.longest
        return min(self.first_lock * 2 ** (rounds - 1), self.longest)

    def tries_left(self, failed: int) -> int:
        """Wrong PINs still possible before the next lock."""
        return self.attempts - failed % self.attempts


@dataclass(frozen=True)
class StaffRecord:
    """A stored staff member: who, their PIN's hash, and their recent wrong PINs."""

    id: str
    name: str
    role: str
    pin_hash: str = field(repr=False)
    failed: int = 0  # wrong PINs in a row
    locked_until: datetime | None = None

    @property
    def staff(self) -> Staff:
        return Staff(self.id, self.name, self.role)

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_wrong_pin(self, now: datetime, policy: LockoutPolicy) -> StaffRecord:
        failed = self.failed + 1
        lock = policy.lock_for(failed)
        return replace(self, failed=failed,
                       locked_until=now + lock if lock is not None else self.locked_until)

    def after_right_pin(self) -> StaffRecord:
        return replace(self, failed=0, locked_until=None)


# --- what a PIN check says ------------------------------------------------------------------


@dataclass(frozen=True)
class Verified:
    staff: Staff


@dataclass(frozen=True)
class WrongPin:
    staff: Staff
    tries_left: int  # before the next lock


@dataclass(frozen=True)
class LockedOut:
    staff: Staff
    until: datetime  # aware, UTC


@dataclass(frozen=True)
class NotAManager:
    staff: Staff


@dataclass(frozen=True)
class UnknownStaff:
    staff_id: str


PinCheck = Verified | WrongPin | LockedOut | NotAManager | UnknownStaff


def check_attempt(
    record: StaffRecord, pin_ok: bool | None, now: datetime, policy: LockoutPolicy,
    *, manager: bool = False,
) -> tuple[PinCheck, StaffRecord | None]:
    """The outcome of one attempt and the record to keep afterwards (None: unchanged).

    `pin_ok` is None when the PIN was not checked because the record is locked: a locked
    person's PIN is not even tried, so guessing during a lock teaches nothing.
    """
    if record.locked_at(now):
        return LockedOut(record.staff, record.locked_until), None  # type: ignore[arg-type]
    if not pin_ok:
        fresh = record.after_wrong_pin(now, policy)
        if fresh.locked_at(now):
            return LockedOut(fresh.staff, fresh.locked_until), fresh  # type: ignore[arg-type]
        return WrongPin(fresh.staff, policy.tries_left(fresh.failed)), fresh
    fresh = record.after_right_pin()
    changed = fresh if fresh != record else None
    if manager and not record.staff.is_manager:
        return NotAManager(record.staff), changed
    return Verified(record.staff), changed


# --- who may change whom ----------------------------------------------------------------------


def check_staff_change(
    records: Iterable[StaffRecord], target_id: str, by: Staff, *, new_role: str | None = None,
) -> StaffRecord:
    """A manager changes someone's role (`new_role`) or removes them (`new_role` None).

    Refused when `by` is not a manager (as stored, not as claimed), when it is about
    themselves, or when it would leave no manager. Returns the target's record.
    """
    by_id = {r.id: r for r in records}
    actor = by_id.get(by.id)
    if actor is None or not actor.staff.is_manager:
        raise StaffChangeRefused(StaffReason.MANAGER_ONLY)
    target = by_id.get(target_id)
    if target is None:
        raise StaffChangeRefused(StaffReason.NOT_ON_LIST)
    if new_role is not None:
        check_role(new_role)
    if target.staff.is_manager and new_role != MANAGER:
        managers = sum(1 for r in by_id.values() if r.staff.is_manager)
        if managers <= 1:
            raise StaffChangeRefused(StaffReason.LAST_MANAGER, name=target.name)
    if target.id == actor.id:
        raise StaffChangeRefused(StaffReason.NOT_YOURSELF)
    return target
