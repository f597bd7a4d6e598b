"""The journal's tables and the triggers that make them append-only.

The triggers stop the app itself (and anyone using an ordinary sqlite tool) from changing
or removing an entry; someone who drops them first is caught by the hash chain instead.
`chain_head` may only ever point at the newest entry, so it cannot drift from the chain.

Versions (`PRAGMA user_version`): 1 is `SCHEMA` as first shipped; each later version is one
step of `MIGRATIONS`, run in order inside one transaction, so an older file moves forward with
its entries untouched (a migration never rewrites an entry: the chain stays verifiable).
"""

from __future__ import annotations

SCHEMA_VERSION = 2

# version -> the script that takes a file from version - 1 to it
MIGRATIONS: dict[int, str] = {
    # 2: operations of a day (end of day, the viewer) are chosen by the time of their entries
    2: "CREATE INDEX IF NOT EXISTS entries_by_at ON entries (at);",
}

TRIGGERS = frozenset({
    "entries_no_update", "entries_no_delete",
    "chain_head_no_delete", "chain_head_insert_follows", "chain_head_update_follows",
})

_HEAD_IS_NEWEST = """
    NEW.seq IS NOT (SELECT MAX(seq) FROM entries)
    OR NEW.hash IS NOT (SELECT hash FROM entries WHERE seq = NEW.seq)
"""

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS entries (
    seq INTEGER PRIMARY KEY,
    op_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    payment_id TEXT NOT NULL,
    amount INTEGER,
    currency TEXT,
    staff TEXT NOT NULL,
    approver TEXT,
    till TEXT NOT NULL,
    reader_id TEXT,
    idempotency_key TEXT NOT NULL,
    state TEXT NOT NULL,
    stripe_ids TEXT NOT NULL,
    error TEXT,
    details TEXT NOT NULL,
    at TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_by_op ON entries (op_id, seq);
CREATE INDEX IF NOT EXISTS entries_by_payment ON entries (payment_id);
CREATE TABLE IF NOT EXISTS chain_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS entries_no_update BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'journal entries are append-only'); END;
CREATE TRIGGER IF NOT EXISTS entries_no_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'journal entries are append-only'); END;
CREATE TRIGGER IF NOT EXISTS chain_head_no_delete BEFORE DELETE ON chain_head
BEGIN SELECT RAISE(ABORT, 'the chain head cannot be removed'); END;
CREATE TRIGGER IF NOT EXISTS chain_head_insert_follows BEFORE INSERT ON chain_head
WHEN {_HEAD_IS_NEWEST}
BEGIN SELECT RAISE(ABORT, 'the chain head must point at the newest entry'); END;
CREATE TRIGGER IF NOT EXISTS chain_head_update_follows BEFORE UPDATE ON chain_head
WHEN {_HEAD_IS_NEWEST}
BEGIN SELECT RAISE(ABORT, 'the chain head must point at the newest entry'); END;
PRAGMA user_version = 1;
"""


def upgrade_script(version: int) -> str:
    """From `version` (0: a new file) to SCHEMA_VERSION, as one script without BEGIN/COMMIT."""
    steps = [SCHEMA] if version == 0 else []
    steps += [MIGRATIONS[v] for v in range(max(version, 1) + 1, SCHEMA_VERSION + 1)]
    return "\n".join(steps) + f"\nPRAGMA user_version = {SCHEMA_VERSION};"
