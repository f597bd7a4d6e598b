"""The hash chain: how an entry is sealed, and how a whole journal is checked.

Each entry's hash covers the previous entry's hash and every other column, its own `seq`
included, so an edit, a removal or a reordering breaks the chain where it happened. The
`chain_head` row remembers the newest entry, so cutting entries off the end shows too.

Verification works on raw rows (plain values as stored), never on parsed records: a tampered
row may not even parse, and the report must still say what is wrong with it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from .records import VerifyReport, canonical_json

GENESIS = "0" * 64

# Every column of `entries`, in table order. `prev_hash` and `hash` are the seal itself.
COLUMNS: tuple[str, ...] = (
    "seq", "op_id", "kind", "payment_id", "amount", "currency", "staff", "approver", "till",
    "reader_id", "idempotency_key", "state", "stripe_ids", "error", "details", "at",
    "prev_hash", "hash",
)
SEALED: tuple[str, ...] = COLUMNS[:-2]


def entry_hash(prev_hash: str, row: Mapping[str, Any]) -> str:
    """sha256(prev_hash + canonical JSON of the sealed columns, values exactly as stored)."""
    body = canonical_json({name: row[name] for name in SEALED})
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def _written_as(row: Mapping[str, Any], seq_of_hash: Mapping[str, int]) -> int | None:
    """The position an intact but misplaced entry was written at, if it can be told.

    An entry's prev_hash names its predecessor; if the entry seals correctly at the
    position right after that predecessor, it was moved there from elsewhere.
    """
    prev = row["prev_hash"]
    if prev == GENESIS:
        candidate = 1
    elif prev in seq_of_hash:
        candidate = seq_of_hash[prev] + 1
    else:
        return None
    if candidate == row["seq"]:
        return None
    if entry_hash(prev, {**row, "seq": candidate}) == row["hash"]:
        return candidate
    return None


def _missing(first: int, last: int) -> str:
    if first == last:
        return f"Entry {first} is missing."
    return f"Entries {first} to {last} are missing."


def verify_rows(
    rows: Sequence[Mapping[str, Any]],
    head: tuple[int, str] | None,
    *,
    protected: bool = True,
) -> VerifyReport:
    """Check `rows` (ordered by seq) against each other and against the recorded head."""
    found: list[tuple[int, str]] = []  # (position, sentence), sorted at the end
    changed: set[int] = set()
    moved: dict[int, int] = {}  # position now -> position written at
    seq_of_hash = {r["hash"]: r["seq"] for r in rows}
    expected = 1
    previous: Mapping[str, Any] | None = None

    for row in rows:
        seq = row["seq"]
        if seq > expected:
            found.append((expected, _missing(expected, seq - 1)))
        if entry_hash(row["prev_hash"], row) != row["hash"]:
            origin = _written_as(row, seq_of_hash)
            if origin is not None:
                moved[seq] = origin
            else:
                changed.add(seq)
        elif previous is not None and previous["seq"] == seq - 1:
            if row["prev_hash"] != previous["hash"] and seq - 1 not in moved:
                # This entry is intact, so the one before it was rewritten and resealed.
                changed.add(seq - 1)
        elif seq == 1 and row["prev_hash"] != GENESIS:
            changed.add(seq)
        expected = seq + 1
        previous = row

    for seq in changed:
        found.append((seq, f"Entry {seq} was changed after it was written."))
    for now, origin in moved.items():
        if moved.get(origin) == now:
            if now < origin:
                found.append((now, f"Entries {now} and {origin} were swapped."))
        else:
            found.append((now, f"Entry {origin} was moved to position {now}."))

    problems = [sentence for _, sentence in sorted(found)]
    last_seq = rows[-1]["seq"] if rows else 0
    if head is None:
        if rows:
            problems.append("The record of the newest entry is missing.")
    else:
        head_seq, head_hash = head
        if head_seq > last_seq:
            problems.append(
                f"The newest entries were removed (expected {head_seq}, found {last_seq})."
            )
        elif head_seq < last_seq:
            problems.append(
                f"Entries were added outside the journal (expected {head_seq}, found {last_seq})."
            )
        elif rows and head_hash != rows[-1]["hash"] and last_seq not in changed:
            problems.append(f"Entry {last_seq} was changed after it was written.")
    if not protected:
        problems.append("The append-only protection of the journal was removed.")

    return VerifyReport(
        ok=not problems,
        checked=len(rows),
        problems=problems,
        head_hash=head[1] if head else None,
    )
