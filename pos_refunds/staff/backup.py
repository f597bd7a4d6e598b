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


def count_read_only(path: Path) -> int:
    """How many people the till's own staff list holds, without writing to it."""
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=10.0)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM staff").fetchone()[0])
    finally:
        conn.close()


def read_only_uri(path: Path) -> str:
    """Read only, leaving no trace: a file no app has open (no -wal beside it) is opened
    immutable, so SQLite creates no -wal or -shm files; one in use is read through its WAL."""
    in_use = path.with_name(path.name + "-wal").exists()
    return f"file:{path}?mode=ro" + ("" if in_use else "&immutable=1")
