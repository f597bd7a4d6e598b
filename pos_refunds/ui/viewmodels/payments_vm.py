"""Loads the payments page by page and keeps them fresh while the window is open.

Changes are looked for at a pace that follows the counter: every `poll_seconds` while a
payment is open or right after this till acted (`hurry`), five times slower when the till sits
idle at the list, and at once when the window comes back to the front (`wake`).

All network work runs in this view-model's task scope; results and failures leave as signals,
so no slot ever raises and closing the window cancels everything in one call.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Signal

from ...blocking import run_blocking
from ...clock import Clock, utc_now
from ...domain.errors import NotFound, PosError
from ...domain.payments import Payment
from ...services.api import PaymentsSource
from ..messages import error_words
from ..models.payments_model import row_keys
from ..tasks import TaskScope

log = logging.getLogger(__name__)

POLL_SECONDS = 3.0
IDLE_FACTOR = 5  # idle at the list: 15 s between looks, 4 requests a minute
HURRY_SECONDS = 60.0  # after this till acted, changes are looked for fast this long
PAGE_SIZE = 100


class PaymentsViewModel(QObject):
    pageLoaded = Signal(list, list)  # list[Payment], newest first; their list[RowKeys]
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
        idle_poll_seconds: float | None = None,
        page_size: int = PAGE_SIZE,
        clock: Clock = utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clock = clock
        self._tasks = tasks
        self._poll_seconds = poll_seconds
        self._idle_seconds = (idle_poll_seconds if idle_poll_seconds is not None
                              else poll_seconds * IDLE_FACTOR)
        self._open = False  # a payment is open in the detail panel
        self._following = False  # a reader action is followed (it reads the reader itself)
        self._fast_until: datetime | None = None
        self._nudge: asyncio.Event | None = None
        self._check_now = False
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

    # --- pace -----------------------------------------------------------------------------
    def interval(self) -> float:
        """Seconds until the next look for changes, as the counter is now."""
        if self._following:
            return self._idle_seconds
        hurried = self._fast_until is not None and self._clock() < self._fast_until
        return self._poll_seconds if self._open or hurried else self._idle_seconds

    def set_payment_open(self, is_open: bool) -> None:
        """A payment is open (or none): the pace follows at once, without an extra look."""
        if is_open != self._open:
            self._open = is_open
            self._retime()

    def set_following(self, following: bool) -> None:
        """A reader refund is followed live (its dialog covers the list): the window looks for
        other changes at the idle pace meanwhile, so the follow has the request budget to
        itself (2 a second in all); the pace picks up again when it ends."""
        if following != self._following:
            self._following = following
            self._retime()

    def hurry(self, seconds: float = HURRY_SECONDS) -> None:
        """This till just acted: its changes and their echoes are looked for fast a while."""
        self._fast_until = self._clock() + timedelta(seconds=seconds)
        self._retime()

    def wake(self) -> None:
        """The window came back to the front: look for changes now."""
        self._check_now = True
        self._retime()

    def _retime(self) -> None:
        if self._nudge is not None:
            self._nudge.set()

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
            # what the table sorts and searches by, worked out off the Qt thread
            keys = await run_blocking(lambda page=page: row_keys(page))
            self.pageLoaded.emit(page, keys)
            self.loadProgress.emit(loaded)
            self._contact_ok()
        self._loaded = True
        self._contact_ok()
        self.loadFinished.emit()

    async def _refresh_one(self, payment_id: str) -> None:
        try:
            payment = await self._source.refresh(payment_id)
        except NotFound:
            self.lookupFailed.emit(payment_id, self.tr("No payment {payment_id} was found.")
                                   .format(payment_id=payment_id))
            return
        self._contact_ok()
        self.paymentsChanged.emit([payment])
        self.paymentFound.emit(payment)

    async def _poll(self) -> None:
        self._nudge = asyncio.Event()
        while True:
            waited = await self._wait(self._nudge)
            if waited == "retimed" and not self._check_now:
                continue  # the pace changed: wait again at the new one
            self._check_now = False
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

    async def _wait(self, nudge: asyncio.Event) -> str:
        """Until the interval is over ("due"), or the pace changed ("retimed").

        `asyncio.wait`, not `wait_for`: on Python 3.11 `wait_for` can swallow the task's
        cancellation when the nudge comes at the same moment (closing the window does both),
        and the loop would outlive the window."""
        waiter = asyncio.ensure_future(nudge.wait())
        try:
            done, _pending = await asyncio.wait({waiter}, timeout=self.interval())
        finally:
            waiter.cancel()
        if not done:
            return "due"
        nudge.clear()
        return "retimed"

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
