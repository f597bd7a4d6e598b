"""Tracked asyncio tasks for a view-model: nothing runs that cannot be cancelled on close.

`qasync.asyncSlot` hides its task; view-models start their coroutines here instead, so the
main window can cancel everything before it closes the services.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)


class TaskGroup:
    def __init__(self, name: str = "tasks") -> None:
        self._name = name
        self._tasks: set[asyncio.Task[Any]] = set()

    def start(
        self,
        coro: Coroutine[Any, Any, Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> asyncio.Task[Any]:
        """Run `coro` on the running loop; its result or error goes to the callbacks.

        A cancelled task calls neither callback: cancellation is silent.
        """
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(lambda t: self._finished(t, on_done, on_error))
        return task

    def _finished(
        self,
        task: asyncio.Task[Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        try:
            if error is None:
                if on_done is not None:
                    on_done(task.result())
            elif on_error is not None:
                on_error(error)
            else:
                log.error("%s: task failed", self._name, exc_info=error)
        except Exception:  # a callback must never take the loop down with it
            log.exception("%s: task callback failed", self._name)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    async def join(self) -> None:
        """Wait until every task has ended (after `cancel_all`, for an orderly close)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    @property
    def active(self) -> int:
        return len(self._tasks)
