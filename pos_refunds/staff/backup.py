"""Copies of the staff list for a backup, and the check a copy must pass before it is restored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .store import StaffStore


def copy_staff(source: Path, target: Path) -> None:
    """A consistent copy of `source` at `target` (SQLite's online backup; replaced if there)."""
    target.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10.0)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def check_staff(path: Path) -> int:
    """How many people the staff list holds; raises if it is not one this app can open."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    if ok != "ok":
        raise ValueError(f"the staff list is damaged ({ok})")
    store = StaffStore(path)  # a copy: opening migrates it forward
    try:
        return len(store.records())
    finally:
        store.close()
