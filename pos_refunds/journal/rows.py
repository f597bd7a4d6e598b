"""Rows of the journal as records: how a stored row reads as an entry, and an entry (with
its operation's first entry) as the operation it belongs to."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ..domain.money import Money
from .records import Entry, Operation, OperationKind, OperationState, parse_utc


def entry_of(row: Mapping[str, Any]) -> Entry:
    amount = row["amount"]
    return Entry(
        seq=row["seq"],
        op_id=row["op_id"],
        kind=OperationKind(row["kind"]),
        payment_id=row["payment_id"],
        amount=Money(amount, row["currency"]) if amount is not None else None,
        staff=row["staff"],
        approver=row["approver"],
        till=row["till"],
        reader_id=row["reader_id"],
        idempotency_key=row["idempotency_key"],
        state=OperationState(row["state"]),
        stripe_ids=json.loads(row["stripe_ids"]),
        error=row["error"],
        details=json.loads(row["details"]),
        at=parse_utc(row["at"]),
        prev_hash=row["prev_hash"],
        hash=row["hash"],
    )


def operation_of(entry: Entry, *, created_at: datetime, anchor: str) -> Operation:
    return Operation(
        anchor=anchor,
        op_id=entry.op_id,
        kind=entry.kind,
        payment_id=entry.payment_id,
        amount=entry.amount,
        staff=entry.staff,
        approver=entry.approver,
        till=entry.till,
        reader_id=entry.reader_id,
        idempotency_key=entry.idempotency_key,
        state=entry.state,
        stripe_ids=dict(entry.stripe_ids),
        error=entry.error,
        details=dict(entry.details),
        created_at=created_at,
        updated_at=entry.at,
    )
