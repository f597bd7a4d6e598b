"""The journal for async code: every call runs on one dedicated worker thread.

Why: an fsync on a slow disk must never freeze the till's screen, so nothing here runs on
the event loop's (the Qt UI's) thread. One worker, not a pool: the sqlite connection is
created and used on that thread only, and calls run strictly in the order they were made.

If the awaiting task is cancelled, a call already running still finishes (a `begin` stays
committed). That is safe: a pending entry that was never sent is resolved like any other.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO, TypeVar

from ..domain.money import Money
from .records import Entry, Operation, OperationKind, OperationState, VerifyReport
from .store import Journal

T = TypeVar("T")


class AsyncJournal:
    """Same methods as `Journal`, awaitable. Build it with `await AsyncJournal.open(path)`."""

    def __init__(self, executor: ThreadPoolExecutor, journal: Journal) -> None:
        self._executor: ThreadPoolExecutor | None = executor
        self._journal = journal

    @classmethod
    async def open(cls, path: str | Path) -> AsyncJournal:
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal")
        loop = asyncio.get_running_loop()
        try:
            journal = await loop.run_in_executor(executor, Journal, path)
        except BaseException:
            executor.shutdown(wait=False)
            raise
        return cls(executor, journal)

    async def _run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self._executor is None:
            raise RuntimeError("the journal is closed")
        call = functools.partial(fn, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._executor, call)

    async def begin(
        self,
        kind: OperationKind | str,
        payment_id: str,
        *,
        amount: Money | None,
        staff: str,
        approver: str | None,
        till: str,
        reader_id: str | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> Operation:
        return await self._run(
            self._journal.begin, kind, payment_id, amount=amount, staff=staff,
            approver=approver, till=till, reader_id=reader_id, details=details,
        )

    async def record(
        self,
        op_id: str,
        state: OperationState | str,
        *,
        stripe_ids: Mapping[str, str | None] | None = None,
        error: str | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> Operation:
        return await self._run(
            self._journal.record, op_id, state, stripe_ids=stripe_ids, error=error,
            details=details,
        )

    async def record_settings(self, values: Mapping[str, Any], *, staff: str,
                              till: str) -> Entry:
        return await self._run(self._journal.record_settings, values, staff=staff, till=till)

    async def latest_settings(self) -> Entry | None:
        return await self._run(self._journal.latest_settings)

    async def get(self, op_id: str) -> Operation | None:
        return await self._run(self._journal.get, op_id)

    async def open_operations(self) -> list[Operation]:
        return await self._run(self._journal.open_operations)

    async def open_for_payment(self, payment_id: str) -> list[Operation]:
        return await self._run(self._journal.open_for_payment, payment_id)

    async def operations(
        self, *, since: datetime | None = None, until: datetime | None = None
    ) -> list[Operation]:
        return await self._run(self._journal.operations, since=since, until=until)

    async def entries(self) -> list[Entry]:
        return await self._run(self._journal.entries)

    async def verify(self) -> VerifyReport:
        return await self._run(self._journal.verify)

    async def export_csv(self, file: TextIO) -> None:
        """Writes `file` on the worker thread; do not touch it until this returns."""
        await self._run(self._journal.export_csv, file)

    async def aclose(self) -> None:
        """Close the connection on its own thread, after every call already queued."""
        if self._executor is None:
            return
        executor = self._executor
        try:
            await self._run(self._journal.close)
        finally:
            self._executor = None
            executor.shutdown(wait=False)

    async def __aenter__(self) -> AsyncJournal:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
