"""Copies of the journal for a backup, and the check a copy must pass before it is restored.

The copy is SQLite's online backup: consistent even while the app appends (WAL), made on the
caller's thread (run it off the UI's). The check opens the copy as the app would (migrating
it forward if it is older) and verifies the whole hash chain.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .records import VerifyReport
from .store import Journal


def copy_journal(source: Path, target: Path) -> None:
    """A consistent copy of `source` at `target` (replaced if there)."""
    target.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10.0)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file in the zip
        finally:
            dst.close()
    finally:
        src.close()


def check_journal(path: Path) -> VerifyReport:
    """Verify a journal file's chain (a copy: opening may migrate it forward)."""
    with Journal(path) as journal:
        return journal.verify()


def verify_read_only(path: Path) -> VerifyReport:
    """Verify the till's own journal without writing to it (no migration, no WAL change):
    the self-test's look at the real data folder."""
    from .chain import verify_rows
    from .schema import TRIGGERS

    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=10.0)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("BEGIN")
        rows = [dict(r) for r in conn.execute("SELECT * FROM entries ORDER BY seq")]
        head = conn.execute("SELECT seq, hash FROM chain_head WHERE id = 1").fetchone()
        names = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        conn.execute("COMMIT")
    finally:
        conn.close()
    return verify_rows(rows, (head["seq"], head["hash"]) if head else None,
                       protected=TRIGGERS <= names)


def read_only_uri(path: Path) -> str:
    """Read only, leaving no trace: a file no app has open (no -wal beside it) is opened
    immutable, so SQLite creates no -wal or -shm files; one in use is read through its WAL."""
    in_use = path.with_name(path.name + "-wal").exists()
    return f"file:{path}?mode=ro" + ("" if in_use else "&immutable=1")
