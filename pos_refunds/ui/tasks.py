"""Every coroutine the UI runs, in one registry owned by the main window.

`qasync.asyncSlot` hides its task; the UI starts its coroutines here instead. Each dialog or
view-model gets a `TaskScope` of the window's registry for what it owns: closing the owner (a
dialog's `finished`, any widget's `destroyed`) cancels what that scope started, and closing the
window cancels them all before the services close. The same way everywhere.

A scope also says whether it is busy: `busyChanged(bool)` when its first task that counts as
work starts and its last one ends (loading a list in the background does not count).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

log = logging.getLogger(__name__)


class TaskRegistry:
    """The window's registry: the scopes it handed out and every task they run."""

    def __init__(self) -> None:
        self._scopes: list[TaskScope] = []

    def scope(self, name: str, owner: QObject | None = None) -> TaskScope:
        """A scope for `owner`: its tasks are cancelled when the owner closes."""
        scope = TaskScope(self, name)
        self._scopes.append(scope)
        if owner is not None:
            scope.bind(owner)
        return scope

    @property
    def scopes(self) -> tuple[TaskScope, ...]:
        return tuple(self._scopes)

    @property
    def active(self) -> int:
        return sum(scope.active for scope in self._scopes)

    def cancel_all(self) -> None:
        for scope in list(self._scopes):
            scope.cancel_all()

    async def join(self) -> None:
        """Until every task of every scope has ended (after `cancel_all`, to close)."""
        while self.active:
            await asyncio.gather(*(scope.join() for scope in list(self._scopes)))

    def drop(self, scope: TaskScope) -> None:
        scope.cancel_all()
        if not scope.active and scope in self._scopes:
            self._scopes.remove(scope)


class TaskScope(QObject):
    """The tasks one owner started; cancelled with it."""

    busyChanged = Signal(bool)

    def __init__(self, registry: TaskRegistry, name: str) -> None:
        super().__init__()
        self.registry = registry
        self.name = name
        self._tasks: set[asyncio.Task[Any]] = set()
        self._working: set[asyncio.Task[Any]] = set()

    def start(
        self,
        coro: Coroutine[Any, Any, Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        work: bool = False,
    ) -> asyncio.Task[Any]:
        """Run `coro` on the running loop; its result or error goes to the callbacks.

        A cancelled task calls neither callback: cancellation is silent. `work`: the scope is
        busy until it ends (a money action, a staff change; not a background read).
        """
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        if work:
            self._working.add(task)
            if len(self._working) == 1:
                self.busyChanged.emit(True)
        task.add_done_callback(lambda t: self._finished(t, on_done, on_error))
        return task

    def _finished(
        self,
        task: asyncio.Task[Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        self._tasks.discard(task)
        try:
            if not task.cancelled():
                error = task.exception()
                if error is None:
                    if on_done is not None:
                        on_done(task.result())
                elif on_error is not None:
                    on_error(error)
                else:
                    log.error("%s: task failed", self.name, exc_info=error)
        except Exception:  # a callback must never take the loop down with it
            log.exception("%s: task callback failed", self.name)
        finally:
            if task in self._working:
                self._working.discard(task)
                if not self._working:
                    self.busyChanged.emit(False)

    def bind(self, owner: QObject) -> None:
        """`owner` closing cancels this scope's tasks (a dialog's `finished`, any object's
        `destroyed`); once destroyed, the registry forgets the scope."""
        if isinstance(owner, QDialog):
            owner.finished.connect(lambda _result: self.cancel_all())
        registry = self.registry
        owner.destroyed.connect(lambda *_: registry.drop(self))

    @property
    def busy(self) -> bool:
        return bool(self._working)

    @property
    def active(self) -> int:
        return len(self._tasks)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    async def join(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
