"""End of day: capture or cancel open authorizations, one at a time or all at once.

Every capture and cancel goes through the services (journaled, with metadata), after reading
the payment afresh: one changed at another till meanwhile is reported, never sent. In a batch
one failure does not stop the rest; the failures are summed up once at the end (`failed` with
BatchIncomplete); a single one that fails says its own error. Each row that moves on leaves
through `rowMoved`, each payment read afresh through `paymentRead`, and `ended` closes the run
either way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from ...domain.policy import Action
from ...services.api import MoneyActions, PaymentsSource, Staff
from ..formatting import card_words, format_money
from ..prompts import Prompts
from ..tasks import TaskScope
from ..viewmodels.authorization_rows import (
    AuthRow,
    BatchIncomplete,
    RowState,
    amounts_text,
    run_one,
)
from .base import Flow, FlowBackEnd

translate = QCoreApplication.translate


class EndOfDayBulkFlow(Flow):
    rowMoved = Signal(object)  # AuthRow
    paymentRead = Signal(object)  # a fresh Payment
    progress = Signal(int, int, str)  # done, total, verb ("Capturing"); total 0 when idle
    ended = Signal()  # the run is over, whatever its outcome

    def __init__(self, back: FlowBackEnd, source: PaymentsSource, actions: MoneyActions,
                 prompts: Prompts, tasks: TaskScope, actor: Callable[[], Staff | None],
                 parent: QObject | None = None) -> None:
        super().__init__(back, prompts, tasks, actor, parent)
        self._source, self._actions = source, actions
        self._stop = False

    def stop(self) -> None:
        """Finish the operation under way, leave the rest of the batch as it is."""
        self._stop = True

    def one(self, action: Action, row: AuthRow, parent: QWidget) -> None:
        """Ask, then capture or cancel this one authorization."""
        if self.busy or not row.can(action):
            return
        staff = self.actor()
        if staff is None:
            return
        amount, card = format_money(row.payment.amount), card_words(row.payment)
        if action is Action.CAPTURE:
            title = self.tr("Capture this payment?")
            text = self.tr("Capture {amount} on {card}? The customer is charged.")
            accept = self.tr("Capture", "the button that captures the payment")
        else:
            title = self.tr("Cancel this payment?")
            text = self.tr("Cancel the payment of {amount} on {card}? The hold on the "
                           "customer's card is released.")
            accept = self.tr("Cancel payment")
        text = text.format(amount=amount, card=card)
        self._prompts.confirm(parent, title, self.live(text), accept,
                              lambda: self._start(self._alone(action, row, staff)))

    def all(self, action: Action, rows: Sequence[AuthRow], parent: QWidget) -> None:
        """Ask, then capture or cancel every row that allows it."""
        rows = [r for r in rows if r.can(action)]
        if not rows or self.busy:
            return
        staff = self.actor()
        if staff is None:
            return
        n, what = len(rows), amounts_text([r.payment for r in rows])
        if action is Action.CAPTURE:
            title = self.tr("Capture all?")
            text = self.tr("Capture %n authorizations ({amounts})? The customers are charged.",
                           "", n)
            accept = self.tr("Capture %n", "a button: capture this many authorizations", n)
        else:
            title = self.tr("Cancel all?")
            text = self.tr("Cancel %n authorizations ({amounts})? The holds on the customers' "
                           "cards are released.", "", n)
            accept = self.tr("Cancel %n", "a button: cancel this many authorizations", n)
        text = text.format(amounts=what)
        self._prompts.confirm(parent, title, self.live(text), accept,
                              lambda: self._start(self._batch(action, rows, staff)))

    def _start(self, coro: object) -> None:
        self._stop = False
        self._tasks.start(coro, on_done=self._done, on_error=self._failed,  # type: ignore[arg-type]
                          work=True)

    def _done(self, _result: object) -> None:
        self.progress.emit(0, 0, "")
        self.ended.emit()

    def _failed(self, error: BaseException) -> None:
        self._done(None)
        self.failed.emit(error)

    async def _alone(self, action: Action, row: AuthRow, staff: Staff) -> None:
        self.progress.emit(0, 1, verb(action))
        _row, error = await self._one(action, row, staff)
        if error is not None:
            raise error

    async def _batch(self, action: Action, rows: list[AuthRow], staff: Staff) -> None:
        failures: list[tuple[AuthRow, BaseException]] = []
        for done, row in enumerate(rows):
            if self._stop:
                for rest in rows[done:]:
                    self.rowMoved.emit(rest.moved(RowState.READY, self.tr(
                        "Not done: stopped.", "a capture or cancel of a batch the manager "
                        "stopped")))
                break
            self.progress.emit(done, len(rows), verb(action))
            moved, error = await self._one(action, row, staff)
            if error is not None:
                failures.append((moved, error))
        if failures:
            raise BatchIncomplete.of(action, failures, len(rows))

    async def _one(self, action: Action, row: AuthRow,
                   staff: Staff) -> tuple[AuthRow, Exception | None]:
        """Read afresh, send if it still applies; the row says how it ended."""
        working = (self.tr("Capturing…") if action is Action.CAPTURE
                   else self.tr("Canceling…"))
        self.rowMoved.emit(row.moved(RowState.WORKING, working))
        outcome = await run_one(action, row, self._source, self._actions, staff)
        for payment in outcome.payments:
            self.paymentRead.emit(payment)
        self.rowMoved.emit(outcome.row)
        return outcome.row, outcome.error


def verb(action: Action) -> str:
    """What a batch is doing, before "3 of 7…" in the progress line."""
    if action is Action.CAPTURE:
        return translate("EndOfDayBulkFlow", "Capturing", "a batch's progress: Capturing 3 of 7…")
    return translate("EndOfDayBulkFlow", "Canceling", "a batch's progress: Canceling 3 of 7…")
