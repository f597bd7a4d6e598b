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

from ..domain.reasons import ChainReason as CR
from ..domain.reasons import Finding
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


def _origins(rows: Sequence[Mapping[str, Any]], intact: set[int]) -> dict[int, int]:
    """For entries that do not seal where they stand: where they were written, if it shows.

    An entry's prev_hash names its predecessor; if the entry seals at the position right
    after where that predecessor was written, it was moved from there. The predecessor may
    have moved too (a swap), so origins are worked out along the chain, with a memo.
    """
    by_hash = {r["hash"]: r for r in rows}
    known: dict[int, int | None] = {seq: seq for seq in intact}

    def sealed_at(row: Mapping[str, Any], seq: int) -> bool:
        return entry_hash(row["prev_hash"], {**row, "seq": seq}) == row["hash"]

    def origin(start: Mapping[str, Any]) -> int | None:
        trail: list[Mapping[str, Any]] = []
        row: Mapping[str, Any] | None = start
        base: int | None = 0  # position of the predecessor of trail[-1]
        while row is not None and row["seq"] not in known:
            if any(t is row for t in trail):  # a cycle of forged links
                base = None
                break
            trail.append(row)
            if row["prev_hash"] == GENESIS:
                row = None
            else:
                row = by_hash.get(row["prev_hash"])
                if row is None:
                    base = None
        if row is not None and base is not None:
            base = known[row["seq"]]
        for r in reversed(trail):
            here = base + 1 if base is not None and sealed_at(r, base + 1) else None
            known[r["seq"]] = here
            base = here
        return known[start["seq"]]

    moved: dict[int, int] = {}
    for row in rows:
        if row["seq"] not in intact:
            was = origin(row)
            if was is not None and was != row["seq"]:
                moved[row["seq"]] = was
    return moved


# What every entry of an operation repeats from its first: who, what, on which payment.
CARRIED: tuple[str, ...] = (
    "kind", "payment_id", "amount", "currency", "staff", "approver", "till", "reader_id",
    "idempotency_key",
)
_OPEN_STATES = ("pending", "unknown")


def _story_breaks(rows: Sequence[Mapping[str, Any]]) -> list[tuple[int, Finding]]:
    """Entries that seal well but do not follow their operation's story: a later entry that
    says other things of who did what (appended and sealed the journal's way, it would rewrite
    the operation), or one after the operation was closed (closed operations stay closed)."""
    first: dict[str, Mapping[str, Any]] = {}
    last_state: dict[str, str] = {}
    found: list[tuple[int, Finding]] = []
    for row in rows:
        op = row["op_id"]
        if op not in first:
            first[op] = row
            if row["kind"] == "settings":  # a settings change is one closed entry
                last_state[op] = row["state"]
                continue
            if row["state"] != "pending":
                found.append((row["seq"], Finding(CR.NEVER_PENDING, {"entry": row["seq"]})))
        elif any(row[name] != first[op][name] for name in CARRIED):
            found.append((row["seq"], Finding(CR.CHANGES_WHO, {"entry": row["seq"],
                                                               "first": first[op]["seq"]})))
        elif last_state[op] not in _OPEN_STATES:
            found.append((row["seq"], Finding(CR.AFTER_CLOSED, {"entry": row["seq"]})))
        last_state[op] = row["state"]
    return found


def _missing(first: int, last: int) -> Finding:
    if first == last:
        return Finding(CR.MISSING_ONE, {"entry": first})
    return Finding(CR.MISSING_RANGE, {"first": first, "last": last})


def _order(found: tuple[int, Finding]) -> tuple[int, str, str]:
    """By position, then the same way every time (a finding has no order of its own)."""
    position, finding = found
    return position, finding.reason.value, repr(sorted(finding.params.items()))


def verify_rows(
    rows: Sequence[Mapping[str, Any]],
    head: tuple[int, str] | None,
    *,
    protected: bool = True,
) -> VerifyReport:
    """Check `rows` (ordered by seq) against each other and against the recorded head."""
    found: list[tuple[int, Finding]] = []  # (position, finding), sorted at the end
    intact = {r["seq"] for r in rows if entry_hash(r["prev_hash"], r) == r["hash"]}
    moved = _origins(rows, intact)  # position now -> position written at
    changed = {r["seq"] for r in rows if r["seq"] not in intact and r["seq"] not in moved}
    expected = 1
    previous: Mapping[str, Any] | None = None

    for row in rows:
        seq = row["seq"]
        if seq > expected:
            found.append((expected, _missing(expected, seq - 1)))
        if seq in intact and previous is not None and previous["seq"] == seq - 1:
            if row["prev_hash"] != previous["hash"] and seq - 1 not in moved:
                # This entry is intact, so the one before it was rewritten and resealed.
                changed.add(seq - 1)
        elif seq in intact and seq == 1 and row["prev_hash"] != GENESIS:
            changed.add(seq)  # resealed as if it started the chain
        expected = seq + 1
        previous = row

    for seq in changed:
        found.append((seq, Finding(CR.CHANGED, {"entry": seq})))
    for now, origin in moved.items():
        if moved.get(origin) == now:
            if now < origin:
                found.append((now, Finding(CR.SWAPPED, {"first": now, "second": origin})))
        else:
            found.append((now, Finding(CR.MOVED, {"entry": origin, "position": now})))

    if not found:  # a broken chain says enough; its story would only repeat it
        found.extend(_story_breaks(rows))
    problems = [finding for _, finding in sorted(found, key=_order)]
    last_seq = rows[-1]["seq"] if rows else 0
    if head is None:
        if rows:
            problems.append(Finding(CR.HEAD_MISSING))
    else:
        head_seq, head_hash = head
        if head_seq > last_seq:
            problems.append(Finding(CR.REMOVED, {"expected": head_seq, "found": last_seq}))
        elif head_seq < last_seq:
            problems.append(Finding(CR.ADDED, {"expected": head_seq, "found": last_seq}))
        elif rows and head_hash != rows[-1]["hash"] and last_seq not in changed:
            problems.append(Finding(CR.CHANGED, {"entry": last_seq}))
    if not protected:
        problems.append(Finding(CR.UNPROTECTED))

    return VerifyReport(
        ok=not problems,
        checked=len(rows),
        problems=problems,
        head_hash=head[1] if head else None,
    )
