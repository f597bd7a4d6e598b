"""Loads the payments page by page and keeps them fresh while the window is open.

All network work runs in this view-model's task scope; results and failures leave as signals,
so no slot ever raises and closing the window cancels everything in one call.
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject, Signal

from ...clock import Clock, utc_now
from ...domain.errors import NotFound, PosError
from ...domain.payments import Payment
from ...services.api import PaymentsSource
from ..messages import error_words
from ..tasks import TaskScope

log = logging.getLogger(__name__)

POLL_SECONDS = 3.0
PAGE_SIZE = 100


class PaymentsViewModel(QObject):
    pageLoaded = Signal(list)  # list[Payment], newest first
    loadProgress = Signal(int)  # payments loaded so far
    loadFinished = Signal()
    paymentsChanged = Signal(list)  # list[Payment] changed or new since the last look
    paymentFound = Signal(object)  # Payment fetched on request (scanned id, after an action)
    lookupFailed = Signal(str, str)  # payment id, message (unknown id)
    connectionChanged = Signal(bool, str)  # online, why not
    refreshedAt = Signal(object)  # datetime of the last successful contact
    error = Signal(object)  # BaseException to show

    def __init__(
        self,
        source: PaymentsSource,
        tasks: TaskScope,
        *,
        poll_seconds: float = POLL_SECONDS,
        page_size: int = PAGE_SIZE,
        clock: Clock = utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clock = clock
        self._tasks = tasks
        self._poll_seconds = poll_seconds
        self._page_size = page_size
        self._load_task: asyncio.Task[None] | None = None
        self._poll_task: asyncio.Task[None] | None = None
        self._online: bool | None = None
        self._loaded = False
        self._poll_failed_quietly = False

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def loading(self) -> bool:
        return self._load_task is not None and not self._load_task.done()

    # --- commands ------------------------------------------------------------------------
    def load(self) -> None:
        """Load every page from the newest; a load already running is left to finish."""
        if self.loading:
            return
        self._load_task = self._tasks.start(self._load(), on_error=self._failed)

    def start_polling(self) -> None:
        if self._poll_task is None or self._poll_task.done():
            self._poll_task = self._tasks.start(self._poll(), on_error=self._failed)

    def refresh(self) -> None:
        """F5: load again if the first load failed, else look for changes right now."""
        if not self._loaded:
            self.load()
        else:
            self._tasks.start(self._check_changes(), on_error=self._failed)

    def refresh_one(self, payment_id: str) -> None:
        """Fetch one payment afresh (a scanned id, or after an action on it)."""
        self._tasks.start(self._refresh_one(payment_id), on_error=self._failed)

    def cancel(self) -> None:
        self._tasks.cancel_all()

    # --- work ----------------------------------------------------------------------------
    async def _load(self) -> None:
        loaded = 0
        self.loadProgress.emit(0)
        async for page in self._source.pages(page_size=self._page_size):
            loaded += len(page)
            self.pageLoaded.emit(page)
            self.loadProgress.emit(loaded)
            self._contact_ok()
        self._loaded = True
        self._contact_ok()
        self.loadFinished.emit()

    async def _refresh_one(self, payment_id: str) -> None:
        try:
            payment = await self._source.refresh(payment_id)
        except NotFound:
            self.lookupFailed.emit(payment_id, f"No payment {payment_id} was found.")
            return
        self._contact_ok()
        self.paymentsChanged.emit([payment])
        self.paymentFound.emit(payment)

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(self._poll_seconds)
            if not self._loaded:
                if not self.loading:  # the first load failed (shown once): retry quietly
                    self._load_task = self._tasks.start(self._load(), on_error=self._quiet)
                continue
            try:
                await self._check_changes()
            except PosError as error:
                # The status bar says "Offline — retrying"; no box every 3 seconds.
                self._contact_failed(error_words(error)[1])
            except Exception as error:  # a bug: shown once, logged, polling goes on
                if not self._poll_failed_quietly:
                    self._poll_failed_quietly = True
                    self.error.emit(error)
                else:
                    log.warning("polling failed again", exc_info=error)

    async def _check_changes(self) -> None:
        changed: list[Payment] = await self._source.changes()
        self._poll_failed_quietly = False
        self._contact_ok()
        if changed:
            self.paymentsChanged.emit(changed)

    def _contact_ok(self) -> None:
        if self._online is not True:
            self._online = True
            self.connectionChanged.emit(True, "")
        self.refreshedAt.emit(self._clock())

    def _contact_failed(self, message: str) -> None:
        if self._online is not False:
            self._online = False
            self.connectionChanged.emit(False, message)

    def _quiet(self, error: BaseException) -> None:
        """A retry failed again: the status bar says so; anything else is still shown."""
        if isinstance(error, PosError) and error.retryable:
            self._contact_failed(error_words(error)[1])
        else:
            self._failed(error)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, PosError) and error.retryable:
            self._contact_failed(error_words(error)[1])
        self.error.emit(error)
