"""Now and then, the operations left open are settled again, and the cashier is told how each
ended: a refund whose request landed late, a reader action nobody followed any more, an
operation a crash interrupted that Stripe could not confirm at start-up.

While such an operation is open its payment takes nothing new (the services refuse), so
settling it is what frees the payment again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, Signal

from ...domain.errors import PosError
from ...journal import Operation, OperationKind, OperationState
from ..formatting import format_money
from ..messages import operation_error_words
from ..tasks import TaskGroup

log = logging.getLogger(__name__)

SETTLE_SECONDS = 20.0

_WHAT = {
    OperationKind.REFUND_ONLINE: "The refund of {amount}",
    OperationKind.REFUND_ON_READER: "The refund of {amount} on the reader",
    OperationKind.CANCEL: "The cancellation of {amount}",
    OperationKind.CAPTURE: "The capture of {amount}",
}


def settled_text(op: Operation) -> str:
    """What the cashier reads when an operation left open has been settled."""
    amount = format_money(op.amount) if op.amount is not None else "the payment"
    what = _WHAT[op.kind].format(amount=amount)
    if op.state is OperationState.SUCCEEDED:
        return f"{what} that was not confirmed earlier has now been confirmed as done."
    said = f" ({operation_error_words(op).rstrip('.')})" if op.error else ""
    return (f"{what} that was not confirmed earlier was not carried out{said}. Nothing "
            "moved; it can be done again.")


class SettlingViewModel(QObject):
    settled = Signal(object)  # Operation, just closed

    def __init__(
        self,
        settle: Callable[[], Awaitable[list[Operation]]],
        tasks: TaskGroup,
        *,
        interval_seconds: float = SETTLE_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settle = settle
        self._tasks = tasks
        self._interval = interval_seconds
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = self._tasks.start(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            try:
                closed = await self._settle()
            except PosError as error:  # Stripe unreachable: the status bar says so already
                log.info("settling open operations failed: %s", error)
                continue
            for op in closed:
                self.settled.emit(op)
