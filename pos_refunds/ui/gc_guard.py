"""Python's cyclic garbage collector, run only on the GUI thread.

Python collects cycles in whichever thread happens to allocate when a threshold is crossed. In
training the embedded sandbox's HTTP thread allocates a lot, and the journal has a thread of
its own: a collection there may destroy Qt objects outside the GUI thread, which crashes. So
automatic collection is switched off and this collects, generation by generation as Python
would, from a timer on the GUI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    def __init__(self, interval_ms: int = INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold; -1 when none."""
        counts = gc.get_count()
        due = -1
        for generation in range(3):
            if counts[generation] > self._threshold[generation]:
                due = generation
        if due >= 0:
            gc.collect(due)
        return due
