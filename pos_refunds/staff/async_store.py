"""The staff list for async code: every call (sqlite and the slow PIN hash) runs on one
dedicated worker thread, so the till's screen never waits on the disk or on scrypt.

One worker, not a pool: the sqlite connection lives on that thread only, and attempts are
counted strictly in the order they were made.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from ..domain.approvals import Approval, ApprovalRequest
from ..domain.staff import LockoutPolicy, PinCheck, Staff
from .store import Clock, StaffStore, utc_now

T = TypeVar("T")


class AsyncStaffStore:
    """Same methods as `StaffStore`, awaitable. Build it with `await AsyncStaffStore.open(path)`."""

    def __init__(self, executor: ThreadPoolExecutor, store: StaffStore) -> None:
        self._executor: ThreadPoolExecutor | None = executor
        self._store = store

    @classmethod
    async def open(cls, path: str | Path, *, clock: Clock = utc_now,
                   policy: LockoutPolicy | None = None) -> AsyncStaffStore:
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="staff")
        loop = asyncio.get_running_loop()
        opener = functools.partial(StaffStore, path, clock=clock, policy=policy)
        try:
            store = await loop.run_in_executor(executor, opener)
        except BaseException:
            executor.shutdown(wait=False)
            raise
        return cls(executor, store)

    async def _run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self._executor is None:
            raise RuntimeError("the staff list is closed")
        call = functools.partial(fn, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._executor, call)

    async def staff(self) -> list[Staff]:
        return await self._run(self._store.staff)

    async def verify(self, staff_id: str, pin: str, *, manager: bool = False) -> PinCheck:
        return await self._run(self._store.verify, staff_id, pin, manager=manager)

    async def member(self, staff_id: str) -> Staff | None:
        return await self._run(self._store.member, staff_id)

    async def approve(self, staff_id: str, pin: str,
                      request: ApprovalRequest) -> PinCheck | Approval:
        return await self._run(self._store.approve, staff_id, pin, request)

    async def consume_approval(self, approval_id: str) -> Approval | None:
        return await self._run(self._store.consume_approval, approval_id)

    async def create_first_manager(self, name: str, pin: str, again: str) -> Staff:
        return await self._run(self._store.create_first_manager, name, pin, again)

    async def add(self, name: str, role: str, pin: str, again: str, *, by: Staff) -> Staff:
        return await self._run(self._store.add, name, role, pin, again, by=by)

    async def set_role(self, staff_id: str, role: str, *, by: Staff) -> Staff:
        return await self._run(self._store.set_role, staff_id, role, by=by)

    async def reset_pin(self, staff_id: str, pin: str, again: str, *, by: Staff) -> Staff:
        return await self._run(self._store.reset_pin, staff_id, pin, again, by=by)

    async def remove(self, staff_id: str, *, by: Staff) -> Staff:
        return await self._run(self._store.remove, staff_id, by=by)

    async def seed_training(self) -> bool:
        return await self._run(self._store.seed_training)

    async def aclose(self) -> None:
        """Close the connection on its own thread, after every call already queued."""
        if self._executor is None:
            return
        executor = self._executor
        try:
            await self._run(self._store.close)
        finally:
            self._executor = None
            executor.shutdown(wait=False)
