"""Interac refund in person: pick a reader and an amount, then follow the reader live.

Page 1 collects (reader, amount, options); page 2 shows the ReaderProgressView fed by the
view-model. A failed attempt sends the cashier back to page 1 with everything still filled in.
Opened with `.open()`; closing while the reader is busy asks first (through Prompts).
A refund a cashier may not make alone asks a manager's PIN (through Prompts) before anything is
sent; that manager approves this one refund only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from ...clock import Clock, utc_now
from ...domain.approvals import Approval, ApprovalLimits, ApprovalRequest, approval_reason
from ...domain.errors import PosError, ReaderBusy, ReaderOffline, ReaderTimeout, UserCancelled
from ...domain.money import Money
from ...domain.payments import Payment, Reader
from ...domain.policy import Action
from ...services.api import ReaderProgress, ReaderRefundOptions, ReaderRefunds, Staff, Step
from ..formatting import format_money
from ..prompts import Prompts, is_silent
from ..viewmodels.reader_refund_vm import ReaderRefundViewModel
from ..viewmodels.refund_slip_vm import RefundSlipViewModel
from ..views.reader_progress import ReaderProgressView
from .payment_summary import PaymentSummary
from .reader_refund_setup import ReaderRefundSetup, reason_label, touch_button
from .reader_slip import ReaderSlipOffer

ANOTHER_READER = {
    ReaderOffline: "Reader offline — choose another reader",
    ReaderBusy: "Reader busy — choose another reader, or wait and try again",
    ReaderTimeout: "Reader timed out — try again or choose another reader",
}


def inline_error(error: BaseException) -> str:
    """The one line the progress view shows when the flow ended on an error."""
    if isinstance(error, UserCancelled):
        return "Refund canceled."
    for kind, text in ANOTHER_READER.items():
        if isinstance(error, kind):
            return f"{text}. {error.message}" if error.message else text
    if isinstance(error, PosError):
        return f"{error.title}: {error.message}"
    return "Unexpected error. Check the payment before trying again."


class ReaderRefundDialog(QDialog):
    readerChosen = Signal(str)
    completed = Signal(str)  # payment id: the refund ended (either way), refresh the payment

    def __init__(
        self,
        payment: Payment,
        readers: ReaderRefunds,
        staff: Staff,
        last_reader_id: str | None,
        simulated: bool,
        connect: bool,
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        limits: ApprovalLimits | None = None,
        slips: RefundSlipViewModel | None = None,  # the final state offers the slip
        clock: Clock = utc_now,
    ) -> None:
        super().__init__(parent)
        self._payment, self._staff = payment, staff
        self._limits = limits if limits is not None else ApprovalLimits()
        self._asking = False  # a manager's PIN is being asked for
        self._last_reader_id = last_reader_id
        self._simulated, self._prompts = simulated, prompts
        self._close_when_done = False
        self._succeeded = False
        self.vm = ReaderRefundViewModel(readers, self)
        self.setObjectName("readerRefundDialog")
        self.setWindowTitle("Refund on a reader")
        self.setMinimumWidth(980)

        title = QLabel("Interac refund on a reader")
        title.setObjectName("dialogTitle")
        title.setStyleSheet("font-size: 18pt; font-weight: 700;")
        self.setup = ReaderRefundSetup(payment, connect, clock=clock)
        self._picker = self.setup.picker
        self.progress = ReaderProgressView()
        self.slip_offer = (ReaderSlipOffer(self, self.progress.slip, slips, prompts, payment.id)
                           if slips is not None else None)
        self._pages = QStackedWidget()
        self._pages.addWidget(self.setup)
        self._pages.addWidget(self._build_progress_page())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        self._summary = PaymentSummary(payment)
        top.addWidget(self._summary)
        layout.addLayout(top)
        layout.addWidget(self._pages, 1)

        vm = self.vm
        vm.readersLoaded.connect(self._on_readers)
        vm.readersFailed.connect(self._on_readers_failed)
        vm.loadingChanged.connect(self._picker.set_loading)
        vm.progress.connect(self.progress.show_progress)
        vm.finished.connect(self._on_finished)
        vm.failed.connect(self._on_failed)
        vm.checked.connect(self._on_checked)
        vm.runningChanged.connect(self._refresh_back)
        vm.actionBusy.connect(self.progress.set_action_busy)
        vm.actionFailed.connect(self._on_action_failed)
        self.progress.cancelRequested.connect(vm.cancel_action)
        self.progress.checkRequested.connect(vm.check_status)
        self.progress.simulateRequested.connect(vm.simulate)
        self._picker.refreshRequested.connect(vm.load_readers)
        self.setup.start_button.clicked.connect(self.start)
        self.setup.close_button.clicked.connect(self.reject)
        self._back.clicked.connect(self.go_back)
        self.finished.connect(vm.cancel)
        self._refresh_back()

    def showEvent(self, event) -> None:  # noqa: ANN001 - QShowEvent
        """Readers are read when the dialog appears, not before (no work for a hidden dialog)."""
        super().showEvent(event)
        if not self._picker.loaded and not self.vm.loading:
            self.vm.load_readers()

    def go_back(self) -> None:
        """Back to the reader list, amount and options as they were; the list is read again."""
        if self.vm.running or self._succeeded:
            return
        self._pages.setCurrentIndex(0)
        self.vm.load_readers()
        self.setup.refresh_start()

    def reject(self) -> None:
        """Esc, Close or the window's X: while the reader works on it, ask first."""
        if not self.vm.running:
            super().reject()
            return
        if self._close_when_done:
            return
        if self.progress.step == Step.WAITING_FOR_CARD:
            self._prompts.confirm(
                self,
                "Cancel the refund on the reader?",
                "The reader is still waiting for the customer's card. Cancel the refund on the "
                "reader and close? The window closes when the reader confirms.",
                "Cancel refund and close",
                self._cancel_and_close,
            )
        else:
            self._prompts.confirm(
                self,
                "The reader is still working",
                "The refund can no longer be canceled. Close this window when the reader "
                "has finished?",
                "Close when finished",
                self._close_after,
            )

    def _cancel_and_close(self) -> None:
        self._close_after()
        self.vm.cancel_action()

    def _close_after(self) -> None:
        self._close_when_done = True
        self.progress.show_notice("This window closes when the reader has finished.")

    def _build_progress_page(self) -> QWidget:
        page = QWidget()
        self._back = touch_button("backButton", "Back to readers")
        self._back_reason = reason_label("backButtonReason")
        done = touch_button("doneButton", "Close")
        done.clicked.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(self._back)
        footer.addWidget(self._back_reason, 1)
        footer.addWidget(done)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress, 1)
        layout.addLayout(footer)
        return page

    def select_reader(self, reader_id: str) -> bool:
        """Pick a reader on page 1 (only a usable one can be picked)."""
        return self._picker.select(reader_id)

    @property
    def busy(self) -> bool:
        """A refund is on the reader: its outcome must stay in sight (the idle lock waits)."""
        return self.vm.running

    @property
    def awaiting_approval(self) -> bool:
        """A manager's PIN is being asked for; nothing was sent yet."""
        return self._asking

    def start(self) -> None:
        """Send the refund to the picked reader and follow it on page 2; when a manager must
        approve and the staff is not one, a manager's PIN first."""
        reader, amount = self._picker.selected_reader(), self.setup.amount.amount()
        if reader is None or amount is None or self.busy or self._asking:
            return
        try:
            why = approval_reason(Action.REFUND_ON_READER, amount, self._payment, self._limits,
                                  format_money)
        except PosError as error:
            self._prompts.show_error(self, error)
            return
        options = self.setup.options()
        if why and not self._staff.is_manager:  # a signed-in manager approves their own
            self._asking = True
            self._prompts.ask_manager_pin(
                self, ApprovalRequest(self._payment.id, amount, Action.REFUND_ON_READER, why),
                lambda approval: self._approved(reader, amount, options, approval),
                self._not_approved,
            )
            return
        self._send(reader, amount, options, None)

    def _approved(self, reader: Reader, amount: Money, options: ReaderRefundOptions,
                  approval: Approval) -> None:
        self._asking = False
        if self.isVisible():  # not after the dialog was closed (e.g. the till locked)
            self._send(reader, amount, options, approval)

    def _not_approved(self) -> None:
        self._asking = False

    def _send(self, reader: Reader, amount: Money, options: ReaderRefundOptions,
              approval: Approval | None) -> None:
        if self.vm.running:
            return
        self._last_reader_id, self._sent = reader.id, amount
        self.progress.begin(reader, amount, simulate=self._simulated or reader.simulated)
        self._pages.setCurrentIndex(1)
        self.vm.start(self._payment, reader.id, amount, options, self._staff, approval)
        self.readerChosen.emit(reader.id)

    def _on_readers(self, readers: list) -> None:
        self._picker.set_readers(readers, (self._last_reader_id,))

    def _on_readers_failed(self, error: BaseException) -> None:
        self._prompts.show_error(self, error)
        self._picker.set_error(inline_error(error))

    def _on_finished(self, update: ReaderProgress) -> None:
        self.progress.show_progress(update)
        self._succeeded = update.step == Step.SUCCEEDED
        self._ended()

    def _on_failed(self, error: BaseException) -> None:
        if not is_silent(error):
            self._prompts.show_error(self, error)
        maybe_sent = isinstance(error, PosError) and error.retryable
        self.progress.show_failure(inline_error(error), can_check=maybe_sent)
        self._ended()

    def _on_checked(self, update: ReaderProgress) -> None:
        """A "Check status" answer: the followed stream decides while it runs."""
        if self.vm.running:
            if update.step.final:
                self.progress.show_notice(f"The reader reports: {update.message} Confirming…")
            return
        if update.step.final:
            self.progress.show_outcome(update)
            self._succeeded = update.step == Step.SUCCEEDED
            self._ended()
        else:
            self.progress.show_notice(f"The reader is still working: {update.message}")

    def _ended(self) -> None:
        if self._succeeded:
            self._summary.add_refund(self._sent)
        self.completed.emit(self._payment.id)
        self._refresh_back()
        if self._close_when_done:
            self._close_when_done = False
            self._prompts.notify(self.parentWidget() or self, self.progress.final_text())
            super().reject()

    def _on_action_failed(self, error: BaseException) -> None:
        self._close_when_done = False
        self._prompts.show_error(self, error)
        if not is_silent(error):
            self.progress.show_notice(inline_error(error))

    def _refresh_back(self, *_: object) -> None:
        if self.vm.running and self.progress.ended:  # followed again from Check status
            self.progress.resume()
        if self.vm.running:
            why = "Wait until the reader has finished."
        elif self._succeeded:
            why = "The refund is done."
        else:
            why = ""
        self._back.setEnabled(not why)
        self._back_reason.setText(why)
