"""State of one in-person refund on a reader, for the reader refund dialog, built on its flow.

The flow (`flows/reader.py`) approves, sends and follows the refund; this view-model adds the
reader list and the side actions, and passes the flow's signals on:
- `readersLoaded(list[Reader])`, `readersFailed(error)`, `loadingChanged(bool)`: the picker.
- `progress`, `finished`, `failed`, `runningChanged`, `approvingChanged`: the flow's.
- `checked(ReaderProgress)`: the answer to "Check status". While the refund is followed, an
  answer that is not final also goes out as `progress`; a final one is left to the dialog,
  because the followed stream, not a spot check, decides how the flow ends. When nothing is
  followed and the reader is still waiting for the card (our refund landed after the flow
  gave up on it), the refund is followed again (`resume`): running, progress, finished.
- `actionBusy(name, bool)` and `actionFailed(error)`: the side actions "cancel", "check",
  "simulate"; their failures do not end the flow.
Every task runs in the dialog's scope of the window's task registry: closing it stops them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...domain.approvals import Approval
from ...domain.errors import UserCancelled
from ...domain.money import Money
from ...domain.payments import Payment, Reader
from ...services.api import ReaderProgress, ReaderRefundOptions, Staff, Step, TestCard
from ..flows.reader import ReaderRefundFlow

CANCEL, CHECK, SIMULATE = "cancel", "check", "simulate"


class ReaderRefundViewModel(QObject):
    readersLoaded = Signal(list)
    readersFailed = Signal(object)
    loadingChanged = Signal(bool)
    checked = Signal(object)
    actionBusy = Signal(str, bool)
    actionFailed = Signal(object)

    def __init__(self, flow: ReaderRefundFlow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self._readers = flow.readers
        self._tasks = flow.tasks
        self._load: asyncio.Task[list[Reader]] | None = None
        self._reader_id: str | None = None
        self._busy: set[str] = set()
        # The flow's signals, under the names the dialog binds to.
        self.progress, self.finished, self.failed = flow.progress, flow.finished, flow.failed
        self.runningChanged, self.approvingChanged = flow.runningChanged, flow.approvingChanged

    @property
    def running(self) -> bool:
        return self.flow.running

    @property
    def approving(self) -> bool:
        return self.flow.approving

    @property
    def loading(self) -> bool:
        return self._load is not None and not self._load.done()

    @property
    def reader_id(self) -> str | None:
        return self._reader_id

    @property
    def last_progress(self) -> ReaderProgress | None:
        return self.flow.last

    def load_readers(self) -> None:
        """Ask the back end for the readers; a load already under way is not repeated."""
        if self.loading:
            return
        self._load = self._tasks.start(
            self._readers.readers(), on_done=self._loaded, on_error=self._load_failed
        )
        self.loadingChanged.emit(True)

    def request(self, payment: Payment, reader_id: str, amount: Money,
                options: ReaderRefundOptions, parent: QWidget,
                still_wanted: Callable[[], bool] = lambda: True) -> None:
        """The cashier's refund: approved first when the services say so, then sent."""
        self._reader_id = reader_id
        self.flow.request(payment, reader_id, amount, options, parent, still_wanted)

    def start(self, payment: Payment, reader_id: str, amount: Money,
              options: ReaderRefundOptions, staff: Staff, approval: Approval | None) -> None:
        """Send an approved refund to the reader and follow it; one refund at a time."""
        self._reader_id = reader_id
        self.flow.start(payment, reader_id, amount, options, staff, approval)

    def cancel_action(self) -> None:
        """Ask the reader to drop the refund; the flow then ends as canceled."""
        if self._reader_id is not None:
            self._side(CANCEL, self._cancel_on_reader(self._reader_id))

    def check_status(self) -> None:
        """Read the reader's action now (e.g. when no update came for a while)."""
        if self._reader_id is not None:
            self._side(CHECK, self._check(self._reader_id))

    def simulate(self, card: TestCard) -> None:
        """Present a test card on the (simulated) reader."""
        if self._reader_id is not None:
            self._side(SIMULATE, self._readers.present(self._reader_id, card))

    def cancel(self) -> None:
        """The dialog is closing: stop following and drop every pending request."""
        was_loading = self.loading
        self.flow.stop()
        self._load = None
        for name in sorted(self._busy):
            self.actionBusy.emit(name, False)
        self._busy.clear()
        if was_loading:
            self.loadingChanged.emit(False)

    async def _cancel_on_reader(self, reader_id: str) -> None:
        try:
            await self._readers.cancel(reader_id)
        except UserCancelled:
            pass

    async def _check(self, reader_id: str) -> None:
        update = await self._readers.check(reader_id)
        if self.running and not update.step.final:
            self.progress.emit(update)
        self.checked.emit(update)
        if not self.running and update.step is Step.WAITING_FOR_CARD:
            self.flow.resume(reader_id)

    def _side(self, name: str, coro: Coroutine[Any, Any, None]) -> None:
        if name in self._busy:
            coro.close()
            return
        self._busy.add(name)
        self.actionBusy.emit(name, True)

        def done(_result: object) -> None:
            self._side_ended(name)

        def error(exc: BaseException) -> None:
            self._side_ended(name)
            self.actionFailed.emit(exc)

        self._tasks.start(coro, on_done=done, on_error=error)

    def _side_ended(self, name: str) -> None:
        self._busy.discard(name)
        self.actionBusy.emit(name, False)

    def _loaded(self, readers: list[Reader]) -> None:
        self.loadingChanged.emit(False)
        self.readersLoaded.emit(list(readers))

    def _load_failed(self, error: BaseException) -> None:
        self.loadingChanged.emit(False)
        self.readersFailed.emit(error)
