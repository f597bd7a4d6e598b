"""State and tasks of the Settings dialog: the stored key's kind, checking and storing a new key,
removing it, the account's locations, and saving the till's settings.

Keychain and network work happen in the `AccountSetup` service (executor and async); the
view-model owns its tasks, so closing the dialog cancels them. It never keeps the key: the key
goes from the field to one task and is dropped with it.
Signals:
- `summaryChanged(KeySummary | None)`, `keychainProblem(str)`: what the keychain holds.
- `busyChanged(bool)`: a key or settings task runs (buttons wait).
- `keyStatus(str)`, `keyError(str)`, `accountError(str)`: words under the fields ("" clears).
- `keyChanged()`: a key was stored or removed (the app uses it from its next start).
- `locationsLoaded(list[Location])`, `locationsFailed(str)`.
- `settingsChanged(AppSettings)`: settings written (by Save, or with a key change);
  `saveDone()`: Save finished; `saveError(str)`; `failed(error)`: unexpected, for Prompts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from ...domain.account import KeyCheck, KeySummary, Location, account_problem, key_problem
from ...domain.errors import AuthenticationFailed, KeychainUnavailable, PermissionMissing, PosError
from ...domain.guarded import GuardedSettings
from ...domain.reasons import KeyReason
from ..messages import error_words, key_summary_words, words
from ..presenter import inline_text
from ..prompts import is_silent
from ..settings import AppSettings, SettingsStore
from ..tasks import TaskScope

translate = QCoreApplication.translate

# Marked for translation; said through `_t` (the words of the language installed then).
REFUSED = QT_TRANSLATE_NOOP(
    "SettingsViewModel",
    "Stripe did not accept this key: it is wrong, or it was deleted. Nothing was saved.")
EXPIRED = QT_TRANSLATE_NOOP(
    "SettingsViewModel", "Stripe did not accept this key: it has expired or was revoked in the "
    "Stripe Dashboard. Nothing was saved.")
STORED_REFUSED = QT_TRANSLATE_NOOP(
    "SettingsViewModel", "Stripe no longer accepts the stored key, so the Connect account could "
    "not be checked. Enter a new key first.")
NOT_KEPT = QT_TRANSLATE_NOOP(
    "SettingsViewModel",
    "Stripe accepted the key, but it was not saved: the keychain problem above stops it.")
NO_ACCESS = QT_TRANSLATE_NOOP(
    "SettingsViewModel", "This key cannot act for the Connect account {account}: check the id, "
    "and that the account is connected to yours. Nothing was saved.")


def _t(text: str) -> str:
    return translate("SettingsViewModel", text)


class AccountSetup(Protocol):
    async def summary(self) -> KeySummary | None: ...

    async def check_and_save(self, key: str, stripe_account: str | None) -> KeyCheck: ...

    async def check_stored(self, stripe_account: str | None) -> KeyCheck | None: ...

    async def remove(self) -> bool: ...

    async def locations(self) -> list[Location]: ...


def _said(error: BaseException) -> str:
    """The settings' own lines: a missing permission lists what to give the key; anything
    else is said as everywhere else (the presenter's one line)."""
    if isinstance(error, PosError) and error.stripe_code == "missing_permissions":
        return error_words(error)[1]
    return inline_text(error)


def _problem(reason: KeyReason | None) -> str:
    return words(reason) if reason is not None else ""


NO_GUARD = QT_TRANSLATE_NOOP(
    "SettingsViewModel",
    "The refund limits can only be changed from the main window, signed in as a manager.")


LOCATION_RESET = QT_TRANSLATE_NOOP("SettingsViewModel",
                                   "The location filter is back to All locations.")


NO_PRINTER_HOST = QT_TRANSLATE_NOOP(
    "SettingsViewModel", "Enter the network printer's address (its IP address or name), or "
    "choose another receipt printer.")


class SettingsViewModel(QObject):
    summaryChanged = Signal(object)
    keychainProblem = Signal(str)
    busyChanged = Signal(bool)
    keyStatus = Signal(str)
    keyError = Signal(str)
    accountError = Signal(str)
    keyChanged = Signal()
    locationsLoaded = Signal(list)
    locationsFailed = Signal(str)
    settingsChanged = Signal(object)
    guardedChanged = Signal(object)  # GuardedSettings a manager saved (journaled)
    saveDone = Signal()
    saveError = Signal(str)
    failed = Signal(object)

    def __init__(self, setup: AccountSetup, store: SettingsStore, settings: AppSettings,
                 tasks: TaskScope, parent: QObject | None = None, *,
                 guarded: GuardedSettings | None = None,
                 save_guarded: Callable[[GuardedSettings], Awaitable[GuardedSettings]]
                 | None = None) -> None:
        super().__init__(parent)
        self._setup, self._store, self._settings = setup, store, settings
        # The refund limits and idle lock: a manager's, journaled by `save_guarded`.
        self._guarded = guarded if guarded is not None else GuardedSettings()
        self._save_guarded = save_guarded
        self._tasks = tasks
        self._busy = False
        self._keychain_problem = ""
        self._keychain_reason: object = None  # the keychain's reason, said since opening
        self.summary: KeySummary | None = None

    @property
    def settings(self) -> AppSettings:
        return self._settings

    @property
    def guarded(self) -> GuardedSettings:
        return self._guarded

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busyChanged.emit(busy)

    def cancel(self) -> None:
        """The dialog closed: nothing it started goes on."""
        self._tasks.cancel_all()

    # --- loading -------------------------------------------------------------------------
    def load(self) -> None:
        """The stored key's kind and the account's locations, read off the UI thread."""
        self._tasks.start(self._setup.summary(), on_done=self._show_summary,
                          on_error=self._summary_failed)
        self._tasks.start(self._setup.locations(), on_done=self.locationsLoaded.emit,
                          on_error=self._locations_failed)

    def _show_summary(self, summary: KeySummary | None) -> None:
        self.summary = summary
        self.summaryChanged.emit(summary)

    def _summary_failed(self, error: BaseException) -> None:
        self._keychain_problem = _said(error)
        if isinstance(error, KeychainUnavailable):
            self._keychain_reason = error.reason
        self.keychainProblem.emit(self._keychain_problem)
        if not isinstance(error, PosError):
            self.failed.emit(error)

    def _locations_failed(self, error: BaseException) -> None:
        self.locationsFailed.emit(
            self.tr("The locations could not be read. {reason}").format(reason=_said(error)))

    # --- the key -------------------------------------------------------------------------
    def needs_live_confirmation(self, key: str) -> bool:
        key = key.strip()
        return key_problem(key) is None and key.startswith(("sk_live_", "rk_live_"))

    def check_and_save(self, key: str, account: str) -> None:
        """Check the key (with the Connect account, if any) against Stripe, then keep it in
        the keychain; the Connect account is saved with it."""
        key, account = key.strip(), account.strip()
        problem = key_problem(key)
        self.keyError.emit(_problem(problem))
        self.accountError.emit(_problem(account_problem(account)))
        if self._busy or problem or account_problem(account):
            return
        self._set_busy(True)
        self.keyStatus.emit(self.tr("Checking the key with Stripe…"))
        self._tasks.start(self._setup.check_and_save(key, account or None),
                          on_done=lambda check: self._key_saved(check, account or None),
                          on_error=lambda error: self._key_failed(error, account))

    def _key_saved(self, check: KeyCheck, account: str | None) -> None:
        self._set_busy(False)
        location = self._settings.location_id
        kept = location is None or any(loc.id == location for loc in check.locations)
        self._commit(stripe_account=account, location_id=location if kept else None)
        key = key_summary_words(check.key)
        if check.account_name:
            saved = self.tr("Saved in the keychain: {key} for {account}. The app uses it from "
                            "its next start.").format(key=key, account=check.account_name)
        else:
            saved = self.tr("Saved in the keychain: {key}. The app uses it from its next "
                            "start.").format(key=key)
        self.keyStatus.emit(saved if kept else " ".join((saved, _t(LOCATION_RESET))))
        self._show_summary(check.key)
        self.keyChanged.emit()

    def _key_failed(self, error: BaseException, account: str) -> None:
        self._set_busy(False)
        self.keyStatus.emit("")
        if is_silent(error):
            return
        if isinstance(error, PermissionMissing) and error.stripe_code == "account_invalid":
            self.accountError.emit(_t(NO_ACCESS).format(account=account))
        elif isinstance(error, AuthenticationFailed):
            self.keyError.emit(_t(EXPIRED if error.stripe_code == "api_key_expired" else REFUSED))
        elif (isinstance(error, KeychainUnavailable)
              and error.reason == self._keychain_reason):  # said above already, since opening
            self.keyError.emit(_t(NOT_KEPT))
        else:
            self.keyError.emit(_said(error))
        if not isinstance(error, PosError):
            self.failed.emit(error)

    def remove_key(self) -> None:
        if self._busy:
            return
        self._set_busy(True)
        self.keyError.emit("")
        self._tasks.start(self._setup.remove(), on_done=self._key_removed,
                          on_error=lambda error: self._key_failed(error, ""))

    def _key_removed(self, existed: bool) -> None:
        self._set_busy(False)
        self._show_summary(None)
        if not existed:
            self.keyStatus.emit(self.tr("No key was stored."))
            return
        removed = self.tr(
            "Key removed from the keychain. The app starts in training mode next time.")
        if self._settings.location_id:
            self._commit(location_id=None)
            removed = " ".join((removed, _t(LOCATION_RESET)))
        self.keyStatus.emit(removed)
        self.keyChanged.emit()

    # --- the till's settings -------------------------------------------------------------
    def save(self, *, account: str, location_id: str | None, limits: dict[str, int],
             language: str, printer: dict[str, Any] | None = None) -> None:
        """Save; a changed Connect account is first checked with the stored key.
        `printer`: the receipt printer's AppSettings fields (printer_kind, printer_host...)."""
        account = account.strip()
        problem = account_problem(account)
        self.accountError.emit(_problem(problem))
        if self._busy or problem:
            return
        printer = printer or {}
        if printer.get("printer_kind") == "network" and not printer.get("printer_host"):
            self.saveError.emit(_t(NO_PRINTER_HOST))
            return
        changes: dict[str, Any] = {"stripe_account": account or None,
                                   "location_id": location_id or None, "language": language,
                                   **printer}
        guarded = replace(self._guarded, refund_limits=dict(limits))
        if guarded != self._guarded:
            if self._save_guarded is None:
                self.saveError.emit(_t(NO_GUARD))
                return
            self._set_busy(True)
            self._tasks.start(self._save_guarded(guarded),
                              on_done=lambda saved: self._guarded_saved(saved, account, changes),
                              on_error=lambda error: self._save_failed(error, account))
            return
        self._save_rest(account, changes)

    def _guarded_saved(self, saved: GuardedSettings, account: str,
                       changes: dict[str, Any]) -> None:
        self._set_busy(False)
        self._guarded = saved
        self.guardedChanged.emit(saved)
        self._save_rest(account, changes)

    def _save_rest(self, account: str, changes: dict[str, Any]) -> None:
        if not account or account == self._settings.stripe_account:
            self._commit(**changes)
            self.saveDone.emit()
            return
        self._set_busy(True)
        self._tasks.start(self._setup.check_stored(account),
                          on_done=lambda _check: self._checked_then_commit(changes),
                          on_error=lambda error: self._save_failed(error, account))

    def _checked_then_commit(self, changes: dict[str, Any]) -> None:
        self._set_busy(False)
        self._commit(**changes)
        self.saveDone.emit()

    def _save_failed(self, error: BaseException, account: str) -> None:
        self._set_busy(False)
        if is_silent(error):
            return
        if isinstance(error, PermissionMissing) and error.stripe_code == "account_invalid":
            self.accountError.emit(_t(NO_ACCESS).format(account=account))
        elif isinstance(error, AuthenticationFailed):
            self.accountError.emit(_t(STORED_REFUSED))
        else:
            self.saveError.emit(_said(error))
        if not isinstance(error, PosError):
            self.failed.emit(error)

    def _commit(self, **changes: Any) -> None:
        self._settings = self._store.update(self._settings, **changes)
        self.settingsChanged.emit(self._settings)
