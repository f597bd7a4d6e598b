"""The journal as CSV for a manager's spreadsheet: one row per entry, nothing secret.

Secrets never enter the journal, so none can leave it; cells a spreadsheet would run as a
formula (a note typed as "=HYPERLINK(...)") are defused with a leading apostrophe.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from .records import Entry, canonical_json

HEADER = (
    "seq", "at", "op_id", "kind", "state", "payment_id", "amount", "currency", "staff",
    "approver", "till", "reader_id", "idempotency_key", "stripe_ids", "error", "reason",
    "note", "details", "hash",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _row(entry: Entry) -> list[str]:
    amount = entry.amount
    values: list[object] = [
        entry.seq,
        entry.at.isoformat(timespec="microseconds"),
        entry.op_id,
        entry.kind.value,
        entry.state.value,
        entry.payment_id,
        f"{amount.to_decimal():.{amount.exponent}f}" if amount else None,
        amount.currency.upper() if amount else None,
        entry.staff,
        entry.approver,
        entry.till,
        entry.reader_id,
        entry.idempotency_key,
        "; ".join(f"{k}={v}" for k, v in sorted(entry.stripe_ids.items())),
        entry.error,
        entry.details.get("reason"),
        entry.details.get("note"),
        canonical_json(entry.details) if entry.details else None,
        entry.hash,
    ]
    return [_cell(v) for v in values]


def write_csv(entries: Iterable[Entry], file: TextIO) -> None:
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(HEADER)
    for entry in entries:
        writer.writerow(_row(entry))
