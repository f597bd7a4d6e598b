"""Recent in-store payments, page by page, and what changed since the last look."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

from ..domain.errors import NotFound
from ..domain.payments import Payment
from ..gateway.payments import PaymentsGateway

MAX_PARALLEL_REFRESH = 4
CLOCK_MARGIN_SECONDS = 120  # this PC's clock may run ahead of Stripe's
# What the list shows: long enough for authorizations (at most 5 days for Visa) and the
# week's refunds; older payments are found by id (a scanned receipt).
RECENT_DAYS = 7


class PaymentsService:
    def __init__(self, gateway: PaymentsGateway, *, recent_days: int = RECENT_DAYS) -> None:
        self._gw = gateway
        self._recent_seconds = recent_days * 86400
        self._cursor: str | None = None
        self._since = 0
        self._started = False

    async def _start(self) -> None:
        """Changes are counted from the moment loading starts."""
        self._since = int(time.time()) - CLOCK_MARGIN_SECONDS
        self._cursor = await self._gw.newest_event_id()
        self._started = True

    async def pages(self, *, page_size: int = 100) -> AsyncIterator[list[Payment]]:
        if not self._started:
            await self._start()
        after: str | None = None
        created_from = int(time.time()) - self._recent_seconds
        while True:
            page = await self._gw.page(
                limit=page_size, starting_after=after, created_from=created_from
            )
            yield page.payments
            if not page.has_more or page.cursor is None:
                return
            after = page.cursor

    async def refresh(self, payment_id: str) -> Payment:
        return await self._gw.retrieve(payment_id)

    async def changes(self) -> list[Payment]:
        """Payments touched by events since the previous call, read afresh."""
        if not self._started:
            await self._start()
            return []
        ids, cursor = await self._gw.changed_since(self._cursor, created_from=self._since)
        gate = asyncio.Semaphore(MAX_PARALLEL_REFRESH)

        async def one(pid: str) -> Payment | None:
            async with gate:
                try:
                    return await self._gw.retrieve_in_person(pid)
                except NotFound:  # gone or not ours to read: never stall the feed on it
                    return None

        fresh = await asyncio.gather(*(one(pid) for pid in sorted(ids)))
        self._cursor = cursor  # only once every changed payment was read
        return [p for p in fresh if p is not None]
