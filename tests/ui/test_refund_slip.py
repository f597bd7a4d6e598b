"""Refund slips on paper and in PDF: the file (80 mm roll and A4, rendered), the Slip… action
on a refund card after a real online refund, and the slip offered when a reader refund ends.

Against the training sandbox through the real services wherever a refund is involved.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QFileDialog, QLineEdit, QPushButton, QWidget

from pos_refunds.domain.money import Money
from pos_refunds.domain.payments import PaymentState
from pos_refunds.domain.reasons import ReaderReason
from pos_refunds.domain.refund_slip import SlipContext, SlipNotAvailable, build_refund_slip
from pos_refunds.services.api import ReaderProgress, Step
from pos_refunds.ui.dialogs.reader_refund_dialog import ReaderRefundDialog
from pos_refunds.ui.dialogs.refund_slip_dialog import RefundSlipDialog
from pos_refunds.ui.dialogs.slip_output import write_slip_pdf
from pos_refunds.ui.messages import error_words
from pos_refunds.ui.printing import print_receipt, write_pdf
from pos_refunds.ui.refund_slip_html import slip_html
from pos_refunds.ui.tasks import TaskRegistry
from pos_refunds.ui.viewmodels.refund_slip_vm import RefundSlipViewModel
from pos_refunds.ui.views.reader_progress import ReaderProgressView
from tests.support import builders
from tests.ui.test_online_actions import card_captured, find, fresh, open_refund, submit
from tests.ui.test_reader_refund import (  # noqa: F401 - `live` is a fixture
    MANAGER,
    Card,
    child,
    idle_readers,
    interac_payments,
    live,
    make_reader,
    run,
    start_and_wait_for_card,
    tap,
)

SHOT_DIR = Path("/tmp/refund_slip_shots")
RECEIPT = {"application_preferred_name": "VISA CREDIT", "dedicated_file_name": "A0000000031010",
           "account_type": "credit", "authorization_code": "123456",
           "authorization_response_code": "3030", "cardholder_verification_method": "signature",
           "terminal_verification_results": "0000008000",
           "transaction_status_information": "E800"}


def sample_slip(training: bool = True):
    when = datetime(2026, 11, 29, 18, 40, tzinfo=UTC)
    refund = builders.make_refund(
        "re_3QslipTEST0001", 1250, created=when,
        metadata={"pos_staff": "Morgan Manager", "pos_note": "wrong size"})
    payment = builders.make_payment(
        "pi_3QslipTEST0001", amount=4250, refunded=1250, reader_id="tmr_1", location_id=None,
        created=when, description=None, charge_id="ch_1", refunds=(refund,), receipt=RECEIPT)
    return build_refund_slip(payment, refund.id, SlipContext("Corner Café", training))


def render(pdf: Path, stem: str, dpi: int = 100) -> Path:
    """Page 1 as PNG (kept under /tmp to be looked at)."""
    SHOT_DIR.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", "1", "-l", "1",
                    str(pdf), str(SHOT_DIR / stem)], check=True, timeout=60)
    return SHOT_DIR / f"{stem}.png"


def page_points(pdf: Path) -> tuple[float, float]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    line = next(x for x in out.splitlines() if x.startswith("Page size:"))
    width, _, height = line.split(":", 1)[1].split()[:3]
    return float(width), float(height)


def test_slip_pdf_is_one_80mm_page_and_prints_on_a4(qtbot, prompts, tmp_path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    slip = sample_slip()
    roll = tmp_path / "slip.pdf"
    assert write_slip_pdf(parent, slip, roll, prompts)
    assert roll.read_bytes().startswith(b"%PDF")
    a4 = tmp_path / "slip-a4.pdf"
    document = QTextDocument()
    document.setHtml(slip_html(slip))
    assert write_pdf(a4, "slip", lambda printer: print_receipt(document, printer))
    assert a4.read_bytes().startswith(b"%PDF")
    assert prompts.errors == []
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm is not installed: the pages are not rendered")
    width, height = page_points(roll)
    assert abs(width - 80 / 25.4 * 72) < 1.5 and 150 < height < 1200  # a till roll's page
    assert render(roll, "slip-80mm").stat().st_size > 0
    assert render(a4, "slip-a4", dpi=60).stat().st_size > 0


def test_pdf_to_a_folder_that_is_gone_says_so(qtbot, prompts, tmp_path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert not write_slip_pdf(parent, sample_slip(), tmp_path / "gone" / "slip.pdf", prompts)
    [error] = prompts.errors
    title, text, _ = error_words(error)
    assert title == "File not saved" and "slip.pdf could not be written" in text


def test_progress_view_offers_the_slip_only_when_wired_and_succeeded(qtbot) -> None:
    view = ReaderProgressView()
    qtbot.addWidget(view)
    view.show()
    reader = make_reader("tmr_a", "Counter 1")
    view.begin(reader, Money(500, "cad"))
    view.show_progress(ReaderProgress(Step.SUCCEEDED, reader, ReaderReason.SUCCEEDED,
                                      refund_id="re_1"))
    assert not view.slip.isVisible()  # nothing wired the slip: no buttons that do nothing
    view.slip.offered = True
    view.begin(reader, Money(500, "cad"))
    view.show_progress(ReaderProgress(Step.FAILED, reader, ReaderReason.FAILED,
                                      failure_code="x"))
    assert not view.slip.isVisible()
    view.begin(reader, Money(500, "cad"))
    view.show_progress(ReaderProgress(Step.SUCCEEDED, reader, ReaderReason.SUCCEEDED,
                                      refund_id="re_2"))
    assert view.slip.isVisible()
    assert (view.slip.refund_id, view.slip.reader_label) == ("re_2", "Counter 1")


def choose_file(qtbot, parent: QWidget, path: Path) -> None:
    qtbot.waitUntil(lambda: (c := parent.findChild(QFileDialog)) is not None and c.isVisible(),
                    timeout=15000)
    chooser = parent.findChild(QFileDialog)
    chooser.selectFile(str(path))
    name = chooser.findChild(QLineEdit, "fileNameEdit")
    if name is not None:  # a shown, focused dialog keeps its name field as it was
        name.setText(path.name)
    chooser.accept()


def test_slip_action_on_the_card_after_a_real_online_refund(live_window, prompts, qtbot,
                                                            tmp_path) -> None:
    window = live_window
    payment = find(window, lambda p: card_captured(p) and p.currency == "cad")
    dialog = open_refund(qtbot, window, payment)
    submit(qtbot, dialog)
    qtbot.waitUntil(lambda: fresh(window, payment.id).state is PaymentState.REFUNDED,
                    timeout=10000)
    qtbot.waitUntil(lambda: window.detail.findChild(QPushButton, "refundSlipButton") is not None)
    refunded = fresh(window, payment.id)
    [refund] = [r for r in refunded.refunds if r.status == "succeeded"]
    button = window.detail.findChild(QPushButton, "refundSlipButton")
    assert button.property("refundId") == refund.id
    assert button.accessibleName().startswith("Refund slip for") and button.height() >= 44
    qtbot.waitUntil(button.isVisible)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (d := window.findChild(RefundSlipDialog)) is not None
                    and d.isVisible())
    slip_dialog = window.findChild(RefundSlipDialog)
    text = slip_dialog.preview.toPlainText()
    assert "REFUND" in text and refund.id in text and payment.id in text
    assert "TRAINING — NOT A REAL REFUND" in text and "Morgan Manager" in text
    SHOT_DIR.mkdir(exist_ok=True)
    window.grab().save(str(SHOT_DIR / "window-with-slip-card.png"))
    slip_dialog.grab().save(str(SHOT_DIR / "slip-dialog.png"))
    qtbot.mouseClick(slip_dialog.buttons.print_button, Qt.MouseButton.LeftButton)
    printing = slip_dialog.findChild(QPrintDialog)
    assert printing is not None and printing.isVisible()  # opened with open(), not exec()
    printing.reject()
    target = tmp_path / "slip.pdf"
    qtbot.mouseClick(slip_dialog.buttons.pdf_button, Qt.MouseButton.LeftButton)
    choose_file(qtbot, slip_dialog, target)
    assert target.read_bytes().startswith(b"%PDF")
    assert slip_dialog.buttons.status.text() == f"Slip saved: {target}"
    assert prompts.errors == []


def test_no_slip_for_an_unknown_refund_is_said(live_window, prompts, qtbot) -> None:
    payment = find(live_window, card_captured)
    assert live_window.open_refund_slip(payment, "re_not_there") is None
    [error] = prompts.errors
    assert isinstance(error, SlipNotAvailable) and error.params["refund"] == "re_not_there"
    assert error_words(error)[:2] == ("No refund slip",
                                      "This refund is not among the payment's refunds.")


@pytest.mark.slow
def test_reader_refund_final_state_offers_the_slip(qtbot, live, prompts, tmp_path) -> None:  # noqa: F811
    sandbox, services = live
    payment = run(qtbot, interac_payments(services))[0]
    reader = run(qtbot, idle_readers(services))[0]
    tasks = TaskRegistry()
    slips = RefundSlipViewModel(services.payments, SlipContext(services.account_name, True),
                                tasks.scope("refund slip"))
    dialog = ReaderRefundDialog(payment, services, services.readers, MANAGER, reader.id, True,
                                services.connect, prompts, tasks, slips=slips)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 720)
    dialog.open()
    qtbot.waitUntil(child(dialog, QPushButton, "startButton").isEnabled, timeout=15000)
    start_and_wait_for_card(qtbot, dialog)
    assert not dialog.progress.slip.isVisible()  # nothing to print before it is done
    with qtbot.waitSignal(dialog.completed, timeout=20000):
        tap(qtbot, dialog, Card.INTERAC)
    buttons = dialog.progress.slip
    qtbot.waitUntil(buttons.isVisible)
    assert buttons.refund_id and buttons.refund_id.startswith("re_")
    SHOT_DIR.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOT_DIR / "reader-final-state.png"))
    target = tmp_path / "reader-slip.pdf"
    qtbot.mouseClick(child(dialog, QPushButton, "saveSlipPdfButton"), Qt.MouseButton.LeftButton)
    choose_file(qtbot, dialog, target)  # after the payment was read afresh
    assert target.read_bytes().startswith(b"%PDF")
    assert buttons.status.text() == f"Slip saved: {target}"
    slip = slips.slip_for(run(qtbot, services.payments.refresh(payment.id)), buttons.refund_id,
                          reader.label)
    assert slip.in_person and f"in person on {reader.label}" in slip_html(slip)
    qtbot.mouseClick(child(dialog, QPushButton, "printSlipButton"), Qt.MouseButton.LeftButton)
    printing = dialog.findChild(QPrintDialog)
    assert printing is not None and printing.isVisible()
    printing.reject()
    assert prompts.errors == []


def test_the_slip_speaks_the_customers_language_while_the_till_keeps_its_own(
        qtbot, prompts) -> None:
    """An English till prints a French slip for a francophone customer (amounts, dates and
    words of fr_CA), and back; the dialog's own words stay the till's."""
    dialog = RefundSlipDialog(sample_slip(), prompts)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "en"
    assert "Original payment" in dialog.preview.toPlainText()
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    french = dialog.preview.toPlainText().replace("\u00a0", " ")
    assert "Paiement initial" in french and "42,50 $" in french
    assert "REMBOURSEMENT" in french and "Original payment" not in french
    assert dialog.windowTitle() == "Refund slip"
    html = slip_html(dialog.slip, dialog.words)
    assert 'lang="fr-CA"' in html and "Signature du client" in html
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert "Original payment" in dialog.preview.toPlainText()


def test_a_french_till_shows_the_slip_in_french(qtbot, prompts, french) -> None:
    dialog = RefundSlipDialog(sample_slip(), prompts)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "fr"
    assert "Paiement initial" in dialog.preview.toPlainText()
    assert dialog.windowTitle() == "Reçu de remboursement"
