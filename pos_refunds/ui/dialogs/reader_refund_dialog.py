"""Interac refund in person: pick a reader and an amount, then follow the reader live.

Page 1 collects (reader, amount, options); page 2 shows the ReaderProgressView fed by the
view-model. A failed attempt sends the cashier back to page 1 with everything still filled in.
Opened with `.open()`; closing while the reader is busy asks first (through Prompts).
A refund a cashier may not make alone asks a manager's PIN (through Prompts) before anything is
sent; that manager approves this one refund only.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from ...clock import Clock, utc_now
from ...domain.errors import PosError, UserCancelled
from ...domain.money import Money
from ...domain.payments import Payment, Reader
from ...domain.policy import Action
from ...services.api import ReaderProgress, ReaderRefunds, Staff, Step
from ..flows.base import FlowBackEnd
from ..flows.reader import ReaderRefundFlow
from ..messages import reader_words
from ..presenter import Presenter
from ..prompts import Prompts
from ..tasks import TaskRegistry
from ..viewmodels.reader_refund_vm import ReaderRefundViewModel
from ..viewmodels.refund_slip_vm import RefundSlipViewModel
from ..viewmodels.slip_printer_vm import SavedPrinter
from ..views.reader_progress import ReaderProgressView
from ..views.screen_fit import fit_to_screen, hold, keep_on_screen, room_for, scroll_area
from ..views.touch import touch_button
from .payment_summary import PaymentSummary
from .reader_refund_setup import ReaderRefundSetup, reason_label
from .reader_slip import ReaderSlipOffer

# Page 2's pieces are a timer apart, not posted events: the turn between them is the event
# loop's whole turn (its timers and input too), not only the events posted meanwhile.
PIECE_GAP_MS = 1

# A screen with less room than this (1366×768 at 125 % or more) shows the steps in one row.
COMPACT_BELOW = 600


def preferred_readers(payment: Payment, readers: list[Reader],
                      last_reader_id: str | None) -> tuple[str | None, ...]:
    """Which reader to pick first: the one the payment was taken on; else the one last used,
    if it is at the payment's location. Never one at another location by default (the
    customer stands at this counter); the cashier picks then."""
    here = payment.location_id
    last = next((r for r in readers if r.id == last_reader_id), None)
    last_ok = last is not None and (here is None or last.location_id in (None, here))
    return (payment.reader_id, last_reader_id if last_ok else None)


class ReaderRefundDialog(QDialog):
    readerChosen = Signal(str)
    completed = Signal(str)  # payment id: the refund ended (either way), refresh the payment

    def __init__(
        self,
        payment: Payment,
        back: FlowBackEnd,
        readers: ReaderRefunds,
        staff: Staff,
        last_reader_id: str | None,
        simulated: bool,
        connect: bool,
        prompts: Prompts,
        tasks: TaskRegistry,
        parent: QWidget | None = None,
        *,
        slips: RefundSlipViewModel | None = None,  # the final state offers the slip
        receipt: SavedPrinter | None = None,  # ... and prints it there, without a dialog
        clock: Clock = utc_now,
    ) -> None:
        super().__init__(parent)
        self._payment, self._staff = payment, staff
        self._last_reader_id = last_reader_id
        self._simulated, self._prompts = simulated, prompts
        self._presenter = Presenter(prompts)
        self._close_when_done = False
        self._succeeded = False
        self._pending: tuple[Reader, Money] | None = None  # asked for, not yet on the reader
        flow = ReaderRefundFlow(back, readers, prompts, tasks.scope("reader refund", owner=self),
                                lambda: staff, self)
        self.vm = ReaderRefundViewModel(flow, self)
        self.setObjectName("readerRefundDialog")
        self.setWindowTitle(self.tr("Refund on a reader"))
        self.setMinimumWidth(min(980, room.width()) if (room := room_for(self)) else 980)
        # Tall enough for five readers on page 1; never taller than the screen, so Close and
        # Back to readers stay in reach when the slip appears after a refund.
        fit_to_screen(self, 1000, 720, cap=True)

        # The frame first, then each page built in place: a widget moved to another parent
        # after it was polished is polished again, with all it holds (screen_fit.scroll_area).
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        title = QLabel(self.tr("Interac refund on a reader"), self)
        title.setObjectName("dialogTitle")
        title.setWordWrap(True)  # beside the payment's summary: wraps rather than cut
        self._summary = PaymentSummary(payment, self)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self._summary)
        layout.addLayout(top)
        self._pages = QStackedWidget(self)
        layout.addWidget(self._pages, 1)

        setup_scroll = scroll_area("readerSetupScroll", self._pages)  # small screens
        self.setup = ReaderRefundSetup(payment, connect, setup_scroll.viewport(), clock=clock)
        self.setup.amount.set_approval(
            lambda amount: flow.approval_reasons(Action.REFUND_ON_READER, payment, amount))
        self._picker = self.setup.picker
        self._pages.addWidget(hold(setup_scroll, self.setup))
        # Page 2 is built a moment after the dialog appears, or when first needed: building
        # both pages at once held the screen for longer than a frame.
        self._progress: ReaderProgressView | None = None
        self._page_two: Iterator[bool] | None = None  # its pieces not built yet
        self._slips, self._receipt = slips, receipt
        self.slip_offer: ReaderSlipOffer | None = None

        vm = self.vm
        vm.readersLoaded.connect(self._on_readers)
        vm.readersFailed.connect(self._on_readers_failed)
        vm.loadingChanged.connect(self._picker.set_loading)
        vm.finished.connect(self._on_finished)
        vm.failed.connect(self._on_failed)
        vm.checked.connect(self._on_checked)
        vm.runningChanged.connect(self._on_running)
        vm.actionFailed.connect(self._on_action_failed)
        self._picker.refreshRequested.connect(vm.load_readers)
        self.setup.start_button.clicked.connect(self.start)
        self.setup.close_button.clicked.connect(self.reject)

    def showEvent(self, event) -> None:  # noqa: ANN001 - QShowEvent
        """Readers are read when the dialog appears, not before (no work for a hidden dialog)."""
        super().showEvent(event)
        if not self._picker.loaded and not self.vm.loading:
            self.vm.load_readers()

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802 - QPaintEvent
        """Page 1 on the screen: page 2 is built next, in pieces (the cashier is reading)."""
        super().paintEvent(event)
        if self._page_two is None:
            self._page_two = self._build_progress_page()  # nothing built until asked
            QTimer.singleShot(PIECE_GAP_MS, self, self._build_later)

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - QResizeEvent
        super().resizeEvent(event)
        keep_on_screen(self)

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
                self.tr("Cancel the refund on the reader?"),
                self.tr("The reader is still waiting for the customer's card. Cancel the refund "
                        "on the reader and close? The window closes when the reader confirms."),
                self.tr("Cancel refund and close"),
                self._cancel_and_close,
            )
        else:
            self._prompts.confirm(
                self,
                self.tr("The reader is still working"),
                self.tr("The refund can no longer be canceled. Close this window when the "
                        "reader has finished?"),
                self.tr("Close when finished"),
                self._close_after,
            )

    def _cancel_and_close(self) -> None:
        self._close_after()
        self.vm.cancel_action()

    def _close_after(self) -> None:
        self._close_when_done = True
        self.progress.show_notice(self.tr("This window closes when the reader has finished."))

    @property
    def progress(self) -> ReaderProgressView:
        """Page 2, the reader followed live (what is not built yet, built now)."""
        while self._progress is None and self._build_next():
            pass
        assert self._progress is not None
        return self._progress

    def _build_next(self) -> bool:
        """One piece of page 2; False once it is all built."""
        if self._page_two is None:
            self._page_two = self._build_progress_page()
        return next(self._page_two, None) is not None

    def _build_later(self) -> None:
        """The rest of page 2, a piece a turn of the event loop (the screen painted between)."""
        if self._build_next():
            QTimer.singleShot(PIECE_GAP_MS, self, self._build_later)

    def _build_progress_page(self) -> Iterator[bool]:
        """Page 2 in three pieces of a few milliseconds each (at once: two frames' time)."""
        page = QWidget(self._pages)
        progress_scroll = scroll_area("readerProgressScroll", page)
        progress = ReaderProgressView(progress_scroll.viewport())
        if (room := room_for(self)) is not None and room.height() < COMPACT_BELOW:
            progress.set_compact(True)
        yield True
        if self._slips is not None:
            self.slip_offer = ReaderSlipOffer(self, progress.slip, self._slips, self._prompts,
                                              self._payment.id, self._receipt)
        vm = self.vm
        vm.progress.connect(progress.show_progress)
        vm.actionBusy.connect(progress.set_action_busy)
        progress.cancelRequested.connect(vm.cancel_action)
        progress.checkRequested.connect(vm.check_status)
        progress.simulateRequested.connect(vm.simulate)
        self._back = touch_button("backButton", self.tr("Back to readers"), min_width=140)
        self._back_reason = reason_label("backButtonReason")
        done = touch_button("doneButton", self.tr("Close"), min_width=140)
        done.clicked.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(self._back)
        footer.addWidget(self._back_reason, 1)
        footer.addWidget(done)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hold(progress_scroll, progress), 1)
        layout.addLayout(footer)
        self._back.clicked.connect(self.go_back)
        self._pages.addWidget(page)
        self._progress = progress
        self._refresh_back()
        yield True
        # Styled and laid out while hidden: turning to it after Start only paints it.
        page.ensurePolished()
        layout.activate()

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
        return self.vm.approving

    def start(self) -> None:
        """Send the refund to the picked reader and follow it on page 2 (a manager's PIN first
        when the services say one must approve)."""
        reader, amount = self._picker.selected_reader(), self.setup.amount.amount()
        if reader is None or amount is None or self.busy or self.vm.approving:
            return
        self._pending = (reader, amount)
        # After a PIN, only while the dialog is still open (e.g. not after the till locked).
        self.vm.request(self._payment, reader.id, amount, self.setup.options(), self,
                        still_wanted=self.isVisible)

    def _on_running(self, running: bool) -> None:
        if running and self._pending is not None:
            reader, amount = self._pending
            self._pending = None
            self._last_reader_id, self._sent = reader.id, amount
            self.progress.begin(reader, amount, simulate=self._simulated or reader.simulated)
            self._pages.setCurrentIndex(1)
            self.readerChosen.emit(reader.id)
        self._refresh_back()

    def _on_readers(self, readers: list[Reader]) -> None:
        self._picker.set_readers(readers, preferred_readers(self._payment, readers,
                                                            self._last_reader_id))

    def _on_readers_failed(self, error: BaseException) -> None:
        self._presenter.error(self, error, inline=self._picker.set_error)

    def _on_finished(self, update: ReaderProgress) -> None:
        self.progress.show_progress(update)
        self._succeeded = update.step == Step.SUCCEEDED
        self._ended()

    def _on_failed(self, error: BaseException) -> None:
        self._pending = None
        if self._pages.currentIndex() == 0:  # refused before anything was sent (the amount)
            self._presenter.error(self, error)
            return
        maybe_sent = isinstance(error, PosError) and error.retryable

        def inline(text: str) -> None:
            self.progress.show_failure(text, can_check=maybe_sent)

        if isinstance(error, UserCancelled):
            inline(self.tr("Refund canceled."))
        elif not self._presenter.error(self, error, inline=inline):
            inline(self.tr("Refund not completed."))  # the box says why
        self._ended()

    def _on_checked(self, update: ReaderProgress) -> None:
        """A "Check status" answer: the followed stream decides while it runs."""
        if self.vm.running:
            if update.step.final:
                self.progress.show_notice(self.tr("The reader reports: {state} Confirming…")
                                          .format(state=reader_words(update)))
            else:  # the same as shown: say that it was checked, or the tap seems lost
                self.progress.show_notice(self.tr("Checked just now — {state}")
                                          .format(state=reader_words(update)))
            return
        if update.step.final:
            self.progress.show_outcome(update)
            self._succeeded = update.step == Step.SUCCEEDED
            self._ended()
        else:
            self.progress.show_notice(self.tr("The reader is still working: {state}")
                                      .format(state=reader_words(update)))

    def _ended(self) -> None:
        if self._succeeded:
            self._summary.add_refund(self._sent)
        self.completed.emit(self._payment.id)
        self._refresh_back()
        if self._close_when_done:
            self._close_when_done = False
            self._presenter.note(self.parentWidget() or self, self.progress.final_text())
            super().reject()

    def _on_action_failed(self, error: BaseException) -> None:
        self._close_when_done = False
        self._presenter.error(self, error, inline=self.progress.show_notice)

    def _refresh_back(self, *_: object) -> None:
        if self._progress is None:  # page 2 not built yet: it starts from here when it is
            return
        if self.vm.running and self.progress.ended:  # followed again from Check status
            self.progress.resume()
        if self.vm.running:
            why = self.tr("Wait until the reader has finished.")
        elif self._succeeded:
            why = self.tr("The refund is done.")
        else:
            why = ""
        self._back.setEnabled(not why)
        self._back_reason.setText(why)
