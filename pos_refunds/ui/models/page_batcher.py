"""Loaded pages reach the payments table in batches while the list loads.

Each page added to the model made the table lay itself out and paint again (12-20 ms with the
style sheet), 20 times a second while 10,000 payments arrive, though the rows it showed did not
change (pages come oldest last, below the screen). The first page goes in at once; the pages
that follow within `interval_ms` of an append wait and go in together, as one insertion of rows
(the filter sorts and the table lays out once for them all, then paints once). Every other
write to the model goes through `upsert` here (a change found by polling, a payment looked up,
an action's outcome), which puts the waiting pages in first, so an older copy of a payment in a
waiting page never replaces a newer one; the end of the load flushes too, so a loaded list is a
complete one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from ...domain.payments import Payment
from .payments_model import PaymentsTableModel, RowKeys

BATCH_MS = 250


class PageBatcher(QObject):
    def __init__(self, model: PaymentsTableModel, interval_ms: int = BATCH_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._waiting: list[tuple[list[Payment], list[RowKeys] | None]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._due)

    @property
    def waiting(self) -> int:
        """Payments loaded, not yet in the model."""
        return sum(len(page) for page, _keys in self._waiting)

    def add(self, page: list[Payment], keys: list[RowKeys] | None = None) -> None:
        """A page loaded (with its `row_keys`, worked out off the Qt thread; None: the model
        works them out): into the model now if nothing went in a moment ago, else soon."""
        self._waiting.append((page, keys))
        if not self._timer.isActive():
            self._due()

    def upsert(self, payments: list[Payment]) -> None:
        """Fresher payments than any page: after the waiting pages, never before them."""
        self.flush()
        self._model.upsert(payments)

    def flush(self, *_: object) -> None:
        """Every waiting page into the model now (before another write, or the load's end)."""
        self._timer.stop()
        self._append()

    def _due(self) -> None:
        if self._append():
            self._timer.start()  # the next pages wait this long, then go in together

    def _append(self) -> bool:
        if not self._waiting:
            return False
        pages, self._waiting = self._waiting, []
        self._model.append_pages(pages)  # one insertion: the views lay out and sort once
        return True  # one layout and one paint of the table for them all
