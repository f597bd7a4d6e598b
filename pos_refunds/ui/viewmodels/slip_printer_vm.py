"""The refund slip on the shop's saved receipt printer, without a dialog.

A system printer (by its name, QPrinterInfo) gets the slip's QTextDocument on a page as wide
as the roll; a network ESC/POS printer gets bytes built off the Qt thread (the loop's
executor) and sent with a timeout (printers/network.py). Each request reports once, to its own
callback, with a sentence: `on_result(ok, text)`. Nothing here can undo or hold up a refund.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from ...domain.money import Money
from ...domain.refund_slip import RefundSlip
from ...printers import (
    PrinterUnreachable,
    Receipt,
    Unreachable,
    escpos_bytes,
    send_to_printer,
)
from ..dialogs.slip_output import slip_document
from ..printing import print_on_roll
from ..refund_slip_text import slip_receipt
from ..settings import AppSettings
from ..slip_words import SlipWords
from ..tasks import TaskScope

log = logging.getLogger(__name__)
Result = Callable[[bool, str], None]
Send = Callable[..., Awaitable[None]]
NETWORK_TIMEOUT = 5.0
translate = QCoreApplication.translate

NO_PRINTER = QT_TRANSLATE_NOOP(
    "SlipPrinter", "No receipt printer is set up: choose one in Settings, Receipt printer.")
WHY = {
    Unreachable.UNKNOWN_HOST: QT_TRANSLATE_NOOP(
        "SlipPrinter", "{host} is not a printer's address on this network: check the name or "
        "IP address in Settings."),
    Unreachable.REFUSED: QT_TRANSLATE_NOOP(
        "SlipPrinter", "The printer at {host} refused the connection on port {port}: check the "
        "port (usually 9100) and that nothing else is printing on it."),
    Unreachable.TIMEOUT: QT_TRANSLATE_NOOP(
        "SlipPrinter", "The printer at {host}:{port} did not answer within {seconds:g} seconds: "
        "check that it is on, has paper and is on the network."),
    Unreachable.NO_ROUTE: QT_TRANSLATE_NOOP(
        "SlipPrinter", "{host} cannot be reached from this computer: check the network cable or "
        "Wi-Fi, and the printer's address."),
    Unreachable.DROPPED: QT_TRANSLATE_NOOP(
        "SlipPrinter", "The printer at {host}:{port} closed the connection before taking the "
        "slip: check it for paper or an open cover, then print again."),
}


def not_printed(why: str) -> str:
    """"The slip was not printed." and why (one or two sentences, translated already)."""
    return translate("SlipPrinter", "The slip was not printed. {why}").format(why=why)


def unreachable_text(error: PrinterUnreachable, timeout: float) -> str:
    return not_printed(translate("SlipPrinter", WHY[error.reason]).format(
        host=error.host, port=error.port, seconds=timeout))


def printer_label(settings: AppSettings) -> str:
    if settings.printer_kind == "system":
        return settings.printer_name
    if settings.printer_kind == "network":
        return f"{settings.printer_host}:{settings.printer_port}"
    return ""


def has_printer(settings: AppSettings) -> bool:
    return bool(printer_label(settings)) if settings.printer_kind else False


def sample_slip(shop: str, now: datetime, currency: str = "cad") -> RefundSlip:
    """What "Print test slip" prints: a slip marked as not a refund, with a sample barcode."""
    zero = Money(0, currency)
    return RefundSlip(
        shop=shop or translate("SlipPrinter", "Test slip", "the shop's name on a test slip"),
        refunded_at=now, amount=zero, original_amount=zero, original_at=now,
        card=translate("SlipPrinter", "Test", "the card's name on a test slip"), last4="0000",
        in_person=False, receipt=(), refund_id="re_TEST",
        payment_intent_id="pi_TESTSLIP0000000000000000", reader=None, reason=None,
        note=translate("SlipPrinter", "Printer test: not a refund"), served_by=None,
        training=True,
        signature_line=False, fully_refunded=False)


def system_printer(name: str) -> QPrinter | None:
    """The named system printer, or None when this computer has no printer by that name."""
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        return None
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


class SlipPrinter(QObject):
    def __init__(self, tasks: TaskScope, parent: QObject | None = None, *,
                 send: Send = send_to_printer, timeout: float = NETWORK_TIMEOUT,
                 find_printer: Callable[[str], QPrinter | None] = system_printer) -> None:
        super().__init__(parent)
        self._tasks, self._send, self._timeout = tasks, send, timeout
        self._find_printer = find_printer

    @property
    def tasks(self) -> TaskScope:
        return self._tasks

    def print_slip(self, slip: RefundSlip, settings: AppSettings, widget: QWidget,
                   on_result: Result, words: SlipWords | None = None) -> None:
        """Print `slip` on the saved printer, in `words`' language (the till's when None);
        `on_result` is called once, now or later."""
        label = printer_label(settings)
        if settings.printer_kind == "system" and label:
            self._print_system(slip, settings, widget, on_result, words)
        elif settings.printer_kind == "network" and label:
            receipt = slip_receipt(slip, settings.paper_mm, words)

            def report(ok: bool, text: str) -> None:
                if isValid(widget):  # the dialog that asked may have closed meanwhile
                    on_result(ok, text)
                else:
                    log.info("receipt printer, after its dialog closed: %s", text)

            self._tasks.start(
                self._print_network(receipt, settings),
                on_done=lambda _none: report(True, self.tr("Slip printed on {printer}.")
                                             .format(printer=label)),
                on_error=lambda error: report(False, self._failure(error)))
        else:
            on_result(False, translate("SlipPrinter", NO_PRINTER))

    def _print_system(self, slip: RefundSlip, settings: AppSettings, widget: QWidget,
                      on_result: Result, words: SlipWords | None) -> None:
        printer = self._find_printer(settings.printer_name)
        if printer is None:
            on_result(False, not_printed(self.tr(
                "This computer has no printer called “{printer}”: choose one in Settings.")
                .format(printer=settings.printer_name)))
            return
        printer.setDocName(self.tr("Refund slip {refund_id}", "the print job's name").format(
            refund_id=slip.refund_id))
        document = slip_document(slip, widget, settings.paper_mm, words)
        print_on_roll(document, printer, settings.paper_mm)
        document.deleteLater()
        if printer.printerState() == QPrinter.PrinterState.Error:
            on_result(False, not_printed(self.tr(
                "{printer} reported an error: check it in the computer's printer settings.")
                .format(printer=settings.printer_name)))
        else:
            on_result(True, self.tr("Slip sent to {printer}.").format(
                printer=settings.printer_name))

    async def _print_network(self, receipt: Receipt, settings: AppSettings) -> None:
        loop = asyncio.get_running_loop()
        data = await loop.run_in_executor(None, escpos_bytes, receipt, settings.paper_mm)
        await self._send(settings.printer_host, settings.printer_port, data,
                         timeout=self._timeout)

    def _failure(self, error: BaseException) -> str:
        if isinstance(error, PrinterUnreachable):
            return unreachable_text(error, self._timeout)
        log.error("slip not printed", exc_info=error)
        return not_printed(self.tr(
            "Something went wrong while printing; the refund itself is done."))


class SavedPrinter:
    """The printer the settings name now (they can change while a dialog is open)."""

    def __init__(self, printer: SlipPrinter, settings: Callable[[], AppSettings]) -> None:
        self.printer, self._settings = printer, settings

    @property
    def settings(self) -> AppSettings:
        return self._settings()

    @property
    def ready(self) -> bool:
        return has_printer(self._settings())

    @property
    def after_refund(self) -> bool:
        return self.ready and self._settings().print_after_refund

    @property
    def label(self) -> str:
        return printer_label(self._settings())

    def print_slip(self, slip: RefundSlip, widget: QWidget, on_result: Result,
                   words: SlipWords | None = None) -> None:
        self.printer.print_slip(slip, self._settings(), widget, on_result, words)
