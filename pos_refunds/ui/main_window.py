"""The main window: layout and wiring only.

Everything it shows comes from the view-models; everything the cashier asks goes to them or to
a dialog. Closing cancels every task, then closes the services (after which `shutDown` fires).
"""

from __future__ import annotations

import asyncio
import logging

import shiboken6
from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QToolBar, QVBoxLayout, QWidget

from ..clock import Clock, utc_now
from ..domain.errors import (
    ActionNotAllowed,
    AlreadyRefunded,
    ApprovalRequired,
    OverRefund,
    PaymentChanged,
    PosError,
)
from ..domain.guarded import GuardedSettings
from ..domain.payments import Payment, Reader
from ..domain.policy import Action, actions_for
from ..domain.refund_slip import SlipContext
from ..journal import Operation
from ..services.api import Mode, Staff
from ..services.factory import Services
from ..services.key_setup import KeySetup
from .dialogs.end_of_day import EndOfDayDialog
from .dialogs.journal_dialog import JournalDialog
from .dialogs.reader_refund_dialog import ReaderRefundDialog
from .dialogs.refund_dialog import RefundDialog
from .dialogs.refund_slip_dialog import RefundSlipDialog
from .dialogs.settings_dialog import SettingsDialog
from .models.payments_model import PaymentsTableModel
from .prompts import Prompts, error_text
from .settings import AppSettings, SettingsStore, refused_text
from .staff_session import StaffDirectory, StaffSession
from .tasks import TaskGroup
from .viewmodels.actions_vm import ActionsViewModel
from .viewmodels.payments_vm import PaymentsViewModel
from .viewmodels.refund_slip_vm import RefundSlipViewModel
from .viewmodels.settling_vm import SETTLE_SECONDS, SettlingViewModel, settled_text
from .views.detail_panel import DetailPanel
from .views.payments_view import PaymentsView
from .views.status_bar import AppStatusBar

log = logging.getLogger(__name__)

TRAINING_TEXT = "TRAINING MODE — no real money moves. Practise freely."
# The payment may have moved on: show its fresh state next to the message.
_REFRESH_AFTER = (PaymentChanged, AlreadyRefunded, OverRefund)


class MainWindow(QMainWindow):
    shutDown = Signal()  # tasks cancelled and services closed

    def __init__(
        self,
        services: Services,
        prompts: Prompts,
        settings: SettingsStore,
        parent: QWidget | None = None,
        *,
        staff: Staff | None = None,
        staff_directory: StaffDirectory | None = None,
        poll_seconds: float = 3.0,
        settle_seconds: float = SETTLE_SECONDS,
        page_size: int = 100,
        key_setup: KeySetup | None = None,
        settings_refusal: str = "",
        clock: Clock = utc_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("POS Refunds")
        self._services, self._prompts, self._store = services, prompts, settings
        self._settings = settings.load()
        self._staff = staff  # who is signed in (None: locked); `staff` skips the sign-in
        self._tasks = TaskGroup("window")
        self._payment_tasks = TaskGroup("payments")
        self._action_tasks = TaskGroup("actions")
        self._closing = self._closed = False
        self._lookup: str | None = None
        self._refund_dialog: RefundDialog | None = None
        self._key_setup = key_setup  # checks keys against Stripe when None (see open_settings)
        self._settings_refusal = settings_refusal  # why Settings stay closed this session
        self.restart_requested = False  # Settings' "Restart now": the app opens again
        self._clock = clock  # everything below that shows or compares times reads this one

        self.model = PaymentsTableModel(self, clock=clock)
        self.payments_vm = PaymentsViewModel(services.payments, self._payment_tasks,
                                             poll_seconds=poll_seconds, page_size=page_size,
                                             clock=clock, parent=self)
        self.settling_vm = SettlingViewModel(services.settle_open, self._payment_tasks,
                                             interval_seconds=settle_seconds, parent=self)
        self.actions_vm = ActionsViewModel(services.actions, prompts, self._staff,
                                           mode=services.mode, limits=services.guarded.limits(),
                                           tasks=self._action_tasks, parent=self)
        self.session = StaffSession(self, prompts, staff_directory, staff=staff,
                                    training=services.mode is Mode.TRAINING,
                                    idle_minutes=services.guarded.idle_lock_minutes,
                                    tasks=self._tasks, busy=lambda: self.actions_vm.busy)
        self.payments_view = PaymentsView(self.model)
        self.detail = DetailPanel(clock=clock)
        self.status = AppStatusBar()
        self.setStatusBar(self.status)
        self.status.set_mode(services.mode, services.account_name)
        self._build_layout()
        self._build_actions()
        self._wire()
        self.session.begin()
        self.payments_view.proxy.set_location_filter(self._settings.location_id)
        if self._settings.window_geometry:
            self.restoreGeometry(QByteArray(self._settings.window_geometry))
        else:
            self.resize(1366, 768)
        if self._settings.splitter_state:
            self.splitter.restoreState(QByteArray(self._settings.splitter_state))

    def _build_layout(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if self._services.mode is Mode.TRAINING:
            banner = QLabel(TRAINING_TEXT)
            banner.setObjectName("trainingBanner")
            banner.setAccessibleName("Training mode")
            banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(banner)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(10, 10, 6, 10)
        left_layout.addWidget(self.payments_view)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([916, 450])
        self.payments_view.setMinimumWidth(520)
        self.detail.setMinimumWidth(420)
        layout.addWidget(self.session.wrap(self.splitter), 1)
        self.setCentralWidget(central)

    def _action(self, text: str, keys: list[QKeySequence], slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.refresh_action = self._action("Refresh", [key(Qt.Key.Key_F5)],
                                           self.payments_vm.refresh)
        self.find_action = self._action("Find payment", [key("Ctrl+F"), key(Qt.Key.Key_F3)],
                                        self.payments_view.focus_search)
        self.refund_action = self._action("Refund", [key("Ctrl+R")], self._refund_shortcut)
        self.cancel_action = self._action("Cancel payment", [key("Ctrl+Shift+C")],
                                          self._cancel_shortcut)
        quit_action = self._action("Quit", [key(QKeySequence.StandardKey.Quit)], self.close)
        toolbar = QToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.refresh_action, self.find_action):
            action.setToolTip(f"{action.text()} ({action.shortcut().toString()})")
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        menu = self.menuBar().addMenu("&Payments")
        for action in (self.refresh_action, self.find_action, self.refund_action,
                       self.cancel_action):
            menu.addAction(action)
        menu.addSeparator()
        self.settings_action = self._action("Settings…", [key("Ctrl+,")], self.open_settings)
        menu.addAction(self.settings_action)
        menu.addAction(quit_action)
        self.session.install(toolbar, self.menuBar().addMenu("&Staff"))
        self.journal_action = self._action("Audit journal…", [], self.open_journal)
        self.end_of_day_action = self._action("End of day…", [], self.open_end_of_day)
        reports = self.menuBar().addMenu("&Reports")
        reports.addAction(self.end_of_day_action)
        reports.addAction(self.journal_action)

    def _wire(self) -> None:
        vm, view, model, detail = self.payments_vm, self.payments_view, self.model, self.detail
        vm.pageLoaded.connect(model.append)
        vm.loadProgress.connect(view.set_loading)
        vm.loadFinished.connect(lambda: view.set_loading(model.rowCount(), done=True))
        vm.paymentsChanged.connect(model.upsert)
        vm.paymentFound.connect(self._found)
        vm.lookupFailed.connect(lambda _pid, text: view.show_message(text))
        vm.connectionChanged.connect(self.status.set_connection)
        vm.refreshedAt.connect(self.status.set_refreshed)
        vm.error.connect(lambda error: self._prompts.show_error(self, error))
        view.paymentSelected.connect(detail.set_payment)
        view.lookupRequested.connect(self._look_up)
        detail.cancelRequested.connect(lambda p: self.actions_vm.cancel_payment(p, self))
        detail.captureRequested.connect(lambda p: self.actions_vm.capture_payment(p, self))
        detail.refundRequested.connect(self.open_refund)
        detail.readerRefundRequested.connect(self.open_reader_refund)
        detail.slipRequested.connect(self.open_refund_slip)
        self.actions_vm.busyChanged.connect(detail.set_busy)
        self.actions_vm.busyChanged.connect(self._refund_busy)
        self.actions_vm.succeeded.connect(self._action_succeeded)
        self.actions_vm.failed.connect(self._action_failed)
        self.session.staffChanged.connect(self._staff_changed)
        self.settling_vm.settled.connect(self._settled)
        self.shutDown.connect(self.session.stop)

    def _settled(self, op: Operation) -> None:
        self.payments_vm.refresh_one(op.payment_id)
        self._prompts.notify(self, settled_text(op))

    def _staff_changed(self, staff: Staff | None) -> None:
        self._staff = staff
        self.actions_vm.set_staff(staff)

    def start(self) -> None:
        """Begin loading and polling (needs the running loop)."""
        self.payments_vm.load()
        self.payments_vm.start_polling()
        self.settling_vm.start()
        self._tasks.start(self._services.readers.readers(), on_done=self._readers_loaded,
                          on_error=lambda e: log.warning("reader names not loaded: %s", e))
        if getattr(self._services, "unresolved", None):
            self._prompts.notify(self, "Some earlier operations are not resolved yet; "
                                       "their payments stay locked until they are.")
        if self._settings.refused:
            self._prompts.notify(self, refused_text(self._settings.refused))
            self._store.drop_refused()
        if self._services.guarded_problem:
            self._prompts.notify(self, self._services.guarded_problem)

    # --- glue ----------------------------------------------------------------------------
    def _readers_loaded(self, readers: list[Reader]) -> None:
        labels = {r.id: r.label or r.id for r in readers}
        self.model.set_reader_labels(labels)
        self.detail.set_reader_labels(labels)

    def _look_up(self, payment_id: str) -> None:
        self._lookup = payment_id
        self.payments_vm.refresh_one(payment_id)

    def _found(self, payment: Payment) -> None:
        if payment.id == self._lookup:
            self._lookup = None
            self.payments_view.show_message("")
            self.payments_view.select_payment(payment.id)

    def _allowed(self, action: Action) -> bool:
        payment = self.detail.payment()
        return payment is not None and any(
            a.allowed for a in actions_for(payment) if a.action is action)

    def _refund_shortcut(self) -> None:
        payment = self.detail.payment()
        if payment is None or self.actions_vm.busy:
            return
        if self._allowed(Action.REFUND_ONLINE):
            self.open_refund(payment)
        elif self._allowed(Action.REFUND_ON_READER):
            self.open_reader_refund(payment)

    def _cancel_shortcut(self) -> None:
        payment = self.detail.payment()
        if payment is not None and self._allowed(Action.CANCEL) and not self.actions_vm.busy:
            self.actions_vm.cancel_payment(payment, self)

    def open_refund(self, payment: Payment) -> RefundDialog:
        dialog = RefundDialog(payment, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(
            lambda amount, reason, note: self._submit_refund(dialog, amount, reason, note))
        dialog.finished.connect(lambda _r: self._forget_dialog(dialog))
        self._refund_dialog = dialog
        dialog.open()
        return dialog

    def _submit_refund(self, dialog: RefundDialog, amount: object, reason: object,
                       note: str) -> None:
        # Busy once the refund really runs (after a manager's PIN, where one is needed).
        self.actions_vm.refund_online(dialog.payment, amount, reason, note, dialog)  # type: ignore[arg-type]

    def _refund_busy(self, busy: bool) -> None:
        if self._refund_dialog is not None:
            self._refund_dialog.set_busy(busy)

    def _forget_dialog(self, dialog: RefundDialog) -> None:
        if self._refund_dialog is dialog:
            self._refund_dialog = None

    def open_reader_refund(self, payment: Payment) -> ReaderRefundDialog | None:
        if self._staff is None:  # locked: the lock screen covers the window
            return None
        dialog = ReaderRefundDialog(
            payment, self._services.readers, self._staff,
            self._settings.last_reader_id, self._services.mode is Mode.TRAINING,
            self._services.connect, self._prompts, self,
            limits=self._services.guarded.limits(),
            slips=self._slips(), clock=self._clock,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.readerChosen.connect(self._remember_reader)
        dialog.completed.connect(self.payments_vm.refresh_one)
        dialog.open()
        return dialog

    def _slips(self) -> RefundSlipViewModel:
        s = self._services
        return RefundSlipViewModel(s.payments, SlipContext(s.account_name,
                                                           s.mode is Mode.TRAINING))

    def open_refund_slip(self, payment: Payment, refund_id: str) -> RefundSlipDialog | None:
        """A refund card's "Slip…": the slip on screen, to print or save (reprints too)."""
        try:
            slip = self._slips().slip_for(payment, refund_id)
        except PosError as error:
            self._prompts.show_error(self, error)
            return None
        dialog = RefundSlipDialog(slip, self._prompts, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _manager_only(self, what: str) -> bool:
        """Managers close the day, read the audit trail and change settings; anyone else is
        told so (a menu has no room for a reason beside it)."""
        if self._staff is not None and self._staff.is_manager:
            return True
        if self._staff is not None:
            self._prompts.show_error(self, ActionNotAllowed(f"Only a manager can {what}."))
        return False

    def open_journal(self) -> JournalDialog | None:
        if not self._manager_only("read the audit journal"):
            return None
        dialog = JournalDialog(self._services.journal, self._prompts, self,
                               audit=self._services.audit_journal, clock=self._clock)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_end_of_day(self) -> EndOfDayDialog | None:
        if not self._manager_only("close the day"):
            return None
        s = self._services
        dialog = EndOfDayDialog(self.model.payments(), s.payments, s.actions, s.journal,
                                self._prompts, self._staff, mode=s.mode, shop=s.account_name,
                                clock=self._clock, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.paymentUpdated.connect(lambda payment: self.model.upsert([payment]))
        dialog.open()
        return dialog

    def open_settings(self) -> SettingsDialog | None:
        if not self._manager_only("change the settings"):
            return None
        if self._settings_refusal:
            self._prompts.show_error(self, ActionNotAllowed(self._settings_refusal))
            return None
        setup = self._key_setup or KeySetup(api_base=None,
                                            locations=self._services.readers.locations)
        dialog = SettingsDialog(setup, self._store, self._settings, self._prompts, self,
                                can_restart=True, guarded=self._services.guarded,
                                save_guarded=self._save_guarded)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.settingsChanged.connect(self._settings_changed)
        dialog.guardedChanged.connect(self._guarded_changed)
        dialog.restartRequested.connect(self._restart)
        dialog.open()
        return dialog

    async def _save_guarded(self, values: GuardedSettings) -> GuardedSettings:
        """A manager's change of the refund limits or idle lock: journaled by the services,
        which check that the person signed in is a manager on the staff list."""
        if self._staff is None:
            raise ActionNotAllowed("Sign in first.")
        return await self._services.set_guarded(values, by=self._staff)

    def _guarded_changed(self, values: GuardedSettings) -> None:
        self.actions_vm.set_limits(values.limits())  # approvals follow new limits at once
        self.session.set_idle_minutes(values.idle_lock_minutes)

    def _settings_changed(self, settings: AppSettings) -> None:
        self._settings = settings
        self.payments_view.proxy.set_location_filter(settings.location_id)
        self._services.readers.set_location(settings.location_id)

    def _restart(self) -> None:
        self.restart_requested = True
        self.close()

    def _remember_reader(self, reader_id: str) -> None:
        self._settings = self._store.update(self._settings, last_reader_id=reader_id)

    def _action_succeeded(self, payment: Payment, message: str) -> None:
        self.model.upsert([payment])
        if self._refund_dialog is not None:
            self._refund_dialog.accept_done()
        self._prompts.notify(self, message)

    def _action_failed(self, error: BaseException) -> None:
        current = self.detail.payment()
        if isinstance(error, _REFRESH_AFTER) and current is not None:
            self.payments_vm.refresh_one(current.id)
        dialog = self._refund_dialog
        if dialog is None:
            self._prompts.show_error(self, error)
        elif isinstance(error, PosError) and not isinstance(error, ApprovalRequired):
            title, message, reference = error_text(error)
            dialog.show_error(" ".join(t for t in (f"{title}:", message, reference) if t))
        else:
            dialog.set_busy(False)
            self._prompts.show_error(dialog, error)

    # --- closing -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        event.ignore()
        if self._closing:
            return
        self._closing = True
        self._settings = self._store.update(
            self._settings, window_geometry=bytes(self.saveGeometry().data()),
            splitter_state=bytes(self.splitter.saveState().data()))
        groups = (self._payment_tasks, self._action_tasks, self._tasks)
        for group in groups:
            group.cancel_all()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop left (interpreter shutdown): nothing to await
            self._finish_close()
            return
        self._close_task = loop.create_task(self._shutdown(groups))

    async def _shutdown(self, groups: tuple[TaskGroup, ...]) -> None:
        try:
            await asyncio.gather(*(group.join() for group in groups))
            await self._services.aclose()
        except Exception:
            log.exception("closing the services failed")
        finally:
            self._finish_close()

    def _finish_close(self) -> None:
        self._closed = True
        if shiboken6.isValid(self):  # deleted already if its owner did not wait for the close
            self.shutDown.emit()
            self.close()
