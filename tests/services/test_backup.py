"""One backup file of the till's data; restored on a new PC only if its journal verifies."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from pos_refunds.domain.errors import BackupRefused
from pos_refunds.domain.money import Money
from pos_refunds.journal import Journal
from pos_refunds.services.backup import (
    PENDING,
    BackupProblem,
    apply_staged_restore,
    has_staged_restore,
    make_backup,
    read_backup,
    stage_restore,
)
from pos_refunds.staff.store import StaffStore

SETTINGS = {"till_id": "till_old", "language": "fr", "location_id": "tml_1"}


def till(folder: Path, refunds: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with Journal(folder / "journal.sqlite3") as j:
        for i in range(refunds):
            op = j.begin("refund_online", f"pi_{i}", amount=Money(100 + i, "cad"),
                         staff="alice", approver=None, till="till_old")
            j.record(op.op_id, "succeeded", stripe_ids={"refund": f"re_{i}"})
    staff = StaffStore(folder / "staff.sqlite3")
    staff.create_first_manager("Old Manager", "13579", "13579")
    staff.close()
    return folder


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    target = tmp_path / "till.posbackup"
    summary = make_backup(till(tmp_path / "old"), target, SETTINGS, till_id="till_old")
    assert (summary.entries, summary.staff, summary.till_id) == (6, 1, "till_old")
    return target


def test_the_backup_is_one_zip_with_a_manifest(backup: Path) -> None:
    with zipfile.ZipFile(backup) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
    assert names == {"manifest.json", "journal.sqlite3", "staff.sqlite3", "settings.json"}
    assert manifest["chain_ok"] and manifest["entries"] == 6 and manifest["format"] == 1
    assert set(manifest["files"]) == names - {"manifest.json"}


def test_backing_up_while_the_journal_is_open_and_appending(tmp_path: Path) -> None:
    folder = till(tmp_path / "old")
    with Journal(folder / "journal.sqlite3") as live:
        live.begin("cancel", "pi_open", amount=None, staff="a", approver=None, till="t")
        summary = make_backup(folder, tmp_path / "b.zip", {}, till_id="t")
        live.begin("cancel", "pi_later", amount=None, staff="a", approver=None, till="t")
    assert summary.entries == 7


def test_restore_on_a_new_pc_moves_journal_staff_and_settings(backup: Path,
                                                              tmp_path: Path) -> None:
    new = tmp_path / "new"
    summary = stage_restore(backup, new)
    assert summary.entries == 6 and has_staged_restore(new)
    applied = apply_staged_restore(new)
    assert applied is not None and applied.settings == SETTINGS
    assert not (new / PENDING).exists()
    with Journal(new / "journal.sqlite3") as j:
        assert j.verify().ok and len(j.operations()) == 3
    staff = StaffStore(new / "staff.sqlite3")
    assert [s.name for s in staff.staff()] == ["Old Manager"]
    staff.close()
    assert apply_staged_restore(new) is None  # once


def test_restoring_keeps_the_present_data_aside(backup: Path, tmp_path: Path) -> None:
    present = till(tmp_path / "present", refunds=1)
    stage_restore(backup, present)
    applied = apply_staged_restore(present)
    assert applied is not None
    with Journal(applied.kept_in / "journal.sqlite3") as j:
        assert j.verify().checked == 2  # the till's own journal, not overwritten


def rewrite(backup: Path, change: callable, *, fix_hashes: bool) -> None:
    """Change the journal inside the backup as someone with a database tool would."""
    with zipfile.ZipFile(backup) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    work = backup.with_suffix(".journal")
    work.write_bytes(parts["journal.sqlite3"])
    conn = sqlite3.connect(work)
    conn.execute("DROP TRIGGER entries_no_update")
    change(conn)
    conn.commit()
    conn.close()
    parts["journal.sqlite3"] = work.read_bytes()
    if fix_hashes:
        manifest = json.loads(parts["manifest.json"])
        manifest["files"]["journal.sqlite3"] = hashlib.sha256(
            parts["journal.sqlite3"]).hexdigest()
        parts["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(backup, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_tampered_journal_is_refused_even_with_its_hashes_fixed(backup: Path,
                                                                  tmp_path: Path) -> None:
    rewrite(backup, lambda c: c.execute("UPDATE entries SET amount = 99999 WHERE seq = 1"),
            fix_hashes=True)
    new = till(tmp_path / "new", refunds=1)
    with pytest.raises(BackupRefused) as refused:
        stage_restore(backup, new)
    assert refused.value.problem == BackupProblem.CHAIN_BROKEN
    assert not has_staged_restore(new) and apply_staged_restore(new) is None
    with Journal(new / "journal.sqlite3") as j:
        assert j.verify().checked == 2  # untouched


def test_a_file_changed_after_the_backup_is_refused(backup: Path, tmp_path: Path) -> None:
    rewrite(backup, lambda c: c.execute("UPDATE entries SET staff = 'eve'"), fix_hashes=False)
    with pytest.raises(BackupRefused) as refused:
        read_backup(backup, tmp_path)
    assert refused.value.problem == BackupProblem.DAMAGED


def test_something_else_is_not_a_backup(tmp_path: Path) -> None:
    other = tmp_path / "photo.zip"
    other.write_bytes(b"not a zip at all")
    with pytest.raises(BackupRefused) as refused:
        read_backup(other, tmp_path)
    assert refused.value.problem == BackupProblem.NOT_A_BACKUP


def test_a_till_with_no_journal_has_nothing_to_back_up(tmp_path: Path) -> None:
    with pytest.raises(BackupRefused) as refused:
        make_backup(tmp_path, tmp_path / "b.zip", {}, till_id="t")
    assert refused.value.problem == BackupProblem.NOTHING_TO_BACK_UP
