"""A manager's changes to the staff list: add, change role, reset PIN, remove.

Acts as the signed-in manager (`actor`); the store checks again that the actor is a manager
and that the till keeps one. Signals: `staffLoaded(list[Staff])` after every change,
`changed(str)` saying what was done, `failed(error)`, `busyChanged(bool)`.
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal

from ...domain.staff import Staff
from ...staff import StaffDirectory
from ..messages import role_words
from ..tasks import TaskGroup


class StaffAdminViewModel(QObject):
    staffLoaded = Signal(list)
    changed = Signal(str)
    failed = Signal(object)
    busyChanged = Signal(bool)

    def __init__(self, directory: StaffDirectory, actor: Staff,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self._actor = actor
        self._tasks = TaskGroup("staff admin")
        self._running = 0

    @property
    def actor(self) -> Staff:
        return self._actor

    @property
    def busy(self) -> bool:
        return self._running > 0

    def load(self) -> None:
        self._run(self._reload(""))

    def add(self, name: str, role: str, pin: str, again: str) -> None:
        self._run(self._change(self._directory.add(name, role, pin, again, by=self._actor),
                               lambda s: f"{s.name} added as {role_words(s.role).lower()}."))

    def set_role(self, staff_id: str, role: str) -> None:
        self._run(self._change(self._directory.set_role(staff_id, role, by=self._actor),
                               lambda s: f"{s.name} is now {role_words(s.role).lower()}."))

    def reset_pin(self, staff_id: str, pin: str, again: str) -> None:
        self._run(self._change(self._directory.reset_pin(staff_id, pin, again, by=self._actor),
                               lambda s: f"New PIN set for {s.name}."))

    def remove(self, staff_id: str) -> None:
        self._run(self._change(self._directory.remove(staff_id, by=self._actor),
                               lambda s: f"{s.name} removed from the staff list."))

    def cancel(self) -> None:
        self._tasks.cancel_all()

    async def _change(self, call: Coroutine[Any, Any, Staff], words: Any) -> None:
        person = await call
        await self._reload(words(person))

    async def _reload(self, message: str) -> None:
        self.staffLoaded.emit(await self._directory.staff())
        if message:
            self.changed.emit(message)

    def _run(self, coro: Coroutine[Any, Any, None]) -> None:
        self._running += 1
        if self._running == 1:
            self.busyChanged.emit(True)
        task = self._tasks.start(coro, on_error=self.failed.emit)
        task.add_done_callback(lambda _t: self._ended())

    def _ended(self) -> None:
        self._running -= 1
        if self._running == 0:
            self.busyChanged.emit(False)
