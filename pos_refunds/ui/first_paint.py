"""Logs once when the main window has painted its first frame, with the time since the
process started: the figure `tests/benchmarks/bench_start.py` reads (start-up to a window)."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, QObject

log = logging.getLogger(__name__)

FIRST_FRAME = "first frame painted"


def process_seconds() -> float:
    """Seconds since this process began (the kernel's start time, so the interpreter's and
    the bundle's own start-up count too)."""
    try:
        import os

        with open(f"/proc/{os.getpid()}/stat", encoding="ascii") as stat:
            ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as uptime:
            up = float(uptime.read().split()[0])
        return up - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):  # not Linux: since this module was imported
        return time.perf_counter() - _IMPORTED


_IMPORTED = time.perf_counter()


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            log.info("%s %.2f s after the process started", FIRST_FRAME, process_seconds())
        return False
