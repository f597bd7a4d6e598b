"""The journal's schema moves forward, one version at a time, keeping every entry verifiable.

`tests/data/journal-v1.sqlite3` was written by the version-1 app (3 refunds, 6 entries)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from pos_refunds.journal import Journal, JournalError
from pos_refunds.journal.schema import MIGRATIONS, SCHEMA_VERSION

DATA = Path(__file__).resolve().parent.parent / "data"


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def indexes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    finally:
        conn.close()


@pytest.fixture
def v1(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    shutil.copy(DATA / "journal-v1.sqlite3", path)
    assert user_version(path) == 1
    return path


def test_every_version_has_its_step() -> None:
    assert sorted(MIGRATIONS) == list(range(2, SCHEMA_VERSION + 1))


def test_a_new_journal_is_made_at_the_newest_version(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    Journal(path).close()
    assert user_version(path) == SCHEMA_VERSION
    assert "entries_by_at" in indexes(path)


def test_version_1_to_2_keeps_every_entry_and_the_chain(v1: Path) -> None:
    assert "entries_by_at" not in indexes(v1)
    with Journal(v1) as journal:
        report = journal.verify()
        ops = journal.operations()
        assert report.ok and report.checked == 6
        assert report.head_hash == ("f2330736618b9d2b08a8e55e85ea6f96a046212535b3e24b55f1a7d719e5"
                                    "2c0e")
        assert sorted(op.payment_id for op in ops) == ["pi_v1_0", "pi_v1_1", "pi_v1_2"]
        assert {op.stripe_ids["refund"] for op in ops} == {"re_v1_0", "re_v1_1", "re_v1_2"}
        journal.begin("cancel", "pi_after", amount=None, staff="carol", approver=None,
                      till="till_v1")  # and it takes new entries on the same chain
        assert journal.verify().ok
    assert user_version(v1) == 2 and "entries_by_at" in indexes(v1)


def test_a_journal_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    Journal(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(JournalError, match="not supported"):
        Journal(path)
    assert user_version(path) == SCHEMA_VERSION + 1
