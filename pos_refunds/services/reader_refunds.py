"""Interac refunds in person: send to the reader, follow the action, cancel only our own.

The refund is journaled before it is sent. When the send's outcome is unknown (a timeout, a
5xx, a 409 because the first request is still running at Stripe), it is settled with the
request itself while the cashier waits: the reader is looked at, and the same request is sent
again under the same key, which Stripe replays, holds (409) or carries out now. It is never
closed as failed while it may still land, and nothing new is sent on the payment meanwhile.
Any reader action carrying one of our operation ids is ours: followed, cancellable, recorded.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime

from ..domain import errors as e
from ..domain.account import Location
from ..domain.approvals import Approval
from ..domain.money import Money
from ..domain.payments import Payment, Reader
from ..domain.policy import Action
from ..domain.reasons import Coded
from ..domain.reasons import ReaderReason as RR
from ..gateway import readers as rg
from ..gateway.errors import WriteOutcome, write_outcome
from ..journal import Operation, OperationKind, OperationState
from .api import ReaderProgress, ReaderRefundOptions, Staff, Step, TestCard
from .authorization import Authorization
from .operations import (
    META_OPERATION,
    OperationRunner,
    journaled,
    journaled_error,
    require_allowed,
)
from .recovery import Recovery, ours

_CARDS = {
    TestCard.INTERAC: (True, rg.INTERAC_TEST_CARD),
    TestCard.OTHER_CARD: (False, rg.OTHER_TEST_CARD),
    TestCard.DECLINED: (False, rg.DECLINING_TEST_CARD),
}
# While the cashier waits, an unknown send is settled at once, then after these pauses
# (about half a minute in all), before the flow ends saying the outcome is not known yet.
LIVE_SETTLE_DELAYS: tuple[float, ...] = (0.0, 1.0, 2.0, 3.0, 5.0, 8.0, 10.0)


def progress_of(reader: Reader) -> ReaderProgress:
    """What a reader's current action means for the cashier."""
    now = datetime.now(UTC)
    a = reader.action
    if a is None:
        return ReaderProgress(Step.FAILED, reader, RR.NO_ACTION, at=now)
    if a.status == "in_progress":
        waiting = RR.OFFLINE_WAITING if reader.status == "offline" else RR.WAITING_FOR_CARD
        return ReaderProgress(Step.WAITING_FOR_CARD, reader, waiting, at=now)
    if a.status == "succeeded":
        return ReaderProgress(Step.SUCCEEDED, reader, RR.SUCCEEDED, refund_id=a.refund_id,
                              at=now)
    step = Step.CANCELED if a.failure_code and "cancel" in a.failure_code else Step.FAILED
    return ReaderProgress(
        step, reader, RR.FAILED,
        {"failure_code": a.failure_code or "", "failure_message": a.failure_message or ""},
        failure_code=a.failure_code, failure_message=a.failure_message, at=now,
    )


def _closed(op: Operation, reader: Reader | None, how: RR) -> ReaderProgress:
    """The end of a refund settled without seeing its action end on the reader."""
    now = datetime.now(UTC)
    if op.state is OperationState.SUCCEEDED:
        return ReaderProgress(Step.SUCCEEDED, reader, how,
                              refund_id=op.stripe_ids.get("refund"), at=now)
    return ReaderProgress(Step.FAILED, reader, RR.NOT_REFUNDED, journaled_error(op), at=now)


def _problem(err: e.PosError | None) -> dict[str, object]:
    """What a failed read of the reader was, for CONNECTION_PROBLEM's words."""
    if err is None:
        return {}
    return {"problem": err.reason, "problem_params": dict(err.params)}


class ReaderRefundService:
    def __init__(
        self,
        readers: rg.ReadersGateway,
        runner: OperationRunner,
        recovery: Recovery,
        authorization: Authorization,
        *,
        location: str | None = None,
        live_settle_delays: Sequence[float] = LIVE_SETTLE_DELAYS,
    ) -> None:
        self._gw = readers
        self._runner = runner
        self._recovery = recovery
        self._auth = authorization
        self._location = location  # only this location's readers, when set (Settings)
        self._live_delays = tuple(live_settle_delays)

    async def readers(self) -> list[Reader]:
        return await self._gw.list(location=self._location)

    def set_location(self, location: str | None) -> None:
        self._location = location or None

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
        approval: Approval | None,
    ) -> AsyncIterator[ReaderProgress]:
        require_allowed(payment, Action.REFUND_ON_READER)
        who, approver = await self._auth.authorize(Action.REFUND_ON_READER, amount, payment,
                                                   staff, approval)
        async with self._runner.exclusive(payment.id):
            reader = await self._gw.retrieve(reader_id)
            if reader.status == "offline":
                raise e.ReaderOffline(RR.OFFLINE, reader=reader.label)
            if reader.busy:
                raise e.ReaderBusy(RR.BUSY, reader=reader.label)
            op = await self._runner.begin(
                OperationKind.REFUND_ON_READER, payment, amount, staff=who, approver=approver,
                reader_id=reader_id,
                details={
                    "approval": approval.id if approval else None,
                    "enable_customer_cancellation": options.enable_customer_cancellation,
                    "refund_application_fee": options.refund_application_fee,
                    "reverse_transfer": options.reverse_transfer,
                },
            )
            with self._recovery.following(op.op_id):  # ended or abandoned: followed no more
                yield ReaderProgress(Step.SENDING, reader, RR.SENDING,
                                     {"reader": reader.label}, at=datetime.now(UTC))
                async for update in self._run(op, reader_id):
                    yield update

    async def _run(self, op: Operation, reader_id: str) -> AsyncIterator[ReaderProgress]:
        try:
            sent = await self._recovery.requests.send(op)
        except e.PosError as err:
            ids = {"request_id": err.request_id} if err.request_id else None
            if write_outcome(err, only_attempt=True) is WriteOutcome.REFUSED:
                await self._runner.journal.record(
                    op.op_id, OperationState.FAILED, stripe_ids=ids, **journaled(err))
                raise
            await self._runner.journal.record(
                op.op_id, OperationState.UNKNOWN, stripe_ids=ids, **journaled(err))
            async for update in self._settle_send(op, reader_id):
                yield update
                if update.step.final:
                    return
        else:
            assert isinstance(sent, Reader)
            yield progress_of(sent)
        async for update in self._follow(op, reader_id):
            yield update

    async def _settle_send(self, op: Operation, reader_id: str) -> AsyncIterator[ReaderProgress]:
        """The send's outcome is unknown: settle it with the request itself, the cashier
        waiting. Ends (without a final step) once our action is on the reader, to be followed;
        or with the final step of an outcome Stripe already shows; or raises OutcomeUnknown."""
        for delay in self._live_delays:
            if delay:
                await asyncio.sleep(delay)
            try:
                reader = await self._gw.retrieve(reader_id)
                if not ours(reader.action, op.op_id):
                    await self._recovery.requests.send(op)  # the very same request again
                    reader = await self._gw.retrieve(reader_id)
            except e.PosError as err:
                outcome = write_outcome(err, only_attempt=False)
                if outcome is WriteOutcome.REFUSED:
                    await self._recovery.close(op, OperationState.FAILED, error=err)
                    raise
                if outcome is WriteOutcome.UNKNOWN:
                    yield ReaderProgress(Step.SENDING, None, RR.STILL_SENDING,
                                         at=datetime.now(UTC))
                    continue
                reader = await self._gw.retrieve(reader_id)  # finished at Stripe: look
            if ours(reader.action, op.op_id) and reader.action is not None:
                if reader.action.status == "in_progress":
                    yield progress_of(reader)
                    return
                await self._finish(op, progress_of(reader))
                yield progress_of(reader)
                return
            state = await self._recovery.after_request(op)
            if not state.is_open:
                closed = await self._runner.journal.get(op.op_id)
                assert closed is not None
                yield _closed(closed, reader, RR.SETTLED_WITH_STRIPE)
                return
        raise e.OutcomeUnknown(RR.NOT_CONFIRMED)

    async def _follow(self, op: Operation, reader_id: str) -> AsyncIterator[ReaderProgress]:
        last: Coded | None = None
        async for reader, err in self._gw.follow(reader_id):
            if reader is None:
                said = Coded(RR.CONNECTION_PROBLEM, _problem(err))
                if said != last:
                    last = said
                    yield ReaderProgress(Step.WAITING_FOR_CARD, None, said.reason, said.params,
                                         at=datetime.now(UTC))
                continue
            if not ours(reader.action, op.op_id):
                # Our action was replaced before we saw it end: Stripe's refunds decide.
                state = await self._recovery.after_request(op)
                if state.is_open:
                    raise e.OutcomeUnknown(RR.MOVED_ON_UNCONFIRMED)
                closed = await self._runner.journal.get(op.op_id)
                assert closed is not None
                yield _closed(closed, reader, RR.SETTLED_AFTER_MOVING_ON)
                return
            update = progress_of(reader)
            if update.step is Step.WAITING_FOR_CARD:
                said = Coded(update.reason, update.params)
                if said != last:
                    last = said
                    yield update
                continue
            await self._finish(op, update)  # journaled before anything is shown
            yield ReaderProgress(Step.PROCESSING, reader, RR.PROCESSING, at=update.at)
            yield update
            return

    async def _finish(self, op: Operation, update: ReaderProgress) -> None:
        if update.step is Step.SUCCEEDED:
            ids = {"refund": update.refund_id} if update.refund_id else None
            await self._recovery.close(op, OperationState.SUCCEEDED, ids=ids)
        else:
            await self._recovery.close(op, OperationState.FAILED,
                                       error=Coded(update.reason, update.params))

    async def resume(self, reader_id: str) -> AsyncIterator[ReaderProgress]:
        """Follow again a refund of ours that is on the reader while nobody follows it (its
        send was not confirmed in time, or the dialog was closed): the customer can still tap."""
        reader = await self._gw.retrieve(reader_id)
        op_id = reader.action.metadata.get(META_OPERATION) if reader.action else None
        op = await self._runner.journal.get(op_id) if op_id else None
        if op is None or not op.is_open or self._recovery.is_followed(op.op_id):
            yield progress_of(reader)
            return
        with self._recovery.following(op.op_id):
            if reader.action is not None and reader.action.status != "in_progress":
                await self._finish(op, progress_of(reader))
                yield progress_of(reader)
                return
            yield progress_of(reader)
            async for update in self._follow(op, reader_id):
                yield update

    async def cancel(self, reader_id: str) -> None:
        """Cancel the reader's action if it is ours: any carrying an operation id of this till's
        journal (every refund is journaled before it is sent; one that landed late is ours
        too)."""
        reader = await self._gw.retrieve(reader_id)
        if not reader.busy:
            return
        op_id = (reader.action.metadata.get(META_OPERATION) if reader.action else None) or ""
        mine = bool(op_id) and await self._runner.journal.get(op_id) is not None
        if not mine:
            raise e.ActionNotAllowed(RR.NOT_OURS, reader=reader.label)
        await self._gw.cancel_action(reader_id)

    async def check(self, reader_id: str) -> ReaderProgress:
        """The reader's action now; when it is one of ours that ended while nobody followed
        it, the journal is closed with that outcome too."""
        reader = await self._gw.retrieve(reader_id)
        action = reader.action
        op_id = action.metadata.get(META_OPERATION) if action is not None else None
        if op_id and action is not None and action.status != "in_progress":
            op = await self._runner.journal.get(op_id)
            if op is not None and op.is_open and not self._recovery.is_followed(op_id):
                await self._recovery.settle_action(op, reader)
        return progress_of(reader)

    async def present(self, reader_id: str, card: TestCard) -> None:
        interac, number = _CARDS[card]
        await self._gw.present(reader_id, interac=interac, number=number)
