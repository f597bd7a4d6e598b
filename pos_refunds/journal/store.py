"""The journal database: write-ahead, append-only, chained by hash.

Why this shape: a money operation is written here, committed and fsynced (WAL +
synchronous=FULL) *before* it is sent to Stripe, with the idempotency key it will be sent
with. After a crash the pending entry is still there, so the operation is resolved instead
of being decided again, and money moves at most once. Entries are never changed: a new
state is a new entry carrying the operation's original fields.

This is the only module that opens the journal database. It is synchronous and bound to the
thread that created it (sqlite's own check); the UI reaches it through `AsyncJournal`.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from ..domain.money import Money
from .chain import COLUMNS, GENESIS, entry_hash, verify_rows
from .csv_export import write_csv
from .records import (
    Entry,
    InvalidTransition,
    JournalError,
    Operation,
    OperationKind,
    OperationState,
    UnknownOperation,
    VerifyReport,
    canonical_json,
    clean_mapping,
    clean_stripe_ids,
    parse_utc,
    redact_secrets,
    reject_secrets,
    utc_text,
)
from .rows import entry_of, operation_of
from .schema import SCHEMA_VERSION, TRIGGERS, upgrade_script

# The newest entry of each operation, with the time and hash of its first entry.
_LATEST = """
SELECT e.*, f.at AS created_at, f.hash AS anchor
FROM (SELECT op_id, MIN(seq) AS first_seq, MAX(seq) AS last_seq
      FROM entries {where} GROUP BY op_id) AS g
JOIN entries AS e ON e.seq = g.last_seq
JOIN entries AS f ON f.seq = g.first_seq
"""
_OPEN = "e.state IN ('pending', 'unknown')"
_CARRIED = COLUMNS[1:COLUMNS.index("state")]  # what every later entry repeats
_INSERT = (
    f"INSERT INTO entries ({', '.join(COLUMNS)}) "
    f"VALUES ({', '.join(':' + c for c in COLUMNS)})"
)


class Journal:
    """The write-ahead journal of money operations, over one sqlite file."""

    def __init__(self, path: str | Path) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, one transaction per append.
        self._conn = sqlite3.connect(str(path), isolation_level=None, timeout=10.0)
        self._conn.row_factory = sqlite3.Row
        try:
            self._prepare()
        except BaseException:
            self._conn.close()
            raise

    def _prepare(self) -> None:
        conn = self._conn
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:  # made by a newer app: never downgrade it
            raise JournalError(f"journal schema version {version} is not supported")
        if version < SCHEMA_VERSION:
            try:  # one transaction, so a half-made or half-migrated schema is never left
                conn.executescript(f"BEGIN IMMEDIATE; {upgrade_script(version)} COMMIT;")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    # ---- writing -----------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE takes the write lock first, so no other writer can fork the chain."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _append(self, row: dict[str, Any]) -> Entry:
        """Seal and insert one entry and move the head; call inside `_transaction`."""
        head = self._conn.execute("SELECT seq, hash FROM chain_head WHERE id = 1").fetchone()
        seq, prev = (head["seq"] + 1, head["hash"]) if head else (1, GENESIS)
        row = {**row, "seq": seq, "at": utc_text(datetime.now(UTC)), "prev_hash": prev}
        row["hash"] = entry_hash(prev, row)
        self._conn.execute(_INSERT, row)
        self._conn.execute(
            "INSERT INTO chain_head (id, seq, hash) VALUES (1, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
            (seq, row["hash"]),
        )
        return entry_of(row)

    def begin(
        self,
        kind: OperationKind | str,
        payment_id: str,
        *,
        amount: Money | None,
        staff: str,
        approver: str | None,
        till: str,
        reader_id: str | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> Operation:
        """Write the pending entry and commit it; only then may the operation be sent."""
        kind = OperationKind(kind)
        for name, value in (("payment_id", payment_id), ("staff", staff), ("till", till)):
            if not isinstance(value, str) or not value:
                raise ValueError(f"{name} must be a non-empty string")
            reject_secrets(value, name)
        reject_secrets([approver or "", reader_id or ""], "approver/reader_id")
        if amount is not None and (not isinstance(amount, Money) or amount.minor <= 0):
            raise ValueError("amount must be a positive Money, or None")
        row = {
            "op_id": f"op_{uuid.uuid4().hex}",
            "kind": kind.value,
            "payment_id": payment_id,
            "amount": amount.minor if amount else None,
            "currency": amount.currency if amount else None,
            "staff": staff,
            "approver": approver,
            "till": till,
            "reader_id": reader_id,
            "idempotency_key": f"posr_{uuid.uuid4().hex}",
            "state": OperationState.PENDING.value,
            "stripe_ids": canonical_json({}),
            "error": None,
            "details": canonical_json(clean_mapping(details, "details")),
        }
        with self._transaction():
            entry = self._append(row)
        return operation_of(entry, created_at=entry.at, anchor=entry.hash)

    def record_settings(self, values: Mapping[str, Any], *, staff: str, till: str) -> Entry:
        """A manager changed guarded settings (refund limits, idle lock): one closed entry,
        chained like any other, whose details are the values now in force."""
        for name, value in (("staff", staff), ("till", till)):
            if not isinstance(value, str) or not value:
                raise ValueError(f"{name} must be a non-empty string")
        row = {
            "op_id": f"set_{uuid.uuid4().hex}",
            "kind": OperationKind.SETTINGS.value,
            "payment_id": "",
            "amount": None,
            "currency": None,
            "staff": staff,
            "approver": staff,
            "till": till,
            "reader_id": None,
            "idempotency_key": "",
            "state": OperationState.SUCCEEDED.value,
            "stripe_ids": canonical_json({}),
            "error": None,
            "details": canonical_json(clean_mapping(values, "settings")),
        }
        with self._transaction():
            return self._append(row)

    def latest_settings(self) -> Entry | None:
        """The newest change of guarded settings, if a manager ever made one."""
        row = self._conn.execute(
            "SELECT * FROM entries WHERE kind = ? ORDER BY seq DESC LIMIT 1",
            (OperationKind.SETTINGS.value,),
        ).fetchone()
        return entry_of(row) if row is not None else None

    def record(
        self,
        op_id: str,
        state: OperationState | str,
        *,
        stripe_ids: Mapping[str, str | None] | None = None,
        error: str | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> Operation:
        """Append the operation's new state; ids and details merge over the earlier ones.

        `error` is masked rather than refused if it quotes a key: the outcome must be kept.
        """
        state = OperationState(state)
        if state is OperationState.PENDING:
            raise InvalidTransition("an operation is pending only when it begins")
        new_ids = clean_stripe_ids(stripe_ids)
        new_details = clean_mapping(details, "details")
        with self._transaction() as conn:
            latest = conn.execute(
                _LATEST.format(where="WHERE op_id = ?"), (op_id,)
            ).fetchone()
            if latest is None:
                raise UnknownOperation(op_id)
            if not OperationState(latest["state"]).is_open:
                raise InvalidTransition(f"{op_id} is already {latest['state']}")
            row = {name: latest[name] for name in _CARRIED}
            row["state"] = state.value
            row["stripe_ids"] = canonical_json({**json.loads(latest["stripe_ids"]), **new_ids})
            row["details"] = canonical_json({**json.loads(latest["details"]), **new_details})
            row["error"] = redact_secrets(error) if error else None
            entry = self._append(row)
        return operation_of(entry, created_at=parse_utc(latest["created_at"]),
                          anchor=latest["anchor"])

    # ---- reading -----------------------------------------------------------------------

    def _operations(self, sql: str, params: tuple[Any, ...] = ()) -> list[Operation]:
        rows = self._conn.execute(sql, params).fetchall()
        return [operation_of(entry_of(r), created_at=parse_utc(r["created_at"]), anchor=r["anchor"])
                for r in rows]

    def get(self, op_id: str) -> Operation | None:
        found = self._operations(_LATEST.format(where="WHERE op_id = ?"), (op_id,))
        return found[0] if found else None

    def open_operations(self) -> list[Operation]:
        """Operations sent or about to be sent whose outcome is not known: resolve these first."""
        return self._operations(_LATEST.format(where="") + f"WHERE {_OPEN} ORDER BY g.first_seq")

    def open_for_payment(self, payment_id: str) -> list[Operation]:
        sql = _LATEST.format(where="WHERE payment_id = ?") + f"WHERE {_OPEN} ORDER BY g.first_seq"
        return self._operations(sql, (payment_id,))

    def operations(
        self, *, since: datetime | None = None, until: datetime | None = None
    ) -> list[Operation]:
        """Every money operation begun in [since, until), as it stands now, newest first
        (settings changes are entries of the journal, not operations)."""
        sql = _LATEST.format(where="") + (
            "WHERE f.at >= ? AND f.at < ? AND e.kind != 'settings' ORDER BY g.first_seq DESC")
        low = utc_text(since) if since else ""
        high = utc_text(until) if until else "~"  # '~' sorts after any ISO timestamp
        return self._operations(sql, (low, high))

    def entries(self) -> list[Entry]:
        rows = self._conn.execute("SELECT * FROM entries ORDER BY seq").fetchall()
        return [entry_of(r) for r in rows]

    def verify(self) -> VerifyReport:
        """Re-seal every entry and compare; reads in one snapshot so appends cannot interleave."""
        conn = self._conn
        conn.execute("BEGIN")
        try:
            rows = [dict(r) for r in conn.execute("SELECT * FROM entries ORDER BY seq")]
            head = conn.execute("SELECT seq, hash FROM chain_head WHERE id = 1").fetchone()
            triggers = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            names = {r[0] for r in triggers}
        finally:
            conn.execute("COMMIT")
        return verify_rows(
            rows,
            (head["seq"], head["hash"]) if head else None,
            protected=TRIGGERS <= names,
        )

    def export_csv(self, file: TextIO) -> None:
        write_csv(self.entries(), file)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
