"""The words of backup and restore (the services speak in `BackupProblem` codes)."""

from __future__ import annotations

from ..domain.errors import BackupRefused
from ..services.backup import BackupProblem, BackupSummary

BACKUP_FILTER = "POS Refunds backups (*.posbackup);;All files (*)"

PROBLEM_WORDS = {
    BackupProblem.NOTHING_TO_BACK_UP: "This till has no journal yet, so there is nothing to "
                                      "back up.",
    BackupProblem.NOT_A_BACKUP: "This file is not a POS Refunds backup.",
    BackupProblem.TOO_NEW: "This backup was made by a newer version of POS Refunds. Install "
                           "that version first, then restore.",
    BackupProblem.DAMAGED: "This backup is damaged or was changed after it was made ({detail} "
                           "differs). Nothing was restored; use another copy.",
    BackupProblem.CHAIN_BROKEN: "The audit journal in this backup does not verify: entries "
                                "were changed or removed. Nothing was restored; use another "
                                "copy, and tell your manager.",
    BackupProblem.STAFF_UNREADABLE: "The staff list in this backup cannot be read. Nothing "
                                    "was restored.",
    BackupProblem.NOT_WRITTEN: "The backup could not be written ({detail}). Choose another "
                               "folder, or check that the disk is not full.",
}


class BackupNotUsed(BackupRefused):
    """A `BackupRefused` with its words, as the presenter shows it."""


def worded(error: BackupRefused) -> BackupNotUsed:
    text = PROBLEM_WORDS.get(BackupProblem(error.problem), "The backup could not be used.")
    shown = BackupNotUsed(error.problem, error.detail)
    shown.message = text.format(detail=error.detail or "a file")
    shown.title = ("Backup not made" if error.problem in (BackupProblem.NOTHING_TO_BACK_UP,
                                                          BackupProblem.NOT_WRITTEN)
                   else "Backup not restored")
    return shown


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
