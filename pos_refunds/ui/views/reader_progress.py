"""Live progress of an in-person refund: the steps, the time it has taken, what can be done now.

Layout and display only; the dialog feeds it the view-model's updates and turns its request
signals into view-model calls. Every button that does not apply says why beside it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.money import Money
from ...domain.payments import Reader
from ...domain.reasons import ReaderReason
from ...services.api import ReaderProgress, Step
from ..formatting import format_money, reader_model
from ..messages import reader_failure_words, reader_words
from ..restyle import restyle
from .reader_actions import FlowState, ReaderActionsPanel
from .slip_buttons import SlipButtons
from .step_row import StepRow, StepState

translate = QCoreApplication.translate

FLOW = (Step.SENDING, Step.WAITING_FOR_CARD, Step.PROCESSING)
ROW_WORDS = {  # (while under way, once passed); translated by `row_words`
    Step.SENDING: (QT_TRANSLATE_NOOP("ReaderProgressView", "Sending to the reader…"),
                   QT_TRANSLATE_NOOP("ReaderProgressView", "Sent to reader")),
    Step.WAITING_FOR_CARD: (
        QT_TRANSLATE_NOOP("ReaderProgressView", "Waiting for the customer's card…"),
        QT_TRANSLATE_NOOP("ReaderProgressView", "Waiting for the customer's card")),
    Step.PROCESSING: (QT_TRANSLATE_NOOP("ReaderProgressView", "Processing…"),
                      QT_TRANSLATE_NOOP("ReaderProgressView", "Processing")),
}
UNDER_WAY, PASSED = 0, 1


def row_words(step: Step, when: int) -> str:
    """A step's words while it is under way (UNDER_WAY) or once passed (PASSED)."""
    return translate("ReaderProgressView", ROW_WORDS[step][when])
GREEN, AMBER, RED = "good", "warning", "error"  # the outcome's tone in style.qss


def format_elapsed(seconds: float) -> str:
    """"0:07", "12:03", "1:02:03": the way a stopwatch reads."""
    total = max(int(seconds), 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def failure_words(update: ReaderProgress) -> str:
    """Why the reader did not refund, in words ("The card was declined"); an update that ended
    without the reader's own failure says what the services found instead."""
    if update.failure_code or update.failure_message or update.reason is ReaderReason.FAILED:
        return reader_failure_words(update.failure_code, update.failure_message)
    return reader_words(update).rstrip(".")


def _no_card(update: ReaderProgress) -> bool:
    """The action ended without a card being read (timed out, canceled, reader offline)."""
    code = (update.failure_code or "").lower()
    return any(word in code for word in ("timeout", "cancel", "offline"))


def _unless_same(message: str, shown: str) -> str:
    """The service's words, unless the active step already says them."""
    same = message.strip().rstrip(".…").lower() == shown.strip().rstrip(".…").lower()
    return "" if same else message


TICK_MS = 1000


class ReaderProgressView(QWidget):
    cancelRequested = Signal()
    checkRequested = Signal()
    simulateRequested = Signal(object)  # TestCard

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], float] = time.monotonic,
        tick_ms: int = TICK_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actionProgress")
        self.setAccessibleName(self.tr("Refund progress on the reader"))
        self._clock = clock
        self._started = 0.0
        self._amount: Money | None = None
        self._reached = -1
        self._state = FlowState()

        self._reader = QLabel()
        self._reader.setObjectName("progressReader")
        self._reader.setWordWrap(True)
        self._elapsed = QLabel("0:00")
        self._elapsed.setObjectName("elapsedTime")
        self._elapsed.setAccessibleName(self.tr("Time elapsed"))
        self._rows = {step: StepRow(f"step_{step.value}", row_words(step, PASSED))
                      for step in FLOW}
        self._outcome = StepRow("step_outcome", self.tr("Refunded"))
        self._status = QLabel()
        self._status.setObjectName("progressStatus")
        self._status.setAccessibleName(self.tr("Reader status"))
        self._status.setWordWrap(True)
        self._status.setVisible(False)
        self._final = QLabel()
        self._final.setObjectName("finalMessage")
        self._final.setAccessibleName(self.tr("Outcome"))
        self._final.setWordWrap(True)
        self._final.setFrameShape(QFrame.Shape.StyledPanel)
        self._final.setVisible(False)
        self._actions = ReaderActionsPanel(self)
        self.slip = SlipButtons()  # offered once a refund succeeded, when slips are wired
        self.slip.offered = False
        self.slip.hide()
        self._reader_label = ""
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)  # how often the elapsed time is shown again
        self._timer.timeout.connect(self._tick)

        head = QHBoxLayout()
        head.addWidget(self._reader, 1)
        head.addWidget(self._elapsed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(head)
        self._steps = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._steps.setSpacing(2)
        for row in (*self._rows.values(), self._outcome):
            self._steps.addWidget(row, 1)
        layout.addLayout(self._steps)
        layout.addWidget(self._status)
        layout.addWidget(self._final)
        layout.addWidget(self.slip)
        layout.addWidget(self._actions)
        layout.addStretch(1)

        self._actions.cancelRequested.connect(self.cancelRequested)
        self._actions.checkRequested.connect(self.checkRequested)
        self._actions.simulateRequested.connect(self.simulateRequested)

    def set_compact(self, compact: bool) -> None:
        """A short screen (1366×768 at 125 % or more): the steps side by side in one row, so
        the reader's buttons stay in sight without scrolling."""
        self._steps.setDirection(QBoxLayout.Direction.LeftToRight if compact
                                 else QBoxLayout.Direction.TopToBottom)
        self._steps.setSpacing(16 if compact else 2)

    @property
    def step(self) -> Step | None:
        return self._state.step

    @property
    def ended(self) -> bool:
        return self._state.ended

    def begin(self, reader: Reader, amount: Money, *, simulate: bool | None = None) -> None:
        """A new refund was sent: reset the steps and start the clock.

        `simulate` shows "Simulate card tap" (default: when the reader is a simulated one).
        """
        self._amount, self._reader_label = amount, reader.label
        self.slip.hide()
        self._reopen()
        self._reader.setText(self.tr("<b>{amount}</b> on <b>{reader}</b> · {model}").format(
            amount=format_money(amount, self.locale()), reader=escape(reader.label),
            model=escape(reader_model(reader))))
        self._actions.simulate_box.setVisible(reader.simulated if simulate is None else simulate)
        self._set_status("")
        self._started = self._clock()
        self._tick()
        self._timer.start()
        self.show_progress(ReaderProgress(Step.SENDING, reader, ReaderReason.SENDING,
                                          {"reader": reader.label}))
        self._set_status("")  # the step's row says it until the services report

    def resume(self) -> None:
        """The same refund is followed again (it reached the reader after the flow had given
        up on it): the steps start over from what the reader reports next; the clock goes on."""
        if not self._state.ended:
            return
        self._reopen()
        self._actions.apply(self._state)
        self._tick()
        self._timer.start()

    def _reopen(self) -> None:
        """Every step back to not reached, nothing final shown."""
        self._reached = -1
        self._state = FlowState(step=None, ended=False)
        for step in FLOW:
            self._rows[step].set_state(StepState.PENDING, row_words(step, PASSED))
        self._outcome.set_state(StepState.PENDING, self.tr("Refunded"))
        self._final.setVisible(False)

    def show_progress(self, update: ReaderProgress) -> None:
        """Draw one update of the reader's action; an ended flow ignores late updates."""
        if self._state.ended:
            return
        self._state.step = update.step
        if update.step in FLOW:
            # The reader is the truth: back to waiting for a card (the customer tries again)
            # puts the later steps back to not reached, never a mark left from before.
            self._reached = FLOW.index(update.step)
            for index, step in enumerate(FLOW):
                if index < self._reached:
                    self._rows[step].set_state(StepState.DONE, row_words(step, PASSED))
                elif index == self._reached:
                    self._rows[step].set_state(StepState.ACTIVE, row_words(step, UNDER_WAY))
                else:
                    self._rows[step].set_state(StepState.PENDING, row_words(step, PASSED))
            self._set_status(_unless_same(reader_words(update),
                                          row_words(update.step, UNDER_WAY)))
        else:
            self._end(update)
        self._actions.apply(self._state)

    def show_failure(self, text: str, *, can_check: bool = False) -> None:
        """The flow ended on an error (reader offline, busy, network...): say so, stop the clock.

        `can_check`: the refund may have reached the reader, so "Check status" stays available.
        """
        if not self._state.ended:
            self._stop_rows(StepState.FAILED)
            self._outcome.set_state(StepState.FAILED, self.tr("Not refunded"))
        self._state.checkable = can_check
        self._finish(text, RED)
        self._set_status("")
        self._actions.apply(self._state)

    def show_outcome(self, update: ReaderProgress) -> None:
        """A final answer from "Check status" after the flow ended on an error."""
        self._state.checkable = False
        self._state.step = update.step
        self._end(update)
        self._actions.apply(self._state)

    def show_notice(self, text: str) -> None:
        """A side action failed (e.g. "Check status" had no connection); the refund goes on."""
        self._set_status(text)

    def set_action_busy(self, name: str, busy: bool) -> None:
        (self._state.busy.add if busy else self._state.busy.discard)(name)
        self._actions.apply(self._state)

    def final_text(self) -> str:
        return self._final.text()

    def status_text(self) -> str:
        return self._status.text()

    def elapsed_text(self) -> str:
        return self._elapsed.text()

    def _end(self, update: ReaderProgress) -> None:
        if update.step == Step.SUCCEEDED:
            for step in FLOW:
                self._rows[step].set_state(StepState.DONE, row_words(step, PASSED))
            self._outcome.set_state(StepState.DONE, self.tr("Refunded"))
            if update.refund_id:
                self.slip.offer(update.refund_id, self._reader_label or None)
            self._finish(self._done_words(update.refund_id), GREEN)
        elif update.step == Step.CANCELED:
            self._stop_rows(StepState.STOPPED, no_card=True)
            self._outcome.set_state(StepState.STOPPED, self.tr("Canceled on the reader"))
            self._finish(self.tr("Refund canceled on the reader. Nothing was refunded."), AMBER)
        else:
            reason = failure_words(update)
            self._stop_rows(StepState.FAILED, no_card=_no_card(update))
            self._outcome.set_state(StepState.FAILED,
                                    self.tr("Failed: {reason}").format(reason=reason))
            self._finish(self.tr("Refund failed: {reason}").format(reason=reason), RED)
        self._set_status("")

    def _done_words(self, refund_id: str | None) -> str:
        """"Refund of $12.50 completed. Refund re_…": the amount, and the refund's id once
        Stripe gave it."""
        if self._amount is None:
            if refund_id:
                return self.tr("Refund of the amount completed. Refund {refund_id}").format(
                    refund_id=refund_id)
            return self.tr("Refund of the amount completed.")
        amount = format_money(self._amount, self.locale())
        if refund_id:
            return self.tr("Refund of {amount} completed. Refund {refund_id}").format(
                amount=amount, refund_id=refund_id)
        return self.tr("Refund of {amount} completed.").format(amount=amount)

    def _stop_rows(self, state: StepState, *, no_card: bool = False) -> None:
        """Steps passed stay done; the one under way when it ended takes `state`.

        `no_card`: it ended while the reader waited (timeout, cancel), whatever step the
        last update named, so "Processing" is never shown as reached.
        """
        if no_card and self._reached >= FLOW.index(Step.WAITING_FOR_CARD):
            self._reached = FLOW.index(Step.WAITING_FOR_CARD)
            processing = self._rows[Step.PROCESSING]
            processing.set_state(StepState.PENDING, row_words(Step.PROCESSING, PASSED))
        for index, step in enumerate(FLOW):
            if index < self._reached:
                self._rows[step].set_state(StepState.DONE, row_words(step, PASSED))
            elif index == self._reached:
                self._rows[step].set_state(state, row_words(step, PASSED))

    def _finish(self, text: str, tone: str) -> None:
        self._state.ended = True
        if self._timer.isActive():  # the clock stops at the end, and stays stopped
            self._timer.stop()
            self._tick()
        self._final.setText(text)
        restyle(self._final, tone=tone)
        self._final.setVisible(True)

    def _set_status(self, text: str) -> None:
        self._status.setText(text)
        self._status.setVisible(bool(text))

    def _tick(self) -> None:
        self._elapsed.setText(format_elapsed(self._clock() - self._started))
