"""Reader refund view-model and dialog against a scripted ReaderRefunds.

The end-to-end tests against the training sandbox live in test_reader_refund_sandbox.py;
here each update of the reader is pushed by the test, so every branch is exercised on cue.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QStackedWidget, QTableView

from pos_refunds.domain.errors import (
    NetworkDown,
    OutcomeUnknown,
    ReaderBusy,
    ReaderOffline,
    UserCancelled,
)
from pos_refunds.domain.money import Money
from pos_refunds.domain.payments import Payment, Reader, ReaderAction
from pos_refunds.services.api import ReaderProgress, ReaderRefundOptions, Staff, Step
from pos_refunds.services.api import TestCard as Card
from pos_refunds.ui.dialogs.reader_refund_dialog import ReaderRefundDialog
from pos_refunds.ui.viewmodels.reader_refund_vm import ReaderRefundViewModel

CASHIER = Staff("s1", "Alex", "cashier")
SEEN = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


def make_reader(
    id: str, label: str, *, status: str = "online", busy: bool = False,
    device: str = "simulated_wisepos_e",
) -> Reader:
    action = ReaderAction("refund_payment", "in_progress") if busy else None
    return Reader(id, label, device, f"SN-{id}", "tml_1", "Main street", status, SEEN, action)


READERS = [
    make_reader("tmr_a", "Counter 1"),
    make_reader("tmr_b", "Counter 2"),
    make_reader("tmr_off", "Back office", status="offline"),
    make_reader("tmr_busy", "Drive-through", busy=True),
]


def interac_payment(minor: int = 1250) -> Payment:
    m = Money(minor, "cad")
    return Payment(
        id="pi_interac", status="succeeded", amount=m, amount_received=m,
        amount_capturable=Money(0, "cad"), amount_refunded=Money(0, "cad"), currency="cad",
        payment_method_type="interac_present", network="interac", brand="interac", last4="1933",
        reader_id="tmr_a", location_id="tml_1", created=SEEN, capture_before=None,
        description="Groceries", charge_id="ch_interac",
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

    async def refund(self, payment, reader_id, amount, *, options, staff, approver
                     ) -> AsyncIterator[ReaderProgress]:
        self.calls.append(("refund", payment.id, reader_id, amount, options, staff, approver))
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


def progress(step: Step, **kw) -> ReaderProgress:
    return ReaderProgress(step, READERS[0], kw.pop("message", f"{step.value}…"), **kw)


@pytest.fixture
def backend(qasync) -> ScriptedReaders:
    return ScriptedReaders(READERS)


def make_dialog(qtbot, backend, prompts, *, last: str | None = "tmr_b", connect: bool = False
                ) -> ReaderRefundDialog:
    dialog = ReaderRefundDialog(
        interac_payment(), backend, CASHIER, None, last, True, connect, prompts
    )
    qtbot.addWidget(dialog)
    dialog.resize(820, 700)
    dialog.open()
    qtbot.waitExposed(dialog)
    start = dialog.findChild(QPushButton, "startButton")
    qtbot.waitUntil(lambda: dialog.findChild(QTableView, "readerPicker").model().rowCount() == 4)
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
    vm = ReaderRefundViewModel(backend)
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
    vm = ReaderRefundViewModel(backend)
    vm.start(interac_payment(), "tmr_a", Money(500, "cad"), ReaderRefundOptions(), CASHIER, None)
    qtbot.waitUntil(lambda: backend.queue is not None)
    with qtbot.waitSignal(vm.failed) as failed:
        backend.push(ReaderBusy("Counter 1 is busy."))
    assert isinstance(failed.args[0], ReaderBusy)
    backend.queue = None
    vm.start(interac_payment(), "tmr_a", Money(500, "cad"), ReaderRefundOptions(), CASHIER, None)
    qtbot.waitUntil(lambda: backend.queue is not None)
    backend.push(progress(Step.WAITING_FOR_CARD))
    with qtbot.waitSignal(vm.failed) as failed:
        backend.push(None)  # the stream ended with no outcome
    assert isinstance(failed.args[0], OutcomeUnknown)


def test_vm_side_actions(qtbot, backend: ScriptedReaders) -> None:
    vm = ReaderRefundViewModel(backend)
    vm.start(interac_payment(), "tmr_a", Money(500, "cad"), ReaderRefundOptions(), CASHIER, None)
    qtbot.waitUntil(lambda: backend.queue is not None)
    backend.cancel_error = UserCancelled()
    errors: list[BaseException] = []
    vm.actionFailed.connect(errors.append)
    with qtbot.waitSignal(vm.actionBusy, check_params_cb=lambda n, b: n == "cancel" and not b):
        vm.cancel_action()
    assert ("cancel", "tmr_a") in backend.calls and errors == []
    backend.cancel_error = NetworkDown("No connection.")
    with qtbot.waitSignal(vm.actionFailed):
        vm.cancel_action()
    with qtbot.waitSignal(vm.actionBusy, check_params_cb=lambda n, b: n == "simulate" and not b):
        vm.simulate(Card.DECLINED)
    assert ("present", "tmr_a", Card.DECLINED) in backend.calls
    backend.check_answer = progress(Step.WAITING_FOR_CARD, message="Reader offline, checking")
    with qtbot.waitSignal(vm.progress) as checked:
        vm.check_status()
    assert checked.args[0].message == "Reader offline, checking"
    with qtbot.waitSignal(vm.runningChanged, check_params_cb=lambda running: not running):
        vm.cancel()
    assert not vm.running


# --- dialog: the picker page ----------------------------------------------------------------


def test_offline_and_busy_readers_are_shown_but_not_selectable(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts, last=None)
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


def test_last_used_reader_is_preselected(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts, last="tmr_b")
    table = child(dialog, QTableView, "readerPicker")
    rows = table.selectionModel().selectedRows()
    assert [table.model().index(r.row(), 0).data() for r in rows] == ["Counter 2"]
    assert child(dialog, QPushButton, "startButton").isEnabled()


def test_last_used_reader_offline_is_not_preselected(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts, last="tmr_off")
    assert child(dialog, QTableView, "readerPicker").selectionModel().selectedRows() == []
    assert not child(dialog, QPushButton, "startButton").isEnabled()


def test_amount_is_validated_like_the_online_refund(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts)
    edit = child(dialog, QLineEdit, "refundAmount")
    assert edit.text() == "12.50"
    edit.setText("13")
    assert not child(dialog, QPushButton, "startButton").isEnabled()
    assert child(dialog, QLabel, "startButtonReason").text() == "Enter a valid amount first."
    assert "At most 12.50 CAD" in child(dialog, QLabel, "amountError").text()
    edit.setText("4")
    assert child(dialog, QPushButton, "startButton").isEnabled()
    assert "manager must approve" in child(dialog, QLabel, "partialNotice").text()


def test_connect_options_only_for_connect(qtbot, backend, prompts) -> None:
    plain = make_dialog(qtbot, backend, prompts)
    assert plain.findChild(QCheckBox, "refundApplicationFeeOption") is None
    assert plain.findChild(QCheckBox, "reverseTransferOption") is None
    connect = make_dialog(qtbot, backend, prompts, connect=True)
    for name in ("customerCancelOption", "refundApplicationFeeOption", "reverseTransferOption"):
        child(connect, QCheckBox, name).setChecked(True)
    qtbot.mouseClick(child(connect, QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(c[0] == "refund" for c in backend.calls))
    call = next(c for c in backend.calls if c[0] == "refund")
    assert call[4] == ReaderRefundOptions(True, True, True)
    assert call[2] == "tmr_b" and call[3] == Money(1250, "cad")


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
        backend.push(ReaderOffline("Counter 2 is offline. Choose another reader."))
    assert isinstance(prompts.errors[-1], ReaderOffline)
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
    backend.cancel_error = NetworkDown("The reader could not be reached.")
    qtbot.mouseClick(child(dialog, QPushButton, "cancelActionButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.errors))
    assert isinstance(prompts.errors[-1], NetworkDown)
    assert "could not be reached" in dialog.progress.status_text()
    assert dialog.vm.running


def test_unknown_outcome_can_be_checked_afterwards(qtbot, backend, prompts) -> None:
    dialog = make_dialog(qtbot, backend, prompts)
    start(qtbot, dialog, backend)
    with qtbot.waitSignal(dialog.completed):
        backend.push(OutcomeUnknown("The reader could not be reached to confirm."))
    check = child(dialog, QPushButton, "checkStatusButton")
    assert check.isEnabled()
    backend.check_answer = progress(Step.SUCCEEDED, refund_id="re_9")
    with qtbot.waitSignal(dialog.completed):
        qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert dialog.progress.final_text() == "Refund of $12.50 completed. Refund re_9"
    assert not check.isEnabled()
