"""The dialogs the main window opens, each built on its flow or view-model and given a scope of
the window's task registry (closing a dialog cancels what it started; closing the window, all).

Managers close the day, read the audit trail and change settings; anyone else is told so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from ..domain.errors import ActionNotAllowed, PosError
from ..domain.guarded import GuardedSettings
from ..domain.payments import Payment
from ..domain.refund_slip import SlipContext, build_refund_slip
from ..services.api import Mode, Staff
from ..services.key_setup import KeySetup
from .dialogs.end_of_day import EndOfDayDialog
from .dialogs.journal_dialog import JournalDialog
from .dialogs.reader_refund_dialog import ReaderRefundDialog
from .dialogs.refund_dialog import RefundDialog
from .dialogs.refund_slip_dialog import RefundSlipDialog
from .dialogs.settings_dialog import SettingsDialog
from .flows.base import SIGN_IN_FIRST
from .flows.money import MoneyFlows
from .ports import BackEnd
from .presenter import Presenter
from .settings import AppSettings, SettingsStore
from .tasks import TaskRegistry
from .viewmodels.refund_slip_vm import RefundSlipViewModel
from .viewmodels.refund_vm import RefundViewModel

if TYPE_CHECKING:
    from .main_window import MainWindow


class WindowDialogs(QObject):
    paymentChanged = Signal(object)  # a fresh Payment a dialog learnt
    refreshWanted = Signal(str)  # payment id to read again
    settingsChanged = Signal(object)  # AppSettings
    guardedChanged = Signal(object)  # GuardedSettings
    restartRequested = Signal()

    def __init__(
        self,
        window: MainWindow,
        back: BackEnd,
        presenter: Presenter,
        flows: MoneyFlows,
        tasks: TaskRegistry,
        store: SettingsStore,
        staff: Callable[[], Staff | None],
        payments: Callable[[], list[Payment]],
        *,
        key_setup: KeySetup | None = None,
        settings_refusal: str = "",
    ) -> None:
        super().__init__(window)
        self._window, self._back, self._presenter = window, back, presenter
        self._flows, self._tasks, self._store = flows, tasks, store
        self._staff, self._payments = staff, payments
        self._settings = store.load()
        self._key_setup = key_setup  # checks keys against Stripe when None (open_settings)
        self._settings_refusal = settings_refusal  # why Settings stay closed this session
        self.refund_dialog: RefundDialog | None = None

    @property
    def settings(self) -> AppSettings:
        return self._settings

    def update_settings(self, **changes: object) -> AppSettings:
        self._settings = self._store.update(self._settings, **changes)
        return self._settings

    # --- money ---------------------------------------------------------------------------
    def open_refund(self, payment: Payment) -> RefundDialog:
        dialog = RefundDialog(payment, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.bind(RefundViewModel(self._flows.refund_online, payment, self._presenter, dialog))
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.refund_dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: RefundDialog) -> None:
        if self.refund_dialog is dialog:
            self.refund_dialog = None

    def open_reader_refund(self, payment: Payment) -> ReaderRefundDialog | None:
        staff = self._staff()
        if staff is None:  # locked: the lock screen covers the window
            return None
        b = self._back
        dialog = ReaderRefundDialog(
            payment, b, b.readers, staff, self._settings.last_reader_id,
            b.mode is Mode.TRAINING, b.connect, self._presenter.prompts, self._tasks,
            self._window, slips=self.slips())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.readerChosen.connect(lambda reader_id: self.update_settings(
            last_reader_id=reader_id))
        dialog.completed.connect(self.refreshWanted)
        dialog.open()
        return dialog

    def _slip_context(self) -> SlipContext:
        return SlipContext(self._back.account_name, self._back.mode is Mode.TRAINING)

    def slips(self) -> RefundSlipViewModel:
        """For the reader refund's final step (bound to that dialog by ReaderSlipOffer)."""
        return RefundSlipViewModel(self._back.payments, self._slip_context(),
                                   self._tasks.scope("refund slip"))

    def open_refund_slip(self, payment: Payment, refund_id: str) -> RefundSlipDialog | None:
        """A refund card's "Slip…": the slip on screen, to print or save (reprints too)."""
        try:
            slip = build_refund_slip(payment, refund_id, self._slip_context())
        except PosError as error:
            self._presenter.error(self._window, error)
            return None
        dialog = RefundSlipDialog(slip, self._presenter.prompts, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- a manager's ---------------------------------------------------------------------
    def _manager(self, what: str) -> Staff | None:
        """The signed-in manager; anyone else is told so (a menu has no room for a reason)."""
        staff = self._staff()
        if staff is not None and staff.is_manager:
            return staff
        if staff is not None:
            self._presenter.error(self._window, ActionNotAllowed(f"Only a manager can {what}."))
        return None

    def require_manager(self, what: str) -> Staff | None:
        return self._manager(what)

    def open_journal(self) -> JournalDialog | None:
        if self._manager("read the audit journal") is None:
            return None
        dialog = JournalDialog(self._back.journal, self._presenter.prompts, self._tasks,
                               self._window, audit=self._back.audit_journal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_end_of_day(self) -> EndOfDayDialog | None:
        manager = self._manager("close the day")
        if manager is None:
            return None
        dialog = EndOfDayDialog(self._payments(), self._back, self._presenter.prompts, manager,
                                self._tasks, parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.paymentUpdated.connect(self.paymentChanged)
        dialog.open()
        return dialog

    def open_settings(self) -> SettingsDialog | None:
        if self._manager("change the settings") is None:
            return None
        if self._settings_refusal:
            self._presenter.error(self._window, ActionNotAllowed(self._settings_refusal))
            return None
        setup = self._key_setup or KeySetup(api_base=None, locations=self._back.readers.locations)
        dialog = SettingsDialog(setup, self._store, self._settings, self._presenter.prompts,
                                self._tasks, self._window, can_restart=True,
                                guarded=self._back.guarded, save_guarded=self._save_guarded)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.settingsChanged.connect(self._settings_saved)
        dialog.guardedChanged.connect(self.guardedChanged)
        dialog.restartRequested.connect(self.restartRequested)
        dialog.open()
        return dialog

    async def _save_guarded(self, values: GuardedSettings) -> GuardedSettings:
        """A manager's change of the refund limits or idle lock: journaled by the services,
        which check that the person signed in is a manager on the staff list."""
        staff = self._staff()
        if staff is None:
            raise ActionNotAllowed(SIGN_IN_FIRST)
        return await self._back.set_guarded(values, by=staff)

    def _settings_saved(self, settings: AppSettings) -> None:
        self._settings = settings
        self._back.readers.set_location(settings.location_id)
        self.settingsChanged.emit(settings)
