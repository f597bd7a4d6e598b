"""Recent in-store payments, page by page, and what changed since the last look."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from ..domain.payments import Payment
from ..gateway.payments import PaymentsGateway

MAX_PARALLEL_REFRESH = 4


class PaymentsService:
    def __init__(self, gateway: PaymentsGateway) -> None:
        self._gw = gateway
        self._cursor: str | None = None
        self._started = False

    async def pages(self, *, page_size: int = 100) -> AsyncIterator[list[Payment]]:
        if not self._started:  # changes are counted from the moment loading starts
            self._cursor = await self._gw.newest_event_id()
            self._started = True
        after: str | None = None
        while True:
            page = await self._gw.page(limit=page_size, starting_after=after)
            yield page.payments
            if not page.has_more or page.cursor is None:
                return
            after = page.cursor

    async def refresh(self, payment_id: str) -> Payment:
        return await self._gw.retrieve(payment_id)

    async def changes(self) -> list[Payment]:
        """Payments touched by events since the previous call, read afresh."""
        if not self._started:
            self._cursor = await self._gw.newest_event_id()
            self._started = True
            return []
        ids, cursor = await self._gw.changed_since(self._cursor)
        gate = asyncio.Semaphore(MAX_PARALLEL_REFRESH)

        async def one(pid: str) -> Payment:
            async with gate:
                return await self._gw.retrieve(pid)

        fresh = await asyncio.gather(*(one(pid) for pid in sorted(ids)))
        self._cursor = cursor  # only once every changed payment was read
        return [p for p in fresh if p.payment_method_type in ("card_present", "interac_present")]
