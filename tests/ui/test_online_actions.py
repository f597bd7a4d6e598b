"""End to end on the training sandbox: the real services, the real window, the real dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from pos_refunds.domain.payments import Payment, PaymentState
from pos_refunds.ui.dialogs.refund_dialog import RefundDialog
from pos_refunds.ui.main_window import TRAINING_TEXT, MainWindow
from tests.ui.conftest import LIVE_PAGE as PAGE


@pytest.fixture
def window(live_window: MainWindow) -> MainWindow:
    return live_window


def find(window: MainWindow, pred) -> Payment:
    model = window.model
    for row in range(model.rowCount()):
        if pred(model.payment(row)):
            return model.payment(row)
    raise AssertionError("no seeded payment of that kind")


def fresh(window: MainWindow, payment_id: str) -> Payment:
    return window.model.payment(window.model.row_of(payment_id))


def select(qtbot, window: MainWindow, payment: Payment) -> None:
    assert window.payments_view.select_payment(payment.id)
    qtbot.waitUntil(lambda: (p := window.detail.payment()) is not None and p.id == payment.id)


def click(qtbot, window, name: str) -> None:
    button = window.findChild(QPushButton, name)
    assert button.isEnabled(), window.findChild(QLabel, f"{name}Reason").text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def card_captured(p: Payment) -> bool:
    return (p.state is PaymentState.CAPTURED and p.family.value == "card_scheme"
            and p.payment_method_type == "card_present")


def open_refund(qtbot, window: MainWindow, payment: Payment) -> RefundDialog:
    select(qtbot, window, payment)
    click(qtbot, window, "refundButton")
    qtbot.waitUntil(lambda: window.refund_dialog is not None and window.refund_dialog.isVisible())
    return window.refund_dialog


def type_amount(qtbot, dialog: RefundDialog, text: str) -> None:
    field = dialog.findChild(QLineEdit, "refundAmount")
    field.selectAll()
    field.clear()
    qtbot.keyClicks(field, text)


def submit(qtbot, dialog: RefundDialog) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, "refundSubmitButton"),
                     Qt.MouseButton.LeftButton)


def test_starts_in_training_mode_and_loads_page_by_page(window: MainWindow, sandbox) -> None:
    assert window.findChild(QLabel, "trainingBanner").text() == TRAINING_TEXT
    assert window.findChild(QLabel, "modeBadge").text() == "TRAINING"
    assert window.model.rowCount() > PAGE  # more than one page arrived
    assert window.findChild(QLabel, "connectionStatus").text() == "Connected"
    created = [window.model.payment(r).created for r in range(window.model.rowCount())]
    assert created == sorted(created, reverse=True)


def test_sale_at_another_till_appears_within_the_poll(window, sandbox, qtbot) -> None:
    before = window.model.rowCount()
    sale = sandbox.new_sale(amount=4321, network="mastercard")
    qtbot.waitUntil(lambda: window.model.row_of(sale["id"]) is not None, timeout=10000)
    assert window.model.rowCount() == before + 1
    assert window.model.row_of(sale["id"]) == 0


def test_cancel_with_confirmation(window, sandbox, prompts, qtbot) -> None:
    sale = sandbox.new_sale(amount=2500, network="visa", capture="manual")
    qtbot.waitUntil(lambda: window.model.row_of(sale["id"]) is not None, timeout=10000)
    select(qtbot, window, fresh(window, sale["id"]))
    click(qtbot, window, "cancelButton")
    assert prompts.confirms[-1][0] == "Cancel this payment?"
    qtbot.waitUntil(lambda: fresh(window, sale["id"]).state is PaymentState.CANCELED,
                    timeout=10000)
    assert window.detail.payment().state is PaymentState.CANCELED
    assert prompts.errors == []


def test_a_released_authorization_is_not_shown_as_a_refund(window, sandbox, prompts,
                                                           qtbot) -> None:
    """Cancelling an uncaptured $23.40 releases it: no refund in the table or the detail, the
    detail says who released it, and there is no refund slip to print."""
    sale = sandbox.new_sale(amount=2340, network="visa", capture="manual")
    qtbot.waitUntil(lambda: window.model.row_of(sale["id"]) is not None, timeout=10000)
    select(qtbot, window, fresh(window, sale["id"]))
    click(qtbot, window, "cancelButton")
    qtbot.waitUntil(lambda: fresh(window, sale["id"]).state is PaymentState.CANCELED,
                    timeout=10000)
    released = fresh(window, sale["id"])
    assert released.refunds == () and released.amount_refunded.minor == 0
    assert released.released.minor == 2340
    model = window.model
    row = model.row_of(sale["id"])
    assert model.index(row, model.Column.REFUNDED).data() == "—"
    qtbot.waitUntil(lambda: window.detail.payment().refunds == ())
    words = window.detail.findChild(QLabel, "noRefunds").text()
    assert words.startswith("Authorization of $23.40 released: the customer was not charged.")
    assert f"By {window.flows.staff.name}, " in words
    assert not window.detail.refund_list.isVisible()  # no refund card, so no "Slip…"


def test_capture(window, sandbox, prompts, qtbot) -> None:
    sale = sandbox.new_sale(amount=3100, network="mastercard", capture="manual")
    qtbot.waitUntil(lambda: window.model.row_of(sale["id"]) is not None, timeout=10000)
    select(qtbot, window, fresh(window, sale["id"]))
    click(qtbot, window, "captureButton")
    assert prompts.confirms[-1][0] == "Capture this payment?"
    qtbot.waitUntil(lambda: fresh(window, sale["id"]).state is PaymentState.CAPTURED,
                    timeout=10000)
    assert fresh(window, sale["id"]).amount_received.minor == 3100
    assert prompts.errors == []


def test_full_online_refund(window, prompts, qtbot) -> None:
    payment = find(window, card_captured)
    dialog = open_refund(qtbot, window, payment)
    submit(qtbot, dialog)  # the amount starts at the full remainder
    qtbot.waitUntil(lambda: fresh(window, payment.id).state is PaymentState.REFUNDED,
                    timeout=10000)
    qtbot.waitUntil(lambda: window.refund_dialog is None)
    assert prompts.notices[-1].startswith("Refunded ")
    assert prompts.errors == []


def test_partial_online_refund(window, prompts, qtbot) -> None:
    payment = find(window, lambda p: card_captured(p) and p.amount.minor >= 1000
                   and p.currency == "cad")
    dialog = open_refund(qtbot, window, payment)
    type_amount(qtbot, dialog, "5.00")
    submit(qtbot, dialog)
    qtbot.waitUntil(
        lambda: fresh(window, payment.id).state is PaymentState.PARTIALLY_REFUNDED,
        timeout=10000)
    assert fresh(window, payment.id).amount_refunded.minor == 500
    assert prompts.errors == []


def test_over_refund_is_stopped_under_the_field(window, sandbox, prompts, qtbot) -> None:
    payment = find(window, lambda p: card_captured(p) and p.currency == "cad")
    dialog = open_refund(qtbot, window, payment)
    too_much = f"{(payment.refundable.minor + 100) / 100:.2f}"
    type_amount(qtbot, dialog, too_much)
    error = dialog.findChild(QLabel, "amountError")
    qtbot.waitUntil(lambda: error.isVisible() and bool(error.text()))
    assert not dialog.findChild(QPushButton, "refundSubmitButton").isEnabled()
    submit(qtbot, dialog)
    assert window.flows.busy is False
    dialog.reject()
    assert fresh(window, payment.id).amount_refunded == payment.amount_refunded


def test_refunded_meanwhile_by_another_till(window, sandbox, prompts, qtbot) -> None:
    payment = find(window, card_captured)
    dialog = open_refund(qtbot, window, payment)
    sandbox.other_till_refund(payment.id)
    submit(qtbot, dialog)
    status = dialog.findChild(QLabel, "submitError")
    qtbot.waitUntil(lambda: status.isVisible() and "Refunding" not in status.text(),
                    timeout=10000)
    assert status.text().startswith("Already refunded:")
    qtbot.waitUntil(lambda: fresh(window, payment.id).state is PaymentState.REFUNDED,
                    timeout=10000)
    refunds = fresh(window, payment.id).refunds
    assert len(refunds) == 1  # only the other till's refund: nothing was sent twice


def test_network_error_gives_one_message_and_the_app_goes_on(window, sandbox, prompts,
                                                              qtbot) -> None:
    payment = find(window, card_captured)
    dialog = open_refund(qtbot, window, payment)
    sandbox.inject_fault("error_before", "POST", "/v1/refunds", count=20, status=503)
    submit(qtbot, dialog)
    status = dialog.findChild(QLabel, "submitError")
    qtbot.waitUntil(lambda: status.isVisible() and "Refunding" not in status.text(),
                    timeout=30000)
    assert "Reference: req_" in status.text() and prompts.errors == []  # one message, inline
    sandbox.clear_faults()
    dialog.reject()
    sale = sandbox.new_sale(amount=999, network="visa")
    qtbot.waitUntil(lambda: window.model.row_of(sale["id"]) is not None, timeout=10000)
    assert window.findChild(QLabel, "connectionStatus").text() == "Connected"


def test_capture_has_a_shortcut(window, sandbox, prompts, qtbot) -> None:
    sale = sandbox.new_sale(amount=1800, network="visa", capture="manual")
    qtbot.waitUntil(lambda: window.model.row_of(sale["id"]) is not None, timeout=10000)
    select(qtbot, window, fresh(window, sale["id"]))
    assert window.capture_action.shortcut().toString() == "Ctrl+Shift+P"
    window.capture_action.trigger()
    assert prompts.confirms[-1][0] == "Capture this payment?"
    qtbot.waitUntil(lambda: fresh(window, sale["id"]).state is PaymentState.CAPTURED,
                    timeout=10000)
