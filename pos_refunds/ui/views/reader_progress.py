"""Live progress of an in-person refund: the steps, the time it has taken, what can be done now.

Layout and display only; the dialog feeds it the view-model's updates and turns its request
signals into view-model calls. Every button that does not apply says why beside it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.money import Money
from ...domain.payments import Reader
from ...services.api import ReaderProgress, Step, TestCard
from ..formatting import format_money
from .step_row import StepRow, StepState

TOUCH_HEIGHT = 44
FLOW = (Step.SENDING, Step.WAITING_FOR_CARD, Step.PROCESSING)
ROW_WORDS = {
    Step.SENDING: ("Sending to the reader…", "Sent to reader"),
    Step.WAITING_FOR_CARD: ("Waiting for the customer's card…", "Waiting for the customer's card"),
    Step.PROCESSING: ("Processing…", "Processing"),
}
TEST_CARDS = (
    ("Interac test card (the right card)", TestCard.INTERAC),
    ("Another card (Visa: the wrong card)", TestCard.OTHER_CARD),
    ("A card that declines", TestCard.DECLINED),
)
ENDED = "The refund has ended."
TINTS = {"#1b7f3b": "#e6f4ea", "#8a4b00": "#fff4e0", "#b00020": "#fdecee"}
BUSY_WORDS = {
    "cancel": "Canceling on the reader…",
    "check": "Checking…",
    "simulate": "Presenting the card…",
}


def format_elapsed(seconds: float) -> str:
    """"0:07", "12:03", "1:02:03": the way a stopwatch reads."""
    total = max(int(seconds), 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def failure_words(update: ReaderProgress) -> str:
    """Stripe's failure message and code, as "The card was declined (card_declined)"."""
    message = update.failure_message or update.message or "The reader did not complete the refund"
    message = message.rstrip(".")
    return f"{message} ({update.failure_code})" if update.failure_code else message


def _unless_same(message: str, shown: str) -> str:
    """The service's words, unless the active step already says them."""
    same = message.strip().rstrip(".…").lower() == shown.strip().rstrip(".…").lower()
    return "" if same else message


class ReaderProgressView(QWidget):
    cancelRequested = Signal()
    checkRequested = Signal()
    simulateRequested = Signal(object)  # TestCard

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actionProgress")
        self.setAccessibleName("Refund progress on the reader")
        self._clock = clock
        self._started = 0.0
        self._amount: Money | None = None
        self._step: Step | None = None
        self._reached = -1
        self._ended = True
        self._busy: set[str] = set()

        self._reader = QLabel()
        self._reader.setObjectName("progressReader")
        self._reader.setWordWrap(True)
        self._reader.setStyleSheet("font-size: 12pt;")
        self._elapsed = QLabel("0:00")
        self._elapsed.setObjectName("elapsedTime")
        self._elapsed.setAccessibleName("Time elapsed")
        self._elapsed.setStyleSheet("font-size: 16pt; font-weight: 600; color: #3d444d;")
        self._rows = {step: StepRow(f"step_{step.value}", ROW_WORDS[step][1]) for step in FLOW}
        self._outcome = StepRow("step_outcome", "Refunded")
        self._status = QLabel()
        self._status.setObjectName("progressStatus")
        self._status.setWordWrap(True)
        self._final = QLabel()
        self._final.setObjectName("finalMessage")
        self._final.setAccessibleName("Outcome")
        self._final.setWordWrap(True)
        self._final.setFrameShape(QFrame.Shape.StyledPanel)
        self._final.setVisible(False)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

        self._cancel = self._button("cancelActionButton", "Cancel on reader")
        self._check = self._button("checkStatusButton", "Check status")
        self._simulate = self._button("simulateTapButton", "Simulate card tap")
        self._card = QComboBox()
        self._card.setObjectName("simulateCard")
        self._card.setAccessibleName("Card to present")
        self._card.setMinimumHeight(TOUCH_HEIGHT)
        for text, card in TEST_CARDS:
            self._card.addItem(text, card)
        self._reasons = {
            name: self._reason_label(name)
            for name in ("cancelActionButton", "checkStatusButton", "simulateTapButton")
        }

        head = QHBoxLayout()
        head.addWidget(self._reader, 1)
        head.addWidget(self._elapsed)
        steps = QVBoxLayout()
        steps.setSpacing(2)
        for row in (*self._rows.values(), self._outcome):
            steps.addWidget(row)
        actions = QGridLayout()
        actions.setHorizontalSpacing(12)
        actions.setVerticalSpacing(8)
        actions.setColumnStretch(1, 1)
        actions.addWidget(self._cancel, 0, 0)
        actions.addWidget(self._reasons["cancelActionButton"], 0, 1)
        actions.addWidget(self._check, 1, 0)
        actions.addWidget(self._reasons["checkStatusButton"], 1, 1)
        self._simulate_box = QGroupBox("Simulated reader: present a test card")
        self._simulate_box.setObjectName("simulateBox")
        sim = QGridLayout(self._simulate_box)
        sim.setHorizontalSpacing(12)
        sim.addWidget(self._card, 0, 0, 1, 2)
        sim.addWidget(self._simulate, 1, 0)
        sim.addWidget(self._reasons["simulateTapButton"], 1, 1)
        sim.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(steps)
        layout.addWidget(self._status)
        layout.addWidget(self._final)
        layout.addLayout(actions)
        layout.addWidget(self._simulate_box)
        layout.addStretch(1)

        self._cancel.clicked.connect(self.cancelRequested)
        self._check.clicked.connect(self.checkRequested)
        self._simulate.clicked.connect(
            lambda: self.simulateRequested.emit(self._card.currentData())
        )
        self._simulate_box.setVisible(False)
        self._refresh_buttons()

    @property
    def step(self) -> Step | None:
        return self._step

    @property
    def ended(self) -> bool:
        return self._ended

    def begin(self, reader: Reader, amount: Money) -> None:
        """A new refund was sent: reset the steps and start the clock."""
        self._amount = amount
        self._step = None
        self._reached = -1
        self._ended = False
        self._busy.clear()
        self._reader.setText(
            f"<b>{format_money(amount, self.locale())}</b> on <b>{reader.label}</b> "
            f"({reader.model})"
        )
        self._simulate_box.setVisible(reader.simulated)
        self._final.setVisible(False)
        self._set_status("")
        self._outcome.set_state(StepState.PENDING, "Refunded")
        self._started = self._clock()
        self._tick()
        self._timer.start()
        self.show_progress(ReaderProgress(Step.SENDING, reader, ROW_WORDS[Step.SENDING][0]))

    def show_progress(self, update: ReaderProgress) -> None:
        """Draw one update of the reader's action."""
        if self._ended:
            return
        self._step = update.step
        if update.step in FLOW:
            self._reached = max(self._reached, FLOW.index(update.step))
            for index, step in enumerate(FLOW):
                if index < self._reached:
                    self._rows[step].set_state(StepState.DONE, ROW_WORDS[step][1])
                elif index == self._reached:
                    self._rows[step].set_state(StepState.ACTIVE, ROW_WORDS[step][0])
            self._set_status(_unless_same(update.message, ROW_WORDS[update.step][0]))
        else:
            self._end(update)
        self._refresh_buttons()

    def show_failure(self, text: str) -> None:
        """The flow ended on an error (reader offline, busy, network...): say so, stop the clock."""
        if not self._ended:
            self._stop_rows(StepState.FAILED)
            self._outcome.set_state(StepState.FAILED, "Not refunded")
        self._finish(text, "#b00020")
        self._set_status("")
        self._refresh_buttons()

    def show_notice(self, text: str) -> None:
        """A side action failed (e.g. "Check status" had no connection); the refund goes on."""
        self._set_status(text)

    def set_action_busy(self, name: str, busy: bool) -> None:
        (self._busy.add if busy else self._busy.discard)(name)
        self._refresh_buttons()

    def status_text(self) -> str:
        return self._status.text()

    def elapsed_text(self) -> str:
        return self._elapsed.text()

    def _end(self, update: ReaderProgress) -> None:
        amount = format_money(self._amount, self.locale()) if self._amount else "the amount"
        if update.step == Step.SUCCEEDED:
            for step in FLOW:
                self._rows[step].set_state(StepState.DONE, ROW_WORDS[step][1])
            self._outcome.set_state(StepState.DONE, "Refunded")
            done = f"Refund of {amount} completed."
            if update.refund_id:
                done += f" Refund {update.refund_id}"
            self._finish(done, "#1b7f3b")
        elif update.step == Step.CANCELED:
            self._stop_rows(StepState.STOPPED)
            self._outcome.set_state(StepState.STOPPED, "Canceled on the reader")
            self._finish("Refund canceled on the reader. Nothing was refunded.", "#8a4b00")
        else:
            reason = failure_words(update)
            self._stop_rows(StepState.FAILED)
            self._outcome.set_state(StepState.FAILED, f"Failed: {reason}")
            self._finish(f"Refund failed: {reason}", "#b00020")
        self._set_status("")

    def _stop_rows(self, state: StepState) -> None:
        """Steps passed stay done; the one under way when it ended takes `state`."""
        for index, step in enumerate(FLOW):
            if index < self._reached:
                self._rows[step].set_state(StepState.DONE, ROW_WORDS[step][1])
            elif index == self._reached:
                self._rows[step].set_state(state, ROW_WORDS[step][1])

    def _finish(self, text: str, colour: str) -> None:
        self._ended = True
        self._timer.stop()
        self._tick_final()
        self._final.setText(text)
        self._final.setStyleSheet(
            f"font-size: 15pt; font-weight: 700; color: {colour}; padding: 10px;"
            f"background: {TINTS[colour]}; border: 1px solid {colour}; border-radius: 6px;"
        )
        self._final.setVisible(True)

    def _set_status(self, text: str) -> None:
        self._status.setText(text)
        self._status.setVisible(bool(text))

    def _tick(self) -> None:
        self._elapsed.setText(format_elapsed(self._clock() - self._started))

    def _tick_final(self) -> None:
        if self._step is not None:
            self._tick()

    def _refresh_buttons(self) -> None:
        reasons = self._reasons_now()
        for button, name in (
            (self._cancel, "cancelActionButton"),
            (self._check, "checkStatusButton"),
            (self._simulate, "simulateTapButton"),
        ):
            reason = reasons.get(name)
            button.setEnabled(reason is None)
            self._reasons[name].setText(reason or "")
        self._card.setEnabled(reasons.get("simulateTapButton") is None)

    def _reasons_now(self) -> dict[str, str | None]:
        """Why each action is unavailable right now (None: it is available)."""
        if self._ended:
            return dict.fromkeys(self._reasons, ENDED if self._step else "No refund sent yet.")
        step = self._step
        cancel = check = simulate = None
        if step == Step.SENDING:
            cancel = "Available once the reader has the refund."
            simulate = "The reader is not asking for a card yet."
        elif step == Step.PROCESSING:
            cancel = "The card is being processed; it can no longer be canceled."
            simulate = "The card has already been read."
        if "cancel" in self._busy:
            cancel = BUSY_WORDS["cancel"]
            simulate = simulate or "The refund is being canceled."
        if "check" in self._busy:
            check = BUSY_WORDS["check"]
        if "simulate" in self._busy:
            simulate = BUSY_WORDS["simulate"]
        return {
            "cancelActionButton": cancel,
            "checkStatusButton": check,
            "simulateTapButton": simulate,
        }

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setMinimumHeight(TOUCH_HEIGHT)
        button.setMinimumWidth(190)
        button.setAutoDefault(False)
        return button

    def _reason_label(self, button: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"{button}Reason")
        label.setAccessibleName("Why not available")
        label.setWordWrap(True)
        label.setStyleSheet("color: #5f6770;")
        return label
