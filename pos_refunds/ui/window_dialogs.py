"""The dialogs the main window opens, each built on its flow or view-model and given a scope of
the window's task registry (closing a dialog cancels what it started; closing the window, all).

Managers close the day, read the audit trail and change settings; anyone else is told so.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..clock import Clock, utc_now
from ..domain.errors import ActionNotAllowed, PosError
from ..domain.guarded import GuardedSettings
from ..domain.payments import Payment
from ..domain.reasons import AccessReason
from ..domain.refund_slip import SlipContext, build_refund_slip
from ..gateway.client import TYPED_ANSWER_MODULES
from ..services.api import Mode, Staff
from ..services.key_setup import KeySetup
from .dialogs.refund_dialog import RefundDialog
from .flows.money import MoneyFlows
from .flows.outcome import Outcome
from .messages import error_words
from .ports import BackEnd
from .presenter import Presenter
from .settings import AppSettings, SettingsStore
from .tasks import TaskRegistry
from .viewmodels.refund_slip_vm import RefundSlipViewModel
from .viewmodels.refund_vm import RefundViewModel
from .viewmodels.slip_printer_vm import SavedPrinter, SlipPrinter

if TYPE_CHECKING:  # imported when first opened (or preloaded: ON_FIRST_USE)
    from .dialogs.end_of_day import EndOfDayDialog
    from .dialogs.journal_dialog import JournalDialog
    from .dialogs.reader_refund_dialog import ReaderRefundDialog
    from .dialogs.refund_slip_dialog import RefundSlipDialog
    from .dialogs.settings_dialog import SettingsDialog
    from .main_window import MainWindow

T = TypeVar("T")
log = logging.getLogger(__name__)

# Kept out of start-up (the first screen does not need them) and imported by `preload`,
# this long after the list has loaded.
PRELOAD_AFTER_MS = 3_000
ON_FIRST_USE = tuple(f"{__package__}.dialogs.{name}" for name in (
    "reader_refund_dialog", "end_of_day", "refund_slip_dialog", "journal_dialog",
    "settings_dialog"))


def import_all(names: tuple[str, ...] = ON_FIRST_USE + TYPED_ANSWER_MODULES) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - opening the dialog imports it again and tells
            log.exception("could not preload %s", name)


class WindowDialogs(QObject):
    paymentChanged = Signal(object)  # a fresh Payment a dialog learnt
    refreshWanted = Signal(str)  # payment id to read again
    readerFollowing = Signal(bool)  # a reader refund is on a reader, followed live (or not)
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
        settings_refusal: AccessReason | None = None,
        clock: Clock = utc_now,
    ) -> None:
        super().__init__(window)
        self._window, self._back, self._presenter = window, back, presenter
        self._flows, self._tasks, self._store = flows, tasks, store
        self._staff, self._payments = staff, payments
        self._settings = store.load()
        self._key_setup = key_setup  # checks keys against Stripe when None (open_settings)
        self._settings_refusal = settings_refusal  # why Settings stay closed this session
        self._clock = clock  # the window's one clock, handed to every dialog that shows times
        self.refund_dialog: RefundDialog | None = None
        self.reader_dialog: ReaderRefundDialog | None = None  # opening or open
        self._preload: threading.Thread | None = None
        # Slips go on the saved receipt printer in the window's scope: a dialog closing does
        # not stop a slip already on its way.
        self.receipt = SavedPrinter(SlipPrinter(tasks.scope("receipt printer"), self),
                                    lambda: self._settings)
        flows.refund_online.succeeded.connect(self._refunded_online)

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

    def preload_soon(self) -> None:
        """The list has loaded: `preload` once it has been on the screen a moment, not while
        the window is still busy with it (the worker thread shares the interpreter with the Qt
        thread; the cashier reading the list leaves the Qt thread idle)."""
        if self._preload is None:
            QTimer.singleShot(PRELOAD_AFTER_MS, self, self.preload)

    def preload(self) -> None:
        """Import the dialogs kept out of start-up on a worker thread: their first opening no
        longer runs ~40 ms of imports on the Qt thread (the module lock makes an opening
        meanwhile wait for the import rather than run it twice)."""
        if self._preload is None:
            self._preload = threading.Thread(target=import_all, name="preload-dialogs",
                                             daemon=True)
            self._preload.start()

    def open_reader_refund(self, payment: Payment) -> ReaderRefundDialog | None:
        staff = self._staff()
        if staff is None:  # locked: the lock screen covers the window
            return None
        if self.reader_dialog is not None:  # asked twice before it showed: the one
            return self.reader_dialog
        from .dialogs.reader_refund_dialog import ReaderRefundDialog  # on first use

        b = self._back
        dialog = ReaderRefundDialog(
            payment, b, b.readers, staff, self._settings.last_reader_id,
            b.mode is Mode.TRAINING, b.connect, self._presenter.prompts, self._tasks,
            self._window, slips=self.slips(), receipt=self.receipt, clock=self._clock)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.readerChosen.connect(lambda reader_id: self.update_settings(
            last_reader_id=reader_id))
        dialog.completed.connect(self.refreshWanted)
        dialog.vm.runningChanged.connect(self.readerFollowing)  # False too when it closes
        dialog.finished.connect(lambda _r: self._forget_reader(dialog))
        self.reader_dialog = dialog
        # Built in this turn of the event loop, shown in the next: building it (10 ms) and
        # showing it (polish, layout, first paint: 13 ms) were one stall of the Qt thread.
        QTimer.singleShot(0, dialog, dialog.open)
        return dialog

    def _forget_reader(self, dialog: ReaderRefundDialog) -> None:
        if self.reader_dialog is dialog:
            self.reader_dialog = None

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
        from .dialogs.refund_slip_dialog import RefundSlipDialog  # on first use

        dialog = RefundSlipDialog(slip, self._presenter.prompts, self._window,
                                  receipt=self.receipt)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _refunded_online(self, outcome: Outcome) -> None:
        """"Print a slip after every refund": the new refund's slip on the receipt printer. A
        failure is said in the status line; the refund is done whatever happens here."""
        if not self.receipt.after_refund or outcome.payment is None:
            return
        before = {r.id for r in outcome.card.refunds} if outcome.card is not None else set()
        new = [r for r in outcome.payment.refunds
               if r.id not in before and r.status == "succeeded"]
        if not new:
            return
        refund = max(new, key=lambda r: r.created)
        try:
            slip = build_refund_slip(outcome.payment, refund.id, self._slip_context())
        except PosError as error:
            self._presenter.note(self._window, self.tr("No slip printed: {reason}").format(
                reason=error_words(error)[1]))
            return
        self.receipt.print_slip(slip, self._window, self._printed_after_refund)

    def _printed_after_refund(self, ok: bool, text: str) -> None:
        if not ok:
            self._presenter.note(self._window, text)

    # --- a manager's ---------------------------------------------------------------------
    def _as_manager(self, why: AccessReason, open_for: Callable[[Staff], T]) -> T | None:
        """Open at once for a signed-in manager; for anyone else, a manager signs in with
        their PIN first (for this one dialog; the till stays signed in as it is)."""
        staff = self._staff()
        if staff is None:
            return None
        if staff.is_manager:
            return open_for(staff)
        self._presenter.prompts.ask_manager(self._window, why, open_for)
        return None

    def require_manager(self, refusal: str) -> Staff | None:
        """The signed-in manager; anyone else is told `refusal` (one whole sentence, already
        translated: "Only a manager can back up the till's data.")."""
        staff = self._staff()
        if staff is not None and staff.is_manager:
            return staff
        if staff is not None:
            self._presenter.tell(self._window, self.tr("Not possible"), refusal)
        return None

    def open_journal(self) -> JournalDialog | None:
        return self._as_manager(AccessReason.MANAGER_ONLY_JOURNAL, self._journal)

    def _journal(self, _manager: Staff) -> JournalDialog:
        from .dialogs.journal_dialog import JournalDialog  # on first use

        dialog = JournalDialog(self._back.journal, self._presenter.prompts, self._tasks,
                               self._window, audit=self._back.audit_journal, clock=self._clock)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_end_of_day(self) -> EndOfDayDialog | None:
        return self._as_manager(AccessReason.MANAGER_ONLY_END_OF_DAY, self._end_of_day)

    def _end_of_day(self, manager: Staff) -> EndOfDayDialog:
        from .dialogs.end_of_day import EndOfDayDialog  # on first use

        dialog = EndOfDayDialog(self._payments(), self._back, self._presenter.prompts, manager,
                                self._tasks, clock=self._clock, parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.paymentUpdated.connect(self.paymentChanged)
        dialog.open()
        return dialog

    def open_settings(self) -> SettingsDialog | None:
        if self._settings_refusal:
            if self._staff() is not None:
                self._presenter.error(self._window, ActionNotAllowed(self._settings_refusal))
            return None
        return self._as_manager(AccessReason.MANAGER_ONLY_SETTINGS, self._settings_for)

    def _settings_for(self, manager: Staff) -> SettingsDialog:
        from .dialogs.settings_dialog import SettingsDialog  # on first use

        setup = self._key_setup or KeySetup(api_base=None, locations=self._back.readers.locations)

        async def save_guarded(values: GuardedSettings) -> GuardedSettings:
            """A manager's change of the refund limits or idle lock: journaled by the
            services, which check that this person is a manager on the staff list."""
            return await self._back.set_guarded(values, by=manager)

        dialog = SettingsDialog(setup, self._store, self._settings, self._presenter.prompts,
                                self._tasks, self._window, can_restart=True,
                                guarded=self._back.guarded, save_guarded=save_guarded,
                                slip_printer=self.receipt.printer, clock=self._clock)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.settingsChanged.connect(self._settings_saved)
        dialog.guardedChanged.connect(self.guardedChanged)
        dialog.restartRequested.connect(self.restartRequested)
        dialog.open()
        return dialog

    def _settings_saved(self, settings: AppSettings) -> None:
        self._settings = settings
        self._back.readers.set_location(settings.location_id)
        self.settingsChanged.emit(settings)
