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
