"""Back up the till's data to one file, and restore one on a new PC (a manager's, from the menu).

The file work runs off the Qt thread; the services check every backup (hashes, the journal's
chain, the staff list) before anything is asked. A restore is staged for the next start and
the app restarts: the running app holds the databases open, so nothing is overwritten under it,
and the present data is kept aside, never deleted. Training mode's manager PIN is printed on
the screen, so a training session backs nothing up and restores only onto a till that has no
data of its own yet (a new PC).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from ...blocking import run_blocking
from ...clock import Clock, utc_now
from ...domain.errors import ActionNotAllowed
from ...domain.reasons import AccessReason
from ...services.backup import JOURNAL_FILE, BackupSummary, make_backup, read_backup, stage_restore
from ..backup_words import backup_filter, restore_question, saved_text
from ..dialogs.save_file import ask_open_path, ask_save_path
from ..presenter import Presenter
from ..settings import AppSettings
from ..tasks import TaskScope

translate = QCoreApplication.translate
SETTINGS_MOVED = ("last_reader_id", "location_id", "stripe_account", "language", "till_id")


class BackupFiles(Protocol):
    """Where to save a backup, and which one to restore (tests answer without a dialog)."""

    def ask_save(self, parent: QWidget, file_name: str,
                 on_chosen: Callable[[Path], None]) -> None: ...

    def ask_open(self, parent: QWidget, on_chosen: Callable[[Path], None]) -> None: ...


class DialogBackupFiles:
    def ask_save(self, parent: QWidget, file_name: str,
                 on_chosen: Callable[[Path], None]) -> None:
        ask_save_path(parent, translate("BackupFlow", "Back up till data"), file_name,
                      backup_filter(), on_chosen)

    def ask_open(self, parent: QWidget, on_chosen: Callable[[Path], None]) -> None:
        ask_open_path(parent, translate("BackupFlow", "Restore from a backup"), backup_filter(),
                      on_chosen)


def settings_to_move(settings: AppSettings) -> dict[str, str]:
    return {name: value for name in SETTINGS_MOVED
            if isinstance(value := getattr(settings, name), str) and value}


def _check_only(path: Path) -> BackupSummary:
    with tempfile.TemporaryDirectory(prefix="pos-refunds-check-") as tmp:
        return read_backup(path, Path(tmp))


class BackupFlow(QObject):
    saved = Signal(object)  # BackupSummary
    restartWanted = Signal()  # a restore is staged: the app restarts to apply it

    def __init__(self, folder: Path, settings: Callable[[], AppSettings], presenter: Presenter,
                 tasks: TaskScope, files: BackupFiles, *, training: bool,
                 clock: Clock = utc_now, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock  # the day in the backup's file name
        self._folder, self._settings, self._presenter = folder, settings, presenter
        self._tasks, self._files, self._training = tasks, files, training

    @property
    def tasks(self) -> TaskScope:
        return self._tasks

    def back_up(self, parent: QWidget) -> None:
        if self._training:
            self._presenter.error(parent, ActionNotAllowed(AccessReason.NO_BACKUP_IN_TRAINING))
            return
        settings = self._settings()
        day = self._clock().astimezone().date().isoformat()
        name = f"pos-refunds-{settings.till_id or 'till'}-{day}.posbackup"
        self._files.ask_save(parent, name, lambda path: self._start_backup(parent, path))

    def _start_backup(self, parent: QWidget, path: Path) -> None:
        settings = self._settings()
        moved = settings_to_move(settings)

        def done(summary: BackupSummary) -> None:
            self._presenter.note(parent, saved_text(str(path), summary))
            self.saved.emit(summary)

        self._tasks.start(
            run_blocking(lambda: make_backup(self._folder, path, moved,
                                             till_id=settings.till_id)),
            on_done=done, on_error=lambda e: self._presenter.error(parent, e), work=True)

    def restore(self, parent: QWidget) -> None:
        self._files.ask_open(parent, lambda path: self._check(parent, path))

    def _check(self, parent: QWidget, path: Path) -> None:
        async def check() -> BackupSummary:
            if self._training and await run_blocking((self._folder / JOURNAL_FILE).exists):
                raise ActionNotAllowed(AccessReason.NO_RESTORE_OVER_DATA)
            return await run_blocking(lambda: _check_only(path))

        self._tasks.start(check(), on_done=lambda s: self._confirm(parent, path, s),
                          on_error=lambda e: self._presenter.error(parent, e), work=True)

    def _confirm(self, parent: QWidget, path: Path, summary: BackupSummary) -> None:
        self._presenter.prompts.confirm(
            parent, self.tr("Restore this backup?"), restore_question(summary),
            self.tr("Restore and restart"),
            lambda: self._tasks.start(
                run_blocking(lambda: stage_restore(path, self._folder)),
                on_done=lambda _s: self.restartWanted.emit(),
                on_error=lambda e: self._presenter.error(parent, e), work=True))
