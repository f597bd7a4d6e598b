"""The main window: layout and wiring only.

Everything it shows comes from the view-models; everything the cashier asks goes to a flow
(cancel, capture, refund) or to a dialog (`WindowDialogs`). Every task runs in the window's
one task registry: closing cancels them all, then closes the services (then `shutDown`).
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QToolBar, QVBoxLayout, QWidget

from ..blocking import run_blocking
from ..clock import Clock, utc_now
from ..domain.errors import AlreadyRefunded, OverRefund, PaymentChanged
from ..domain.guarded import GuardedSettings
from ..domain.payments import Payment, Reader
from ..domain.policy import Action, actions_for
from ..domain.reasons import AccessReason
from ..journal import Operation
from ..logs import log_dir
from ..services.api import Mode, Staff
from ..services.key_setup import KeySetup
from .dialogs.refund_dialog import RefundDialog
from .flows.backup import BackupFiles, BackupFlow, DialogBackupFiles
from .flows.money import MoneyFlows
from .flows.outcome import Outcome
from .help_menu import HelpMenu
from .messages import words
from .models.page_batcher import PageBatcher
from .models.payments_model import PaymentsTableModel, key_columns_of
from .ports import BackEnd, StaffDirectory
from .presenter import Presenter, interrupted_story, settled_text
from .prompts import Prompts
from .settings import AppSettings, SettingsStore, refused_text
from .staff_session import StaffSession
from .support_info import SupportInfo
from .tasks import TaskRegistry
from .viewmodels.payments_vm import PaymentsViewModel
from .viewmodels.settling_vm import SETTLE_SECONDS, SettlingViewModel
from .views.detail_panel import DetailPanel
from .views.payments_view import PaymentsView
from .views.screen_fit import fit_to_screen
from .views.status_bar import AppStatusBar
from .window_dialogs import WindowDialogs

if TYPE_CHECKING:  # imported when first opened (window_dialogs.py)
    from .dialogs.end_of_day import EndOfDayDialog
    from .dialogs.journal_dialog import JournalDialog
    from .dialogs.reader_refund_dialog import ReaderRefundDialog
    from .dialogs.refund_slip_dialog import RefundSlipDialog
    from .dialogs.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

TRAINING_TEXT = QT_TRANSLATE_NOOP("MainWindow",
                                  "TRAINING MODE — no real money moves. Practise freely.")
UNRESOLVED_TEXT = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Some earlier operations are not resolved yet; their payments stay locked until they are.")
# The payment may have moved on: show its fresh state next to the message.
_REFRESH_AFTER = (PaymentChanged, AlreadyRefunded, OverRefund)


class MainWindow(QMainWindow):
    shutDown = Signal()  # tasks cancelled and services closed

    def __init__(
        self,
        services: BackEnd,
        prompts: Prompts,
        settings: SettingsStore,
        parent: QWidget | None = None,
        *,
        staff: Staff | None = None,
        staff_directory: StaffDirectory | None = None,
        poll_seconds: float = 3.0,
        idle_poll_seconds: float | None = None,
        settle_seconds: float = SETTLE_SECONDS,
        page_size: int = 100,
        key_setup: KeySetup | None = None,
        settings_refusal: AccessReason | None = None,
        clock: Clock = utc_now,
        support: SupportInfo | None = None,
        backup_files: BackupFiles | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("POS Refunds")
        self._services, self._store = services, settings
        self._staff = staff  # who is signed in (None: locked); `staff` skips the sign-in
        self.tasks = TaskRegistry()
        prompts.set_tasks(self.tasks)
        self.presenter = Presenter(prompts)
        self._window_tasks = self.tasks.scope("window")
        self._closing = self._closed = False
        self._lookup: str | None = None
        # Operations a crash interrupted that start-up settled: told once the readers are named.
        self._interrupted = list(services.settled_at_start)
        self.restart_requested = False  # Settings' "Restart now": the app opens again
        self._clock = clock  # everything below that shows or compares times reads this one

        self.model = PaymentsTableModel(self, clock=clock)
        payments = self.tasks.scope("payments")
        self.payments_vm = PaymentsViewModel(services.payments, payments,
                                             poll_seconds=poll_seconds,
                                             idle_poll_seconds=idle_poll_seconds,
                                             page_size=page_size,
                                             clock=clock, parent=self)
        self.settling_vm = SettlingViewModel(services.settle_open, payments,
                                             interval_seconds=settle_seconds, parent=self)
        self.flows = MoneyFlows(services, services.actions, prompts, self.tasks.scope("money"),
                                lambda: self._staff, self)
        self.dialogs = WindowDialogs(self, services, self.presenter, self.flows, self.tasks,
                                     settings, lambda: self._staff, self.model.payments,
                                     key_setup=key_setup, settings_refusal=settings_refusal,
                                     clock=clock)
        # The window's frame first, then each part built in its place: a widget moved to
        # another parent after the style sheet polished it is polished again, all it holds
        # with it (views/screen_fit.scroll_area); built inside out, that was a fifth of the
        # window's start.
        central = QWidget(self)
        self.setCentralWidget(central)
        self.session = StaffSession(self, prompts, staff_directory, staff=staff,
                                    training=services.mode is Mode.TRAINING,
                                    idle_minutes=services.guarded.idle_lock_minutes,
                                    tasks=self.tasks, busy=lambda: self.flows.busy,
                                    host=central)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.session.stack)
        left = QWidget(self.splitter)
        self.payments_view = PaymentsView(self.model, left)
        self.detail = DetailPanel(self.splitter, clock=clock)
        self.status = AppStatusBar()
        self.setStatusBar(self.status)
        self.status.set_mode(services.mode, services.account_name)
        self._support = support or SupportInfo(
            services.mode, self.dialogs.settings.till_id, Path(), log_dir(),
            services.account_name)
        self.backup = BackupFlow(self._support.data_folder, lambda: self.dialogs.settings,
                                 self.presenter, self.tasks.scope("backup"),
                                 backup_files or DialogBackupFiles(),
                                 training=services.mode is Mode.TRAINING, clock=clock,
                                 parent=self)
        self._build_layout(central, left)
        self._build_actions()
        self._wire()
        self.session.begin()
        saved = self.dialogs.settings
        self.payments_view.proxy.set_location_filter(saved.location_id)
        if saved.window_geometry:
            self.restoreGeometry(QByteArray(saved.window_geometry))
            fit_to_screen(self, self.width(), self.height())  # saved on a larger screen
        else:
            fit_to_screen(self, 1366, 768)
        if saved.splitter_state:
            self.splitter.restoreState(QByteArray(saved.splitter_state))

    def _build_layout(self, central: QWidget, left: QWidget) -> None:
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if self._services.mode is Mode.TRAINING:
            banner = QLabel(translate("MainWindow", TRAINING_TEXT), central)
            banner.setObjectName("trainingBanner")
            banner.setAccessibleName(self.tr("Training mode"))
            banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(banner)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(10, 10, 6, 10)
        left_layout.addWidget(self.payments_view)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([916, 450])
        # Both fit beside each other on 1366×768 at 150 % (about 910 px wide).
        self.payments_view.setMinimumWidth(500)
        self.detail.setMinimumWidth(360)
        layout.addWidget(self.session.wrap(self.splitter), 1)

    def _action(self, text: str, keys: list[QKeySequence], slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence  # written as text: Qt.Key, a Python enum of 500 members, is
        # built on its first use (35 ms of start-up)
        self.refresh_action = self._action(self.tr("Refresh"), [key("F5")],
                                           self.payments_vm.refresh)
        self.find_action = self._action(self.tr("Find payment"),
                                        [key("Ctrl+F"), key("F3")],
                                        self.payments_view.focus_search)
        self.refund_action = self._action(self.tr("Refund"), [key("Ctrl+R")],
                                          self._refund_shortcut)
        self.cancel_action = self._action(self.tr("Cancel payment"), [key("Ctrl+Shift+C")],
                                          self._cancel_shortcut)
        self.capture_action = self._action(self.tr("Capture"), [key("Ctrl+Shift+P")],
                                           self._capture_shortcut)
        quit_action = self._action(self.tr("Quit"), [key(QKeySequence.StandardKey.Quit)],
                                   self.close)
        toolbar = QToolBar(self.tr("Main", "the toolbar's name"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.refresh_action, self.find_action):
            action.setToolTip(self.tr("{action} ({keys})", "a toolbar button: its text, its keys")
                              .format(action=action.text(), keys=action.shortcut().toString()))
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        menu = self.menuBar().addMenu(self.tr("&Payments"))
        for action in (self.refresh_action, self.find_action, self.refund_action,
                       self.capture_action, self.cancel_action):
            menu.addAction(action)
        menu.addSeparator()
        self.settings_action = self._action(self.tr("Settings…"), [key("Ctrl+,")],
                                            self.open_settings)
        menu.addAction(self.settings_action)
        self.backup_action = self._action(self.tr("Back up till data…"), [], self.back_up)
        self.restore_action = self._action(self.tr("Restore from backup…"), [], self.restore)
        menu.addAction(self.backup_action)
        menu.addAction(self.restore_action)
        menu.addAction(quit_action)
        self.session.install(toolbar, self.menuBar().addMenu(self.tr("&Staff")))
        self.journal_action = self._action(self.tr("Audit journal…"), [], self.open_journal)
        self.end_of_day_action = self._action(self.tr("End of day…"), [], self.open_end_of_day)
        reports = self.menuBar().addMenu(self.tr("&Reports"))
        reports.addAction(self.end_of_day_action)
        reports.addAction(self.journal_action)
        self.help = HelpMenu(self, self.menuBar().addMenu(self.tr("&Help")), self._support,
                             self.presenter)

    def _wire(self) -> None:
        vm, view, model, detail = self.payments_vm, self.payments_view, self.model, self.detail
        flows, dialogs, say = self.flows, self.dialogs, self.presenter
        self._pages = batcher = PageBatcher(model, parent=self)
        vm.pageLoaded.connect(batcher.add)
        vm.loadFinished.connect(batcher.flush)  # first: a loaded list is a complete one
        vm.loadProgress.connect(view.set_loading)
        vm.loadFinished.connect(lambda: view.set_loading(model.rowCount(), done=True))
        vm.loadFinished.connect(dialogs.preload_soon)  # the rest of the screens, unhurried
        vm.loadFinished.connect(self._prepare_search)
        vm.paymentsChanged.connect(self._prepare_search)
        vm.paymentsChanged.connect(batcher.upsert)  # every write after the waiting pages
        vm.paymentFound.connect(self._found)
        vm.lookupFailed.connect(lambda _pid, text: view.show_message(text))
        vm.connectionChanged.connect(self.status.set_connection)
        vm.refreshedAt.connect(self.status.set_refreshed)
        vm.error.connect(lambda error: say.error(self, error))
        view.paymentSelected.connect(detail.set_payment)
        view.paymentSelected.connect(lambda p: vm.set_payment_open(p is not None))
        flows.busyChanged.connect(lambda busy: vm.hurry() if busy else None)
        view.lookupRequested.connect(self._look_up)
        detail.cancelRequested.connect(lambda p: flows.cancel.start(p, self))
        detail.captureRequested.connect(lambda p: flows.capture.start(p, self))
        detail.refundRequested.connect(self.open_refund)
        detail.readerRefundRequested.connect(self.open_reader_refund)
        detail.slipRequested.connect(self.open_refund_slip)
        flows.busyChanged.connect(detail.set_busy)
        for flow in flows.all:
            flow.succeeded.connect(self._done)
            flow.failed.connect(self._refresh_after)
        # The refund dialog says its own errors; cancel and capture are said here.
        flows.cancel.failed.connect(lambda error: say.error(self, error))
        flows.capture.failed.connect(lambda error: say.error(self, error))
        dialogs.paymentChanged.connect(lambda payment: batcher.upsert([payment]))
        dialogs.refreshWanted.connect(vm.refresh_one)
        dialogs.readerFollowing.connect(vm.set_following)
        dialogs.refreshWanted.connect(lambda _payment_id: vm.hurry())  # a reader refund ended
        dialogs.settingsChanged.connect(self._settings_changed)
        dialogs.guardedChanged.connect(self._guarded_changed)
        dialogs.restartRequested.connect(self._restart)
        self.backup.restartWanted.connect(self._restart)
        self.session.staffChanged.connect(self._staff_changed)
        self.settling_vm.settled.connect(self._settled)
        self.shutDown.connect(self.session.stop)

    def _settled(self, op: Operation) -> None:
        self.payments_vm.refresh_one(op.payment_id)
        self.presenter.note(self, settled_text(op))

    def _staff_changed(self, staff: Staff | None) -> None:
        if staff is None or (self._staff is not None and staff.id != self._staff.id):
            self.payments_view.clear_selection()  # the next person starts from the list
        self._staff = staff

    def _prepare_search(self, *_: object) -> None:
        """The list's rows changed: what a search reads is worked out on a worker thread now,
        not at the next keystroke (9 ms for 10,000 payments)."""
        snapshot = self.model.keys_snapshot()
        if snapshot is None:
            return
        generation, keys = snapshot

        async def prepare() -> None:
            columns = await run_blocking(lambda: key_columns_of(keys))
            self.model.adopt_key_columns(generation, columns)

        self._window_tasks.start(prepare())

    def start(self) -> None:
        """Begin loading and polling (needs the running loop)."""
        self.payments_vm.load()
        self.payments_vm.start_polling()
        self.settling_vm.start()
        self._window_tasks.start(self._services.readers.readers(), on_done=self._readers_loaded,
                                 on_error=self._readers_not_loaded)
        if self._services.unresolved:
            self.presenter.note(self, translate("MainWindow", UNRESOLVED_TEXT))
        if self.dialogs.settings.refused:
            self.presenter.note(self, refused_text(self.dialogs.settings.refused))
            self._store.drop_refused()
        if self._services.guarded_problem:
            self.presenter.note(self, words(self._services.guarded_problem))

    # --- glue ----------------------------------------------------------------------------
    def _readers_loaded(self, readers: list[Reader]) -> None:
        labels = {r.id: r.label or r.id for r in readers}
        self.model.set_reader_labels(labels)
        self.detail.set_reader_labels(labels)
        self._tell_interrupted(labels)

    def _readers_not_loaded(self, error: BaseException) -> None:
        log.warning("reader names not loaded: %s", error)
        self._tell_interrupted({})

    def _tell_interrupted(self, readers: dict[str, str]) -> None:
        """What start-up found a crash had interrupted, once, with the readers' names."""
        ops, self._interrupted = self._interrupted, []
        if ops:
            self.presenter.tell(self, self.tr("Interrupted operations checked"),
                                interrupted_story(ops, readers))

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
        if payment is None or self.flows.busy:
            return
        if self._allowed(Action.REFUND_ONLINE):
            self.open_refund(payment)
        elif self._allowed(Action.REFUND_ON_READER):
            self.open_reader_refund(payment)

    def _cancel_shortcut(self) -> None:
        payment = self.detail.payment()
        if payment is not None and self._allowed(Action.CANCEL) and not self.flows.busy:
            self.flows.cancel.start(payment, self)

    def _capture_shortcut(self) -> None:
        payment = self.detail.payment()
        if payment is not None and self._allowed(Action.CAPTURE) and not self.flows.busy:
            self.flows.capture.start(payment, self)

    def _done(self, outcome: Outcome) -> None:
        if outcome.payment is not None:
            self._pages.upsert([outcome.payment])
        self.presenter.outcome(self, outcome)

    def _refresh_after(self, error: BaseException) -> None:
        current = self.detail.payment()
        if isinstance(error, _REFRESH_AFTER) and current is not None:
            self.payments_vm.refresh_one(current.id)

    # --- dialogs (WindowDialogs builds them) ---------------------------------------------
    @property
    def refund_dialog(self) -> RefundDialog | None:
        return self.dialogs.refund_dialog

    def open_refund(self, payment: Payment) -> RefundDialog:
        return self.dialogs.open_refund(payment)

    def open_reader_refund(self, payment: Payment) -> ReaderRefundDialog | None:
        return self.dialogs.open_reader_refund(payment)

    def open_refund_slip(self, payment: Payment, refund_id: str) -> RefundSlipDialog | None:
        return self.dialogs.open_refund_slip(payment, refund_id)

    def open_journal(self) -> JournalDialog | None:
        return self.dialogs.open_journal()

    def open_end_of_day(self) -> EndOfDayDialog | None:
        return self.dialogs.open_end_of_day()

    def open_settings(self) -> SettingsDialog | None:
        return self.dialogs.open_settings()

    def back_up(self) -> None:
        if self.dialogs.require_manager(
                self.tr("Only a manager can back up the till's data.")) is not None:
            self.backup.back_up(self)

    def restore(self) -> None:
        if self.dialogs.require_manager(
                self.tr("Only a manager can restore the till's data.")) is not None:
            self.backup.restore(self)

    def _guarded_changed(self, values: GuardedSettings) -> None:
        self.session.set_idle_minutes(values.idle_lock_minutes)  # approvals ask the services

    def _settings_changed(self, settings: AppSettings) -> None:
        self.payments_view.proxy.set_location_filter(settings.location_id)

    def _restart(self) -> None:
        self.restart_requested = True
        self.close()

    def changeEvent(self, event: QEvent) -> None:
        """Back to the front (another program was in use): look for changes at once."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.payments_vm.wake()

    # --- closing -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        event.ignore()
        if self._closing:
            return
        self._closing = True
        self.dialogs.update_settings(window_geometry=bytes(self.saveGeometry().data()),
                                     splitter_state=bytes(self.splitter.saveState().data()))
        self.tasks.cancel_all()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop left (interpreter shutdown): nothing to await
            self._finish_close()
            return
        self._close_task = loop.create_task(self._shutdown())

    async def _shutdown(self) -> None:
        try:
            await self.tasks.join()
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
