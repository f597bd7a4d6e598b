"""The staff list's schema moves forward keeping every person and PIN hash.

`tests/data/staff-v0.sqlite3` was written before versions were kept (user_version 0): one
manager (PIN 13579) and one cashier (PIN 24680)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from pos_refunds.domain.staff import Verified
from pos_refunds.staff.store import MIGRATIONS, SCHEMA_VERSION, StaffFileTooNew, StaffStore

DATA = Path(__file__).resolve().parent.parent / "data"


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_every_version_has_its_step() -> None:
    assert sorted(MIGRATIONS) == list(range(2, SCHEMA_VERSION + 1))


def test_a_new_staff_list_is_made_at_the_newest_version(tmp_path: Path) -> None:
    StaffStore(tmp_path / "staff.sqlite3").close()
    assert user_version(tmp_path / "staff.sqlite3") == SCHEMA_VERSION


def test_an_unversioned_list_is_stamped_keeping_people_and_pins(tmp_path: Path) -> None:
    path = tmp_path / "staff.sqlite3"
    shutil.copy(DATA / "staff-v0.sqlite3", path)
    assert user_version(path) == 0
    store = StaffStore(path)
    try:
        people = {s.name: s for s in store.staff()}
        assert set(people) == {"Version One Manager", "Version One Cashier"}
        assert people["Version One Manager"].is_manager
        assert isinstance(store.verify(people["Version One Cashier"].id, "24680"), Verified)
    finally:
        store.close()
    assert user_version(path) == SCHEMA_VERSION


def test_a_list_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "staff.sqlite3"
    StaffStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StaffFileTooNew):
        StaffStore(path)
