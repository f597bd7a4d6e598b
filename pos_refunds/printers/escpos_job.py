"""A receipt as ESC/POS bytes, built with python-escpos's Dummy printer (no device opened).

The barcode is Code 128 of the text it carries (encoded by python-barcode, see code128.py),
sent as a raster image (the library's GS v 0) with whole-dot modules. Not the printers' own
barcode command: a 27-character PaymentIntent id is 332 modules, and at that command's 2-dot
minimum module (GS w) it is wider than a 58 mm printer's 384 dots or an 80 mm printer's 576;
most 58 mm printers have no Code 128 command at all. A raster image prints on every one.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from typing import Any

from . import code128

PAPER_CHARS = {58: 32, 80: 48}  # font A characters per line
PAPER_DOTS = {58: 384, 80: 576}  # printable dots per line at 203 dpi
DPI = 203
BARCODE_HEIGHT_MM = 10.0


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    text: str
    bold: bool = False
    big: bool = False  # double width and height (a headline, the amount)
    center: bool = False


@dataclass(frozen=True, slots=True)
class Receipt:
    lines: tuple[ReceiptLine, ...]
    barcode: str | None = None  # Code 128 content, printed after the lines
    after_barcode: tuple[ReceiptLine, ...] = ()


def _printer(paper_mm: int) -> Any:
    # Imported on first use: python-escpos calls logging.basicConfig() when it is imported,
    # which, before the app configures its logging, would leave the app's log lines unsaid.
    from escpos.printer import Dummy

    printer = Dummy()
    media = printer.profile.profile_data["media"]
    media["dpi"] = DPI
    media["width"] = {"mm": paper_mm, "pixels": PAPER_DOTS[paper_mm]}
    return printer


def _line(printer: Any, line: ReceiptLine) -> None:
    printer.set(align="center" if line.center else "left", bold=line.bold,
                double_width=line.big, double_height=line.big, normal_textsize=not line.big)
    printer.textln(line.text)


def escpos_bytes(receipt: Receipt, paper_mm: int) -> bytes:
    """Initialise, the lines, the barcode, a feed and a cut."""
    if paper_mm not in PAPER_CHARS:
        raise ValueError(f"paper width {paper_mm} mm")
    printer = _printer(paper_mm)
    printer.hw("INIT")
    printer.charcode("CP858")  # Western European with the euro sign
    for line in receipt.lines:
        _line(printer, line)
    if receipt.barcode:
        printer.set(align="center", normal_textsize=True)
        printer.ln()
        dots = code128.module_dots(receipt.barcode, PAPER_DOTS[paper_mm])
        image = code128.raster(receipt.barcode, dots, round(BARCODE_HEIGHT_MM / 25.4 * DPI))
        # The library talks on stdout while it converts images; a windowed app has none.
        with contextlib.redirect_stdout(io.StringIO()):
            printer.image(image, impl="bitImageRaster", center=True)
    for line in receipt.after_barcode:
        _line(printer, line)
    printer.set(align="left", normal_textsize=True)
    printer.cut()  # feeds past the cutter first
    return printer.output
