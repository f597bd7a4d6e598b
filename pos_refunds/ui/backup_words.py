"""The words of backup and restore that are not errors (those are in messages.py)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..services.backup import BackupSummary
from .i18n import Context

translate = QCoreApplication.translate




BackupWords = Context("BackupWords")

# Marked here, translated where the file dialog opens: translate("BackupWords", BACKUP_FILTER).
BACKUP_FILTER = QT_TRANSLATE_NOOP("BackupWords",
                                  "POS Refunds backups (*.posbackup);;All files (*)")


def backup_filter() -> str:
    """The file dialog's filter, in the language installed now."""
    return translate("BackupWords", BACKUP_FILTER)


def _entries(count: int) -> str:
    return BackupWords.tr("%n journal entries", "", count)


def _staff(count: int) -> str:
    return BackupWords.tr("%n staff", "people on the staff list", count)


def saved_text(path: str, summary: BackupSummary) -> str:
    return translate(
        "BackupWords", "Backup saved to {path}: {entries}, {staff}. The Stripe key is not in "
        "it: enter it again on a new PC.").format(
        path=path, entries=_entries(summary.entries), staff=_staff(summary.staff))


def restore_question(summary: BackupSummary) -> str:
    return translate(
        "BackupWords", "This backup of till {till} was made on {created} (POS Refunds "
        "{version}). Its audit journal verifies: {entries}, and {staff}. It will replace this "
        "till's journal, staff list and settings; the present ones are kept in a "
        "\"before-restore\" folder inside the data folder, never deleted. The app closes and "
        "opens again to do it.").format(
        till=summary.till_id, created=summary.created_at, version=summary.app_version,
        entries=BackupWords.tr("%n entries", "in the audit journal", summary.entries),
        staff=_staff(summary.staff))


def restored_text(summary: BackupSummary, kept_in: str) -> str:
    return translate(
        "BackupWords", "Backup of till {till} from {created} restored: {entries}, {staff}. The "
        "previous data is kept in {kept_in}.").format(
        till=summary.till_id, created=summary.created_at, entries=_entries(summary.entries),
        staff=_staff(summary.staff), kept_in=kept_in)
