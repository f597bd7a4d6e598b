"""State and tasks of the end-of-day screen: the open authorizations (captured or canceled one
by one or all at once), the day's totals, and the day's operations: every till's, read from
Stripe, with this till's own attempts from its journal.

Every capture and cancel goes through the services (journaled, with metadata), after reading
the payment afresh: one changed at another till meanwhile is reported, never sent. In a batch
one failure does not stop the rest; the failures are summed up once at the end. The
view-model owns its tasks; `cancel()` stops them (the window closing, the dialog closing).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...clock import Clock, utc_now
from ...domain.day_operations import DayActivity, DayOperation, captured_in
from ...domain.end_of_day import currency_totals, day_bounds, day_totals, uncaptured
from ...domain.errors import PosError
from ...domain.payments import Payment
from ...domain.policy import Action
from ...journal import VerifyReport
from ...services.api import DayActivitySource, Mode, PaymentsSource, Staff
from ..end_of_day_csv import day_csv
from ..end_of_day_report import DayReport
from ..file_export import write_text
from ..flows.bulk import EndOfDayBulkFlow
from ..messages import error_title
from ..ports import JournalReader
from .authorization_rows import AuthRow, RowState

MAX_PARALLEL_REFRESH = 4


class EndOfDayViewModel(QObject):
    rowsChanged = Signal(list)  # list[AuthRow]: the whole list
    rowChanged = Signal(object)  # AuthRow: one row moved on
    totalsChanged = Signal(list, list)  # per network, per currency (DayTotal)
    operationsChanged = Signal(list)  # list[DayOperation]: refunds, cancels, captures
    journalChecked = Signal(object)  # VerifyReport
    operationsUnread = Signal(object)  # PosError: Stripe did not give the day's operations
    paymentUpdated = Signal(object)  # a fresh Payment, for the main list
    progress = Signal(int, int, str)  # done, total, verb ("Capturing"); total 0 when idle
    busyChanged = Signal(bool)
    failed = Signal(object)  # BaseException, for Prompts
    exported = Signal(str)  # path of the CSV written

    def __init__(
        self,
        payments: Iterable[Payment],
        source: PaymentsSource,
        journal: JournalReader,
        day: DayActivitySource,
        bulk: EndOfDayBulkFlow,
        staff: Staff,
        *,
        mode: Mode,
        shop: str = "",
        clock: Clock = utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source, self._journal, self._day, self.bulk = source, journal, day, bulk
        self._staff, self._mode, self._shop = staff, mode, shop
        self.clock = clock
        self._tasks = bulk.tasks  # reads and the bulk flow's work: one scope, the dialog's
        self._payments: dict[str, Payment] = {p.id: p for p in payments}
        self.day = clock().astimezone().date()
        self.start, self.end = day_bounds(self.day)
        self._rows: dict[str, AuthRow] = {
            a.payment.id: AuthRow(a) for a in uncaptured(self._payments.values())}
        self._operations: list[DayOperation] = []
        self.operations_read = False  # the day's operations came from Stripe at least once
        self._journal_report: VerifyReport | None = None
        self.checked = False  # every listed authorization was read afresh from Stripe
        bulk.rowMoved.connect(self._set)
        bulk.paymentRead.connect(self._read_in_bulk)
        bulk.progress.connect(self.progress)
        bulk.busyChanged.connect(self.busyChanged)
        bulk.failed.connect(self.failed)
        bulk.ended.connect(self._load_operations)

    # --- reading -------------------------------------------------------------------------
    def rows(self) -> list[AuthRow]:
        return list(self._rows.values())

    def row(self, payment_id: str) -> AuthRow:
        return self._rows[payment_id]

    @property
    def busy(self) -> bool:
        return self.bulk.busy

    def load(self) -> None:
        """Show what the window had at once, then check it with Stripe and the journal."""
        self.rowsChanged.emit(self.rows())
        self._emit_totals()
        self._tasks.start(self._refresh_all(), on_error=self.failed.emit)
        self._load_operations()

    def report(self) -> DayReport:
        """Everything the printed report, the PDF and the CSV show, as it stands now."""
        totals = self._totals()
        still_open = [r.auth for r in self._rows.values() if not r.state.final]
        return DayReport(
            day=self.day, generated_at=self.clock(), shop=self._shop, mode=self._mode.value,
            printed_by=self._staff.name, totals=tuple(totals),
            currency_totals=tuple(currency_totals(totals)), open_authorizations=tuple(still_open),
            operations=tuple(self._operations), payments=tuple(self._payments.values()),
            journal=self._journal_report, start=self.start, end=self.end,
        )

    # --- commands ------------------------------------------------------------------------
    def export_csv(self, path: Path) -> None:
        """The day's payments, refunds and operations as CSV, written off the UI thread."""
        text = day_csv(self.report())
        self._tasks.start(write_text(path, text), on_done=lambda p: self.exported.emit(str(p)),
                          on_error=self.failed.emit)

    def capture(self, payment_id: str, parent: QWidget) -> None:
        self._one(Action.CAPTURE, payment_id, parent)

    def cancel_payment(self, payment_id: str, parent: QWidget) -> None:
        self._one(Action.CANCEL, payment_id, parent)

    def capture_all(self, parent: QWidget) -> None:
        self.bulk.all(Action.CAPTURE, list(self._rows.values()), parent)

    def cancel_all(self, parent: QWidget) -> None:
        self.bulk.all(Action.CANCEL, list(self._rows.values()), parent)

    def stop(self) -> None:
        """Finish the operation under way, leave the rest of the batch as it is."""
        self.bulk.stop()

    def cancel(self) -> None:
        self._tasks.cancel_all()

    def _one(self, action: Action, payment_id: str, parent: QWidget) -> None:
        row = self._rows.get(payment_id)
        if row is not None:
            self.bulk.one(action, row, parent)

    async def _refresh_all(self) -> None:
        gate = asyncio.Semaphore(MAX_PARALLEL_REFRESH)

        async def one(payment_id: str) -> None:
            async with gate:
                try:
                    fresh = await self._source.refresh(payment_id)
                except PosError as error:
                    row = self._rows[payment_id]
                    if row.state is RowState.READY:
                        self._set(row.moved(RowState.READY, self.tr(
                            "Not checked again with Stripe: {problem}.",
                            "problem: the error's title, in lower case").format(
                            problem=error_title(error).lower())))
                    return
            self._remember(fresh)
            row = self._rows[payment_id]
            if row.state is RowState.READY:
                self._set(row.refreshed(fresh))

        await asyncio.gather(*(one(pid) for pid in list(self._rows)))
        self.checked = True
        self._emit_totals()

    def _load_operations(self) -> None:
        """The day's operations, and the journal's check, again after every change here."""
        self._tasks.start(self._day.read(self.start, self.end, dict(self._payments)),
                          on_done=self._activity_in, on_error=self._activity_failed)
        self._tasks.start(self._journal.verify(), on_done=self._checked,
                          on_error=self.failed.emit)

    # --- glue ----------------------------------------------------------------------------
    def _activity_in(self, activity: DayActivity) -> None:
        for payment in activity.payments:  # older payments the day's operations touched
            self._payments.setdefault(payment.id, payment)
        self._operations = list(activity.operations)
        self.operations_read = True
        self.operationsChanged.emit(list(self._operations))
        self._emit_totals()

    def _activity_failed(self, error: BaseException) -> None:
        """Said on the screen, not in a box: the capture or cancel that came before has
        already said its own error (a refused key, the network down)."""
        if isinstance(error, PosError):
            self.operationsUnread.emit(error)
        else:
            self.failed.emit(error)

    def _checked(self, report: VerifyReport) -> None:
        self._journal_report = report
        self.journalChecked.emit(report)

    def _remember(self, payment: Payment) -> None:
        if self._payments.get(payment.id) != payment:
            self._payments[payment.id] = payment
            self.paymentUpdated.emit(payment)

    def _read_in_bulk(self, payment: Payment) -> None:
        self._remember(payment)
        self._emit_totals()

    def _set(self, row: AuthRow) -> None:
        self._rows[row.auth.payment.id] = row
        self.rowChanged.emit(row)

    def _totals(self) -> list:
        """Collected counts what was captured today too, whenever it was authorized."""
        captured = captured_in(self._operations)
        return day_totals(self._payments.values(), self.start, self.end, captured)

    def _emit_totals(self) -> None:
        totals = self._totals()
        self.totalsChanged.emit(totals, currency_totals(totals))

