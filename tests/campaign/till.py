"""A till as a child process, for the fault campaign: the real services, driven over pipes.

    python -m tests.campaign.till --journal PATH --api-base URL --api-key KEY --till ID

Opens the services exactly as the app does (`open_services`, which runs start-up recovery on
the journal), prints ``{"event": "ready", ...}``, then reads one JSON command per line on
stdin and answers with JSON lines on stdout, each flushed at once:

- ``{"id": 1, "op": "refund_online", "payment": "pi_…", "amount": 500 | "full"}``
- ``{"id": 2, "op": "cancel" | "capture", "payment": "pi_…"}``
- ``{"id": 3, "op": "refund_reader", "payment": "pi_…", "reader": "tmr_…", "amount": …,
  "customer_cancellation": true}``: one ``progress`` line per `ReaderProgress` step
- ``{"id": 4, "op": "cancel_reader" | "check_reader", "reader": "tmr_…"}``
- ``{"id": 5, "op": "resolve"}``: `Recovery.resolve_all()`, the open operations left
- ``{"op": "quit"}``

Every command ends with one ``{"id": …, "event": "result", "outcome": …}`` where outcome is
``done``, ``failed`` (the error's class in ``error``), ``unknown`` (Stripe may still carry it
out), ``refused`` (nothing journaled, nothing sent) or ``crashed`` (an exception that is not
one of our errors: a bug). ``op_id`` and ``journal_state`` say what the journal holds for the
operation the command began, if any.

Commands run concurrently (a cashier presses Cancel while the reader waits), so a SIGKILL can
land anywhere: that is what the campaign does to it. When another live process holds the
journal, ``open_services`` raises ``TillInUse``: this prints ``{"event": "till_in_use"}`` and
exits with `EXIT_TILL_IN_USE`. No Qt here: start-up stays cheap.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import traceback
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pos_refunds.domain import errors
from pos_refunds.domain.money import Money
from pos_refunds.domain.reasons import PolicyReason
from pos_refunds.gateway.errors import outcome_unknown
from pos_refunds.journal import Operation
from pos_refunds.services.api import Mode, ReaderRefundOptions, Staff, Step
from pos_refunds.services.factory import ServiceConfig, Services, open_services
from tests.support.staff_list import StaffList

EXIT_OK = 0
EXIT_START_FAILED = 2
EXIT_TILL_IN_USE = 3

# The lock another developer is adding; absent until it lands.
TILL_IN_USE: type[BaseException] | None = getattr(errors, "TillInUse", None)

MANAGER = Staff("m1", "Campaign Manager", "manager")  # approves their own partial refunds
NOTE = "fault campaign"


def _said(update: Any) -> str:
    """A progress update's reason and parameters, for the campaign's log."""
    params = dict(update.params)
    return f"{update.reason}" + (f" {params}" if params else "")


def emit(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, separators=(",", ":")) + "\n")
    sys.stdout.flush()


class Till:
    def __init__(self, services: Services) -> None:
        self.s = services
        self.tasks: set[asyncio.Task[None]] = set()

    # ---- journal look-ups: which operation did a command begin? ------------------------

    async def _ops_since(self, since: datetime, payment_id: str | None) -> list[Operation]:
        ops = await self.s.journal.operations(since=since)
        return [op for op in ops if payment_id is None or op.payment_id == payment_id]

    async def _new_op(
        self, since: datetime, before: set[str], payment_id: str
    ) -> Operation | None:
        fresh = [op for op in await self._ops_since(since, payment_id) if op.op_id not in before]
        return fresh[0] if fresh else None  # newest first

    # ---- commands -----------------------------------------------------------------------

    async def handle(self, cmd: dict[str, Any]) -> None:
        cid = cmd.get("id")
        op = cmd.get("op")
        try:
            if op in ("refund_online", "cancel", "capture", "refund_reader"):
                await self._money(cid, op, cmd)
            elif op == "cancel_reader":
                await self.s.readers.cancel(cmd["reader"])
                emit({"id": cid, "event": "result", "outcome": "done"})
            elif op == "check_reader":
                update = await self.s.readers.check(cmd["reader"])
                emit({"id": cid, "event": "result", "outcome": "done", "step": update.step.value,
                      "failure_code": update.failure_code})
            elif op == "resolve":
                still = await self.s.recovery.resolve_all()
                emit({"id": cid, "event": "result", "outcome": "done",
                      "open": [o.op_id for o in still]})
            else:
                emit({"id": cid, "event": "result", "outcome": "crashed",
                      "error": "UnknownCommand", "message": str(op)})
        except errors.PosError as err:
            outcome = "unknown" if outcome_unknown(err) else "failed"
            emit({"id": cid, "event": "result", "outcome": outcome,
                  "error": type(err).__name__, "message": str(err)})
        except Exception as err:  # noqa: BLE001 - a bug: say so, keep the till up
            traceback.print_exc()
            emit({"id": cid, "event": "result", "outcome": "crashed",
                  "error": type(err).__name__, "message": str(err)})

    async def _money(self, cid: Any, op: str, cmd: dict[str, Any]) -> None:
        pid = cmd["payment"]
        since = datetime.now(UTC) - timedelta(seconds=2)
        before = {o.op_id for o in await self._ops_since(since, pid)}
        result: dict[str, Any] = {"id": cid, "event": "result"}
        try:
            payment = await self.s.payments.refresh(pid)  # what the cashier's screen shows
            if op in ("refund_online", "refund_reader"):
                wanted = cmd.get("amount", "full")
                amount = payment.refundable if wanted == "full" else Money(
                    int(wanted), payment.currency
                )
                result["amount"] = amount.minor
                if amount.minor <= 0:
                    raise errors.ActionNotAllowed(PolicyReason.FULLY_REFUNDED)
            if op == "refund_online":
                await self.s.actions.refund_online(
                    payment, amount, reason="requested_by_customer", note=NOTE,
                    staff=MANAGER, approval=None,
                )
                result["outcome"] = "done"
            elif op == "cancel":
                await self.s.actions.cancel(payment, staff=MANAGER)
                result["outcome"] = "done"
            elif op == "capture":
                await self.s.actions.capture(payment, staff=MANAGER)
                result["outcome"] = "done"
            else:
                result.update(await self._reader_refund(cid, payment, amount, cmd, since, before))
        except errors.PosError as err:
            result.update(error=type(err).__name__, message=str(err))
            result["outcome"] = "unknown" if outcome_unknown(err) else "failed"
        except Exception as err:  # noqa: BLE001 - a bug in the services: report it
            traceback.print_exc()
            result.update(outcome="crashed", error=type(err).__name__, message=str(err))
        began = await self._new_op(since, before, pid)
        if began is None:
            if result["outcome"] in ("failed", "unknown"):
                result["outcome"] = "refused"  # nothing journaled, so nothing was sent
        else:
            result.update(op_id=began.op_id, journal_state=began.state.value)
        emit(result)

    async def _reader_refund(
        self, cid: Any, payment: Any, amount: Money, cmd: dict[str, Any],
        since: datetime, before: set[str],
    ) -> dict[str, Any]:
        options = ReaderRefundOptions(
            enable_customer_cancellation=bool(cmd.get("customer_cancellation"))
        )
        last = None
        op_id = None
        async for update in self.s.readers.refund(
            payment, cmd["reader"], amount, options=options, staff=MANAGER, approval=None
        ):
            line: dict[str, Any] = {"id": cid, "event": "progress", "step": update.step.value,
                                    "message": _said(update)}
            if update.step is Step.SENDING:
                began = await self._new_op(since, before, payment.id)
                op_id = began.op_id if began else None
            if op_id:
                line["op_id"] = op_id
            if update.reader is not None:
                line["reader_status"] = update.reader.status
            if update.failure_code:
                line["failure_code"] = update.failure_code
            emit(line)
            last = update
        if last is None or not last.step.final:
            return {"outcome": "unknown", "error": "NoFinalStep"}
        if last.step is Step.SUCCEEDED:
            return {"outcome": "done", "refund": last.refund_id}
        return {"outcome": "failed", "error": f"Reader{last.step.value.title()}",
                "failure_code": last.failure_code, "message": _said(last)}

    # ---- the loop -------------------------------------------------------------------------

    async def serve(self) -> None:
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
        while True:
            raw = await reader.readline()
            if not raw:
                break  # the driver went away
            try:
                cmd = json.loads(raw)
            except json.JSONDecodeError:
                emit({"event": "bad_command", "line": raw.decode(errors="replace")[:200]})
                continue
            if cmd.get("op") == "quit":
                break
            task = loop.create_task(self.handle(cmd))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
        if self.tasks:
            await asyncio.gather(*self.tasks, return_exceptions=True)


async def amain(args: argparse.Namespace) -> int:
    config = ServiceConfig(
        mode=Mode.TRAINING,
        api_key=args.api_key,
        api_base=args.api_base,
        stripe_account=None,
        journal_path=Path(args.journal),
        till=args.till,
        request_timeout=args.timeout,
        # A cashier waits for an unknown outcome to settle; the campaign's tills wait less
        # (what is settled never depends on these pauses, only how long it takes).
        settle_delays=(0.0, 0.3, 0.6),
        live_settle_delays=(0.0, 0.3, 0.6, 1.0),
    )
    try:
        services = await open_services(config, staff=StaffList([MANAGER]))
    except Exception as err:  # noqa: BLE001
        if TILL_IN_USE is not None and isinstance(err, TILL_IN_USE):
            emit({"event": "till_in_use", "pid": os.getpid(), "message": str(err)})
            return EXIT_TILL_IN_USE
        traceback.print_exc()
        emit({"event": "start_failed", "error": type(err).__name__, "message": str(err)})
        return EXIT_START_FAILED
    try:
        emit({"event": "ready", "pid": os.getpid(), "till": args.till,
              "unresolved": [op.op_id for op in services.unresolved]})
        await Till(services).serve()
    finally:
        await services.aclose()
    emit({"event": "bye"})
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.campaign.till")
    parser.add_argument("--journal", required=True)
    parser.add_argument("--api-base", required=True)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--till", required=True)
    parser.add_argument("--timeout", type=float, default=1.0, help="client timeout, seconds")
    return asyncio.run(amain(parser.parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
