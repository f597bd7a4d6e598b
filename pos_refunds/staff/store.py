"""The staff list on disk: its own small SQLite file (`staff.sqlite3`), never the journal's.

Synchronous and bound to the thread that opened it (sqlite's own check); the app reaches it
through `AsyncStaffStore`, whose one worker thread also runs the slow PIN hash. Only hashes
are stored; a PIN in clear never leaves the call that hashes or checks it.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ..domain.approvals import APPROVAL_LIFETIME, Approval, ApprovalRequest
from ..domain.reasons import StaffReason
from ..domain.staff import (
    MANAGER,
    LockoutPolicy,
    PinCheck,
    Staff,
    StaffChangeRefused,
    StaffRecord,
    UnknownStaff,
    Verified,
    check_attempt,
    check_new_pin,
    check_role,
    check_staff_change,
    clean_name,
)
from .pins import hash_pin, verify_pin

# Versions (`PRAGMA user_version`): 0 is a file from before versions were kept (the table of
# version 1 without the stamp); each later version is one step of MIGRATIONS, run in order in
# one transaction, keeping every person, hash and lockout.
SCHEMA_VERSION = 1
MIGRATIONS: dict[int, str] = {}  # version -> the script from version - 1 to it

SCHEMA = """
CREATE TABLE IF NOT EXISTS staff (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
    pin_hash TEXT NOT NULL,
    failed INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL
);
"""

TRAINING_STAFF = (("Training cashier", "cashier", "1111"), ("Training manager", MANAGER, "2222"))

Clock = Callable[[], datetime]


class StaffFileTooNew(RuntimeError):
    """The staff list was written by a newer version of the app: it is never downgraded."""


def upgrade(conn: sqlite3.Connection) -> None:
    """Create or move the file forward to SCHEMA_VERSION, all in one transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StaffFileTooNew(f"staff list schema version {version} is not supported")
    if version == SCHEMA_VERSION:
        return
    steps = [SCHEMA] + [MIGRATIONS[v] for v in range(max(version, 1) + 1, SCHEMA_VERSION + 1)]
    script = "\n".join(steps) + f"\nPRAGMA user_version = {SCHEMA_VERSION};"
    try:
        conn.executescript(f"BEGIN IMMEDIATE; {script} COMMIT;")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def utc_now() -> datetime:
    return datetime.now(UTC)


def _key(name: str) -> str:
    return name.casefold()


class StaffStore:
    """Staff records over one sqlite file; every change is one short transaction."""

    def __init__(self, path: str | Path, *, clock: Clock = utc_now,
                 policy: LockoutPolicy | None = None) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._clock = clock
        self._policy = policy or LockoutPolicy()
        self._issued: dict[str, Approval] = {}  # approvals given and not yet used
        self._conn = sqlite3.connect(str(path), isolation_level=None, timeout=10.0)
        self._conn.row_factory = sqlite3.Row
        try:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
            upgrade(self._conn)
        except BaseException:
            self._conn.close()
            raise

    # --- reading -------------------------------------------------------------------------
    def records(self) -> list[StaffRecord]:
        rows = self._conn.execute("SELECT * FROM staff ORDER BY name_key").fetchall()
        return [_record(row) for row in rows]

    def staff(self) -> list[Staff]:
        """Everyone, by name, for the sign-in screen."""
        return [r.staff for r in self.records()]

    def _get(self, staff_id: str) -> StaffRecord | None:
        row = self._conn.execute("SELECT * FROM staff WHERE id = ?", (staff_id,)).fetchone()
        return _record(row) if row is not None else None

    # --- signing in ----------------------------------------------------------------------
    def verify(self, staff_id: str, pin: str, *, manager: bool = False) -> PinCheck:
        """Check one PIN attempt, counting wrong ones and locking out as the policy says."""
        # Read, check and count in one transaction, so two attempts at the same moment (two
        # app copies, two threads) never both read the same count. The PIN check runs inside
        # it on purpose: one scrypt (tens of ms) holds the write lock, far below the others' 10 s
        # busy timeout, and readers are not held up (WAL); parallel guesses are then checked
        # one after another, and one queued behind the attempt that locks is not tried at all.
        with self._transaction():
            record = self._get(staff_id)
            if record is None:
                return UnknownStaff(staff_id)
            now = self._clock()
            pin_ok = None if record.locked_at(now) else verify_pin(pin, record.pin_hash)
            outcome, fresh = check_attempt(record, pin_ok, now, self._policy, manager=manager)
            if fresh is not None:
                self._conn.execute(
                    "UPDATE staff SET failed = ?, locked_until = ? WHERE id = ?",
                    (fresh.failed, _text(fresh.locked_until), fresh.id))
            return outcome

    def member(self, staff_id: str) -> Staff | None:
        """Who this is now, as stored (their role too), or None when no longer on the list."""
        record = self._get(staff_id)
        return record.staff if record is not None else None

    # --- approving -------------------------------------------------------------------------
    def approve(self, staff_id: str, pin: str, request: ApprovalRequest) -> PinCheck | Approval:
        """A manager's PIN approves `request`: the approval is issued for it alone and kept
        here until the services take it (once) for the operation it names."""
        outcome = self.verify(staff_id, pin, manager=True)
        if not isinstance(outcome, Verified):
            return outcome
        now = self._clock()
        self._issued = {k: a for k, a in self._issued.items()
                        if now - a.issued_at <= APPROVAL_LIFETIME}
        approval = Approval(f"apr_{uuid.uuid4().hex}", outcome.staff.id, outcome.staff.name,
                            request, now)
        self._issued[approval.id] = approval
        return approval

    def consume_approval(self, approval_id: str) -> Approval | None:
        """This staff list's own record of an approval it issued, handed out once."""
        return self._issued.pop(approval_id, None)

    # --- changing the list ---------------------------------------------------------------
    def create_first_manager(self, name: str, pin: str, again: str) -> Staff:
        """The very first person: a manager, allowed only while the list is empty."""
        name = clean_name(name)
        check_new_pin(pin, again)
        hashed = hash_pin(pin)
        with self._transaction():
            if self._conn.execute("SELECT COUNT(*) FROM staff").fetchone()[0]:
                raise StaffChangeRefused(StaffReason.ALREADY_SET_UP)
            return self._insert(name, MANAGER, hashed)

    def add(self, name: str, role: str, pin: str, again: str, *, by: Staff) -> Staff:
        name = clean_name(name)
        check_role(role)
        check_new_pin(pin, again)
        hashed = hash_pin(pin)
        with self._transaction():
            self._require_manager(by)
            return self._insert(name, role, hashed)

    def set_role(self, staff_id: str, role: str, *, by: Staff) -> Staff:
        with self._transaction():
            target = check_staff_change(self.records(), staff_id, by, new_role=role)
            self._conn.execute("UPDATE staff SET role = ? WHERE id = ?", (role, target.id))
            return Staff(target.id, target.name, role)

    def reset_pin(self, staff_id: str, pin: str, again: str, *, by: Staff) -> Staff:
        """A new PIN chosen by a manager; it also lifts a lockout."""
        check_new_pin(pin, again)
        hashed = hash_pin(pin)
        with self._transaction():
            self._require_manager(by)
            target = self._get(staff_id)
            if target is None:
                raise StaffChangeRefused(StaffReason.NOT_ON_LIST)
            self._conn.execute(
                "UPDATE staff SET pin_hash = ?, failed = 0, locked_until = NULL WHERE id = ?",
                (hashed, staff_id))
            return target.staff

    def remove(self, staff_id: str, *, by: Staff) -> Staff:
        with self._transaction():
            target = check_staff_change(self.records(), staff_id, by)
            self._conn.execute("DELETE FROM staff WHERE id = ?", (target.id,))
            return target.staff

    def seed_training(self) -> bool:
        """Training only: two obvious people when the (training) list is empty. Their PINs
        are hashed only then, not at every start (two scrypts held training's window ~0.1 s)."""
        if self._conn.execute("SELECT COUNT(*) FROM staff").fetchone()[0]:
            return False
        hashes = [(name, role, hash_pin(pin)) for name, role, pin in TRAINING_STAFF]
        with self._transaction():  # counted again: another copy of the app may have seeded
            if self._conn.execute("SELECT COUNT(*) FROM staff").fetchone()[0]:
                return False
            for name, role, hashed in hashes:
                self._insert(name, role, hashed)
            return True

    def close(self) -> None:
        self._conn.close()

    # --- helpers -------------------------------------------------------------------------
    def _require_manager(self, by: Staff) -> None:
        actor = self._get(by.id)
        if actor is None or not actor.staff.is_manager:
            raise StaffChangeRefused(StaffReason.MANAGER_ONLY)

    def _insert(self, name: str, role: str, hashed: str) -> Staff:
        staff = Staff(f"st_{uuid.uuid4().hex[:12]}", name, role)
        try:
            self._conn.execute(
                "INSERT INTO staff (id, name, name_key, role, pin_hash, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (staff.id, name, _key(name), role, hashed, _text(self._clock())))
        except sqlite3.IntegrityError as error:
            raise StaffChangeRefused(StaffReason.NAME_TAKEN, name=name) from error
        return staff

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")


def _text(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def _record(row: sqlite3.Row) -> StaffRecord:
    until = row["locked_until"]
    return StaffRecord(
        id=row["id"], name=row["name"], role=row["role"], pin_hash=row["pin_hash"],
        failed=int(row["failed"]),
        locked_until=datetime.fromisoformat(until) if until else None,
    )

