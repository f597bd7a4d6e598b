"""Signing in (and approving) with a PIN: the list of names, one PIN check at a time, and the
words a refusal is explained with. Also the very first manager of a new till.

Every call goes to the staff directory on its worker thread; the view-model owns the tasks.
Signals:
- `staffLoaded(list[Staff])` (managers only when built for an approval), `needsFirstManager()`
  when nobody is on the list yet (sign-in only), `loadFailed(error)`.
- `busyChanged(bool)`: a PIN is being checked (the slow hash) or a manager created.
- `signedIn(Staff)`: the PIN was right; for an approval, `signedIn(Approval)`: the person is
  a manager and the staff list issued the approval of the request, for it alone.
- `refused(str)`: wrong PIN, locked out, not a manager, gone: in words, for the PIN pad.
- `failed(error)`: anything else (a PosError from creating the first manager, a broken disk).
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ...domain.approvals import Approval, ApprovalRequest
from ...domain.staff import (
    LockedOut,
    NotAManager,
    PinCheck,
    Staff,
    UnknownStaff,
    Verified,
    WrongPin,
)
from ...staff import StaffDirectory
from ..formatting import format_time
from ..i18n import Context
from ..tasks import TaskScope

translate = QCoreApplication.translate




SignInWords = Context("SignInWords")


def refusal_text(outcome: PinCheck) -> str:
    """Why a PIN did not open the till, and what can be done."""
    if isinstance(outcome, WrongPin):
        return SignInWords.tr("Wrong PIN. %n tries left before {name} is locked out for a "
                              "while.", "", outcome.tries_left).format(name=outcome.staff.name)
    if isinstance(outcome, LockedOut):
        return SignInWords.tr("Too many wrong PINs: {name} is locked out until {time}. A "
                              "manager can reset the PIN.").format(
            name=outcome.staff.name, time=format_time(outcome.until))
    if isinstance(outcome, NotAManager):
        return SignInWords.tr("{name} is not a manager: a manager must approve.").format(
            name=outcome.staff.name)
    if isinstance(outcome, UnknownStaff):
        return SignInWords.tr("This person is no longer on the staff list. Choose a name again.")
    return ""


class SignInViewModel(QObject):
    staffLoaded = Signal(list)
    needsFirstManager = Signal()
    loadFailed = Signal(object)
    busyChanged = Signal(bool)
    signedIn = Signal(object)
    refused = Signal(str)
    failed = Signal(object)

    def __init__(self, directory: StaffDirectory, *, managers_only: bool = False,
                 approving: ApprovalRequest | None = None,
                 tasks: TaskScope, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self._managers_only = managers_only or approving is not None
        self._approving = approving
        self._tasks = tasks
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def managers_only(self) -> bool:
        return self._managers_only

    def load(self) -> None:
        self._tasks.start(self._directory.staff(), on_done=self._loaded,
                          on_error=self.loadFailed.emit)

    def sign_in(self, staff_id: str, pin: str) -> None:
        """Check one PIN; the answer comes back as `signedIn` or `refused`."""
        if self._busy:
            return
        if self._approving is not None:
            check = self._directory.approve(staff_id, pin, self._approving)
        else:
            check = self._directory.verify(staff_id, pin, manager=self._managers_only)
        self._work(check, self._checked)

    def create_first_manager(self, name: str, pin: str, again: str) -> None:
        if self._busy:
            return
        self._work(self._directory.create_first_manager(name, pin, again), self.signedIn.emit)

    def cancel(self) -> None:
        self._tasks.cancel_all()
        self._set_busy(False)

    def _work(self, coro: Coroutine[Any, Any, Any], on_done: Any) -> None:
        self._set_busy(True)

        def done(result: object) -> None:
            self._set_busy(False)
            on_done(result)

        def error(exc: BaseException) -> None:
            self._set_busy(False)
            self.failed.emit(exc)

        task = self._tasks.start(coro, on_done=done, on_error=error)
        task.add_done_callback(lambda t: t.cancelled() and self._set_busy(False))

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)

    def _loaded(self, staff: list[Staff]) -> None:
        if self._managers_only:
            staff = [s for s in staff if s.is_manager]
        elif not staff:
            self.needsFirstManager.emit()
            return
        self.staffLoaded.emit(staff)

    def _checked(self, outcome: PinCheck | Approval) -> None:
        if isinstance(outcome, Approval):
            self.signedIn.emit(outcome)
            return
        if isinstance(outcome, Verified):
            self.signedIn.emit(outcome.staff)
            return
        self.refused.emit(refusal_text(outcome))
        if isinstance(outcome, UnknownStaff):
            self.load()
