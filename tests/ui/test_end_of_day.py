"""End of day on the training sandbox, through the real services: the open authorizations
(one by one, all at once, one changed at another till meanwhile), the totals, the day's
operations, and the report printed, saved as PDF and exported as CSV."""

from __future__ import annotations

import csv
import dataclasses
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QPushButton

from pos_refunds.app import load_stylesheet
from pos_refunds.domain.day_operations import DayKind
from pos_refunds.domain.end_of_day import (
    Urgency,
    currency_totals,
    day_bounds,
    day_totals,
    touched_on,
)
from pos_refunds.domain.money import Money
from pos_refunds.journal import Journal, OperationKind
from pos_refunds.services.api import Mode, Staff
from pos_refunds.services.day_activity import from_journal
from pos_refunds.ui import palette
from pos_refunds.ui.dialogs.end_of_day import EndOfDayDialog
from pos_refunds.ui.end_of_day_report import operation_cells
from pos_refunds.ui.messages import error_words
from pos_refunds.ui.models.day_operations_model import DayOperationsModel
from pos_refunds.ui.models.day_totals_model import DayTotalsModel
from pos_refunds.ui.tasks import TaskRegistry
from pos_refunds.ui.viewmodels.authorization_rows import BatchIncomplete, ChangedElsewhere, RowState
from tests.support.builders import make_payment
from tests.support.builders import make_payment as payment
from tests.ui.conftest import run_async
from tests.ui.fakes import fake_services

MANAGER = Staff("m1", "Maria Manager", "manager")


async def _all(services) -> list:
    found = []
    async for page in services.payments.pages(page_size=100):
        found += page
    return found


@pytest.fixture
def loaded(qtbot, services) -> list:
    """What the main window would have loaded: the sandbox's recent in-store payments."""
    return run_async(qtbot, _all(services))


def open_dialog(qtbot, services, prompts, payments) -> EndOfDayDialog:
    dialog = EndOfDayDialog(payments, services, prompts, MANAGER, TaskRegistry())
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.vm.checked, timeout=10000)
    return dialog


def waiting(dialog) -> list[str]:
    return [r.payment.id for r in dialog.vm.rows() if r.state is RowState.READY]


def click(qtbot, widget, name: str) -> None:
    button = widget.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def idle(qtbot, dialog, timeout: int = 20000) -> None:
    qtbot.waitUntil(lambda: not dialog.vm.busy, timeout=timeout)


# --- models --------------------------------------------------------------------------------

def _totals():
    start, end = day_bounds(datetime.now(UTC).astimezone().date())
    noon = start + timedelta(hours=12)
    payments = [make_payment("pi_1", amount=1250, created=noon),
                make_payment("pi_2", amount=1200, currency="jpy", created=noon),
                make_payment("pi_3", amount=4000, network="interac", created=noon)]
    totals = day_totals(payments, start, end)
    return totals, currency_totals(totals)


def test_totals_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = DayTotalsModel()
    model.set_totals(*_totals())
    qtmodeltester.check(model)
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert labels == ["Interac", "Visa", "All CAD", "Visa", "All JPY"]
    assert model.index(2, DayTotalsModel.Column.NET).data() == "$52.50"
    assert model.index(4, DayTotalsModel.Column.COLLECTED).data() == "JP¥1,200"
    assert model.index(4, 0).data(Qt.ItemDataRole.FontRole).bold()


def test_operations_model_passes_qt_model_tester(qtmodeltester, tmp_path) -> None:
    with Journal(tmp_path / "j.sqlite3") as j:
        op = j.begin("refund_online", "pi_1", amount=Money(500, "cad"), staff="Ann",
                     approver="Maria", till="t")
        j.record(op.op_id, "succeeded", stripe_ids={"refund": "re_1"})
        j.begin("cancel", "pi_2", amount=Money(900, "cad"), staff="Bo", approver=None, till="t")
        operations = [from_journal(op) for op in j.operations()]
    model = DayOperationsModel()
    model.set_operations(operations)
    qtmodeltester.check(model)
    assert [model.index(r, DayOperationsModel.Column.KIND).data() for r in range(2)] == [
        "Cancel", "Refund"]
    assert model.index(1, DayOperationsModel.Column.APPROVER).data() == "Maria"
    assert model.index(0, DayOperationsModel.Column.OUTCOME).data() == "Pending"
    assert model.index(1, DayOperationsModel.Column.OUTCOME).data() == "Refunded"


# --- the screen on the sandbox -------------------------------------------------------------

def test_lists_the_sandboxs_authorizations_with_their_deadlines(qtbot, services, prompts,
                                                                 loaded) -> None:
    dialog = open_dialog(qtbot, services, prompts, loaded)
    expected = {p.id for p in loaded if p.status == "requires_capture"}
    assert len(expected) >= 4
    assert {r.payment.id for r in dialog.vm.rows()} == expected
    assert set(waiting(dialog)) == expected
    section = dialog.authorizations
    assert section.title.text() == f"Authorizations not captured ({len(expected)})"
    now = datetime.now(UTC)
    urgencies = {r.payment.id: r.auth.urgency(now) for r in dialog.vm.rows()}
    urgent = next(pid for pid, u in urgencies.items() if u is Urgency.URGENT)  # 47 h old
    deadline = section.row_widget(urgent).findChild(QLabel, "authDeadline")
    assert deadline.property("urgency") == "urgent" and "left" in deadline.text()
    dialog.setStyleSheet(load_stylesheet())  # as the application does: red by [urgency]
    assert deadline.palette().color(deadline.foregroundRole()).name() == palette.ERROR
    ok = next(pid for pid, u in urgencies.items() if u is Urgency.OK)
    assert section.row_widget(ok).findChild(QLabel, "authDeadline").property("urgency") == "ok"
    first = dialog.vm.rows()[0].auth
    assert all(first.deadline <= r.auth.deadline for r in dialog.vm.rows())  # urgent first
    qtbot.waitUntil(lambda: "Journal verified" in dialog.journal_status.text())
    assert prompts.errors == []


def test_totals_of_the_day_match_the_payments(qtbot, services, prompts, loaded) -> None:
    dialog = open_dialog(qtbot, services, prompts, loaded)
    start, end = day_bounds(datetime.now(UTC).astimezone().date())
    per_network = day_totals(loaded, start, end)
    per_currency = currency_totals(per_network)
    model = dialog.tables.totals_model
    assert model.rowCount() == len(per_network) + len(per_currency)
    sums = {model.total(r).currency: model.total(r) for r in range(model.rowCount())
            if model.total(r).network is None}
    assert sums == {t.currency: t for t in per_currency}


def test_capture_one(qtbot, services, sandbox, prompts, loaded) -> None:
    sale = sandbox.new_sale(amount=3100, network="mastercard", capture="manual")
    fresh = run_async(qtbot, services.payments.refresh(sale["id"]))
    dialog = open_dialog(qtbot, services, prompts, [*loaded, fresh])
    updated = []
    dialog.paymentUpdated.connect(updated.append)
    row = dialog.authorizations.row_widget(sale["id"])
    click(qtbot, row, "authCaptureButton")
    assert prompts.confirms[-1][0] == "Capture this payment?"
    qtbot.waitUntil(lambda: dialog.vm.row(sale["id"]).state is RowState.CAPTURED, timeout=10000)
    idle(qtbot, dialog)
    assert dialog.vm.row(sale["id"]).message == "Captured $31.00."
    assert row.findChild(QLabel, "authResult").text() == "Captured $31.00."
    assert not row.findChild(QPushButton, "authCaptureButton").isVisibleTo(dialog)
    after = run_async(qtbot, services.payments.refresh(sale["id"]))
    assert after.status == "succeeded" and after.amount_received.minor == 3100
    assert after.metadata["pos_staff"] == "Maria Manager"  # other tills see who captured it
    assert any(p.id == sale["id"] and p.status == "succeeded" for p in updated)
    ops = run_async(qtbot, services.journal.operations())
    assert [(o.kind, o.state.value, o.staff) for o in ops] == [
        (OperationKind.CAPTURE, "succeeded", "Maria Manager")]
    assert dialog.authorizations.title.text().startswith("Authorizations not captured (")
    assert prompts.errors == []


def test_cancel_one_shows_in_the_days_cancellations(qtbot, services, sandbox, prompts,
                                                     loaded) -> None:
    sale = sandbox.new_sale(amount=1800, network="visa", capture="manual")
    fresh = run_async(qtbot, services.payments.refresh(sale["id"]))
    dialog = open_dialog(qtbot, services, prompts, [*loaded, fresh])
    click(qtbot, dialog.authorizations.row_widget(sale["id"]), "authCancelButton")
    assert prompts.confirms[-1][0] == "Cancel this payment?"
    qtbot.waitUntil(lambda: dialog.vm.row(sale["id"]).state is RowState.CANCELED, timeout=10000)
    model = dialog.tables.operations_model

    def row() -> int | None:
        found = [r for r in range(model.rowCount())
                 if model.operation(r).payment_id == sale["id"]]
        return found[0] if found else None

    qtbot.waitUntil(lambda: row() is not None)
    col, r = DayOperationsModel.Column, row()
    assert model.index(r, col.KIND).data() == "Cancel"
    assert model.index(r, col.STAFF).data() == "Maria Manager"
    assert model.index(r, col.OUTCOME).data() == "Canceled"
    assert model.index(r, col.AMOUNT).data() == "$18.00"
    assert model.index(r, col.CARD).data() == "Visa •••• 4242"
    assert run_async(qtbot, services.payments.refresh(sale["id"])).status == "canceled"
    assert prompts.errors == []


def test_capture_all_goes_on_past_one_changed_elsewhere(qtbot, services, sandbox, prompts,
                                                        loaded) -> None:
    dialog = open_dialog(qtbot, services, prompts, loaded)
    ids = waiting(dialog)
    gone = ids[1]
    sandbox.other_till_cancel(gone)  # after the screen opened: it still shows as waiting
    click(qtbot, dialog, "captureAllButton")
    title, text, accept = prompts.confirms[-1]
    assert title == "Capture all?" and text.startswith(f"Capture {len(ids)} authorizations")
    assert accept == f"Capture {len(ids)}"
    idle(qtbot, dialog, timeout=30000)
    changed = dialog.vm.row(gone)
    assert changed.state is RowState.CHANGED
    assert changed.message.startswith("Changed elsewhere: now canceled")
    label = dialog.authorizations.row_widget(gone).findChild(QLabel, "authResult")
    assert label.text().startswith("Changed elsewhere")
    others = [dialog.vm.row(pid) for pid in ids if pid != gone]
    assert all(r.state is RowState.CAPTURED for r in others), [r.message for r in others]
    [error] = prompts.errors  # one message for the whole batch
    title, text, _ = error_words(error)
    assert isinstance(error, BatchIncomplete) and title == "Not all captured"
    assert text.startswith(f"1 of {len(ids)} authorizations were not captured:")
    assert "Changed elsewhere" in text and text.endswith("were captured.")
    ops = run_async(qtbot, services.journal.operations())
    assert sorted(o.payment_id for o in ops) == sorted(pid for pid in ids if pid != gone)
    assert dialog.authorizations.title.text() == "Authorizations not captured (0)"
    assert not dialog.authorizations.capture_all.isEnabled()
    # the journal line follows what was just written (two entries an operation)
    entries = 2 * len(ops)
    qtbot.waitUntil(lambda: dialog.journal_status.text()
                    == f"Journal verified: {entries} entries intact.")


def test_stop_leaves_the_rest_of_a_batch(qtbot, services, sandbox, prompts, loaded) -> None:
    dialog = open_dialog(qtbot, services, prompts, loaded)
    ids = waiting(dialog)
    sandbox.inject_fault("latency", "POST", r"/cancel$", count=1, latency_ms=400)
    click(qtbot, dialog, "cancelAllButton")
    assert prompts.confirms[-1][0] == "Cancel all?"
    qtbot.waitUntil(lambda: dialog.vm.row(ids[0]).state is RowState.WORKING)
    assert dialog.close_button.text() == "Wait…" and not dialog.close_button.isEnabled()
    dialog.reject()  # Esc while a cancel is on its way: nothing happens
    assert dialog.isVisible()
    click(qtbot, dialog, "stopBatchButton")
    idle(qtbot, dialog)
    assert dialog.vm.row(ids[0]).state is RowState.CANCELED
    assert {dialog.vm.row(pid).message for pid in ids[1:]} == {"Not done: stopped."}
    assert all(dialog.vm.row(pid).state is RowState.READY for pid in ids[1:])
    assert prompts.errors == []
    assert dialog.close_button.isEnabled()
    dialog.reject()
    assert not dialog.isVisible()


def test_a_refused_key_says_why_on_the_row_and_once_in_a_message(
        qtbot, services, sandbox, prompts, loaded) -> None:
    dialog = open_dialog(qtbot, services, prompts, loaded)
    target = waiting(dialog)[0]
    sandbox.revoke_key(sandbox.api_key)
    click(qtbot, dialog.authorizations.row_widget(target), "authCaptureButton")
    qtbot.waitUntil(lambda: dialog.vm.row(target).state is RowState.FAILED, timeout=10000)
    idle(qtbot, dialog)
    [error] = prompts.errors
    assert error_words(error)[0] == "Stripe key not accepted"
    assert dialog.vm.row(target).message == "Not captured: Stripe key not accepted."
    widget = dialog.authorizations.row_widget(target)
    assert widget.findChild(QLabel, "authResult").text() == "Not captured: Stripe key not accepted."
    assert widget.findChild(QPushButton, "authCaptureButton").isEnabled()  # may be tried again


def test_stripe_not_answering_leaves_the_row_unconfirmed(qtbot, services, sandbox, prompts,
                                                         loaded) -> None:
    dialog = open_dialog(qtbot, services, prompts, loaded)
    target = waiting(dialog)[0]
    # The send and the resolve that follows, each with the client's two retries.
    sandbox.inject_fault("error_before", "POST", r"/capture$", count=6, status=503)
    click(qtbot, dialog.authorizations.row_widget(target), "authCaptureButton")
    qtbot.waitUntil(lambda: dialog.vm.row(target).state is RowState.FAILED, timeout=20000)
    assert dialog.vm.row(target).message.startswith("Not confirmed by Stripe yet")
    idle(qtbot, dialog)
    [error] = prompts.errors
    assert error_words(error)[0] == "Outcome not known yet"
    [op] = run_async(qtbot, services.journal.operations())
    assert op.kind is OperationKind.CAPTURE and op.state.is_open  # resolved later, never lost


def test_changed_elsewhere_before_a_single_capture(qtbot, services, sandbox, prompts,
                                                   loaded) -> None:
    dialog = open_dialog(qtbot, services, prompts, loaded)
    target = waiting(dialog)[0]
    sandbox.other_till_capture(target)
    click(qtbot, dialog.authorizations.row_widget(target), "authCaptureButton")
    qtbot.waitUntil(lambda: dialog.vm.row(target).state is RowState.CHANGED, timeout=10000)
    assert dialog.vm.row(target).message == "Changed elsewhere: now captured. Nothing was sent."
    qtbot.waitUntil(lambda: prompts.errors != [])
    assert isinstance(prompts.errors[0], ChangedElsewhere)
    assert run_async(qtbot, services.journal.operations()) == []  # nothing journaled or sent


def test_nothing_waiting(qtbot, services, prompts) -> None:
    dialog = open_dialog(qtbot, services, prompts, [make_payment("pi_done")])
    assert dialog.authorizations.empty.isVisibleTo(dialog)
    assert not dialog.authorizations.capture_all.isEnabled()
    assert not dialog.authorizations.cancel_all.isEnabled()
    assert dialog.authorizations.title.text() == "Authorizations not captured (0)"


# --- the report ----------------------------------------------------------------------------

def choose(qtbot, dialog, button: str, path: Path) -> None:
    click(qtbot, dialog, button)
    chooser = dialog.findChild(QFileDialog)
    assert chooser is not None and chooser.isVisible()  # opened with open(), not exec()
    chooser.selectFile(str(path))
    chooser.accept()


def test_save_as_pdf(qtbot, services, prompts, loaded, tmp_path) -> None:
    dialog = open_dialog(qtbot, services, prompts, loaded)
    qtbot.waitUntil(lambda: "Journal verified" in dialog.journal_status.text())
    target = tmp_path / "day.pdf"
    choose(qtbot, dialog, "savePdfButton", target)
    assert target.read_bytes().startswith(b"%PDF")
    assert dialog.status.text() == f"Saved {target}"
    if shutil.which("pdftoppm"):  # the first page renders (and can be looked at)
        subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(target),
                        str(tmp_path / "page")], check=True, timeout=60)
        assert any(tmp_path.glob("page*.png"))
    assert prompts.errors == []


def test_pdf_to_a_folder_that_is_gone_says_so(qtbot, services, prompts, tmp_path) -> None:
    dialog = open_dialog(qtbot, services, prompts, [])
    dialog.write_pdf(tmp_path / "gone" / "day.pdf")
    [error] = prompts.errors
    title, text, _ = error_words(error)
    assert title == "File not saved" and "day.pdf could not be written" in text


def test_print_goes_through_the_print_dialog(qtbot, services, prompts, loaded,
                                             tmp_path) -> None:
    dialog = open_dialog(qtbot, services, prompts, loaded)
    click(qtbot, dialog, "printButton")
    printing = dialog.findChild(QPrintDialog)
    assert printing is not None and printing.isVisible()  # opened with open(), not exec()
    to_file = printing.findChild(QLineEdit, "filename")
    if to_file is None or not to_file.isEnabled():
        printing.reject()
        pytest.skip("a real printer is installed: nothing is printed from the tests")
    target = tmp_path / "printed.pdf"
    to_file.setText(str(target))
    printing.accept()
    assert target.read_bytes().startswith(b"%PDF")


def test_export_csv_of_the_days_payments_and_operations(qtbot, services, sandbox, prompts,
                                                        loaded, tmp_path) -> None:
    sale = sandbox.new_sale(amount=2200, network="visa", capture="manual")
    fresh = run_async(qtbot, services.payments.refresh(sale["id"]))
    dialog = open_dialog(qtbot, services, prompts, [*loaded, fresh])
    click(qtbot, dialog.authorizations.row_widget(sale["id"]), "authCaptureButton")
    qtbot.waitUntil(lambda: dialog.vm.row(sale["id"]).state is RowState.CAPTURED, timeout=10000)
    qtbot.waitUntil(lambda: any(o.payment_id == sale["id"]
                                for o in dialog.vm.report().operations))
    target = tmp_path / "day.csv"
    choose(qtbot, dialog, "exportDayCsvButton", target)
    qtbot.waitUntil(lambda: dialog.status.text() == f"Saved {target}", timeout=10000)
    with target.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    mine = [r for r in rows if r["payment_id"] == sale["id"]]
    assert [(r["record"], r["state"], r["amount"], r["currency"]) for r in mine] == [
        ("payment", "succeeded", "22.00", "CAD"), ("operation", "done", "22.00", "CAD")]
    assert mine[1]["kind"] == "capture" and mine[1]["staff"] == "Maria Manager"
    start, end = day_bounds(datetime.now(UTC).astimezone().date())
    today = {p.id for p in dialog.vm.report().payments if touched_on(p, start, end)}
    assert {r["payment_id"] for r in rows if r["record"] == "payment"} == today
    assert prompts.errors == []


def test_menu_opens_end_of_day_and_updates_the_list(qtbot, live_window, sandbox) -> None:
    window = live_window
    assert window.end_of_day_action.text() == "End of day…"
    dialog = window.open_end_of_day()
    qtbot.waitUntil(lambda: dialog.vm.checked, timeout=10000)
    target = waiting(dialog)[0]
    click(qtbot, dialog.authorizations.row_widget(target), "authCancelButton")
    qtbot.waitUntil(lambda: window.model.payment(window.model.row_of(target)).status
                    == "canceled", timeout=10000)
    assert dialog.vm.row(target).state is RowState.CANCELED
    dialog.reject()


def test_closing_the_window_stops_a_batch(qtbot, live_window, sandbox) -> None:
    dialog = live_window.open_end_of_day()
    qtbot.waitUntil(lambda: dialog.vm.checked, timeout=10000)
    sandbox.inject_fault("latency", "POST", r"/capture$", count=1, latency_ms=800)
    click(qtbot, dialog, "captureAllButton")
    qtbot.waitUntil(lambda: dialog.vm.busy)
    assert dialog.busy  # the idle lock waits for it
    live_window.close()
    qtbot.waitUntil(lambda: live_window._closed, timeout=10000)
    assert not dialog.vm.busy  # stopped before the services closed


def test_locking_the_till_closes_end_of_day(qtbot, live_window) -> None:
    dialog = live_window.open_end_of_day()
    qtbot.waitUntil(lambda: dialog.vm.checked, timeout=10000)
    live_window.session.lock()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert live_window.open_end_of_day() is None  # nobody signed in: nothing opens


def test_live_mode_warns_in_the_confirmation(qtbot, services, prompts, loaded) -> None:
    prompts.accept = False
    dialog = EndOfDayDialog(loaded, dataclasses.replace(services, mode=Mode.LIVE), prompts,
                            MANAGER, TaskRegistry())
    qtbot.addWidget(dialog)
    click(qtbot, dialog, "captureAllButton")
    assert prompts.confirms[-1][1].startswith("LIVE MODE")
    assert not dialog.vm.busy


def test_every_control_is_named_reachable_and_touch_sized(qtbot, services, prompts,
                                                          loaded) -> None:
    from tests.ui.test_accessibility import _check

    dialog = open_dialog(qtbot, services, prompts, loaded)
    qtbot.waitExposed(dialog)
    _check(dialog)


# --- the day's operations: every till's, and the captures -----------------------------------

def test_captures_count_in_the_totals_and_screen_pdf_and_csv_agree(
        qtbot, services, sandbox, prompts, loaded, tmp_path) -> None:
    import pypdf

    start, end = day_bounds(datetime.now(UTC).astimezone().date())
    older = sorted((p for p in loaded if p.status == "requires_capture" and p.created < start),
                   key=lambda p: p.created)
    assert older, "the seed has authorizations from yesterday"
    here = older[0]  # authorized yesterday, captured now
    elsewhere = sandbox.new_sale(amount=3300, network="mastercard", capture="manual")
    sandbox.other_till_capture(elsewhere["id"])  # earlier today, outside this app
    dialog = open_dialog(qtbot, services, prompts, loaded)
    click(qtbot, dialog.authorizations.row_widget(here.id), "authCaptureButton")
    qtbot.waitUntil(lambda: dialog.vm.row(here.id).state is RowState.CAPTURED, timeout=10000)
    idle(qtbot, dialog)

    def captures() -> dict:
        return {o.payment_id: o for o in dialog.vm.report().operations
                if o.kind is DayKind.CAPTURE}

    qtbot.waitUntil(lambda: {here.id, elsewhere["id"]} <= set(captures()), timeout=10000)
    report = dialog.vm.report()
    mine, theirs = captures()[here.id], captures()[elsewhere["id"]]
    assert mine.staff == MANAGER.name and mine.till and not mine.outside_app
    assert theirs.outside_app and theirs.amount == Money(3300, "cad")

    # The totals count yesterday's authorization captured today.
    def cad(totals):
        return next(t for t in totals if t.currency == "cad")

    without = currency_totals(day_totals(report.payments, start, end))
    assert cad(report.currency_totals).collected - cad(without).collected == here.amount
    shown = dialog.tables.totals_model
    rows = [shown.index(r, 0).data(DayTotalsModel.TOTAL_ROLE) for r in range(shown.rowCount())]
    assert cad([t for t in rows if t.network is None]) == cad(report.currency_totals)

    # One list of operations on the screen, on paper and in the CSV.
    model, col = dialog.tables.operations_model, DayOperationsModel.Column
    on_screen = sorted((model.index(r, col.KIND).data(), model.index(r, col.AMOUNT).data(),
                        model.index(r, col.OUTCOME).data(), model.index(r, col.STAFF).data())
                       for r in range(model.rowCount()))
    cells = [operation_cells(op) for op in report.operations]
    assert on_screen == sorted((c[1], c[2], c[4], c[6]) for c in cells)
    assert ("Capture", "$33.00", "Captured", "Outside this app") in on_screen
    pdf = tmp_path / "day.pdf"
    dialog.write_pdf(pdf)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    flat = " ".join(text.split())
    for c in cells:
        assert f"{c[1]} {c[2]}" in flat and c[4] in flat
    assert f"({len(cells)})" in flat
    target = tmp_path / "day.csv"
    choose(qtbot, dialog, "exportDayCsvButton", target)
    qtbot.waitUntil(lambda: dialog.status.text() == f"Saved {target}", timeout=10000)
    with target.open(encoding="utf-8-sig", newline="") as file:
        ops = [r for r in csv.DictReader(file) if r["record"] == "operation"]
    assert sorted((r["payment_id"], r["outcome"]) for r in ops) == sorted(
        (op.payment_id, c[4]) for op, c in zip(report.operations, cells, strict=True))
    assert {r["kind"] for r in ops if r["payment_id"] in (here.id, elsewhere["id"])} == {
        "capture"}
    assert prompts.errors == []


def test_an_empty_section_is_one_line_and_the_totals_show_unscrolled(qtbot, qasync,
                                                                     prompts) -> None:
    noon = datetime.now(UTC).astimezone().replace(hour=12, minute=0, second=0, microsecond=0)
    networks = ["visa", "mastercard", "amex", "interac", "discover"]
    sales = [payment(f"pi_{n}", network=n, created=noon - timedelta(minutes=5))
             for n in networks]
    dialog = EndOfDayDialog(sales, fake_services(sales), prompts, MANAGER, TaskRegistry(),
                            clock=lambda: noon)
    qtbot.addWidget(dialog)
    dialog.resize(1340, 720)  # what a 1366×768 screen leaves it
    dialog.show()
    qtbot.waitUntil(lambda: dialog.vm.operations_read)
    section, totals = dialog.authorizations, dialog.tables.totals
    assert section.empty.isVisible()
    assert section.height() < 110  # title, hint, one line: not half the dialog
    qtbot.waitUntil(lambda: totals.model().rowCount() == len(networks) + 1)
    assert totals.isVisible() and totals.verticalScrollBar().maximum() == 0
    last = totals.visualRect(totals.model().index(totals.model().rowCount() - 1, 0))
    assert last.bottom() <= totals.viewport().height()  # the sum row shows, unscrolled
    assert totals.mapTo(dialog, totals.rect().bottomLeft()).y() < dialog.height() - 150
    ops = dialog.tables.operations
    header = ops.horizontalHeader()
    approver = DayOperationsModel.Column.APPROVER
    assert header.sectionViewportPosition(approver) + header.sectionSize(approver) <= \
        ops.viewport().width()  # "Approved by" is not cut
