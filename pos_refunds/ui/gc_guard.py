"""Python's cyclic garbage collector, run only on the GUI thread.

Python collects cycles in whichever thread happens to allocate when a threshold is crossed. In
training the embedded sandbox's HTTP thread allocates a lot, and the journal has a thread of
its own: a collection there may destroy Qt objects outside the GUI thread, which crashes. So
automatic collection is switched off and this collects, generation by generation as Python
would, from a timer on the GUI thread.

A full collection walks every object the process holds (65 ms with 10,000 payments loaded: a
stall the cashier sees), so it runs, as Python's own rule has it, only once the objects that
survived into the oldest generation since the last one are a quarter of those it kept then; and
what the app keeps for good (its modules, its window, the payments loaded at start) is frozen
out of later collections (`freeze_long_lived`), as Python's documentation suggests for
long-lived processes.
"""

from __future__ import annotations

import ctypes
import gc
import sys

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    def __init__(self, interval_ms: int = INTERVAL_MS, parent: QObject | None = None, *,
                 owns_process: bool = False) -> None:
        """`owns_process`: the app's own process (not a test run's), where what lives long
        may be frozen out of collections."""
        super().__init__(parent)
        self.owns_process = owns_process
        self._threshold = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._pending = 0  # objects moved to the oldest generation since its last collection
        self._long_lived = 0  # objects in it after that collection

    def start(self) -> None:
        gc.disable()
        self._timer.start()
        _active.add(self)

    def stop(self) -> None:
        """Python collects by itself again, once no other collector runs (one stopping must
        not let a collection start inside a Qt object's destructor while another runs)."""
        self._timer.stop()
        _active.discard(self)
        if not _active:
            gc.enable()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold; -1 when none."""
        counts = gc.get_count()
        due = -1
        for generation in range(3):
            if counts[generation] > self._threshold[generation]:
                due = generation
        if due == 2 and self._pending < self._long_lived // 4:
            due = 1  # Python's rule: not yet worth a walk over every object
        if due == 1:
            self._pending += len(gc.get_objects(generation=1))  # what may move to the oldest
        if due >= 0:
            gc.collect(due)
        if due == 2:
            self._pending, self._long_lived = 0, len(gc.get_objects(generation=2))
        return due


def freeze_long_lived() -> None:
    """What is alive now lives as long as the app (modules, the window, the payments loaded):
    left out of every later collection (`gc.freeze`), which then walks only what came after.
    Only while a collector runs the collections of the app's own process (not in a host
    process such as a test run, whose objects come and go)."""
    if any(collector.owns_process for collector in _active):
        gc.freeze()


def release_freed_memory() -> bool:
    """Hand back to the system the memory the C allocator keeps of what was freed: glibc holds
    on to it (per thread), and loading 10,000 payments frees the 35 MiB of pages parsed on the
    way in. Blocking (it walks the heap): run it off the Qt thread. False where there is no
    glibc (Windows, macOS), where there is nothing to do."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # another C library (musl)
        return False
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    trim(0)
    return True


_active: set[MainThreadCollector] = set()
