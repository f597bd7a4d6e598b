"""Reader refund view-model and dialog against a scripted ReaderRefunds.

The end-to-end tests against the training sandbox live in test_reader_refund_sandbox.py;
here each update of the reader is pushed by the test, so every branch is exercised on cue.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from pos_refunds.domain.errors import (
    NetworkDown,
    OutcomeUnknown,
    ReaderBusy,
    ReaderOffline,
    UserCancelled,
)
from pos_refunds.domain.money import Money
from pos_refunds.domain.payments import Payment, Reader
from pos_refunds.domain.reasons import ReaderReason, StripeReason
from pos_refunds.services.api import ReaderProgress, ReaderRefundOptions, Staff, Step
from pos_refunds.services.api import TestCard as Card
from pos_refunds.ui.dialogs.reader_refund_dialog import ReaderRefundDialog
from pos_refunds.ui.flows.reader import ReaderRefundFlow
from pos_refunds.ui.tasks import TaskRegistry
from pos_refunds.ui.viewmodels.reader_refund_vm import ReaderRefundViewModel
from tests.support import builders
from tests.support.staff_list import StaffList
from tests.ui.conftest import AutoPrompts
from tests.ui.fakes import FakeApprovals

CASHIER = Staff("s1", "Alex", "cashier")
APPROVER = Staff("m9", "Sam Approver", "manager")
SEEN = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


def make_reader(
    id: str, label: str, *, status: str = "online", busy: bool = False,
    device: str = "simulated_wisepos_e",
) -> Reader:
    return builders.make_reader(id, label, status=status, busy=busy, device=device,
                                last_seen_at=SEEN, location_id="tml_1")


READERS = [
    make_reader("tmr_a", "Counter 1"),
    make_reader("tmr_b", "Counter 2"),
    make_reader("tmr_off", "Back office", status="offline"),
    make_reader("tmr_busy", "Drive-through", busy=True),
]


def interac_payment(minor: int = 1250) -> Payment:
    return builders.make_payment(
        "pi_interac", amount=minor, network="interac", last4="1933", reader_id="tmr_b",
        location_id="tml_1", created=SEEN, description="Groceries", receipt={},
    )


class ScriptedReaders:
    """ReaderRefunds whose refund stream yields what the test pushes (or raises it)."""

    def __init__(self, readers: list[Reader]) -> None:
        self.readers_list = readers
        self.calls: list[tuple] = []
        self.queue: asyncio.Queue[ReaderProgress | BaseException | None] | None = None
        self.cancel_error: BaseException | None = None
        self.check_answer: ReaderProgress | None = None

    async def readers(self) -> list[Reader]:
        self.calls.append(("readers",))
        return list(self.readers_list)

    async def refund(self, payment, reader_id, amount, *, options, staff, approval
                     ) -> AsyncIterator[ReaderProgress]:
        manager = approval.manager_id if approval is not None else None
        self.calls.append(("refund", payment.id, reader_id, amount, options, staff, manager))
        async for item in self._scripted():
            yield item

    async def resume(self, reader_id: str) -> AsyncIterator[ReaderProgress]:
        self.calls.append(("resume", reader_id))
        async for item in self._scripted():
            yield item

    async def _scripted(self) -> AsyncIterator[ReaderProgress]:
        self.queue = asyncio.Queue()
        while True:
            item = await self.queue.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
            if item.step.final:
                return

    def push(self, item: ReaderProgress | BaseException | None) -> None:
        assert self.queue is not None, "no refund started"
        self.queue.put_nowait(item)

    async def cancel(self, reader_id: str) -> None:
        self.calls.append(("cancel", reader_id))
        if self.cancel_error is not None:
            raise self.cancel_error

    async def check(self, reader_id: str) -> ReaderProgress:
        self.calls.append(("check", reader_id))
        assert self.check_answer is not None
        return self.check_answer

    async def present(self, reader_id: str, card: Card) -> None:
        self.calls.append(("present", reader_id, card))


def reader_vm(backend) -> ReaderRefundViewModel:
    flow = ReaderRefundFlow(FakeApprovals(), backend, AutoPrompts(),
                            TaskRegistry().scope("reader refund"), lambda: CASHIER)
    return ReaderRefundViewModel(flow)


_REASONS = {
    Step.SENDING: ReaderReason.SENDING, Step.WAITING_FOR_CARD: ReaderReason.WAITING_FOR_CARD,
    Step.PROCESSING: ReaderReason.PROCESSING, Step.SUCCEEDED: ReaderReason.SUCCEEDED,
    Step.FAILED: ReaderReason.FAILED, Step.CANCELED: ReaderReason.FAILED,
}


def progress(step: Step, **kw) -> ReaderProgress:
    reason = kw.pop("reason", _REASONS[step])
    params = kw.pop("params", {"reader": READERS[0].label} if step is Step.SENDING else {
        "failure_code": kw.get("failure_code") or "",
        "failure_message": kw.get("failure_message") or ""} if reason is ReaderReason.FAILED
        else {})
    return ReaderProgress(step, READERS[0], reason, params, **kw)


@pytest.fixture
def backend(qasync) -> ScriptedReaders:
    return ScriptedReaders(READERS)


def make_dialog(qtbot, backend, prompts, *, last: str | None = "tmr_b", connect: bool = False,
                payment: Payment | None = None) -> ReaderRefundDialog:
    if prompts.manager is None:  # the partial refunds here are approved by a manager's PIN
        prompts.manager = APPROVER
    dialog = ReaderRefundDialog(
        payment or interac_payment(), FakeApprovals(), backend, CASHIER, last, True, connect,
        prompts, TaskRegistry()
    )
    qtbot.addWidget(dialog)
    dialog.resize(820, 700)
    dialog.open()
    qtbot.waitExposed(dialog)
    start = dialog.findChild(QPushButton, "startButton")
    qtbot.waitUntil(lambda: dialog.findChild(QTableView, "readerPicker").model().rowCount()
                    == len(backend.readers_list))
    assert start is not None
    return dialog


def child(dialog, kind, name):
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def page(dialog) -> int:
    return dialog.findChild(QStackedWidget).currentIndex()


# --- view-model -----------------------------------------------------------------------------


def test_vm_follows_the_stream_to_its_end(qtbot, backend: ScriptedReaders) -> None:
    vm = reader_vm(backend)
    seen: list[Step] = []
    vm.progress.connect(lambda p: seen.append(p.step))
    with qtbot.waitSignal(vm.runningChanged):
        vm.start(interac_payment(), "tmr_a", Money(500, "cad"), ReaderRefundOptions(),
                 CASHIER, None)
    qtbot.waitUntil(lambda: backend.queue is not None)
    backend.push(progress(Step.SENDING))
    backend.push(progress(Step.WAITING_FOR_CARD))
    with qtbot.waitSignal(vm.finished) as done:
        backend.push(progress(Step.SUCCEEDED, refund_id="re_1"))
    assert done.args[0].refund_id == "re_1"
    assert seen == [Step.SENDING, Step.WAITING_FOR_CARD, Step.SUCCEEDED]
    assert not vm.running


def test_vm_reports_errors_and_streams_without_an_outcome(qtbot, backend) -> None:
    vm = reader_vm(backend)
    vm.start(interac_payment(), "tmr_a", Money(500, "cad"), ReaderRefundOptions(), CASHIER, None)
    qtbot.waitUntil(lambda: backend.queue is not None)
    with qtbot.waitSignal(vm.failed) as failed:
        backend.push(ReaderBusy(ReaderReason.BUSY, reader="Counter 1"))
    assert isinstance(failed.args[0], ReaderBusy)
    backend.queue = None
    vm.start(interac_payment(), "tmr_a", Money(500, "cad"), ReaderRefundOptions(), CASHIER, None)
    qtbot.waitUntil(lambda: backend.queue is not None)
    backend.push(progress(Step.WAITING_FOR_CARD))
    with qtbot.waitSignal(vm.failed) as failed:
        backend.push(None)  # the stream ended with no outcome
    assert isinstance(failed.args[0], OutcomeUnknown)


def test_vm_side_actions(qtbot, backend: ScriptedReaders) -> None:
    vm = reader_vm(backend)
    vm.start(interac_payment(), "tmr_a", Money(500, "cad"), ReaderRefundOptions(), CASHIER, None)
    qtbot.waitUntil(lambda: backend.queue is not None)
    backend.cancel_error = UserCancelled()
    errors: list[BaseException] = []
    vm.actionFailed.connect(errors.append)
    with qtbot.waitSignal(vm.actionBusy, check_params_cb=lambda n, b: n == "cancel" and not b):
        vm.cancel_action()
    assert ("cancel", "tmr_a") in backend.calls and errors == []
    backend.cancel_error = NetworkDown(StripeReason.NETWORK_DOWN)
    with qtbot.waitSignal(vm.actionFailed):
        vm.cancel_action()
    with qtbot.waitSignal(vm.actionBusy, check_params_cb=lambda n, b: n == "simulate" and not b):
        vm.simulate(Card.DECLINED)
    assert ("present", "tmr_a", Card.DECLINED) in backend.calls
    backend.check_answer = progress(Step.WAITING_FOR_CARD, reason=ReaderReason.OFFLINE_WAITING)
    with qtbot.waitSignal(vm.progress) as checked:
        vm.check_status()
    assert checked.args[0].reason is ReaderReason.OFFLINE_WAITING
    with qtbot.waitSignal(vm.runningChanged, check_params_cb=lambda running: not running):
        vm.cancel()
    assert not vm.running


# --- dialog: the picker page ----------------------------------------------------------------


def test_offline_and_busy_readers_are_shown_but_not_selectable(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts, last=None, payment=on_unknown_reader())
    table = child(dialog, QTableView, "readerPicker")
    model = table.model()
    selectable = [
        bool(model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsSelectable)
        for row in range(model.rowCount())
    ]
    assert selectable == [True, True, False, False]
    start = child(dialog, QPushButton, "startButton")
    assert not start.isEnabled()
    assert child(dialog, QLabel, "startButtonReason").text() == "Choose a reader first."
    table.selectionModel().setCurrentIndex(
        model.index(2, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert not start.isEnabled()  # an offline reader cannot be picked, whatever the click
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton,
        pos=table.visualRect(model.index(0, 1)).center(),
    )
    assert start.isEnabled()
    assert child(dialog, QLabel, "startButtonReason").text() == ""


def on_unknown_reader() -> Payment:
    """A payment whose reader Stripe did not say (or that is gone)."""
    return dataclasses.replace(interac_payment(), reader_id=None)


def picked(dialog) -> list[str]:
    table = child(dialog, QTableView, "readerPicker")
    return [table.model().index(r.row(), 0).data() for r in table.selectionModel().selectedRows()]


def test_the_payments_own_reader_is_preselected(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts, last="tmr_a")  # the payment was on tmr_b
    assert picked(dialog) == ["Counter 2"]
    assert child(dialog, QPushButton, "startButton").isEnabled()


def test_last_used_reader_is_preselected_when_the_payments_is_not_usable(qtbot, backend,
                                                                          prompts) -> None:
    pay = dataclasses.replace(interac_payment(), reader_id="tmr_off")
    dialog = make_dialog(qtbot, backend, prompts, last="tmr_a", payment=pay)
    assert picked(dialog) == ["Counter 1"]


def test_a_reader_at_another_location_is_never_preselected(qtbot, backend, prompts) -> None:
    backend.readers_list = [*READERS, dataclasses.replace(
        make_reader("tmr_far", "Other shop"), location_id="tml_other")]
    pay = dataclasses.replace(interac_payment(), reader_id=None)
    dialog = make_dialog(qtbot, backend, prompts, last="tmr_far", payment=pay)
    assert picked(dialog) == []  # not the last one used elsewhere: the cashier picks


def test_last_used_reader_offline_is_not_preselected(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts, last="tmr_off", payment=on_unknown_reader())
    assert child(dialog, QTableView, "readerPicker").selectionModel().selectedRows() == []
    assert not child(dialog, QPushButton, "startButton").isEnabled()


def test_amount_is_validated_like_the_online_refund(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts)
    edit = child(dialog, QLineEdit, "refundAmount")
    assert edit.text() == "12.50"
    edit.setText("13")
    assert not child(dialog, QPushButton, "startButton").isEnabled()
    assert child(dialog, QLabel, "startButtonReason").text() == "Enter a valid amount first."
    assert "At most $12.50" in child(dialog, QLabel, "amountError").text()
    edit.setText("4")
    assert child(dialog, QPushButton, "startButton").isEnabled()
    assert child(dialog, QLabel, "partialNotice").text().endswith(
        "Partial refunds need a manager's approval.")  # the services' rule, as typed


def test_connect_options_only_for_connect(qtbot, backend, prompts) -> None:
    plain = make_dialog(qtbot, backend, prompts)
    assert plain.findChild(QCheckBox, "refundApplicationFeeOption") is None
    assert plain.findChild(QCheckBox, "reverseTransferOption") is None
    # On a Connect account, a payment without fee or transfer shows the options disabled.
    bare = make_dialog(qtbot, backend, prompts, connect=True)
    assert not child(bare, QCheckBox, "refundApplicationFeeOption").isEnabled()
    assert not child(bare, QCheckBox, "reverseTransferOption").isEnabled()
    bare.reject()
    with_fee = dataclasses.replace(interac_payment(), application_fee=Money(60, "cad"),
                                   transfer_destination="acct_1Shop")
    connect = make_dialog(qtbot, backend, prompts, connect=True, payment=with_fee)
    for name in ("customerCancelOption", "refundApplicationFeeOption", "reverseTransferOption"):
        child(connect, QCheckBox, name).setChecked(True)
    qtbot.mouseClick(child(connect, QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(c[0] == "refund" for c in backend.calls))
    call = next(c for c in backend.calls if c[0] == "refund")
    assert call[4] == ReaderRefundOptions(True, True, True)
    assert call[2] == "tmr_b" and call[3] == Money(1250, "cad")



def test_escape_closes_when_nothing_runs(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert prompts.confirms == []


def test_reader_dialog_is_touch_sized_and_named(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts)
    for name in ("startButton", "closeButton", "refreshReadersButton", "fullAmountButton"):
        button = child(dialog, QPushButton, name)
        assert button.height() >= 44 and button.accessibleName(), name
    table = child(dialog, QTableView, "readerPicker")
    assert table.rowHeight(0) >= 44 and table.accessibleName()
    assert child(dialog, QCheckBox, "customerCancelOption").height() >= 44

# --- dialog: the progress page --------------------------------------------------------------


def start(qtbot, dialog, backend) -> None:
    with qtbot.waitSignal(dialog.readerChosen):
        qtbot.mouseClick(child(dialog, QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    assert page(dialog) == 1
    qtbot.waitUntil(lambda: backend.queue is not None)


def test_refund_followed_to_success(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts)
    start(qtbot, dialog, backend)
    view = dialog.progress
    backend.push(progress(Step.SENDING))
    backend.push(progress(Step.WAITING_FOR_CARD))
    qtbot.waitUntil(lambda: view.step == Step.WAITING_FOR_CARD)
    back = child(dialog, QPushButton, "backButton")
    assert not back.isEnabled()
    assert child(dialog, QLabel, "backButtonReason").text() == "Wait until the reader has finished."
    qtbot.mouseClick(child(dialog, QPushButton, "simulateTapButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ("present", "tmr_b", Card.INTERAC) in backend.calls)
    backend.push(progress(Step.PROCESSING))
    with qtbot.waitSignal(dialog.completed) as completed:
        backend.push(progress(Step.SUCCEEDED, refund_id="re_42"))
    assert completed.args == ["pi_interac"]
    assert view.final_text() == "Refund of $12.50 completed. Refund re_42"
    assert not back.isEnabled()  # done: nothing to choose again
    assert prompts.errors == []


def test_reader_offline_then_choose_another_reader(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts)
    child(dialog, QLineEdit, "refundAmount").setText("7.25")
    child(dialog, QCheckBox, "customerCancelOption").setChecked(True)
    start(qtbot, dialog, backend)
    with qtbot.waitSignal(dialog.completed):
        backend.push(ReaderOffline(ReaderReason.OFFLINE, reader="Counter 2"))
    assert prompts.errors == []  # said on the progress page, not in a box as well
    assert dialog.progress.final_text().startswith("Reader offline — choose another reader")
    back = child(dialog, QPushButton, "backButton")
    assert back.isEnabled()
    backend.readers_list = [make_reader("tmr_b", "Counter 2", status="offline"), READERS[0]]
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert page(dialog) == 0
    table = child(dialog, QTableView, "readerPicker")
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    assert child(dialog, QLineEdit, "refundAmount").text() == "7.25"
    assert child(dialog, QCheckBox, "customerCancelOption").isChecked()
    assert table.selectionModel().selectedRows() == []  # the offline one is no longer picked
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton,
        pos=table.visualRect(table.model().index(1, 0)).center(),
    )
    backend.queue = None
    start(qtbot, dialog, backend)
    assert backend.calls[-1][2] == "tmr_a" and backend.calls[-1][3] == Money(725, "cad")


def test_closing_while_waiting_cancels_on_the_reader(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts)
    start(qtbot, dialog, backend)
    backend.push(progress(Step.WAITING_FOR_CARD))
    qtbot.waitUntil(lambda: dialog.progress.step == Step.WAITING_FOR_CARD)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert prompts.confirms and prompts.confirms[-1][2] == "Cancel refund and close"
    qtbot.waitUntil(lambda: ("cancel", "tmr_b") in backend.calls)
    assert dialog.isVisible()  # until the reader confirms
    with qtbot.waitSignal(dialog.rejected):
        backend.push(progress(Step.CANCELED, failure_code="canceled_by_pos"))
    assert not dialog.isVisible()


def test_refusing_to_close_keeps_following(qtbot, backend) -> None:
    from tests.ui.conftest import AutoPrompts

    refusing = AutoPrompts(accept=False)
    dialog = make_dialog(qtbot, backend, refusing)
    start(qtbot, dialog, backend)
    backend.push(progress(Step.WAITING_FOR_CARD))
    qtbot.waitUntil(lambda: dialog.progress.step == Step.WAITING_FOR_CARD)
    dialog.reject()
    assert dialog.isVisible() and dialog.vm.running
    assert not any(c[0] == "cancel" for c in backend.calls)


def test_failed_side_action_is_shown_and_the_flow_goes_on(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts)
    start(qtbot, dialog, backend)
    backend.push(progress(Step.WAITING_FOR_CARD))
    qtbot.waitUntil(lambda: dialog.progress.step == Step.WAITING_FOR_CARD)
    backend.cancel_error = NetworkDown(StripeReason.NETWORK_DOWN)
    qtbot.mouseClick(child(dialog, QPushButton, "cancelActionButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Cannot reach Stripe" in dialog.progress.status_text())
    assert prompts.errors == []  # said beside the buttons, not in a box as well
    assert dialog.vm.running


def test_check_status_says_it_checked(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts)
    start(qtbot, dialog, backend)
    backend.push(progress(Step.WAITING_FOR_CARD))
    qtbot.waitUntil(lambda: dialog.progress.step == Step.WAITING_FOR_CARD)
    backend.check_answer = progress(Step.WAITING_FOR_CARD)
    qtbot.mouseClick(child(dialog, QPushButton, "checkStatusButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.status_text().startswith("Checked just now"))
    assert "card" in dialog.progress.status_text()  # what the reader says, in words


def test_unknown_outcome_can_be_checked_afterwards(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts)
    start(qtbot, dialog, backend)
    with qtbot.waitSignal(dialog.completed):
        backend.push(OutcomeUnknown(ReaderReason.NOT_CONFIRMED))
    check = child(dialog, QPushButton, "checkStatusButton")
    assert check.isEnabled()
    backend.check_answer = progress(Step.SUCCEEDED, refund_id="re_9")
    with qtbot.waitSignal(dialog.completed):
        qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert dialog.progress.final_text() == "Refund of $12.50 completed. Refund re_9"
    assert not check.isEnabled()


def test_a_refund_that_landed_late_is_followed_again_from_check_status(
    qtbot, backend, prompts
) -> None:
    """The flow gave up (Stripe had not confirmed the send), then the request landed and the
    reader asks for the card: Check status follows it again until the customer's tap."""
    dialog = make_dialog(qtbot, backend, prompts)
    start(qtbot, dialog, backend)
    with qtbot.waitSignal(dialog.completed):
        backend.push(OutcomeUnknown(ReaderReason.NOT_CONFIRMED))
    backend.check_answer = progress(Step.WAITING_FOR_CARD)
    with qtbot.waitSignal(dialog.vm.runningChanged, check_params_cb=bool):
        qtbot.mouseClick(child(dialog, QPushButton, "checkStatusButton"),
                         Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: backend.calls[-1] == ("resume", dialog.vm.reader_id))
    backend.push(progress(Step.WAITING_FOR_CARD))
    qtbot.waitUntil(lambda: dialog.progress.step == Step.WAITING_FOR_CARD)
    with qtbot.waitSignal(dialog.completed):
        backend.push(progress(Step.SUCCEEDED, refund_id="re_late"))
    assert dialog.progress.final_text() == "Refund of $12.50 completed. Refund re_late"
    assert not dialog.vm.running


# --- end to end: the dialog on the real services, against the training sandbox ------------

MANAGER = Staff("m1", "Morgan Manager", "manager")


def run(qtbot, coro, timeout: int = 20000):
    """Run `coro` on the test's qasync loop, waiting for it the qtbot way."""
    task = asyncio.get_event_loop().create_task(coro)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


@pytest.fixture
def live(qasync, qtbot, tmp_path):
    """A freshly seeded sandbox and the app's services opened on it, inside the test's loop."""
    from pos_refunds.sandbox import Sandbox
    from pos_refunds.services.api import Mode
    from pos_refunds.services.factory import ServiceConfig, open_services

    sandbox = Sandbox(seed=5, payments=40, action_timeout=60.0).start()
    config = ServiceConfig(
        mode=Mode.TRAINING, api_key=sandbox.api_key, api_base=sandbox.url, stripe_account=None,
        journal_path=tmp_path / "journal.sqlite", till="till-ui",
    )
    services = run(qtbot, open_services(config, staff=StaffList([MANAGER]), sandbox=sandbox))
    try:
        yield sandbox, services
    finally:
        run(qtbot, services.aclose())
        sandbox.stop()


async def interac_payments(services) -> list[Payment]:
    from pos_refunds.domain.payments import PaymentState

    found: list[Payment] = []
    async for page in services.payments.pages(page_size=100):
        found.extend(p for p in page if p.network == "interac" and p.state is PaymentState.CAPTURED)
    assert found, "the sandbox seeds captured Interac payments"
    return found


async def idle_readers(services) -> list[Reader]:
    readers = await services.readers.readers()
    return [r for r in readers if r.status == "online" and not r.busy and r.can_refund]


def open_live(qtbot, services, prompts, *, payment=None, last=None, staff=MANAGER):
    """`last`, the reader last used, is the one picked: the payment's own reader and location
    are left unknown here (its own reader is preferred: tested above)."""
    payment = dataclasses.replace(payment or run(qtbot, interac_payments(services))[0],
                                  reader_id=None, location_id=None)
    last = last or run(qtbot, idle_readers(services))[0].id
    dialog = ReaderRefundDialog(
        payment, services, services.readers, staff, last, True, services.connect, prompts,
        TaskRegistry()
    )
    qtbot.addWidget(dialog)
    dialog.resize(860, 720)
    dialog.open()
    start = child(dialog, QPushButton, "startButton")
    qtbot.waitUntil(start.isEnabled, timeout=15000)
    return dialog, payment, last


def start_and_wait_for_card(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.readerChosen):
        qtbot.mouseClick(child(dialog, QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.step == Step.WAITING_FOR_CARD, timeout=15000)


def tap(qtbot, dialog, card: Card) -> None:
    combo = dialog.findChild(QComboBox, "simulateCard")
    combo.setCurrentIndex(combo.findData(card))
    qtbot.mouseClick(child(dialog, QPushButton, "simulateTapButton"), Qt.MouseButton.LeftButton)


@pytest.mark.slow
def test_live_interac_card_refunds(qtbot, live, prompts) -> None:
    sandbox, services = live
    dialog, payment, _ = open_live(qtbot, services, prompts)
    start_and_wait_for_card(qtbot, dialog)
    assert child(dialog, QPushButton, "simulateTapButton").isEnabled()
    with qtbot.waitSignal(dialog.completed, timeout=20000) as completed:
        tap(qtbot, dialog, Card.INTERAC)
    assert completed.args == [payment.id]
    final = dialog.progress.final_text()
    assert final.startswith(f"Refund of ${payment.refundable.to_decimal()} completed. Refund re_")
    fresh = run(qtbot, services.payments.refresh(payment.id))
    assert fresh.refundable.minor == 0
    assert prompts.errors == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("card", "words"),
    [
        (Card.DECLINED, "The card was declined"),
        (Card.OTHER_CARD, "This is not the card the payment was made with"),
    ],
)
def test_live_declined_or_wrong_card_fails_saying_why(
    qtbot, live, prompts, card: Card, words: str
) -> None:
    sandbox, services = live
    dialog, payment, _ = open_live(qtbot, services, prompts)
    start_and_wait_for_card(qtbot, dialog)
    with qtbot.waitSignal(dialog.completed, timeout=20000):
        tap(qtbot, dialog, card)
    final = dialog.progress.final_text()
    assert final.startswith("Refund failed: ") and final.endswith(words)
    assert child(dialog, QPushButton, "backButton").isEnabled()  # try again or another reader
    fresh = run(qtbot, services.payments.refresh(payment.id))
    assert fresh.refundable == payment.refundable  # no money moved


@pytest.mark.slow
def test_live_cancel_on_the_reader(qtbot, live, prompts) -> None:
    sandbox, services = live
    dialog, _, _ = open_live(qtbot, services, prompts)
    start_and_wait_for_card(qtbot, dialog)
    with qtbot.waitSignal(dialog.completed, timeout=20000):
        qtbot.mouseClick(
            child(dialog, QPushButton, "cancelActionButton"), Qt.MouseButton.LeftButton
        )
    assert dialog.progress.step == Step.CANCELED
    assert "canceled on the reader" in dialog.progress.final_text()
    assert prompts.errors == []


@pytest.mark.slow
def test_live_customer_may_cancel_on_the_reader(qtbot, live, prompts) -> None:
    sandbox, services = live
    dialog, _, reader_id = open_live(qtbot, services, prompts)
    child(dialog, QCheckBox, "customerCancelOption").setChecked(True)
    start_and_wait_for_card(qtbot, dialog)
    with qtbot.waitSignal(dialog.completed, timeout=20000):
        sandbox.customer_cancel(reader_id)  # only allowed when the option reached the reader
    assert dialog.progress.step == Step.CANCELED


@pytest.mark.slow
def test_live_reader_busy_is_refused_clearly(qtbot, live, prompts) -> None:
    sandbox, services = live
    payments = run(qtbot, interac_payments(services))
    dialog, _, reader_id = open_live(qtbot, services, prompts, payment=payments[0])
    # another refund takes the same reader after the list was read
    other = services.readers.refund(payments[1], reader_id, payments[1].refundable,
                                    options=ReaderRefundOptions(), staff=MANAGER, approval=None)
    first = run(qtbot, other.__anext__())
    assert first.step == Step.SENDING
    assert run(qtbot, other.__anext__()).step == Step.WAITING_FOR_CARD
    with qtbot.waitSignal(dialog.completed, timeout=20000):
        qtbot.mouseClick(child(dialog, QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    assert prompts.errors == []  # said on the progress page only
    assert dialog.progress.final_text().startswith("Reader busy — choose another reader")
    qtbot.mouseClick(child(dialog, QPushButton, "backButton"), Qt.MouseButton.LeftButton)
    table = child(dialog, QTableView, "readerPicker")
    qtbot.waitUntil(lambda: "Busy" in table.model().index(
        table.model().row_of(reader_id), 4).data(), timeout=15000)
    assert table.selectionModel().selectedRows() == []  # the busy reader cannot stay picked
    run(qtbot, other.aclose())
    run(qtbot, services.readers.cancel(reader_id))


@pytest.mark.slow
def test_live_reader_offline_at_start_then_another_reader(qtbot, live, prompts) -> None:
    sandbox, services = live
    readers = run(qtbot, idle_readers(services))
    dialog, payment, reader_id = open_live(qtbot, services, prompts, last=readers[0].id)
    child(dialog, QLineEdit, "refundAmount").setText("1")
    sandbox.set_reader_status(reader_id, "offline")
    with qtbot.waitSignal(dialog.completed, timeout=20000):
        qtbot.mouseClick(child(dialog, QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    assert prompts.errors == []  # said on the progress page only
    assert dialog.progress.final_text().startswith("Reader offline — choose another reader")
    qtbot.mouseClick(child(dialog, QPushButton, "backButton"), Qt.MouseButton.LeftButton)
    table = child(dialog, QTableView, "readerPicker")
    model = table.model()
    qtbot.waitUntil(
        lambda: "Offline" in model.index(model.row_of(reader_id), 4).data(), timeout=15000
    )
    assert not model.flags(model.index(model.row_of(reader_id), 0)) & Qt.ItemFlag.ItemIsSelectable
    assert child(dialog, QLineEdit, "refundAmount").text() == "1"  # nothing retyped
    assert dialog.findChild(QLabel, "startButtonReason").text() == "Choose a reader first."
    assert table.selectionModel().selectedRows() == []
    other = model.row_of(readers[1].id)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(model.index(other, 0)).center())
    start_and_wait_for_card(qtbot, dialog)
    with qtbot.waitSignal(dialog.completed, timeout=20000):
        tap(qtbot, dialog, Card.INTERAC)
    assert dialog.progress.final_text().startswith("Refund of $1.00 completed. Refund re_")


@pytest.mark.slow
def test_live_reader_going_offline_mid_flow_then_timing_out(qtbot, live, prompts) -> None:
    sandbox, services = live
    dialog, _, reader_id = open_live(qtbot, services, prompts)
    start_and_wait_for_card(qtbot, dialog)
    sandbox.set_reader_status(reader_id, "offline")
    qtbot.waitUntil(lambda: "offline" in dialog.progress.status_text(), timeout=20000)
    assert dialog.vm.running  # still following: the reader may come back
    with qtbot.waitSignal(dialog.completed, timeout=20000):
        sandbox.advance_clock(120)
    final = dialog.progress.final_text()
    assert final == "Refund failed: The customer did not present a card in time"


@pytest.mark.slow
def test_live_reader_timeout(qtbot, live, prompts) -> None:
    sandbox, services = live
    dialog, _, _ = open_live(qtbot, services, prompts)
    start_and_wait_for_card(qtbot, dialog)
    with qtbot.waitSignal(dialog.completed, timeout=20000):
        sandbox.advance_clock(61)
    assert dialog.progress.step == Step.FAILED
    assert "did not present a card in time" in dialog.progress.final_text()


@pytest.mark.slow
def test_live_picker_offline_not_selectable_last_used_preselected(qtbot, live, prompts) -> None:
    sandbox, services = live
    readers = run(qtbot, idle_readers(services))
    dialog, _, _ = open_live(qtbot, services, prompts, last=readers[1].id)
    table = child(dialog, QTableView, "readerPicker")
    model = table.model()
    (picked,) = table.selectionModel().selectedRows()
    assert model.reader(picked.row()).id == readers[1].id
    offline = [r for r in range(model.rowCount()) if model.reader(r).status == "offline"]
    assert offline, "the sandbox seeds an offline reader"
    for row in offline:
        assert not model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsSelectable
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=table.visualRect(model.index(row, 0)).center())
        assert dialog.findChild(QPushButton, "startButton").isEnabled()  # the pick stays
        (picked,) = table.selectionModel().selectedRows()
        assert model.reader(picked.row()).id == readers[1].id


@pytest.mark.slow
def test_live_partial_refund_by_a_cashier_needs_a_manager(qtbot, live, prompts) -> None:
    """No manager approves (the scripted prompt refuses): nothing is sent or journaled.
    Approved refunds: tests/ui/test_approvals_ui.py."""
    sandbox, services = live
    dialog, _, _ = open_live(qtbot, services, prompts, staff=CASHIER)
    child(dialog, QLineEdit, "refundAmount").setText("1")
    qtbot.mouseClick(child(dialog, QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    assert prompts.approvals == ["Partial refunds need a manager's approval."]
    assert not dialog.vm.running and not dialog.awaiting_approval
    assert child(dialog, QPushButton, "startButton").isEnabled()  # still on page 1
    assert run(qtbot, services.journal.operations()) == []


def test_the_progress_page_is_built_once_the_dialog_is_up(qtbot, backend, prompts) -> None:
    """Page 2 is not built with page 1 (one frame each), but in pieces once the dialog has
    painted, or at once when something needs it."""
    dialog = ReaderRefundDialog(interac_payment(), FakeApprovals(), backend, CASHIER, "tmr_b",
                                True, False, prompts, TaskRegistry())
    qtbot.addWidget(dialog)
    assert dialog.findChild(QWidget, "actionProgress") is None
    dialog.open()
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "backButton") is not None)
    assert dialog.findChild(QWidget, "actionProgress") is not None  # built in pieces, all in
    assert page(dialog) == 0

    other = ReaderRefundDialog(interac_payment(), FakeApprovals(), backend, CASHIER, "tmr_b",
                               True, False, prompts, TaskRegistry())
    qtbot.addWidget(other)
    assert other.progress is other.findChild(QWidget, "actionProgress")  # built when asked
