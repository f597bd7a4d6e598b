"""State and tasks of one in-person refund on a reader, for the reader refund dialog.

The view-model owns every coroutine it starts (a TaskGroup), so closing the dialog cancels them.
Signals:
- `readersLoaded(list[Reader])`, `readersFailed(error)`, `loadingChanged(bool)`: the picker.
- `progress(ReaderProgress)` for each update of the refund (and for "Check status" answers),
  `finished(ReaderProgress)` once the refund ended on the reader (succeeded, failed, canceled),
  `failed(error)` when the flow ended on an error instead (reader offline or busy, network...).
- `checked(ReaderProgress)`: the answer to "Check status". While the refund is followed, an
  answer that is not final also goes out as `progress`; a final one is left to the dialog,
  because the followed stream, not a spot check, decides how the flow ends. When nothing is
  followed and the reader is still waiting for the card (our refund landed after the flow
  gave up on it), the refund is followed again (`resume`): running, progress, finished.
- `runningChanged(bool)`: a refund is being followed.
- `actionBusy(name, bool)` and `actionFailed(error)`: the side actions "cancel", "check",
  "simulate"; their failures do not end the flow.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal

from ...domain.approvals import Approval
from ...domain.errors import OutcomeUnknown, UserCancelled
from ...domain.money import Money
from ...domain.payments import Payment, Reader
from ...domain.reasons import ReaderReason
from ...services.api import (
    ReaderProgress,
    ReaderRefundOptions,
    ReaderRefunds,
    Staff,
    Step,
    TestCard,
)
from ..tasks import TaskGroup

CANCEL, CHECK, SIMULATE = "cancel", "check", "simulate"

NO_OUTCOME = ReaderReason.NO_FINAL_STEP  # the flow ended without a final step


class ReaderRefundViewModel(QObject):
    readersLoaded = Signal(list)
    readersFailed = Signal(object)
    loadingChanged = Signal(bool)
    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(object)
    checked = Signal(object)
    runningChanged = Signal(bool)
    actionBusy = Signal(str, bool)
    actionFailed = Signal(object)

    def __init__(self, readers: ReaderRefunds, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._readers = readers
        self._tasks = TaskGroup("reader refund")
        self._flow: asyncio.Task[ReaderProgress | None] | None = None
        self._load: asyncio.Task[list[Reader]] | None = None
        self._reader_id: str | None = None
        self._last: ReaderProgress | None = None
        self._busy: set[str] = set()

    @property
    def running(self) -> bool:
        return self._flow is not None and not self._flow.done()

    @property
    def loading(self) -> bool:
        return self._load is not None and not self._load.done()

    @property
    def reader_id(self) -> str | None:
        return self._reader_id

    @property
    def last_progress(self) -> ReaderProgress | None:
        return self._last

    def load_readers(self) -> None:
        """Ask the back end for the readers; a load already under way is not repeated."""
        if self.loading:
            return
        self._load = self._tasks.start(
            self._readers.readers(), on_done=self._loaded, on_error=self._load_failed
        )
        self.loadingChanged.emit(True)

    def start(
        self,
        payment: Payment,
        reader_id: str,
        amount: Money,
        options: ReaderRefundOptions,
        staff: Staff,
        approval: Approval | None,
    ) -> None:
        """Send the refund to the reader and follow it; one refund at a time."""
        if self.running:
            raise RuntimeError("a refund is already being followed on a reader")
        self._reader_id = reader_id
        self._last = None
        follow = self._follow(payment, reader_id, amount, options, staff, approval)
        self._flow = self._tasks.start(follow, on_done=self._flow_done, on_error=self._flow_failed)
        self.runningChanged.emit(True)

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
        was_running, was_loading = self.running, self.loading
        self._tasks.cancel_all()
        self._flow = None
        self._load = None
        for name in sorted(self._busy):
            self.actionBusy.emit(name, False)
        self._busy.clear()
        if was_running:
            self.runningChanged.emit(False)
        if was_loading:
            self.loadingChanged.emit(False)

    async def _follow(
        self,
        payment: Payment,
        reader_id: str,
        amount: Money,
        options: ReaderRefundOptions,
        staff: Staff,
        approval: Approval | None,
    ) -> ReaderProgress | None:
        stream = self._readers.refund(
            payment, reader_id, amount, options=options, staff=staff, approval=approval
        )
        return await self._stream(stream)

    async def _stream(self, stream: AsyncIterator[ReaderProgress]) -> ReaderProgress | None:
        async for update in stream:
            self._last = update
            self.progress.emit(update)
        return self._last

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
            self._flow = self._tasks.start(self._stream(self._readers.resume(reader_id)),
                                           on_done=self._flow_done, on_error=self._flow_failed)
            self.runningChanged.emit(True)

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

    def _flow_done(self, last: ReaderProgress | None) -> None:
        self.runningChanged.emit(False)
        if last is None or not last.step.final:
            self.failed.emit(OutcomeUnknown(NO_OUTCOME))
            return
        self.finished.emit(last)

    def _flow_failed(self, error: BaseException) -> None:
        self.runningChanged.emit(False)
        self.failed.emit(error)
