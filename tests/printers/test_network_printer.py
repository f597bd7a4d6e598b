"""ESC/POS to a network printer, against a fake printer on 127.0.0.1: what arrives, and what
the sender says when nothing can arrive."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest

from pos_refunds.printers import (
    PAPER_CHARS,
    PrinterUnreachable,
    Receipt,
    ReceiptLine,
    Unreachable,
    escpos_bytes,
    network,
    send_to_printer,
)
from tests.printers.fake_printer import decode_code128, fake_printer, free_port, rasters, text_lines

PI = "pi_3MtwBwLkdIwHu7ix28a3tqPa"
RECEIPT = Receipt((ReceiptLine("Corner Shop", bold=True, center=True),
                   ReceiptLine("Card      Visa **** 4242")),
                  barcode=PI, after_barcode=(ReceiptLine("Keep this slip."),))


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_the_printer_receives_the_lines_the_barcode_and_the_cut(paper_mm: int) -> None:
    with fake_printer() as printer:
        asyncio.run(send_to_printer(printer.host, printer.port,
                                    escpos_bytes(RECEIPT, paper_mm), timeout=5))
        job = printer.wait_job()
    assert job.startswith(b"\x1b@")  # initialised
    assert job.endswith(b"\x1bd\x06\x1dV\x00")  # fed past the cutter, then cut: last
    lines = [line for line in text_lines(job) if line]
    assert lines == ["Corner Shop", "Card      Visa **** 4242", "Keep this slip."]
    ((width, height, bits),) = rasters(job)
    assert width * 8 == {58: 384, 80: 576}[paper_mm]  # the paper's printable dots
    assert decode_code128(width, height, bits) == PI


def test_line_widths() -> None:
    assert PAPER_CHARS == {58: 32, 80: 48}


def test_a_closed_port_is_refused() -> None:
    with pytest.raises(PrinterUnreachable) as caught:
        asyncio.run(send_to_printer("127.0.0.1", free_port(), b"x", timeout=5))
    assert caught.value.reason is Unreachable.REFUSED


def test_an_unknown_host() -> None:
    with pytest.raises(PrinterUnreachable) as caught:
        # .invalid never resolves (RFC 6761); the timeout leaves a slow resolver time to say so
        asyncio.run(send_to_printer("receipt-printer.invalid", 9100, b"x", timeout=60))
    assert caught.value.reason is Unreachable.UNKNOWN_HOST


def test_no_answer_is_a_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """A printer that never answers: connecting waits forever, the timeout ends it."""

    async def never(*_args: object, **_kwargs: object) -> None:
        await asyncio.get_running_loop().create_future()

    monkeypatch.setattr(network.asyncio, "open_connection", never)
    with pytest.raises(PrinterUnreachable) as caught:
        asyncio.run(send_to_printer("127.0.0.1", 9100, b"x", timeout=0.05))
    assert caught.value.reason is Unreachable.TIMEOUT


def test_importing_the_app_leaves_its_logging_alone() -> None:
    """python-escpos configures logging when imported; the app must configure it first."""
    code = ("import logging, pos_refunds.app, pos_refunds.printers; "
            "assert not logging.getLogger().handlers, logging.getLogger().handlers")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr
