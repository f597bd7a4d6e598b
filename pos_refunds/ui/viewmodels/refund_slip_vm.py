"""Slips of refunds: built from the payment at hand, or from the payment read afresh.

Right after a refund on a reader the payment the dialog holds does not list the new refund
yet, so `prepare` reads it again (a tracked task) before building the slip. A refund card in
the detail panel already has it: `slip_for` builds at once. Signals: `ready(RefundSlip)`,
`failed(error)`, `busyChanged(bool)` while the payment is read.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, Signal

from ...domain.payments import Payment
from ...domain.refund_slip import RefundSlip, SlipContext, build_refund_slip
from ...services.api import PaymentsSource
from ..tasks import TaskScope


class RefundSlipViewModel(QObject):
    ready = Signal(object)  # RefundSlip
    failed = Signal(object)
    busyChanged = Signal(bool)

    def __init__(self, source: PaymentsSource, context: SlipContext, tasks: TaskScope,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.context = context
        self._tasks = tasks
        self._reading: asyncio.Task[RefundSlip] | None = None

    @property
    def tasks(self) -> TaskScope:
        return self._tasks

    @property
    def busy(self) -> bool:
        return self._reading is not None and not self._reading.done()

    def slip_for(self, payment: Payment, refund_id: str,
                 reader_label: str | None = None) -> RefundSlip:
        """The slip of a refund the payment lists (SlipNotAvailable when it cannot be)."""
        return build_refund_slip(payment, refund_id, self.context, reader_label=reader_label)

    def prepare(self, payment_id: str, refund_id: str, reader_label: str | None = None) -> None:
        """Read the payment afresh, then `ready` with the slip (or `failed`)."""
        if self.busy:
            return
        self._reading = self._tasks.start(self._read(payment_id, refund_id, reader_label),
                                          on_done=self._done, on_error=self._failed)
        self.busyChanged.emit(True)

    def cancel(self) -> None:
        was_busy = self.busy
        self._tasks.cancel_all()
        self._reading = None
        if was_busy:
            self.busyChanged.emit(False)

    async def _read(self, payment_id: str, refund_id: str,
                    reader_label: str | None) -> RefundSlip:
        payment = await self._source.refresh(payment_id)
        return self.slip_for(payment, refund_id, reader_label)

    def _done(self, slip: RefundSlip) -> None:
        self.busyChanged.emit(False)
        self.ready.emit(slip)

    def _failed(self, error: BaseException) -> None:
        self.busyChanged.emit(False)
        self.failed.emit(error)
