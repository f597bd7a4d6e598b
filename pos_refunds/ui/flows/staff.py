"""A manager's changes to the staff list: add, change role, reset PIN, remove.

Acts as the signed-in manager; the staff list checks again that the actor is a manager and
that the till keeps one. Asks before a change of role or a removal; each change ends in an
`Outcome` (and the list read again, `staffLoaded`), or `failed`.
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...domain.staff import CASHIER, MANAGER, Staff
from ...staff import StaffDirectory
from ..prompts import Prompts
from ..tasks import TaskScope
from .outcome import Done, Outcome


class StaffFlow(QObject):
    staffLoaded = Signal(list)  # list[Staff], after every change
    succeeded = Signal(object)  # Outcome
    failed = Signal(object)
    busyChanged = Signal(bool)

    def __init__(self, directory: StaffDirectory, actor: Staff, prompts: Prompts,
                 tasks: TaskScope, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._directory, self._actor, self._prompts, self._tasks = (
            directory, actor, prompts, tasks)
        tasks.busyChanged.connect(self.busyChanged)

    @property
    def actor(self) -> Staff:
        return self._actor

    @property
    def busy(self) -> bool:
        return self._tasks.busy

    def load(self) -> None:
        self._tasks.start(self._reload(), on_error=self.failed.emit, work=True)

    def add(self, name: str, role: str, pin: str, again: str) -> None:
        self._run(Done.STAFF_ADDED,
                  self._directory.add(name, role, pin, again, by=self._actor))

    def reset_pin(self, staff_id: str, pin: str, again: str) -> None:
        self._run(Done.PIN_RESET, self._directory.reset_pin(staff_id, pin, again, by=self._actor))

    def change_role(self, person: Staff, parent: QWidget) -> None:
        """Ask, then make a manager a cashier or a cashier a manager."""
        name = person.name
        if person.is_manager:
            self._prompts.confirm(
                parent, self.tr("Make {name} a cashier?").format(name=name),
                self.tr("{name} will no longer approve refunds or manage staff.").format(
                    name=name),
                self.tr("Make cashier"), lambda: self.set_role(person.id, CASHIER))
        else:
            self._prompts.confirm(
                parent, self.tr("Make {name} a manager?").format(name=name),
                self.tr("{name} will approve refunds with their PIN and manage staff.").format(
                    name=name),
                self.tr("Make manager"), lambda: self.set_role(person.id, MANAGER))

    def set_role(self, staff_id: str, role: str) -> None:
        self._run(Done.ROLE_CHANGED, self._directory.set_role(staff_id, role, by=self._actor))

    def ask_remove(self, person: Staff, parent: QWidget) -> None:
        name = person.name
        self._prompts.confirm(
            parent, self.tr("Remove {name}?", "remove from the staff list").format(name=name),
            self.tr("{name} will no longer be able to sign in. Their name stays in the journal "
                    "for what they did.").format(name=name),
            self.tr("Remove", "remove from the staff list"), lambda: self.remove(person.id))

    def remove(self, staff_id: str) -> None:
        self._run(Done.STAFF_REMOVED, self._directory.remove(staff_id, by=self._actor))

    def _run(self, done: Done, call: Coroutine[Any, Any, Staff]) -> None:
        self._tasks.start(self._change(done, call), on_done=self.succeeded.emit,
                          on_error=self.failed.emit, work=True)

    async def _change(self, done: Done, call: Coroutine[Any, Any, Staff]) -> Outcome:
        person = await call
        await self._reload()
        return Outcome(done, staff=person)

    async def _reload(self) -> None:
        self.staffLoaded.emit(await self._directory.staff())
