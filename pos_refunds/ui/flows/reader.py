"""Interac refund in person: the approval step, then the refund sent and followed on a reader.

`request` asks the services whether a manager must approve (a manager's PIN first, through the
prompts service, when they say so), then `start` sends the refund and follows the reader.
Signals: `progress(ReaderProgress)` for each update, `finished(ReaderProgress)` once the reader
ended the refund (succeeded, failed, canceled), `failed(error)` when the flow ended on an error
instead (reader offline or busy, network, no outcome), `runningChanged(bool)` while a refund is
followed, `approvingChanged(bool)` while a manager's PIN is asked for.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...domain.approvals import Approval
from ...domain.errors import OutcomeUnknown
from ...domain.money import Money
from ...domain.payments import Payment
from ...domain.policy import Action
from ...domain.reasons import ReaderReason
from ...services.api import ReaderProgress, ReaderRefundOptions, ReaderRefunds, Staff
from ..prompts import Prompts
from ..tasks import TaskScope
from .base import Flow, FlowBackEnd

NO_OUTCOME = ReaderReason.NO_FINAL_STEP  # the reader stopped reporting before the end


class ReaderRefundFlow(Flow):
    progress = Signal(object)
    finished = Signal(object)
    runningChanged = Signal(bool)
    approvingChanged = Signal(bool)

    def __init__(self, back: FlowBackEnd, readers: ReaderRefunds, prompts: Prompts,
                 tasks: TaskScope, actor: Callable[[], Staff | None],
                 parent: QObject | None = None) -> None:
        super().__init__(back, prompts, tasks, actor, parent)
        self._readers = readers
        self._flow: asyncio.Task[ReaderProgress | None] | None = None
        self._approving = False
        self.last: ReaderProgress | None = None

    @property
    def readers(self) -> ReaderRefunds:
        return self._readers

    @property
    def running(self) -> bool:
        return self._flow is not None and not self._flow.done()

    @property
    def approving(self) -> bool:
        """A manager's PIN is being asked for; nothing was sent yet."""
        return self._approving

    def request(self, payment: Payment, reader_id: str, amount: Money,
                options: ReaderRefundOptions, parent: QWidget,
                still_wanted: Callable[[], bool] = lambda: True) -> None:
        """The refund the cashier asked for: approved if it must be, then sent. `still_wanted`
        is asked after a PIN (the dialog may have closed meanwhile: then nothing is sent)."""
        if self.running or self._approving:
            return
        staff = self.actor()
        if staff is None:
            return

        def approved(approval: Approval | None) -> None:
            self._set_approving(False)
            if still_wanted():
                self.start(payment, reader_id, amount, options, staff, approval)

        self._set_approving(True)  # before: a prompt may answer at once
        if not self.approve(Action.REFUND_ON_READER, payment, amount, staff, parent, approved,
                            on_refused=lambda: self._set_approving(False)):
            self._set_approving(False)  # nobody need approve (sent already), or refused

    def start(self, payment: Payment, reader_id: str, amount: Money,
              options: ReaderRefundOptions, staff: Staff, approval: Approval | None) -> None:
        """Send the refund to the reader and follow it; one refund at a time."""
        if self.running:
            raise RuntimeError("a refund is already being followed on a reader")
        self.last = None
        stream = self._readers.refund(payment, reader_id, amount, options=options, staff=staff,
                                      approval=approval)
        self._follow(stream)

    def resume(self, reader_id: str) -> None:
        """Follow again our refund that nobody follows (it landed late), until it ends."""
        if not self.running:
            self._follow(self._readers.resume(reader_id))

    def stop(self) -> None:
        """Stop following (the dialog closes): the registry scope cancels the task."""
        was_running = self.running
        self._tasks.cancel_all()
        self._flow = None
        if was_running:
            self.runningChanged.emit(False)

    def _follow(self, stream: AsyncIterator[ReaderProgress]) -> None:
        self._flow = self._tasks.start(self._stream(stream), on_done=self._done,
                                       on_error=self._failed, work=True)
        self.runningChanged.emit(True)

    async def _stream(self, stream: AsyncIterator[ReaderProgress]) -> ReaderProgress | None:
        async for update in stream:
            self.last = update
            self.progress.emit(update)
        return self.last

    def _done(self, last: ReaderProgress | None) -> None:
        self.runningChanged.emit(False)
        if last is None or not last.step.final:
            self.failed.emit(OutcomeUnknown(NO_OUTCOME))
            return
        self.finished.emit(last)

    def _failed(self, error: BaseException) -> None:
        self.runningChanged.emit(False)
        self.failed.emit(error)

    def _set_approving(self, approving: bool) -> None:
        if approving != self._approving:
            self._approving = approving
            self.approvingChanged.emit(approving)
