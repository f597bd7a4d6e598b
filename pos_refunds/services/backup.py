"""Backing up a till's data to one file, and moving it onto another PC.

A backup is a zip: `manifest.json` (format, app version, till, when, and the SHA-256 of every
file), consistent copies of the journal and the staff list (SQLite's online backup), and the
till's plain settings. The Stripe key is not in it: it lives in the keychain only.

Restoring is two steps, because the running app holds both databases open. `stage_restore`
checks the backup (every hash, the journal's whole chain, the staff list) and unpacks it into
the data folder's `restore-pending/`; on the next start, before anything is opened,
`apply_staged_restore` moves the present files aside into `before-restore-<time>/` (never
deleted) and the staged ones into place. Everything here blocks: run it off the UI thread.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..domain.errors import BackupRefused
from ..domain.reasons import BackupReason
from ..journal import JournalError
from ..journal.backup import check_journal, copy_journal
from ..staff.backup import check_staff, copy_staff

BACKUP_FORMAT = 1
MANIFEST = "manifest.json"
JOURNAL_FILE = "journal.sqlite3"
STAFF_FILE = "staff.sqlite3"
SETTINGS_FILE = "settings.json"
PENDING = "restore-pending"
MEMBERS = (JOURNAL_FILE, STAFF_FILE, SETTINGS_FILE)


BackupProblem = BackupReason  # the services' name for it


@dataclass(frozen=True)
class BackupSummary:
    created_at: str
    app_version: str
    till_id: str
    entries: int
    staff: int
    head_hash: str


@dataclass(frozen=True)
class RestoreApplied:
    summary: BackupSummary
    settings: dict[str, str]
    kept_in: Path  # where the till's previous files now are


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _summary(manifest: Mapping[str, Any]) -> BackupSummary:
    return BackupSummary(str(manifest["created_at"]), str(manifest["app_version"]),
                         str(manifest["till_id"]), int(manifest["entries"]),
                         int(manifest["staff"]), str(manifest["head_hash"]))


def make_backup(folder: Path, target: Path, settings: Mapping[str, str], *, till_id: str,
                now: datetime | None = None) -> BackupSummary:
    """Write one backup file of the till's journal, staff list and settings to `target`."""
    journal = folder / JOURNAL_FILE
    if not journal.exists():
        raise BackupRefused(BackupProblem.NOTHING_TO_BACK_UP, str(folder))
    with tempfile.TemporaryDirectory(prefix="pos-refunds-backup-") as tmp:
        work = Path(tmp)
        copy_journal(journal, work / JOURNAL_FILE)
        report = check_journal(work / JOURNAL_FILE)
        staff = 0
        if (folder / STAFF_FILE).exists():
            copy_staff(folder / STAFF_FILE, work / STAFF_FILE)
            staff = check_staff(work / STAFF_FILE)
        (work / SETTINGS_FILE).write_text(json.dumps(dict(settings), indent=2, sort_keys=True),
                                          encoding="utf-8")
        files = {name: _sha256(work / name) for name in MEMBERS if (work / name).exists()}
        manifest = {
            "format": BACKUP_FORMAT,
            "app": "POS Refunds",
            "app_version": __version__,
            "created_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
            "till_id": till_id,
            "entries": report.checked,
            "chain_ok": report.ok,
            "head_hash": report.head_hash or "",
            "staff": staff,
            "files": files,
        }
        partial = target.with_name(f".{target.name}.part")
        try:
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(MANIFEST, json.dumps(manifest, indent=2, sort_keys=True))
                for name in files:
                    archive.write(work / name, name)
            os.replace(partial, target)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise BackupRefused(BackupProblem.NOT_WRITTEN, error.strerror or str(error)) from None
    return _summary(manifest)


def read_backup(path: Path, into: Path) -> BackupSummary:
    """Check a backup file and unpack it into the empty folder `into`; BackupRefused when it
    is not one, is damaged, or its journal's chain does not verify."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read(MANIFEST))
            if not isinstance(manifest, dict) or manifest.get("app") != "POS Refunds":
                raise BackupRefused(BackupProblem.NOT_A_BACKUP)
            if int(manifest.get("format", 0)) > BACKUP_FORMAT:
                raise BackupRefused(BackupProblem.TOO_NEW, str(manifest.get("app_version")))
            files = manifest.get("files")
            if not isinstance(files, dict) or JOURNAL_FILE not in files or not set(
                    files) <= set(MEMBERS):
                raise BackupRefused(BackupProblem.NOT_A_BACKUP)
            for name, digest in files.items():  # fixed names only: nothing lands elsewhere
                (into / name).write_bytes(archive.read(name))
                if _sha256(into / name) != digest:
                    raise BackupRefused(BackupProblem.DAMAGED, name)
            summary = _summary(manifest)
            (into / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as error:
        if isinstance(error, BackupRefused):
            raise
        raise BackupRefused(BackupProblem.NOT_A_BACKUP, type(error).__name__) from None
    try:
        report = check_journal(into / JOURNAL_FILE)
    except JournalError as error:
        raise BackupRefused(BackupProblem.TOO_NEW, str(error)) from None
    except Exception as error:  # noqa: BLE001 - sqlite's DatabaseError, anything unreadable
        raise BackupRefused(BackupProblem.CHAIN_BROKEN, type(error).__name__) from None
    if not report.ok or report.head_hash != (summary.head_hash or None):
        raise BackupRefused(BackupProblem.CHAIN_BROKEN, "; ".join(str(p) for p in report.problems))
    if (into / STAFF_FILE).exists():
        try:
            check_staff(into / STAFF_FILE)
        except Exception as error:  # noqa: BLE001
            raise BackupRefused(BackupProblem.STAFF_UNREADABLE, str(error)) from None
    return summary


def stage_restore(path: Path, folder: Path) -> BackupSummary:
    """Check `path` and unpack it into `folder/restore-pending`, for the next start."""
    pending = folder / PENDING
    shutil.rmtree(pending, ignore_errors=True)
    pending.mkdir(parents=True)
    try:
        return read_backup(path, pending)
    except BaseException:
        shutil.rmtree(pending, ignore_errors=True)
        raise


def has_staged_restore(folder: Path) -> bool:
    return (folder / PENDING / JOURNAL_FILE).exists()


def apply_staged_restore(folder: Path, *, now: datetime | None = None) -> RestoreApplied | None:
    """Before anything opens the databases: the staged backup in place, the present files
    kept aside. None when nothing is staged."""
    pending = folder / PENDING
    if not has_staged_restore(folder):
        return None
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    kept = folder / f"before-restore-{stamp}"
    kept.mkdir(parents=True, exist_ok=True)
    for name in (JOURNAL_FILE, STAFF_FILE):
        for suffix in ("", "-wal", "-shm"):
            present = folder / f"{name}{suffix}"
            if present.exists():
                os.replace(present, kept / present.name)
    for name in (JOURNAL_FILE, STAFF_FILE):
        if (pending / name).exists():
            os.replace(pending / name, folder / name)
    settings: dict[str, str] = {}
    if (pending / SETTINGS_FILE).exists():
        loaded = json.loads((pending / SETTINGS_FILE).read_text(encoding="utf-8"))
        settings = {str(k): str(v) for k, v in loaded.items() if isinstance(v, str)}
    summary = _summary(json.loads((pending / MANIFEST).read_text(encoding="utf-8")))
    shutil.rmtree(pending, ignore_errors=True)
    return RestoreApplied(summary, settings, kept)
