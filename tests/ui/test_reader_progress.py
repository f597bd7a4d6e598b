"""ReaderProgressView: steps, clock, and the buttons that apply (with the reason when not)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from pos_refunds.domain.money import Money
from pos_refunds.domain.payments import Reader
from pos_refunds.domain.reasons import ReaderReason
from pos_refunds.services.api import ReaderProgress, Step
from pos_refunds.services.api import TestCard as Card
from pos_refunds.ui.views.reader_progress import ReaderProgressView, format_elapsed
from pos_refunds.ui.views.step_row import StepRow, StepState
from tests.support import builders


def make_reader(device: str = "simulated_wisepos_e") -> Reader:
    return builders.make_reader("tmr_1", device=device, serial_number="SN1", location_id="tml_1",
                                last_seen_at=datetime(2026, 11, 29, 10, 0, tzinfo=UTC))


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def view(qtbot, clock: FakeClock) -> ReaderProgressView:
    widget = ReaderProgressView(clock=clock, tick_ms=20)
    qtbot.addWidget(widget)
    widget.resize(620, 560)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def button(view: QWidget, name: str) -> QPushButton:
    found = view.findChild(QPushButton, name)
    assert found is not None
    return found


def reason(view: QWidget, name: str) -> str:
    return view.findChild(QLabel, f"{name}Reason").text()


def row(view: QWidget, step: str) -> StepRow:
    return view.findChild(StepRow, f"step_{step}")


_REASONS = {
    Step.SENDING: ReaderReason.SENDING, Step.WAITING_FOR_CARD: ReaderReason.WAITING_FOR_CARD,
    Step.PROCESSING: ReaderReason.PROCESSING, Step.SUCCEEDED: ReaderReason.SUCCEEDED,
    Step.FAILED: ReaderReason.FAILED, Step.CANCELED: ReaderReason.FAILED,
}


def update(step: Step, **kw: object) -> ReaderProgress:
    reason = kw.pop("reason", _REASONS[step])
    params = kw.pop("params", {"reader": "Counter 1"} if step is Step.SENDING else {
        "failure_code": kw.get("failure_code") or "",
        "failure_message": kw.get("failure_message") or ""} if reason is ReaderReason.FAILED
        else {})
    return ReaderProgress(step, make_reader(), reason, params, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00"), (7, "0:07"), (65, "1:05"), (3723, "1:02:03"), (-3, "0:00")]
)
def test_elapsed_reads_like_a_stopwatch(seconds: float, text: str) -> None:
    assert format_elapsed(seconds) == text


def test_nothing_applies_before_a_refund_is_sent(view: ReaderProgressView) -> None:
    for name in ("cancelActionButton", "checkStatusButton", "simulateTapButton"):
        assert not button(view, name).isEnabled()
        assert reason(view, name) == "No refund sent yet."


def test_sending_then_waiting_then_processing(view: ReaderProgressView) -> None:
    view.begin(make_reader(), Money(1250, "cad"))
    assert view.objectName() == "actionProgress"
    assert row(view, "sending").state == StepState.ACTIVE
    assert not button(view, "cancelActionButton").isEnabled()
    assert reason(view, "cancelActionButton") == "Available once the reader has the refund."
    assert button(view, "checkStatusButton").isEnabled()
    assert reason(view, "simulateTapButton") == "The reader is not asking for a card yet."

    view.show_progress(update(Step.WAITING_FOR_CARD))
    assert row(view, "sending").state == StepState.DONE
    assert row(view, "waiting_for_card").state == StepState.ACTIVE
    for name in ("cancelActionButton", "checkStatusButton", "simulateTapButton"):
        assert button(view, name).isEnabled(), name
        assert reason(view, name) == ""
    assert view.status_text() == (
        "Waiting for the customer to present their card on the reader…")
    view.show_progress(update(Step.WAITING_FOR_CARD, reason=ReaderReason.OFFLINE_WAITING))
    assert view.status_text() == "The reader is offline. Still checking; it may time out."

    view.show_progress(update(Step.PROCESSING))
    assert row(view, "waiting_for_card").state == StepState.DONE
    assert row(view, "processing").state == StepState.ACTIVE
    assert not button(view, "cancelActionButton").isEnabled()
    assert "can no longer be canceled" in reason(view, "cancelActionButton")
    assert view.status_text() == ""  # the active step already says it


def test_back_to_waiting_for_a_card_resets_the_later_steps(view: ReaderProgressView) -> None:
    """The customer's first card did not go through and the reader asks again: Processing is
    not left marked while it waits for the card."""
    view.begin(make_reader(), Money(1250, "cad"))
    view.show_progress(update(Step.WAITING_FOR_CARD))
    view.show_progress(update(Step.PROCESSING))
    view.show_progress(update(Step.WAITING_FOR_CARD))
    assert row(view, "waiting_for_card").state == StepState.ACTIVE
    assert row(view, "processing").state == StepState.PENDING


def test_a_new_attempt_starts_with_fresh_steps(view: ReaderProgressView) -> None:
    view.begin(make_reader(), Money(1250, "cad"))
    view.show_progress(update(Step.WAITING_FOR_CARD))
    view.show_failure("Reader offline — choose another reader")
    view.begin(make_reader(), Money(1250, "cad"))
    assert row(view, "sending").state == StepState.ACTIVE
    assert {row(view, n).state for n in ("waiting_for_card", "processing")} == {
        StepState.PENDING}


def test_success_says_amount_and_refund_id(view: ReaderProgressView) -> None:
    view.begin(make_reader(), Money(1250, "cad"))
    view.show_progress(update(Step.WAITING_FOR_CARD))
    view.show_progress(update(Step.SUCCEEDED, refund_id="re_123"))
    final = view.findChild(QLabel, "finalMessage")
    assert final.isVisible()
    assert final.text() == "Refund of $12.50 completed. Refund re_123"
    assert all(row(view, s).state == StepState.DONE for s in
               ("sending", "waiting_for_card", "processing", "outcome"))
    for name in ("cancelActionButton", "checkStatusButton", "simulateTapButton"):
        assert not button(view, name).isEnabled()
        assert reason(view, name) == "The refund has ended."
    assert view.ended


def test_failure_says_why_in_words_not_stripes_code(view: ReaderProgressView) -> None:
    view.begin(make_reader(), Money(1250, "cad"))
    view.show_progress(update(Step.WAITING_FOR_CARD))
    view.show_progress(update(
        Step.FAILED, failure_code="card_declined", failure_message="The card was declined."
    ))
    assert view.findChild(QLabel, "finalMessage").text() == "Refund failed: The card was declined"
    assert row(view, "waiting_for_card").state == StepState.FAILED
    assert row(view, "outcome").state == StepState.FAILED
    assert row(view, "outcome").text == "Failed: The card was declined"


def test_an_unknown_failure_code_keeps_stripes_words_and_code(view: ReaderProgressView) -> None:
    view.begin(make_reader(), Money(1250, "cad"))
    view.show_progress(update(Step.FAILED, failure_code="reader_exploded",
                              failure_message="The reader stopped."))
    assert view.final_text() == "Refund failed: The reader stopped (reader_exploded)"


def test_canceled_on_the_reader(view: ReaderProgressView) -> None:
    view.begin(make_reader(), Money(1250, "cad"))
    view.show_progress(update(Step.WAITING_FOR_CARD))
    view.show_progress(update(Step.CANCELED))
    assert "canceled on the reader" in view.findChild(QLabel, "finalMessage").text()
    assert row(view, "outcome").state == StepState.STOPPED


def test_an_error_ends_the_flow_inline(view: ReaderProgressView) -> None:
    view.begin(make_reader(), Money(1250, "cad"))
    view.show_failure("Reader offline — choose another reader")
    assert view.findChild(QLabel, "finalMessage").text() == "Reader offline — choose another reader"
    assert row(view, "sending").state == StepState.FAILED
    assert not button(view, "checkStatusButton").isEnabled()
    # a late update from the stream does not reopen an ended flow
    view.show_progress(update(Step.WAITING_FOR_CARD))
    assert row(view, "waiting_for_card").state == StepState.PENDING


def test_clock_ticks_while_running_and_stops_at_the_end(
    qtbot, view: ReaderProgressView, clock: FakeClock
) -> None:
    view.begin(make_reader(), Money(1250, "cad"))
    assert view.elapsed_text() == "0:00"
    clock.now += 7
    qtbot.waitUntil(lambda: view.elapsed_text() == "0:07", timeout=3000)
    view.show_progress(update(Step.SUCCEEDED, refund_id="re_1"))
    clock.now += 30
    timer = view.findChild(QLabel, "elapsedTime")
    assert timer.text() == "0:07"
    assert not view._timer.isActive()


def test_simulate_only_on_a_simulated_reader(view: ReaderProgressView) -> None:
    view.begin(make_reader("bbpos_wisepos_e"), Money(1250, "cad"))
    assert view.findChild(QWidget, "simulateBox").isHidden()
    view.begin(make_reader(), Money(1250, "cad"))
    assert not view.findChild(QWidget, "simulateBox").isHidden()


def test_buttons_ask_and_say_when_busy(qtbot, view: ReaderProgressView) -> None:
    view.begin(make_reader(), Money(1250, "cad"))
    view.show_progress(update(Step.WAITING_FOR_CARD))
    combo = view.findChild(QComboBox, "simulateCard")
    combo.setCurrentIndex(combo.findData(Card.DECLINED))
    with qtbot.waitSignal(view.simulateRequested) as blocker:
        qtbot.mouseClick(button(view, "simulateTapButton"), Qt.MouseButton.LeftButton)
    assert blocker.args == [Card.DECLINED]
    with qtbot.waitSignal(view.cancelRequested):
        qtbot.mouseClick(button(view, "cancelActionButton"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.checkRequested):
        qtbot.mouseClick(button(view, "checkStatusButton"), Qt.MouseButton.LeftButton)
    view.set_action_busy("cancel", True)
    assert not button(view, "cancelActionButton").isEnabled()
    assert reason(view, "cancelActionButton") == "Canceling on the reader…"
    view.set_action_busy("cancel", False)
    assert button(view, "cancelActionButton").isEnabled()
    view.show_notice("No connection: could not check the reader.")
    assert view.status_text() == "No connection: could not check the reader."


def test_controls_are_touch_sized_and_named(view: ReaderProgressView) -> None:
    view.begin(make_reader(), Money(1250, "cad"))
    for name in ("cancelActionButton", "checkStatusButton", "simulateTapButton"):
        assert button(view, name).height() >= 44
        assert button(view, name).accessibleName()


def test_timeout_or_cancel_never_shows_processing_as_reached(view: ReaderProgressView) -> None:
    view.begin(make_reader(), Money(1250, "cad"))
    view.show_progress(update(Step.WAITING_FOR_CARD))
    view.show_progress(update(Step.PROCESSING))  # the service names it just before the end
    view.show_progress(update(
        Step.FAILED, failure_code="terminal_reader_timeout",
        failure_message="The reader timed out waiting for the customer to present a card.",
    ))
    assert row(view, "waiting_for_card").state == StepState.FAILED
    assert row(view, "processing").state == StepState.PENDING
    assert view.final_text().endswith("The customer did not present a card in time")


def test_failure_that_may_have_reached_the_reader_can_be_checked(view: ReaderProgressView) -> None:
    view.begin(make_reader(), Money(1250, "cad"))
    view.show_failure("Outcome not known yet: the reader could not be reached.", can_check=True)
    assert button(view, "checkStatusButton").isEnabled()
    assert not button(view, "cancelActionButton").isEnabled()
    view.show_outcome(update(Step.SUCCEEDED, refund_id="re_7"))
    assert view.final_text() == "Refund of $12.50 completed. Refund re_7"
    assert not button(view, "checkStatusButton").isEnabled()


def test_side_actions_leave_once_nothing_applies(view: ReaderProgressView) -> None:
    """After the end only "Check status" can matter, and only when the outcome is unsure."""
    cancel = button(view, "cancelActionButton")
    view.begin(make_reader(), Money(1250, "cad"))
    assert cancel.isVisible()
    view.show_progress(update(Step.SUCCEEDED, refund_id="re_1"))
    assert not cancel.isVisible()
    view.begin(make_reader(), Money(1250, "cad"))
    view.show_failure("No connection: try again.", can_check=True)
    assert button(view, "checkStatusButton").isVisible()
    assert button(view, "checkStatusButton").isEnabled()


def test_compact_puts_the_steps_in_one_row(view: ReaderProgressView, qtbot) -> None:
    """On a short screen the steps sit side by side: the block is shorter, every step shown."""
    names = ("sending", "waiting_for_card", "processing")
    tall = view._steps.sizeHint().height()
    view.set_compact(True)
    qtbot.waitUntil(lambda: len({row(view, n).y() for n in names}) == 1)
    assert view._steps.sizeHint().height() < tall / 2
    xs = [row(view, n).x() for n in names]
    assert xs == sorted(xs) and all(row(view, n).isVisible() for n in names)
    view.set_compact(False)
    qtbot.waitUntil(lambda: len({row(view, n).x() for n in names}) == 1)
