"""A fake network receipt printer: a TCP server on 127.0.0.1 (a free port) in a thread that
records every connection's bytes, and a way to read ESC/POS back (text, cut, raster image)."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from barcode.charsets import code128 as charset


class FakePrinter:
    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self.host, self.port = self._server.getsockname()[:2]
        self.jobs: list[bytes] = []
        self.received = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return  # closed
            with conn:
                data = bytearray()
                while chunk := conn.recv(65536):
                    data += chunk
            self.jobs.append(bytes(data))
            self.received.set()

    def wait_job(self, timeout: float = 10.0) -> bytes:
        """Blocks the calling thread: for plain asyncio tests, never on the Qt thread."""
        assert self.received.wait(timeout), "the fake printer received nothing"
        return self.jobs[-1]

    def close(self) -> None:
        try:
            self._server.shutdown(socket.SHUT_RDWR)  # wakes the thread's accept()
        except OSError:
            pass
        self._server.close()
        self._thread.join(5)


@contextmanager
def fake_printer() -> Iterator[FakePrinter]:
    printer = FakePrinter()
    try:
        yield printer
    finally:
        printer.close()


def free_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


RASTER = re.compile(rb"\x1dv0\x00(..)(..)", re.DOTALL)
CUT = b"\x1dV"
ESC_CODES = re.compile(rb"\x1b[!Eat].|\x1b@|\x1bd.|\x1dV.", re.DOTALL)


def rasters(job: bytes) -> list[tuple[int, int, bytes]]:
    """Every GS v 0 image: (width in bytes, height in dots, bits)."""
    found = []
    for match in RASTER.finditer(job):
        width = int.from_bytes(match.group(1), "little")
        height = int.from_bytes(match.group(2), "little")
        start = match.end()
        found.append((width, height, job[start:start + width * height]))
    return found


def text_lines(job: bytes, encoding: str = "cp858") -> list[str]:
    """The printed lines, the printer's commands and images taken out."""
    for _width, _height, bits in rasters(job):
        job = job.replace(bits, b"")
    job = RASTER.sub(b"", job)
    return ESC_CODES.sub(b"", job).decode(encoding).split("\n")


def decode_code128(width: int, height: int, bits: bytes) -> str:
    """Read a barcode image back: one row's bars as modules, decoded with python-barcode's own
    Code 128 tables (sets A, B, C and the switches between them), the check symbol verified."""
    row = bits[(height // 2) * width:(height // 2 + 1) * width]
    pixels = "".join(f"{byte:08b}" for byte in row)  # 1: black dot
    first, last = pixels.index("1"), pixels.rindex("1")
    bars = pixels[first:last + 1]
    runs = [len(m.group()) for m in re.finditer(r"1+|0+", bars)]
    unit = min(runs)
    modules = "".join(("1" if i % 2 == 0 else "0") * (run // unit)
                      for i, run in enumerate(runs))
    symbols = [modules[i:i + 11] for i in range(0, len(modules) - 13, 11)]
    assert modules[-13:] == charset.STOP + "11"  # the stop symbol and its final bar
    values = [charset.CODES.index(symbol) for symbol in symbols]
    start, *data, check = values
    assert check == (start + sum(i * v for i, v in enumerate(data, 1))) % 103
    starts = {value: name for name, value in charset.START_CODES.items()}
    tables = {name: {v: k for k, v in getattr(charset, name).items()} for name in "ABC"}
    code_set, text = starts[start], []
    for value in data:
        symbol = tables[code_set].get(value)
        if isinstance(symbol, str) and symbol.startswith("TO_"):
            code_set = symbol[3]
        elif code_set == "C" and value < 100:
            text.append(f"{value:02d}")
        else:
            text.append(symbol)
    return "".join(text)
