"""Receipt printers reached without a driver: ESC/POS over the network (no Qt, no words).

`escpos_job` turns a receipt (lines the UI wrote, and a barcode) into printer bytes with
python-escpos; `network` sends them to a printer's raw port off the Qt thread, with a timeout,
and says what went wrong as a code (`PrinterUnreachable.reason`) the UI puts into words.
"""

from .escpos_job import PAPER_CHARS, PAPER_DOTS, Receipt, ReceiptLine, escpos_bytes
from .network import DEFAULT_PORT, PrinterUnreachable, Unreachable, send_to_printer

__all__ = ["DEFAULT_PORT", "PAPER_CHARS", "PAPER_DOTS", "PrinterUnreachable", "Receipt",
           "ReceiptLine", "Unreachable", "escpos_bytes", "send_to_printer"]
