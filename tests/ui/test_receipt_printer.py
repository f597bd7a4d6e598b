"""The saved receipt printer: settings kept, the slip's paper lines at 32/48 characters, the
slip on a fake network printer (barcode read back to the id the search box takes), on a
system printer (a PDF at 58 and 80 mm), and in words when the printer cannot be reached."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from pos_refunds.printers import PAPER_CHARS, PrinterUnreachable, Unreachable, escpos_bytes
from pos_refunds.ui.dialogs.settings_dialog import SettingsDialog
from pos_refunds.ui.refund_slip_text import slip_receipt
from pos_refunds.ui.settings import AppSettings, SettingsStore
from pos_refunds.ui.tasks import TaskRegistry
from pos_refunds.ui.viewmodels.slip_printer_vm import SlipPrinter
from pos_refunds.ui.views.payments_view import looks_like_payment_id
from tests.printers.fake_printer import decode_code128, fake_printer, free_port, rasters, text_lines
from tests.ui.test_refund_slip import sample_slip

MM = 72 / 25.4  # PDF points per millimetre


def page_points(pdf: Path) -> tuple[float, float]:
    """The first page's size, read from the file's MediaBox (no poppler needed)."""
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf.read_bytes())
    assert box is not None
    return float(box.group(1)), float(box.group(2))


def network(host: str, port: int, paper_mm: int = 80) -> AppSettings:
    return AppSettings(printer_kind="network", printer_host=host, printer_port=port,
                       paper_mm=paper_mm)


def test_printer_settings_are_saved_and_read_back(tmp_path: Path) -> None:
    ini = str(tmp_path / "settings.ini")
    store = SettingsStore(QSettings(ini, QSettings.Format.IniFormat))
    fresh = store.load()
    assert (fresh.printer_kind, fresh.printer_port, fresh.paper_mm,
            fresh.print_after_refund) == ("", 9100, 80, False)
    store.update(fresh, printer_kind="network", printer_host="10.0.0.7", printer_port=9101,
                 paper_mm=58, print_after_refund=True)
    store.sync()
    again = SettingsStore(QSettings(ini, QSettings.Format.IniFormat)).load()
    assert (again.printer_kind, again.printer_host, again.printer_port, again.paper_mm,
            again.print_after_refund) == ("network", "10.0.0.7", 9101, 58, True)


def test_nonsense_in_the_file_falls_back_to_the_defaults(tmp_path: Path) -> None:
    qs = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    for key, value in (("printer/kind", "fax"), ("printer/port", "99999"),
                       ("printer/paper_mm", "110"), ("printer/after_refund", "perhaps")):
        qs.setValue(key, value)
    loaded = SettingsStore(qs).load()
    assert (loaded.printer_kind, loaded.printer_port, loaded.paper_mm,
            loaded.print_after_refund) == ("", 9100, 80, False)


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_paper_lines_fit_the_roll(paper_mm: int) -> None:
    slip = sample_slip()
    receipt = slip_receipt(slip, paper_mm)
    width = PAPER_CHARS[paper_mm]
    assert width == {58: 32, 80: 48}[paper_mm]
    for line in (*receipt.lines, *receipt.after_barcode):
        assert len(line.text) <= (width // 2 if line.big else width), line
    text = "\n".join(line.text for line in receipt.lines)
    assert "Corner Café" in text and "REFUND" in text and "$12.50 CAD" in text
    assert "Visa **** 4242" in text and slip.payment_intent_id in text
    rows = [line.text for line in receipt.lines if line.text.startswith("Card ")]
    assert rows == [f"{'Card':<{width - 14}}Visa **** 4242"]
    assert receipt.barcode == slip.payment_intent_id


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_the_slip_on_a_network_printer(qtbot, qasync, paper_mm: int) -> None:
    slip = sample_slip()
    results: list[tuple[bool, str]] = []
    printer = SlipPrinter(TaskRegistry().scope("receipt printer"))
    with fake_printer() as fake:
        printer.print_slip(slip, network(fake.host, fake.port, paper_mm), QWidget(),
                           lambda ok, text: results.append((ok, text)))
        qtbot.waitUntil(lambda: bool(results), timeout=10000)
        job = fake.wait_job()
    assert results == [(True, f"Slip printed on {fake.host}:{fake.port}.")]
    assert job == escpos_bytes(slip_receipt(slip, paper_mm), paper_mm)
    lines = text_lines(job)
    assert "Corner Café" in lines and any(line.endswith("Visa **** 4242") for line in lines)
    ((width, height, bits),) = rasters(job)
    scanned = decode_code128(width, height, bits)
    # What a scanner types into the search box is exactly the id, and the box takes it.
    assert scanned == slip.payment_intent_id and looks_like_payment_id(scanned)


@pytest.mark.parametrize(("host", "port", "words"), [
    ("127.0.0.1", None, "refused the connection on port"),
    ("receipt-printer.invalid", 9100, "is not a printer's address on this network"),
])
def test_a_printer_that_cannot_be_reached_is_said(qtbot, qasync, host, port, words) -> None:
    results: list[tuple[bool, str]] = []
    # a long timeout: a slow resolver still says "unknown" (.invalid never resolves)
    printer = SlipPrinter(TaskRegistry().scope("receipt printer"), timeout=60)
    widget = QWidget()
    qtbot.addWidget(widget)
    printer.print_slip(sample_slip(), network(host, port or free_port()), widget,
                       lambda ok, text: results.append((ok, text)))
    qtbot.waitUntil(lambda: bool(results), timeout=70000)
    ((ok, text),) = results
    assert not ok and text.startswith("The slip was not printed.") and words in text
    assert "Traceback" not in text and "Errno" not in text


def test_a_printer_that_does_not_answer_times_out(qtbot, qasync) -> None:
    async def silent(*_args: object, timeout: float) -> None:
        raise PrinterUnreachable(Unreachable.TIMEOUT, "10.0.0.9", 9100)

    results: list[tuple[bool, str]] = []
    printer = SlipPrinter(TaskRegistry().scope("receipt printer"), send=silent, timeout=3)
    printer.print_slip(sample_slip(), network("10.0.0.9", 9100), QWidget(),
                       lambda ok, text: results.append((ok, text)))
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert results[0] == (False, "The slip was not printed. The printer at 10.0.0.9:9100 did "
                                 "not answer within 3 seconds: check that it is on, has paper "
                                 "and is on the network.")


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_the_slip_on_a_system_printer_is_a_roll_that_wide(qtbot, tmp_path, paper_mm) -> None:
    pdf = tmp_path / f"slip-{paper_mm}.pdf"

    def pdf_printer(name: str) -> QPrinter:
        assert name == "Receipt"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return printer

    results: list[tuple[bool, str]] = []
    printer = SlipPrinter(TaskRegistry().scope("receipt printer"), find_printer=pdf_printer)
    settings = AppSettings(printer_kind="system", printer_name="Receipt", paper_mm=paper_mm)
    parent = QWidget()
    qtbot.addWidget(parent)
    printer.print_slip(sample_slip(), settings, parent,
                       lambda ok, text: results.append((ok, text)))
    assert results == [(True, "Slip sent to Receipt.")]
    width, height = page_points(pdf)
    assert width == pytest.approx(paper_mm * MM, abs=1.5) and height > 2 * width


def test_a_system_printer_that_is_gone(qtbot) -> None:
    results: list[tuple[bool, str]] = []
    printer = SlipPrinter(TaskRegistry().scope("receipt printer"), find_printer=lambda n: None)
    printer.print_slip(sample_slip(), AppSettings(printer_kind="system", printer_name="TM-T20"),
                       QWidget(), lambda ok, text: results.append((ok, text)))
    assert results == [(False, "The slip was not printed. This computer has no printer "
                               "called “TM-T20”: choose one in Settings.")]


class NoAccount:
    async def summary(self):
        return None

    async def locations(self):
        return []


def settings_dialog(qtbot, store: SettingsStore, prompts) -> SettingsDialog:
    dialog = SettingsDialog(NoAccount(), store, store.load(), prompts, TaskRegistry(),
                            system_printers=["Office laser", "TM-T20"])
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_settings_choose_save_and_test_a_network_printer(qtbot, qasync, tmp_path,
                                                         prompts) -> None:
    store = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = settings_dialog(qtbot, store, prompts)
    box = dialog.receipt
    assert not box.test_button.isEnabled() and not box.host.isEnabled()  # none chosen
    box.printer.setCurrentIndex(box.printer.count() - 1)  # the network printer
    assert box.host.isEnabled() and box.port.value() == 9100
    box.test_button.click()
    assert "address first" in box.status.text()
    box.host.setText("127.0.0.1")
    box.port.setValue(free_port())
    box.test_button.click()
    qtbot.waitUntil(lambda: box.status.text().startswith("The slip was not printed"),
                    timeout=10000)
    assert "refused the connection" in box.status.text() and box.test_button.isEnabled()
    with fake_printer() as fake:
        box.port.setValue(fake.port)
        box.test_button.click()
        qtbot.waitUntil(lambda: box.status.text().startswith("Slip printed"), timeout=10000)
        lines = text_lines(fake.wait_job())
    assert "TRAINING - NOT A REAL REFUND" in lines
    box.paper.setCurrentIndex(box.paper.findData(58))
    box.after_refund.setChecked(True)
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        dialog.save_button.click()
    saved = store.load()
    assert (saved.printer_kind, saved.printer_host, saved.printer_port, saved.paper_mm,
            saved.print_after_refund) == ("network", "127.0.0.1", fake.port, 58, True)
    again = settings_dialog(qtbot, store, prompts).receipt.choice()
    assert replace(again) == again and (again.kind, again.port, again.paper_mm,
                                        again.after_refund) == ("network", fake.port, 58, True)


def test_settings_keep_a_system_printer(qtbot, qasync, tmp_path, prompts) -> None:
    store = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = settings_dialog(qtbot, store, prompts)
    dialog.receipt.printer.setCurrentIndex(dialog.receipt.printer.findText("TM-T20"))
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        dialog.save_button.click()
    saved = store.load()
    assert (saved.printer_kind, saved.printer_name) == ("system", "TM-T20")


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_the_slip_document_carries_the_barcode(qtbot, paper_mm: int) -> None:
    """On screen, in PDF and on system printers: the Code 128 image of the PaymentIntent id,
    its bars the library's modules, inside the paper's column."""
    from PySide6.QtGui import QTextDocument

    from pos_refunds.printers import code128
    from pos_refunds.ui.dialogs.slip_output import slip_document
    from pos_refunds.ui.refund_slip_html import barcode_width_px
    from pos_refunds.ui.slip_barcode import PIXELS_PER_MODULE, barcode_url

    slip = sample_slip()
    parent = QWidget()
    qtbot.addWidget(parent)
    document = slip_document(slip, parent, paper_mm)
    image = document.resource(QTextDocument.ResourceType.ImageResource,
                              barcode_url(slip.payment_intent_id))
    pattern = code128.modules(slip.payment_intent_id)
    row = image.height() // 2
    drawn = "".join("1" if image.pixelColor(x, row).lightness() < 128 else "0"
                    for x in range(0, image.width(), PIXELS_PER_MODULE))
    assert drawn.strip("0") == pattern.strip("0")
    assert barcode_width_px(paper_mm) < (paper_mm - 8) / 25.4 * 96
    assert f'width="{barcode_width_px(paper_mm)}"' in document.toHtml()
