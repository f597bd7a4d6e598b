"""The words of backup and restore that are not errors (those are in messages.py)."""

from __future__ import annotations

from ..services.backup import BackupSummary

BACKUP_FILTER = "POS Refunds backups (*.posbackup);;All files (*)"

def saved_text(path: str, summary: BackupSummary) -> str:
    return (f"Backup saved to {path}: {summary.entries} journal entries, {summary.staff} "
            "staff. The Stripe key is not in it: enter it again on a new PC.")


def restore_question(summary: BackupSummary) -> str:
    return (f"This backup of till {summary.till_id} was made on {summary.created_at} "
            f"(POS Refunds {summary.app_version}). Its audit journal verifies: "
            f"{summary.entries} entries, and {summary.staff} staff. It will replace this "
            "till's journal, staff list and settings; the present ones are kept in a "
            "\"before-restore\" folder inside the data folder, never deleted. The app closes "
            "and opens again to do it.")


def restored_text(summary: BackupSummary, kept_in: str) -> str:
    return (f"Backup of till {summary.till_id} from {summary.created_at} restored: "
            f"{summary.entries} journal entries, {summary.staff} staff. The previous data is "
            f"kept in {kept_in}.")
