""""Print a slip after every refund", end to end on the training sandbox: the online refund
and the reader refund put the slip on a (fake) network printer; a printer that cannot be
reached is said in a status line and the refund stays done; the slip dialog prints there too."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from pos_refunds.domain.payments import PaymentState
from pos_refunds.domain.refund_slip import SlipContext
from pos_refunds.ui.dialogs.reader_refund_dialog import ReaderRefundDialog
from pos_refunds.ui.dialogs.refund_slip_dialog import RefundSlipDialog
from pos_refunds.ui.tasks import TaskRegistry
from pos_refunds.ui.viewmodels.refund_slip_vm import RefundSlipViewModel
from pos_refunds.ui.viewmodels.slip_printer_vm import SavedPrinter, SlipPrinter
from pos_refunds.ui.views.payments_view import looks_like_payment_id
from tests.printers.fake_printer import decode_code128, fake_printer, free_port, rasters, text_lines
from tests.ui.test_online_actions import card_captured, find, fresh, open_refund, submit
from tests.ui.test_reader_refund import (  # noqa: F401 - `live` is a fixture
    MANAGER,
    Card,
    child,
    idle_readers,
    interac_payments,
    live,
    run,
    start_and_wait_for_card,
    tap,
)
from tests.ui.test_refund_slip import SHOT_DIR


def use_printer(window, port: int, *, after: bool = True) -> None:
    window.dialogs.update_settings(printer_kind="network", printer_host="127.0.0.1",
                                   printer_port=port, paper_mm=58, print_after_refund=after)


def received(qtbot, printer) -> bytes:
    """The fake printer's job, waited for without blocking the Qt loop that sends it."""
    qtbot.waitUntil(lambda: bool(printer.jobs), timeout=10000)
    return printer.jobs[-1]


def scanned(job: bytes) -> str:
    ((width, height, bits),) = rasters(job)
    return decode_code128(width, height, bits)


def test_an_online_refund_prints_its_slip(live_window, prompts, qtbot) -> None:
    window = live_window
    payment = find(window, card_captured)
    with fake_printer() as printer:
        use_printer(window, printer.port)
        submit(qtbot, open_refund(qtbot, window, payment))
        job = received(qtbot, printer)
    qtbot.waitUntil(lambda: fresh(window, payment.id).state is PaymentState.REFUNDED,
                    timeout=10000)
    assert scanned(job) == payment.id and looks_like_payment_id(scanned(job))
    lines = text_lines(job)
    assert "REFUND" in lines and all(len(line) <= 32 for line in lines)
    assert prompts.errors == []


def test_a_printer_that_refuses_leaves_the_refund_done(live_window, prompts, qtbot) -> None:
    window = live_window
    payment = find(window, card_captured)
    use_printer(window, free_port())
    submit(qtbot, open_refund(qtbot, window, payment))
    qtbot.waitUntil(lambda: any(n.startswith("The slip was not printed") for n in
                                prompts.notices), timeout=10000)
    qtbot.waitUntil(lambda: fresh(window, payment.id).state is PaymentState.REFUNDED,
                    timeout=10000)
    assert "refused the connection" in prompts.notices[-1]
    assert prompts.errors == []


def test_no_slip_unless_asked(live_window, prompts, qtbot) -> None:
    window = live_window
    payment = find(window, card_captured)
    with fake_printer() as printer:
        use_printer(window, printer.port, after=False)
        submit(qtbot, open_refund(qtbot, window, payment))
        qtbot.waitUntil(lambda: fresh(window, payment.id).state is PaymentState.REFUNDED,
                        timeout=10000)
        assert printer.jobs == []  # nothing was started for it
        # The slip dialog offers the receipt printer all the same.
        refunded = fresh(window, payment.id)
        dialog = window.open_refund_slip(refunded, refunded.refunds[0].id)
        assert isinstance(dialog, RefundSlipDialog)
        qtbot.waitExposed(dialog)
        button = dialog.buttons.receipt_button
        assert button.isVisible() and button.height() >= 44
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        job = received(qtbot, printer)
    assert scanned(job) == payment.id
    qtbot.waitUntil(lambda: dialog.buttons.status.text().startswith("Slip printed on"))
    dialog.reject()


@pytest.mark.slow
def test_a_reader_refund_prints_its_slip(qtbot, live, prompts) -> None:  # noqa: F811
    sandbox, services = live
    # the reader picked is the one last used: the payment's own is left unknown here
    payment = dataclasses.replace(run(qtbot, interac_payments(services))[0], reader_id=None,
                                  location_id=None)
    reader = run(qtbot, idle_readers(services))[0]
    tasks = TaskRegistry()
    slips = RefundSlipViewModel(services.payments, SlipContext(services.account_name, True),
                                tasks.scope("refund slip"))
    with fake_printer() as printer:
        from pos_refunds.ui.settings import AppSettings
        settings = AppSettings(printer_kind="network", printer_host="127.0.0.1",
                               printer_port=printer.port, paper_mm=80, print_after_refund=True)
        receipt = SavedPrinter(SlipPrinter(tasks.scope("receipt printer")), lambda: settings)
        dialog = ReaderRefundDialog(payment, services, services.readers, MANAGER, reader.id,
                                    True, services.connect, prompts, tasks, slips=slips,
                                    receipt=receipt)
        qtbot.addWidget(dialog)
        dialog.resize(1000, 720)
        dialog.open()
        qtbot.waitUntil(child(dialog, QPushButton, "startButton").isEnabled, timeout=15000)
        start_and_wait_for_card(qtbot, dialog)
        with qtbot.waitSignal(dialog.completed, timeout=20000):
            tap(qtbot, dialog, Card.INTERAC)
        job = received(qtbot, printer)
    buttons = dialog.progress.slip
    qtbot.waitUntil(lambda: buttons.status.text().startswith("Slip printed on"), timeout=10000)
    assert buttons.receipt_button.isVisible()
    SHOT_DIR.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOT_DIR / "reader-final-state-receipt-printer.png"))
    assert scanned(job) == payment.id
    assert any(line.endswith(f"in person on {reader.label}") or reader.label in line
               for line in text_lines(job))
    assert prompts.errors == []
