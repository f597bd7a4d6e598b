"""The audit journal viewer: its model, the entries of a real refund, the chain check (intact
and tampered with) and the CSV export, on the training sandbox through the real services."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from pos_refunds.domain.errors import NetworkDown
from pos_refunds.domain.money import Money
from pos_refunds.domain.reasons import AuditReason, ChainReason, Finding, StripeReason
from pos_refunds.journal import AsyncJournal, Journal, OperationState, VerifyReport
from pos_refunds.services.api import Staff
from pos_refunds.ui.dialogs.journal_dialog import JournalDialog
from pos_refunds.ui.file_export import SaveFailed
from pos_refunds.ui.messages import error_words
from pos_refunds.ui.models.journal_model import (
    JournalFilterProxy,
    JournalTableModel,
    operation_detail_html,
    short_op_id,
    stripe_ids_text,
)
from pos_refunds.ui.tasks import TaskRegistry
from pos_refunds.ui.viewmodels.journal_vm import verify_text
from tests.ui.conftest import run_async

MANAGER = Staff("m1", "Maria Manager", "manager")
Col = JournalTableModel.Column


def fill(path: Path) -> None:
    """Three operations: a refund approved by a manager, a failed cancel, a pending capture."""
    with Journal(path) as j:
        op = j.begin("refund_online", "pi_1", amount=Money(1250, "cad"), staff="Ann",
                     approver="Maria", till="till-1", details={"reason": "duplicate"})
        j.record(op.op_id, "succeeded", stripe_ids={"refund": "re_1", "request_id": "req_9"})
        op = j.begin("cancel", "pi_2", amount=None, staff="Ann", approver=None, till="till-1")
        j.record(op.op_id, "failed", error="This payment was changed meanwhile.")
        j.begin("capture", "pi_3", amount=Money(900, "jpy"), staff="Bo", approver=None,
                till="till-2")


@pytest.fixture
def entries(tmp_path: Path) -> list:
    path = tmp_path / "j.sqlite3"
    fill(path)
    with Journal(path) as j:
        return j.entries()


def cell(model, row: int, column: Col) -> str:
    return model.index(row, column).data()


# --- model ---------------------------------------------------------------------------------

def test_journal_model_passes_qt_model_tester(qtmodeltester, entries) -> None:
    model = JournalTableModel()
    model.set_entries(entries)
    qtmodeltester.check(model)


def test_filter_proxy_passes_qt_model_tester(qtmodeltester, entries) -> None:
    model = JournalTableModel()
    model.set_entries(entries)
    proxy = JournalFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_state(OperationState.FAILED)
    qtmodeltester.check(proxy)


def test_one_row_per_operation_newest_first_in_words(entries) -> None:
    model = JournalTableModel()
    model.set_entries(entries)
    assert model.rowCount() == 3  # five entries, three operations: each at its latest state
    assert [model.entry(r).seq for r in range(3)] == [5, 4, 2]
    assert [cell(model, r, Col.KIND) for r in range(3)] == ["Capture", "Cancel", "Refund online"]
    assert [cell(model, r, Col.STATE) for r in range(3)] == ["Pending", "Failed", "Succeeded"]
    refund = 2
    assert [e.seq for e in model.history(model.entry(refund).op_id)] == [1, 2]
    detail = operation_detail_html(model.history(model.entry(refund).op_id))
    assert "History:" in detail and "<b>Pending</b> · entry 1" in detail
    assert "<b>Succeeded</b> · entry 2" in detail and "re_1" in detail  # ids in the detail
    assert len(model.entries()) == 5
    assert cell(model, refund, Col.AMOUNT) == "$12.50"
    assert cell(model, 0, Col.AMOUNT) == "JP¥900"
    assert cell(model, 1, Col.AMOUNT) == "—"
    assert (cell(model, refund, Col.STAFF), cell(model, refund, Col.APPROVER)) == ("Ann", "Maria")
    assert cell(model, 1, Col.APPROVER) == "—"
    assert cell(model, refund, Col.STRIPE_IDS) == "re_1, req_9"
    assert cell(model, refund, Col.PAYMENT) == "pi_1"
    assert cell(model, refund, Col.TILL) == "till-1"
    assert cell(model, 1, Col.ERROR) == "This payment was changed meanwhile."
    assert cell(model, refund, Col.OPERATION) == short_op_id(model.entry(refund).op_id)
    assert model.index(refund, Col.OPERATION).data(Qt.ItemDataRole.ToolTipRole).startswith(
        model.entry(refund).op_id)
    assert model.index(refund, Col.KIND).data(Qt.ItemDataRole.ToolTipRole) == "duplicate"


def test_stripe_ids_refund_first() -> None:
    assert stripe_ids_text({"request_id": "req_1", "refund": "re_1"}) == "re_1, req_1"
    assert stripe_ids_text({}) == ""


def test_filter_by_state_and_dates(entries) -> None:
    model = JournalTableModel()
    model.set_entries(entries)
    proxy = JournalFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_state(OperationState.PENDING)
    assert proxy.rowCount() == 1  # only the capture is still pending
    proxy.set_state(None)
    today = date.today()
    proxy.set_dates(today + timedelta(days=1), None)
    assert proxy.rowCount() == 0
    proxy.set_dates(today - timedelta(days=3), today)
    assert proxy.rowCount() == 3
    proxy.set_dates(None, today - timedelta(days=1))
    assert proxy.rowCount() == 0


def test_verify_words() -> None:
    ok = verify_text(VerifyReport(True, 12, [], "ab" * 32))
    assert ok.startswith("Journal OK: 12 entries checked") and "ab" * 32 in ok
    assert verify_text(VerifyReport(True, 0, [], None)) == "Journal OK: it has no entries yet."
    bad = verify_text(VerifyReport(False, 4, [Finding(ChainReason.CHANGED, {"entry": 2}),
                                              Finding(ChainReason.MISSING_ONE, {"entry": 4})],
                                   "cd" * 32))
    assert "• Entry 2 was changed after it was written.\n• Entry 4 is missing." in bad
    assert bad.startswith("The journal does not verify.")


# --- the dialog on real services -----------------------------------------------------------

def refund_through_services(qtbot, services, sandbox) -> str:
    sale = sandbox.new_sale(amount=2000, network="visa")
    payment = run_async(qtbot, services.payments.refresh(sale["id"]))
    run_async(qtbot, services.actions.refund_online(
        payment, Money(500, "cad"), reason="requested_by_customer", note="wrong size",
        staff=MANAGER, approval=None))
    return sale["id"]


def open_dialog(qtbot, journal, prompts) -> JournalDialog:
    dialog = JournalDialog(journal, prompts, TaskRegistry())
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.count.text() != "Loading…")
    return dialog


def test_menu_opens_the_viewer_with_a_refund_made_through_services(
        qtbot, live_window, services, sandbox, prompts) -> None:
    payment_id = refund_through_services(qtbot, services, sandbox)
    dialog = live_window.open_journal()
    assert live_window.journal_action.text() == "Audit journal…"
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)  # one refund, two entries
    model = dialog.proxy
    assert cell(model, 0, Col.STATE) == "Succeeded"
    assert "History:" in dialog.detail.text() and "re_" in dialog.detail.text()
    assert dialog.table.isColumnHidden(Col.STRIPE_IDS) and dialog.table.isColumnHidden(
        Col.OPERATION)
    header = dialog.table.horizontalHeader()  # what and how it ended before who and where
    assert header.visualIndex(Col.STATE) < header.visualIndex(Col.STAFF) < header.visualIndex(
        Col.PAYMENT)
    assert cell(model, 0, Col.KIND) == "Refund online"
    assert cell(model, 0, Col.PAYMENT) == payment_id
    assert cell(model, 0, Col.AMOUNT) == "$5.00"
    assert cell(model, 0, Col.STAFF) == "Maria Manager"
    assert cell(model, 0, Col.APPROVER) == "Maria Manager"
    assert cell(model, 0, Col.TILL) == "till-ui"
    assert cell(model, 0, Col.STRIPE_IDS).startswith("re_")
    assert dialog.count.text() == "1 operation"
    text = click_verify(qtbot, dialog)  # from the window: the file, then Stripe
    assert text.startswith("Journal OK: 2 entries checked")
    assert text.endswith("\nStripe confirms the journal up to entry 1.")
    dialog.reject()
    assert prompts.errors == []


def test_state_and_date_filters_in_the_dialog(qtbot, services, sandbox, prompts) -> None:
    refund_through_services(qtbot, services, sandbox)
    dialog = open_dialog(qtbot, services.journal, prompts)
    dialog.state.setCurrentIndex(dialog.state.findText("Succeeded"))
    assert dialog.proxy.rowCount() == 1 and dialog.count.text() == "1 operation"
    dialog.state.setCurrentIndex(0)
    tomorrow = QDate.currentDate().addDays(1)
    dialog.dates.last.setDate(tomorrow)
    dialog.dates.first.setDate(tomorrow)
    assert dialog.proxy.rowCount() == 0 and dialog.count.text() == "0 of 1 operations"
    dialog.dates.first.setDate(tomorrow.addDays(2))  # past the end: the end follows
    assert dialog.dates.last.date() == tomorrow.addDays(2)


def click_verify(qtbot, dialog: JournalDialog) -> str:
    qtbot.mouseClick(dialog.findChild(QPushButton, "verifyButton"), Qt.MouseButton.LeftButton)
    result = dialog.findChild(QLabel, "verifyResult")
    qtbot.waitUntil(lambda: not result.isHidden() and dialog.verify_button.isEnabled())
    return result.text()


def test_verify_ok_shows_count_and_head_hash(qtbot, services, sandbox, prompts) -> None:
    refund_through_services(qtbot, services, sandbox)
    dialog = open_dialog(qtbot, services.journal, prompts)
    text = click_verify(qtbot, dialog)
    report = run_async(qtbot, services.journal.verify())
    assert text == verify_text(report)
    assert text.startswith("Journal OK: 2 entries checked")
    assert report.head_hash and report.head_hash in text


@pytest.fixture
def tampered(tmp_path: Path) -> Path:
    """A journal edited behind its back: the update trigger dropped, an amount changed."""
    path = tmp_path / "tampered.sqlite3"
    fill(path)
    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP TRIGGER entries_no_update")
        conn.execute("UPDATE entries SET amount = 125 WHERE seq = 2")
        conn.commit()
    finally:
        conn.close()
    return path


def test_verify_after_tampering_names_the_problems(qtbot, qasync, prompts, tampered) -> None:
    journal = run_async(qtbot, AsyncJournal.open(tampered))
    try:
        dialog = open_dialog(qtbot, journal, prompts)
        text = click_verify(qtbot, dialog)
        assert text.startswith("The journal does not verify.")
        assert "• Entry 2 was changed after it was written." in text
        assert "• The append-only protection of the journal was removed." in text
        assert "Entry 1 " not in text and prompts.errors == []
        dialog.reject()
    finally:
        run_async(qtbot, journal.aclose())


def choose_file(qtbot, dialog, path: Path) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, "exportButton"), Qt.MouseButton.LeftButton)
    chooser = dialog.findChild(QFileDialog)
    assert chooser is not None and chooser.isVisible()
    assert chooser.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    chooser.selectFile(str(path))
    chooser.accept()


def test_export_csv_writes_every_entry(qtbot, services, sandbox, prompts, tmp_path) -> None:
    payment_id = refund_through_services(qtbot, services, sandbox)
    dialog = open_dialog(qtbot, services.journal, prompts)
    target = tmp_path / "out" / "journal.csv"
    target.parent.mkdir()
    choose_file(qtbot, dialog, target)
    qtbot.waitUntil(lambda: "exported" in dialog.result.text())
    assert dialog.result.text() == f"Journal exported to {target}"
    with target.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [(r["seq"], r["kind"], r["state"]) for r in rows] == [
        ("1", "refund_online", "pending"), ("2", "refund_online", "succeeded")]
    assert rows[1]["payment_id"] == payment_id
    assert (rows[1]["amount"], rows[1]["currency"]) == ("5.00", "CAD")
    assert rows[1]["staff"] == "Maria Manager" and rows[1]["note"] == "wrong size"
    assert "refund=re_" in rows[1]["stripe_ids"]
    assert [p.name for p in target.parent.iterdir()] == ["journal.csv"]  # no .part left
    assert prompts.errors == []


def test_export_to_a_folder_that_is_gone_says_so(qtbot, services, prompts, tmp_path) -> None:
    dialog = open_dialog(qtbot, services.journal, prompts)
    target = tmp_path / "gone" / "journal.csv"
    dialog._export_to(target)  # the folder vanished after it was chosen (a USB stick)
    qtbot.waitUntil(lambda: prompts.errors != [])
    [error] = prompts.errors
    assert isinstance(error, SaveFailed)
    assert "journal.csv could not be written" in error_words(error)[1]
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled())
    assert dialog.result.isHidden()


def test_every_control_is_named_reachable_and_touch_sized(qtbot, services, sandbox,
                                                          prompts) -> None:
    from tests.ui.test_accessibility import _check

    refund_through_services(qtbot, services, sandbox)
    dialog = open_dialog(qtbot, services.journal, prompts)
    qtbot.waitExposed(dialog)
    _check(dialog)


def test_audit_text_says_where_the_journal_and_stripe_differ() -> None:
    from pos_refunds.services.journal_audit import AuditReport
    from pos_refunds.ui.viewmodels.journal_vm import audit_text

    local = VerifyReport(True, 6, [], "ab" * 32)
    assert audit_text(AuditReport(local, sealed_through=5, newer_unsealed=2)).endswith(
        "Stripe confirms the journal up to entry 5 (2 newer operations with nothing at Stripe "
        "to compare).")
    found = Finding(AuditReason.DONE_NO_REFUND, {"kind": "refund_online",
                                                 "amount": Money(1250, "cad"), "payment": "pi_1"})
    differ = audit_text(AuditReport(local, [found], compared=1))
    assert ("The journal and Stripe differ:\n• The journal says the online refund of $12.50 on "
            "pi_1 was done, but Stripe holds no refund from it.") in differ
    offline = audit_text(AuditReport(local, unreachable=NetworkDown(StripeReason.NETWORK_DOWN)))
    assert offline.endswith("Not compared with Stripe: Cannot reach Stripe. Check the shop's "
                            "internet connection; nothing was lost.")
