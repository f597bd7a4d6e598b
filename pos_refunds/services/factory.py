"""Builds the services for one mode: gateway, journal, recovery, use cases.

Opening resolves every journal entry a crash left open before anything else can happen, and
only while holding the journal's till lock: recovery never touches an operation that another
live process owns.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import NetworkDown, RateLimited, ServerError
from ..domain.guarded import STRICT, GuardedSettings
from ..domain.money import Money
from ..domain.payments import Payment
from ..domain.policy import Action
from ..domain.reasons import Coded, SettingsReason
from ..gateway.account import account_name
from ..gateway.client import REQUEST_TIMEOUT_SECONDS, ClientHandle, Connection
from ..gateway.payments import PaymentsGateway
from ..gateway.readers import POLL_MAX, POLL_START, ReadersGateway
from ..journal import AsyncJournal, Operation
from .api import Mode, Staff, StaffAuthority
from .authorization import Authorization
from .day_activity import DayActivityService
from .journal_audit import AuditReport, JournalAudit
from .money_actions import MoneyActionsService
from .operations import SETTLE_DELAYS, OperationRunner
from .payments_source import PaymentsService
from .reader_refunds import LIVE_SETTLE_DELAYS, ReaderRefundService
from .recovery import Recovery
from .till_lock import TillLock, lock_path_for

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServiceConfig:
    mode: Mode
    api_key: str | None
    api_base: str | None
    stripe_account: str | None
    journal_path: Path
    till: str
    location_id: str | None = None  # readers of this Terminal location only (Settings)
    request_timeout: float = REQUEST_TIMEOUT_SECONDS
    # Pauses between attempts to settle an unknown outcome while the cashier waits (tests
    # shorten them; the outcome never depends on them, only how long the cashier waits).
    settle_delays: tuple[float, ...] = SETTLE_DELAYS
    live_settle_delays: tuple[float, ...] = LIVE_SETTLE_DELAYS
    # Following a reader refund: the first pause between reads of the reader, and the longest.
    reader_poll_start: float = POLL_START
    reader_poll_max: float = POLL_MAX
    # The SDK's pauses between retries of a failed request, as a fraction of its own backoff.
    retry_pause_scale: float = 1.0

    def __repr__(self) -> str:  # never the key
        return (f"ServiceConfig(mode={self.mode}, api_base={self.api_base!r}, "
                f"stripe_account={self.stripe_account!r}, till={self.till!r})")


@dataclass
class Services:
    mode: Mode
    payments: PaymentsService
    actions: MoneyActionsService
    readers: ReaderRefundService
    account_name: str
    connect: bool
    journal: AsyncJournal
    recovery: Recovery
    authorization: Authorization
    unresolved: list[Operation]
    settled_at_start: list[Operation]  # what a crash had left open, settled at start-up
    day: DayActivityService  # the day's operations, every till's
    _handle: ClientHandle
    _runner: OperationRunner
    _payments_gw: PaymentsGateway
    guarded_problem: SettingsReason | None = None  # why the settings in force are the strict ones
    _lock: TillLock | None = None  # released after the journal is closed

    @property
    def guarded(self) -> GuardedSettings:
        """The refund limits and idle lock in force: the newest a manager journaled."""
        return self.authorization.guarded

    def approval_reason(self, action: Action, amount: Money, payment: Payment
                        ) -> tuple[Coded, ...]:
        """Why a manager must approve this refund (empty: nobody need); raises OverRefund.
        The UI asks here, so the services alone decide."""
        return self.authorization.approval_reason(action, amount, payment)

    async def set_guarded(self, values: GuardedSettings, *, by: Staff) -> GuardedSettings:
        """A manager (as the staff list knows them) changes the guarded settings: journaled,
        then in force from the next refund on."""
        manager = await self.authorization.manager(by)
        await self.journal.record_settings(values.to_json(), staff=manager.name,
                                           till=self._runner.till)
        self.authorization.set_guarded(values)
        self.guarded_problem = None
        return values

    async def audit_journal(self) -> AuditReport:
        """The journal's chain, and each newest operation compared with what Stripe holds."""
        return await JournalAudit(self.journal, self._payments_gw).verify()

    async def settle_open(self) -> list[Operation]:
        """Settle again what is still open (a request that may still land, a reader action
        nobody follows), leaving alone what this till is sending or following right now;
        returns the operations that closed just now."""
        ops = [op for op in await self.journal.open_operations()
               if not self._runner.busy(op.payment_id)
               and not self.recovery.is_followed(op.op_id)]
        states = await self.recovery.settle_each(ops)
        closed = [await self.journal.get(op_id) for op_id, state in states.items()
                  if not state.is_open]
        return [op for op in closed if op is not None]

    async def aclose(self) -> None:
        try:
            await self._handle.aclose()
        finally:
            try:
                await self.journal.aclose()
            finally:
                if self._lock is not None:
                    self._lock.release()


async def guarded_settings(journal: AsyncJournal) -> tuple[GuardedSettings, SettingsReason | None]:
    """The guarded settings in force, from the journal alone; and, when they had to be the
    strict ones, why (None when they are the ones a manager set, or the defaults)."""
    if not (await journal.verify()).ok:
        return STRICT, SettingsReason.UNTRUSTED_JOURNAL
    entry = await journal.latest_settings()
    if entry is None:
        return GuardedSettings(), None
    try:
        return GuardedSettings.from_json(entry.details), None
    except ValueError:
        return STRICT, SettingsReason.UNREADABLE


async def open_services(
    config: ServiceConfig, *, staff: StaffAuthority, sandbox: object | None = None
) -> Services:
    """Connect, check the key (the account call fails fast on a bad one), resolve the journal.

    `sandbox` is the embedded training server, kept alive by the caller; passing it only
    documents the dependency. Raises `TillInUse`, having opened nothing, while another live
    process has services open on the same journal.
    """
    if not config.api_key:
        raise ValueError("open_services needs an API key (training uses the sandbox's)")
    lock = TillLock(lock_path_for(config.journal_path))
    lock.acquire()  # before the journal is even opened
    handle = ClientHandle(
        Connection(config.api_key, config.api_base, config.stripe_account),
        timeout=config.request_timeout, retry_pause_scale=config.retry_pause_scale,
    )
    try:
        journal = await AsyncJournal.open(config.journal_path)
    except BaseException:
        lock.release()
        raise
    try:
        try:
            name = await account_name(handle)
        except (NetworkDown, ServerError, RateLimited) as err:
            # A shop's internet may be down at opening: start anyway and keep retrying.
            # A wrong key, by contrast, is said at once.
            log.warning("account not reachable at start: %s", err)
            name = ""
        payments_gw = PaymentsGateway(handle)
        readers_gw = ReadersGateway(handle, poll_start=config.reader_poll_start,
                                    poll_max=config.reader_poll_max)
        recovery = Recovery(payments_gw, readers_gw, journal)
        runner = OperationRunner(journal, config.till, recovery.resolve,
                                 settle_delays=config.settle_delays)
        left_open = await journal.open_operations()
        unresolved = await recovery.resolve_all()
        still_open = {op.op_id for op in unresolved}
        settled_at_start = [op for op in [await journal.get(o.op_id) for o in left_open
                                          if o.op_id not in still_open] if op is not None]
        guarded, problem = await guarded_settings(journal)
    except BaseException:
        try:
            await handle.aclose()
            await journal.aclose()
        finally:
            lock.release()
        raise
    if unresolved:
        log.warning("%d operation(s) could not be resolved yet", len(unresolved))
    authorization = Authorization(staff, guarded)
    return Services(
        mode=config.mode,
        payments=PaymentsService(payments_gw),
        actions=MoneyActionsService(payments_gw, runner, recovery.requests, authorization),
        readers=ReaderRefundService(readers_gw, runner, recovery, authorization,
                                    location=config.location_id,
                                    live_settle_delays=config.live_settle_delays),
        account_name=name,
        connect=bool(config.stripe_account),
        journal=journal,
        recovery=recovery,
        authorization=authorization,
        unresolved=unresolved,
        settled_at_start=settled_at_start,
        day=DayActivityService(payments_gw, journal),
        _handle=handle,
        _runner=runner,
        _payments_gw=payments_gw,
        guarded_problem=problem,
        _lock=lock,
    )
