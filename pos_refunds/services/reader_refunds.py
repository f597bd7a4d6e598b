"""Interac refunds in person: send to the reader, follow the action, cancel only our own.

The refund is journaled before it is sent and never re-sent while following; a failure whose
outcome is unknown is settled by looking at the reader (is our action there?) before the same
request, with the same key, is sent once more.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

from ..domain import errors as e
from ..domain.account import Location
from ..domain.approvals import ApprovalLimits
from ..domain.money import Money
from ..domain.payments import Payment, Reader, ReaderAction
from ..domain.policy import Action
from ..gateway import readers as rg
from ..gateway.errors import outcome_unknown
from ..journal import Operation, OperationKind, OperationState
from .api import ReaderProgress, ReaderRefundOptions, Staff, Step, TestCard
from .money_actions import check_approval
from .operations import META_OPERATION, OperationRunner, operation_metadata, require_allowed
from .recovery import Recovery

_CARDS = {
    TestCard.INTERAC: (True, rg.INTERAC_TEST_CARD),
    TestCard.OTHER_CARD: (False, rg.OTHER_TEST_CARD),
    TestCard.DECLINED: (False, rg.DECLINING_TEST_CARD),
}


def _ours(action: ReaderAction | None, op_id: str) -> bool:
    return action is not None and action.metadata.get(META_OPERATION) == op_id


def progress_of(reader: Reader, *, note: str = "") -> ReaderProgress:
    """What a reader's current action means for the cashier."""
    now = datetime.now(UTC)
    a = reader.action
    if a is None:
        return ReaderProgress(Step.FAILED, reader, "The reader has no action.", at=now)
    if a.status == "in_progress":
        msg = note or "Waiting for the customer to present their card on the reader…"
        if reader.status == "offline":
            msg = "The reader is offline. Still checking; it may time out."
        return ReaderProgress(Step.WAITING_FOR_CARD, reader, msg, at=now)
    if a.status == "succeeded":
        return ReaderProgress(
            Step.SUCCEEDED, reader, "Refunded. The customer's card has been credited.",
            refund_id=a.refund_id, at=now,
        )
    step = Step.CANCELED if a.failure_code and "cancel" in a.failure_code else Step.FAILED
    said = a.failure_message or "The reader did not complete the refund."
    code = f" ({a.failure_code})" if a.failure_code else ""
    return ReaderProgress(
        step, reader, f"{said}{code}", failure_code=a.failure_code,
        failure_message=a.failure_message, at=now,
    )


class ReaderRefundService:
    def __init__(
        self,
        readers: rg.ReadersGateway,
        runner: OperationRunner,
        recovery: Recovery,
        limits: ApprovalLimits,
        *,
        location: str | None = None,
    ) -> None:
        self._gw = readers
        self._runner = runner
        self._recovery = recovery
        self._limits = limits
        self._location = location  # only this location's readers, when set (Settings)
        self._started: dict[str, str] = {}  # reader id -> operation id this till started

    async def readers(self) -> list[Reader]:
        return await self._gw.list(location=self._location)

    def set_location(self, location: str | None) -> None:
        self._location = location or None

    def set_limits(self, limits: ApprovalLimits) -> None:
        """A manager changed the limits in Settings: they hold from the next refund on."""
        self._limits = limits

    async def locations(self) -> list[Location]:
        return await self._gw.locations()

    async def refund(
        self,
        payment: Payment,
        reader_id: str,
        amount: Money,
        *,
        options: ReaderRefundOptions,
        staff: Staff,
        approver: Staff | None,
    ) -> AsyncIterator[ReaderProgress]:
        require_allowed(payment, Action.REFUND_ON_READER)
        who = check_approval(
            Action.REFUND_ON_READER, amount, payment, self._limits, staff, approver
        )
        async with self._runner.exclusive(payment.id):
            reader = await self._gw.retrieve(reader_id)
            if reader.status == "offline":
                raise e.ReaderOffline(f"{reader.label} is offline. Choose another reader.")
            if reader.busy:
                raise e.ReaderBusy(f"{reader.label} is busy with another transaction.")
            op = await self._runner.begin(
                OperationKind.REFUND_ON_READER, payment, amount, staff=staff, approver=who,
                reader_id=reader_id,
                details={"enable_customer_cancellation": options.enable_customer_cancellation},
            )
            yield ReaderProgress(Step.SENDING, reader, f"Sending the refund to {reader.label}…",
                                 at=datetime.now(UTC))
            reader = await self._send(op, reader_id, payment, amount, options)
            self._started[reader_id] = op.op_id
            try:
                yield progress_of(reader)
                async for update in self._follow(op, reader_id):
                    yield update
            finally:  # ended, or abandoned: nobody follows it from here on
                self._started.pop(reader_id, None)

    async def _send(
        self, op: Operation, reader_id: str, payment: Payment, amount: Money,
        options: ReaderRefundOptions,
    ) -> Reader:
        async def send() -> Reader:
            return await self._gw.refund_payment(
                reader_id, payment.id, amount, metadata=operation_metadata(op),
                enable_customer_cancellation=options.enable_customer_cancellation,
                refund_application_fee=options.refund_application_fee,
                reverse_transfer=options.reverse_transfer,
                idempotency_key=op.idempotency_key,
            )

        journal = self._runner.journal

        def ids(err: e.PosError) -> dict[str, str] | None:
            return {"request_id": err.request_id} if err.request_id else None

        try:
            return await send()
        except e.PosError as err:
            state = OperationState.UNKNOWN if outcome_unknown(err) else OperationState.FAILED
            await journal.record(op.op_id, state, error=str(err), stripe_ids=ids(err))
            if state is OperationState.FAILED:
                raise
        # Unknown outcome: is our action on the reader? If not, the same request once more.
        try:
            reader = await self._gw.retrieve(reader_id)
            if _ours(reader.action, op.op_id):
                return reader
            return await send()
        except e.PosError as err:
            if not outcome_unknown(err):
                await journal.record(op.op_id, OperationState.FAILED, error=str(err),
                                     stripe_ids=ids(err))
                raise
            raise e.OutcomeUnknown(
                "The reader could not be reached to confirm the refund started. Press "
                "Check status, or look at the reader; do not start it again.",
                request_id=err.request_id,
            ) from err

    async def _follow(self, op: Operation, reader_id: str) -> AsyncIterator[ReaderProgress]:
        last = ""
        async for reader, err in self._gw.follow(reader_id):
            if reader is None:
                msg = f"Connection problem ({err}). Still following the reader…"
                if msg != last:
                    last = msg
                    yield ReaderProgress(Step.WAITING_FOR_CARD, None, msg, at=datetime.now(UTC))
                continue
            if not _ours(reader.action, op.op_id):
                # Our action was replaced before we saw it end: Stripe's refunds decide.
                state = await self._recovery.resolve(op)
                if state.is_open:
                    raise e.OutcomeUnknown(
                        "The reader moved on before this refund's outcome was seen, and Stripe "
                        "cannot confirm it yet. Press Check status in a moment."
                    )
                step = Step.SUCCEEDED if state is OperationState.SUCCEEDED else Step.FAILED
                yield ReaderProgress(step, reader, "The reader moved on; outcome checked with "
                                     "Stripe.", at=datetime.now(UTC))
                return
            update = progress_of(reader)
            if update.step is Step.WAITING_FOR_CARD:
                if update.message != last:
                    last = update.message
                    yield update
                continue
            await self._finish(op, update)  # journaled before anything is shown
            yield ReaderProgress(Step.PROCESSING, reader, "Processing…", at=update.at)
            yield update
            return

    async def _finish(self, op: Operation, update: ReaderProgress) -> None:
        journal = self._runner.journal
        if update.step is Step.SUCCEEDED:
            ids = {"refund": update.refund_id} if update.refund_id else None
            await journal.record(op.op_id, OperationState.SUCCEEDED, stripe_ids=ids)
        else:
            await journal.record(op.op_id, OperationState.FAILED, error=update.message)

    async def cancel(self, reader_id: str) -> None:
        reader = await self._gw.retrieve(reader_id)
        if not reader.busy:
            return
        op_id = (reader.action.metadata.get(META_OPERATION) if reader.action else None) or ""
        mine = self._started.get(reader_id) == op_id or any(
            op.op_id == op_id for op in await self._runner.journal.open_operations()
        )
        if not mine:
            raise e.ActionNotAllowed(
                f"{reader.label} is busy with a transaction this till did not start; "
                "it was not canceled."
            )
        await self._gw.cancel_action(reader_id)

    async def check(self, reader_id: str) -> ReaderProgress:
        """The reader's action now; when it is one of ours that ended while nobody followed
        it (the outcome was unknown), the journal is closed with that outcome too."""
        reader = await self._gw.retrieve(reader_id)
        action = reader.action
        op_id = action.metadata.get(META_OPERATION) if action is not None else None
        if op_id and action is not None and action.status != "in_progress":
            op = await self._runner.journal.get(op_id)
            if op is not None and op.is_open and reader_id not in self._started:
                await self._recovery.resolve(op)
        return progress_of(reader)

    async def present(self, reader_id: str, card: TestCard) -> None:
        interac, number = _CARDS[card]
        await self._gw.present(reader_id, interac=interac, number=number)
