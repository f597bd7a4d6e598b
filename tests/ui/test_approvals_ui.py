"""A cashier's refund that needs a manager: the manager's PIN on the real prompt, end to end on
the training sandbox, bound to that one refund (journal and Stripe metadata name the manager).
A wrong PIN or a locked-out manager sends nothing."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QWidget

from pos_refunds.app import load_stylesheet
from pos_refunds.domain.payments import Payment
from pos_refunds.domain.staff import Staff
from pos_refunds.services.api import Step
from pos_refunds.services.api import TestCard as Card
from pos_refunds.ui.dialogs.end_of_day import EndOfDayDialog
from pos_refunds.ui.dialogs.manager_approval import ManagerApprovalDialog
from pos_refunds.ui.formatting import card_words
from pos_refunds.ui.main_window import MainWindow
from pos_refunds.ui.messages import error_words, words
from pos_refunds.ui.prompts import Prompts

from .conftest import MANAGER_NAME, MANAGER_PIN, AutoPrompts, run_async, sign_in
from .test_accessibility import _check
from .test_online_actions import card_captured, find, open_refund, type_amount
from .test_sign_in import pick_reader

CASHIER_PIN = "1357"


class PinPrompts(AutoPrompts):
    """Records like AutoPrompts, but a manager's PIN is asked on the real dialog."""

    ask_manager_pin = Prompts.ask_manager_pin


@pytest.fixture
def prompts() -> PinPrompts:
    return PinPrompts()


@pytest.fixture
def cashier(qtbot, staff_store, live_manager) -> Staff:
    return run_async(qtbot, staff_store.add("Alex Cashier", "cashier", CASHIER_PIN, CASHIER_PIN,
                                            by=live_manager))


@pytest.fixture
def as_cashier(live_window: MainWindow, cashier: Staff, qtbot) -> MainWindow:
    """The live window, locked by the manager, then signed in by the cashier."""
    live_window.session.lock()
    sign_in(qtbot, live_window, cashier.id, CASHIER_PIN)
    assert live_window.flows.staff == cashier
    return live_window


def approval_dialog(qtbot, parent) -> ManagerApprovalDialog:
    found: list[ManagerApprovalDialog] = []

    def shown() -> bool:
        found[:] = [d for d in parent.findChildren(ManagerApprovalDialog) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=5000)
    dialog = found[0]
    qtbot.waitUntil(lambda: [s.name for s in dialog.picker.staff()] == [MANAGER_NAME])
    return dialog


def enter_pin(qtbot, dialog: ManagerApprovalDialog, pin: str) -> None:
    """The only manager is chosen already; tap the PIN and Approve."""
    assert dialog.picker.selected().name == MANAGER_NAME
    for digit in pin:
        qtbot.mouseClick(dialog.pad.keypad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.findChild(QPushButton, "approvalPadSubmit"),
                     Qt.MouseButton.LeftButton)


def pad_text(dialog: ManagerApprovalDialog) -> str:
    return dialog.findChild(QLabel, "approvalPadMessage").text()


def operations(qtbot, window: MainWindow) -> list:
    return run_async(qtbot, window._services.journal.operations())


def partial_refund_asked(qtbot, window: MainWindow) -> tuple[Payment, ManagerApprovalDialog]:
    payment = find(window, lambda p: card_captured(p) and p.refundable.minor >= 500)
    dialog = open_refund(qtbot, window, payment)
    type_amount(qtbot, dialog, "1.00")
    qtbot.mouseClick(dialog.findChild(QPushButton, "refundSubmitButton"),
                     Qt.MouseButton.LeftButton)
    return payment, approval_dialog(qtbot, dialog)


def test_cashier_partial_refund_approved_by_a_manager_pin(as_cashier, qtbot, prompts,
                                                          sandbox) -> None:
    window = as_cashier
    payment, approval = partial_refund_asked(qtbot, window)
    assert approval.reason.text() == "Partial refunds need a manager's approval."
    # what is approved: the payment, its card, the amount
    assert approval.findChild(QLabel, "approvalWhat").text() == (
        f"Refund of <b>$1.00</b> to {card_words(payment)}")
    assert approval.findChild(QWidget, "approvalPayment").isVisible()
    assert not window.refund_dialog._busy  # nothing is being refunded while a PIN is asked
    _check(approval)
    with qtbot.waitSignal(window.flows.refund_online.succeeded, timeout=20000) as done:
        enter_pin(qtbot, approval, MANAGER_PIN)
    fresh: Payment = done.args[0].payment
    (refund,) = [r for r in fresh.refunds if r not in payment.refunds]
    assert refund.amount.minor == 100
    assert refund.metadata["pos_approved_by"] == MANAGER_NAME
    assert refund.metadata["pos_staff"] == "Alex Cashier"
    (op,) = operations(qtbot, window)
    assert (op.staff, op.approver, op.state.value) == ("Alex Cashier", MANAGER_NAME, "succeeded")
    assert prompts.errors == []
    # bound to that one refund: the next partial refund asks again
    _, again = partial_refund_asked(qtbot, window)
    again.reject()


def test_wrong_manager_pin_sends_nothing(as_cashier, qtbot, prompts) -> None:
    window = as_cashier
    payment, approval = partial_refund_asked(qtbot, window)
    enter_pin(qtbot, approval, "0000")
    qtbot.waitUntil(lambda: pad_text(approval).startswith("Wrong PIN"))
    assert pad_text(approval) == ("Wrong PIN. 4 tries left before Morgan Manager is locked "
                                  "out for a while.")
    assert approval.isVisible()
    qtbot.mouseClick(approval.findChild(QPushButton, "approvalCancelButton"),
                     Qt.MouseButton.LeftButton)
    dialog = window.refund_dialog
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "refundSubmitButton").isEnabled())
    assert dialog.isVisible() and not window.flows.busy  # back to the refund, as typed
    assert operations(qtbot, window) == []
    assert prompts.errors == []  # declining is not an error


def test_locked_out_manager_gets_a_clear_message(as_cashier, qtbot, staff_store,
                                                 live_manager) -> None:
    for _ in range(5):
        run_async(qtbot, staff_store.verify(live_manager.id, "9999"))
    window = as_cashier
    _, approval = partial_refund_asked(qtbot, window)
    enter_pin(qtbot, approval, MANAGER_PIN)
    qtbot.waitUntil(lambda: pad_text(approval).startswith("Too many wrong PINs"))
    assert "Morgan Manager is locked out until " in pad_text(approval)
    assert "A manager can reset the PIN." in pad_text(approval)
    approval.reject()
    assert operations(qtbot, window) == []


def test_a_signed_in_manager_is_not_asked(live_window, qtbot, prompts) -> None:
    payment = find(live_window, lambda p: card_captured(p) and p.refundable.minor >= 500)
    dialog = open_refund(qtbot, live_window, payment)
    type_amount(qtbot, dialog, "1.00")
    with qtbot.waitSignal(live_window.flows.refund_online.succeeded, timeout=20000) as done:
        qtbot.mouseClick(dialog.findChild(QPushButton, "refundSubmitButton"),
                         Qt.MouseButton.LeftButton)
    assert not live_window.findChildren(ManagerApprovalDialog)
    (refund,) = [r for r in done.args[0].payment.refunds if r not in payment.refunds]
    assert refund.metadata["pos_approved_by"] == MANAGER_NAME == refund.metadata["pos_staff"]


def tap(qtbot, dialog, card: Card = Card.INTERAC) -> None:
    combo = dialog.findChild(QComboBox, "simulateCard")
    combo.setCurrentIndex(combo.findData(card))
    qtbot.mouseClick(dialog.findChild(QPushButton, "simulateTapButton"),
                     Qt.MouseButton.LeftButton)


def interac(p: Payment) -> bool:
    return p.network == "interac" and p.state.name == "CAPTURED" and p.refundable.minor >= 200


def test_cashier_reader_refund_approved_by_a_manager_pin(as_cashier, qtbot) -> None:
    window = as_cashier
    payment = find(window, interac)
    dialog = window.open_reader_refund(payment)
    pick_reader(qtbot, dialog)
    dialog.setup.amount.line_edit.setText("1")
    dialog.start()
    approval = approval_dialog(qtbot, dialog)
    assert not dialog.vm.running and dialog.awaiting_approval  # nothing sent before it
    enter_pin(qtbot, approval, MANAGER_PIN)
    qtbot.waitUntil(lambda: dialog.progress.step == Step.WAITING_FOR_CARD, timeout=15000)
    with qtbot.waitSignal(dialog.completed, timeout=20000):
        tap(qtbot, dialog)
    assert dialog.progress.step == Step.SUCCEEDED
    (op,) = operations(qtbot, window)
    assert (op.staff, op.approver, op.state.value) == ("Alex Cashier", MANAGER_NAME, "succeeded")
    fresh = run_async(qtbot, window._services.payments.refresh(payment.id))
    (refund,) = [r for r in fresh.refunds if r not in payment.refunds]
    assert refund.metadata["pos_approved_by"] == MANAGER_NAME


def test_cashier_reader_refund_not_approved_sends_nothing(as_cashier, qtbot) -> None:
    window = as_cashier
    dialog = window.open_reader_refund(find(window, interac))
    pick_reader(qtbot, dialog)
    dialog.setup.amount.line_edit.setText("1")
    dialog.start()
    approval = approval_dialog(qtbot, dialog)
    approval.reject()
    qtbot.waitUntil(lambda: not dialog.awaiting_approval)
    assert not dialog.vm.running and operations(qtbot, window) == []



def test_the_idle_lock_closes_a_pending_approval(as_cashier, qtbot) -> None:
    window = as_cashier
    _, approval = partial_refund_asked(qtbot, window)
    refund_dialog = window.refund_dialog
    with qtbot.waitSignal(window.session.staffChanged, timeout=5000):
        window.session.idle_lock.set_interval_ms(50)
    assert window.session.locked
    for dialog in (approval, refund_dialog):  # closed (and maybe deleted already)
        assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert operations(qtbot, window) == []


def test_a_cashier_asks_a_manager_to_sign_in_for_the_managers_menus(
    as_cashier, prompts, live_manager, qtbot
) -> None:
    """End of day, the journal and settings open for a manager's PIN, not a dead end; the
    till stays signed in as the cashier, and the dialog acts for that manager."""
    window = as_cashier
    assert window.open_end_of_day() is None  # nobody approved: nothing opens
    assert window.open_journal() is None
    assert window.open_settings() is None
    assert [words(r) for r in prompts.manager_sign_ins] == [
        "Only a manager can close the day.",
        "Only a manager can read the audit journal.",
        "Only a manager can change the settings.",
    ]
    assert prompts.errors == []
    prompts.manager = live_manager  # a manager types their PIN
    window.open_end_of_day()
    dialog = window.findChild(EndOfDayDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.vm._staff == live_manager
    assert window.flows.staff.name == "Alex Cashier"  # the till is still the cashier's
    dialog.reject()


def test_settings_stay_closed_in_a_practice_session(live_window, prompts) -> None:
    from pos_refunds.domain.reasons import AccessReason

    # as app.py sets it for --training
    live_window.dialogs._settings_refusal = AccessReason.PRACTICE_SETTINGS
    assert live_window.open_settings() is None
    assert [error_words(e)[1] for e in prompts.errors] == [
        "Settings cannot be changed in a practice session started with --training. Start the "
        "app normally and sign in as a manager."]


def test_a_long_pin_message_does_not_squeeze_the_keypad(as_cashier, qtbot, staff_store,
                                                        live_manager, request) -> None:
    """The lockout message wraps to three lines: the dialog grows, no key is cut off."""
    app = QApplication.instance()
    app.setStyleSheet(load_stylesheet())  # the shop's fonts: bold messages take more room
    request.addfinalizer(lambda: app.setStyleSheet(""))
    for _ in range(5):
        run_async(qtbot, staff_store.verify(live_manager.id, "9999"))
    _, approval = partial_refund_asked(qtbot, as_cashier)
    enter_pin(qtbot, approval, MANAGER_PIN)
    qtbot.waitUntil(lambda: pad_text(approval).startswith("Too many wrong PINs"))
    message, keypad = approval.pad.message, approval.pad.keypad

    def fits() -> bool:
        return (message.height() >= message.heightForWidth(message.width())
                and keypad.height() >= keypad.sizeHint().height())

    qtbot.waitUntil(fits)
    approval.reject()


def test_the_reader_dialog_is_built_then_shown_a_turn_later_and_once(as_cashier, qtbot) -> None:
    """Building the reader dialog and showing it were one stall: it shows on the next turn
    of the event loop, and asking again meanwhile (a double tap) gives the same dialog."""
    window = as_cashier
    payment = find(window, interac)
    dialog = window.open_reader_refund(payment)
    assert not dialog.isVisible()  # built; shown once the event loop turns
    assert window.open_reader_refund(payment) is dialog
    qtbot.waitUntil(dialog.isVisible)
    assert window.open_reader_refund(payment) is dialog  # open: still the one
    dialog.reject()
    qtbot.waitUntil(lambda: window.dialogs.reader_dialog is None)
    again = window.open_reader_refund(payment)
    assert again is not dialog
    qtbot.waitUntil(again.isVisible)
    again.reject()
