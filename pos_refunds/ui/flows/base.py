"""What every flow shares: who acts, the approval step, the confirmation, the task."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from ...domain.approvals import Approval, ApprovalRequest
from ...domain.errors import ActionNotAllowed, PosError
from ...domain.money import Money
from ...domain.payments import Payment
from ...domain.policy import Action
from ...domain.reasons import AccessReason
from ...services.api import Mode, Staff
from ..prompts import Prompts
from ..tasks import TaskScope

translate = QCoreApplication.translate


class FlowBackEnd(Protocol):
    """What a flow asks the services: the mode, and whether a manager must approve."""

    @property
    def mode(self) -> Mode: ...

    def approval_reason(self, action: Action, amount: Money, payment: Payment) -> object:
        """Why a manager must approve (falsy: nobody need); raises OverRefund."""
        ...


class Flow(QObject):
    """Base of every flow: `succeeded(Outcome)`, `failed(error)`, `busyChanged(bool)`."""

    succeeded = Signal(object)
    failed = Signal(object)
    busyChanged = Signal(bool)

    def __init__(
        self,
        back: FlowBackEnd,
        prompts: Prompts,
        tasks: TaskScope,
        actor: Callable[[], Staff | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._back, self._prompts, self._tasks, self._actor = back, prompts, tasks, actor
        tasks.busyChanged.connect(self.busyChanged)

    @property
    def busy(self) -> bool:
        return self._tasks.busy

    @property
    def tasks(self) -> TaskScope:
        return self._tasks

    @property
    def staff(self) -> Staff | None:
        return self._actor()

    def actor(self) -> Staff | None:
        """The signed-in staff, bound to the operation now asked for (None: says so)."""
        staff = self._actor()
        if staff is None:
            self.failed.emit(ActionNotAllowed(AccessReason.SIGN_IN_FIRST))
        return staff

    def live(self, text: str) -> str:
        """`text` (a question), led by the live-mode warning when real money moves."""
        if self._back.mode is not Mode.LIVE:
            return text
        return translate("Flow", "LIVE MODE — this moves real money. {question}",
                         "before the question of a confirmation").format(question=text)

    def approval_reasons(self, action: Action, payment: Payment, amount: Money) -> object:
        """Why a manager must approve this amount, for the one signed in (a manager approves
        their own: nothing to announce); raises OverRefund like the services."""
        staff = self._actor()
        if staff is not None and staff.is_manager:
            return ()
        return self._back.approval_reason(action, amount, payment) or ()

    def approve(
        self, action: Action, payment: Payment, amount: Money, staff: Staff, parent: QWidget,
        then: Callable[[Approval | None], None], *, on_refused: Callable[[], None] | None = None,
    ) -> bool:
        """`then(approval)` once nobody need approve, or a manager did with their PIN; the
        services decide which (a signed-in manager approves their own). True while a PIN is
        being asked for (`then` or `on_refused` follows later)."""
        try:
            why = self._back.approval_reason(action, amount, payment)
        except PosError as error:
            self.failed.emit(error)
            return False
        if not why or staff.is_manager:
            then(None)
            return False
        self._prompts.ask_manager_pin(parent, ApprovalRequest(payment.id, amount, action, why),
                                      then, on_refused, payment=payment)
        return True

    def run(self, coro: Coroutine[Any, Any, Any]) -> None:
        """The flow's task: busy until it ends, its outcome or error by signal."""
        self._tasks.start(coro, on_done=self.succeeded.emit, on_error=self.failed.emit,
                          work=True)
