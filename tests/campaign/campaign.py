"""The fault campaign: tills as child processes, faults on every path, SIGKILLs at random
moments, and the proof at the end that money moved at most once.

    python -m tests.campaign --ops 2000 --seed 7

Phases, all on one embedded sandbox:

1. single: one till (till-1) runs the seeded operations; before each, a fault is armed on a
   path the operation uses; the till is SIGKILLed at seeded moments and restarted on the same
   journal (its start-up recovery runs). Reader refunds meet a seeded customer.
2. two tills: till-1 and till-2 (separate journals and till ids) act on the same payments at
   the same time.
3. two copies: a second process is started on till-1's journal while the first runs. With the
   till lock it must say till_in_use and change nothing; today nothing stops it.

Then every till is restarted cleanly with the faults cleared, delayed requests are waited for,
the journals are resolved until nothing is open (or the bound), and `checks.check` compares
the journals with the sandbox.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pos_refunds.journal import Journal
from pos_refunds.sandbox import Sandbox

from . import checks
from .child import TillProcess
from .plan import Attempt, Op, Plan, make_plan
from .report import Record, Report
from .till import EXIT_TILL_IN_USE
from .world import DECLINING_CARD, OTHER_CARD, World, diff, reader_offline

OP_BOUND = 60.0  # an operation that says nothing for this long has hung
SETTLE_BOUND = 90.0  # the final resolve rounds
STUCK_ROUNDS = 5  # ... or this many rounds in a row leaving the very same operations open
CLIENT_TIMEOUT = 1.0  # the tills' request timeout: latency faults beyond it stay cheap
ACTION_TIMEOUT = 20.0  # sandbox seconds before a reader action times out


class CampaignAbort(Exception):
    """A till cannot be brought back: the campaign cannot go on."""


@dataclass
class Copies:
    trial: str
    status: str  # the second copy's first event: ready, till_in_use, ...
    exit_code: int | None
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Campaign:
    def __init__(self, seed: int, ops: int, workdir: Path, *, verbose: bool = False) -> None:
        self.seed = seed
        self.ops = ops
        self.plan: Plan = make_plan(seed, ops)
        self.workdir = workdir
        self.verbose = verbose
        self.records: list[Record] = []
        self.copies: list[Copies] = []
        self.extra: list[checks.Violation] = []
        self.pools: dict[str, list[str]] = {}
        self.journals = {"till-1": workdir / "till-1.sqlite", "till-2": workdir / "till-2.sqlite"}

    # ---- the whole run ------------------------------------------------------------------------

    async def run(self) -> Report:
        t0 = time.monotonic()
        sandbox = Sandbox(seed=self.seed, payments=8, action_timeout=ACTION_TIMEOUT).start()
        try:
            self.world = World(sandbox)
            self._sales()
            t1 = self._till("till-1", "till-1")
            t2 = self._till("till-2", "till-2")
            await self._restart(t1, None)
            times = {}
            mark = time.monotonic()
            for op in self.plan.ops:
                await self.run_op(t1, op, "single")
            times["single"] = time.monotonic() - mark
            mark = time.monotonic()
            await self._restart(t2, None)
            for pair in self.plan.pairs:
                await asyncio.gather(self.run_op(t1, pair.first, "two tills"),
                                     self.run_op(t2, pair.second, "two tills", arm=False))
                await self._quiet_readers()
            times["two tills"] = time.monotonic() - mark
            mark = time.monotonic()
            for trial in self.plan.copies:
                await self.copies_trial(t1, trial)
            times["two copies"] = time.monotonic() - mark
            mark = time.monotonic()
            settle = await self.settle([t1, t2])
            times["settle"] = time.monotonic() - mark
            findings = checks.check(sandbox, self.journals)
            findings.violations.extend(self.extra)
            self._attach_journal(findings)
            return Report(self.seed, self.ops, self.plan, self.records, findings, self.copies,
                          settle, time.monotonic() - t0, times, self.world.armed,
                          t1.kills + t2.kills)
        finally:
            sandbox.stop()

    def _till(self, name: str, till_id: str) -> TillProcess:
        return TillProcess(name, till_id, self.journals[till_id], api_base=self.world.sb.url,
                           api_key=self.world.sb.api_key, logs=self.workdir,
                           timeout=CLIENT_TIMEOUT)

    def _sales(self) -> None:
        for sale in self.plan.sales:
            pi = self.world.sb.new_sale(amount=sale.amount, currency="cad", network=sale.network,
                                        capture=sale.capture, description="campaign sale")
            self.pools.setdefault(sale.pool, []).append(pi["id"])

    async def _restart(self, till: TillProcess, rec: Record | None) -> None:
        """Start the till again on its journal (start-up recovery runs) until it is ready."""
        for _ in range(3):
            await till.reaped()
            status = await till.start()
            if status == "ready":
                if rec is not None:
                    left = till.started.get("unresolved", [])
                    rec.note(f"{till.name} restarted; recovery left {len(left)} open"
                             + (f" ({', '.join(o[:11] for o in left)})" if left else ""))
                return
            said = f"{till.name} restart answered {status} (exit {till.exit_code})"
            if rec is not None:
                rec.note(said)
            if status == "till_in_use":
                self.extra.append(checks.Violation(
                    "restart_refused", rec.payment if rec else None, [],
                    f"{said}: no other copy was alive (the killed one was reaped)"))
            till.kill()
        raise CampaignAbort(f"{till.name} does not start: see {self.workdir}")

    # ---- one operation, with its retries ------------------------------------------------------

    async def run_op(self, till: TillProcess, op: Op, phase: str, *, arm: bool = True) -> None:
        pid = self.pools[op.pool][op.slot]
        reader = None
        if op.command == "refund_reader":
            w = self.world
            reader = w.offline if op.reader_slot < 0 else w.online[op.reader_slot % len(w.online)]
        for k, attempt in enumerate(op.attempts):
            rec = await self.attempt(till, op, k, attempt, pid, reader, phase, arm)
            if rec.outcome in ("done", "refused"):
                break  # the cashier retries only what did not go through

    async def attempt(self, till: TillProcess, op: Op, k: int, a: Attempt, pid: str,
                      reader: str | None, phase: str, arm: bool) -> Record:
        w = self.world
        rec = Record(len(self.records) + 1, phase, till.name, till.till_id, op, k, a, pid, reader)
        self.records.append(rec)
        if not till.ready:
            await self._restart(till, rec)
        armed = w.arm(a.fault, pid, reader) if arm else None
        cmd: dict[str, Any] = {"op": op.command, "payment": pid}
        if op.command in ("refund_online", "refund_reader"):
            cmd["amount"] = op.amount if op.amount is not None else "full"
        if reader is not None:
            cmd.update(reader=reader, customer_cancellation=op.customer_cancellation)
        rec.started = datetime.now(UTC)
        trigger = None
        if a.kill.when == "request" and till.proc is not None:
            trigger = w.arm_kill(till.proc.pid, a.kill.nth)
        sent = time.monotonic()
        cid = till.send(cmd)
        gen = till.generation
        customer = None
        if reader is not None:
            customer = asyncio.get_running_loop().create_task(
                self.customer(till, cid, rec, a, pid, reader))

        def due() -> bool:
            if a.kill.when == "step":
                return any(p.get("step") == a.kill.step for p in till.progress(cid))
            return a.kill.when == "delay" and time.monotonic() - sent >= a.kill.delay

        def ended() -> bool:
            return till.result(cid) is not None or not till.alive or till.generation != gen

        await w.until(lambda: ended() or due(), OP_BOUND, [till])
        w.disarm_kill()
        res = till.result(cid) if till.generation == gen else None
        if res is None and trigger is not None and trigger.fired:
            till.kills += 1
            rec.outcome, rec.killed = "killed", True
            rec.note(f"SIGKILL once the sandbox carried out {trigger.fired} "
                     f"({time.monotonic() - sent:.2f}s after sending)")
            await till.reaped()
        elif res is None and till.alive and till.generation == gen:
            if due():
                rec.outcome, rec.killed = "killed", True
                rec.note(f"SIGKILL {a.kill.label} ({time.monotonic() - sent:.2f}s after sending,"
                         f" last line: {self._last_step(till, cid)})")
            else:
                rec.outcome = "no_answer"
                rec.note(f"no answer in {OP_BOUND:.0f}s: SIGKILL")
            till.kill()
            await till.reaped()
        elif res is None:
            await till.reaped()
            rec.outcome, rec.error = "crashed", f"exit {till.exit_code}"
        else:
            rec.take(res)
        rec.steps = [p.get("step", "") for p in till.progress(cid)]
        if not till.alive:
            if customer is not None and a.kill.customer_first:
                await w.until(lambda: customer.done() or w.inflight == 0 and not w.waiting_action(
                    reader, pid, till.till_id), 5.0)
            await self._restart(till, rec)
        elif rec.outcome == "unknown" and a.afterwards != "none":
            await self._afterwards(till, rec, a.afterwards, reader)
        rec.over = True
        if customer is not None:
            await w.until(customer.done, OP_BOUND)
            if not customer.done():
                customer.cancel()
        rec.fired = w.fired(armed)
        if arm:
            w.clear_faults()
        if reader is not None and phase == "single":
            await self._quiet_readers(rec)
        rec.ended = datetime.now(UTC)
        rec.seconds = time.monotonic() - sent
        if self.verbose:
            print(rec.line(), flush=True)
        return rec

    @staticmethod
    def _last_step(till: TillProcess, cid: int) -> str:
        steps = till.progress(cid)
        return steps[-1].get("step", "?") if steps else "none"

    async def _afterwards(self, till: TillProcess, rec: Record, what: str,
                          reader: str | None) -> None:
        """The cashier, told the outcome is not known, presses Check status or waits for the
        till to resolve it."""
        if what == "check" and reader is not None:
            res = await till.call({"op": "check_reader", "reader": reader}, 30)
            rec.note(f"cashier pressed Check status: {self._said(res)}")
        else:
            res = await till.call({"op": "resolve"}, 30)
            rec.note(f"till resolved its open operations: {self._said(res)}")

    @staticmethod
    def _said(res: dict[str, Any] | None) -> str:
        if res is None:
            return "no answer"
        bits = [res.get("outcome", "?")]
        for key in ("step", "failure_code", "error"):
            if res.get(key):
                bits.append(str(res[key]))
        if "open" in res:
            bits.append(f"{len(res['open'])} open")
        return " ".join(bits)

    async def customer(self, till: TillProcess, cid: int, rec: Record, a: Attempt, pid: str,
                       reader: str) -> None:
        """The customer at the reader: answers the first refund of theirs that shows on it,
        however late it lands, as the plan says."""
        w = self.world
        me = till.till_id
        await w.until(lambda: w.waiting_action(reader, pid, me) is not None
                      or rec.over and w.inflight == 0, OP_BOUND * 2, [till])
        op_id = w.waiting_action(reader, pid, me)
        if op_id is None:
            return
        w.acted.add(op_id)
        late = " (after the till's answer)" if rec.over or till.result(cid) else ""
        if a.customer == "right_card":
            rec.note(f"customer taps the right card{late}: {await w.present(reader)}")
        elif a.customer == "declined_card":
            said = await w.present(reader, "card_present", DECLINING_CARD)
            rec.note(f"customer taps a declining card{late}: {said}")
        elif a.customer == "wrong_card":
            said = await w.present(reader, "card_present", OTHER_CARD)
            rec.note(f"customer taps another card{late}: {said}")
        elif a.customer == "customer_cancel":
            rec.note(f"{w.customer_cancel(reader)}{late}")
        elif a.customer == "timeout":
            w.time_out_readers()
            rec.note(f"nobody taps: the reader times out{late}")
        elif a.customer == "cashier_cancel":
            if till.ready:
                res = await till.call({"op": "cancel_reader", "reader": reader}, 30)
                rec.note(f"cashier presses Cancel{late}: {self._said(res)}")
            else:
                rec.note("cashier would press Cancel, the till is down")
        elif a.customer == "offline_then_back":
            with reader_offline(w, reader):
                await w.until(lambda: till.result(cid) is not None or not till.alive or any(
                    p.get("reader_status") == "offline" for p in till.progress(cid)), 8.0,
                    [till])
            rec.note(f"reader went offline and came back{late}, then the customer taps: "
                     f"{await w.present(reader)}")

    async def _quiet_readers(self, rec: Record | None = None) -> None:
        """Once a refund's story is over, a reader still waiting for a card is left alone:
        the customer walked away, it times out."""
        w = self.world
        await w.landed()
        if any(w.busy(r) for r in w.online):
            w.time_out_readers()
            if rec is not None:
                rec.note("a reader was still waiting: the customer walked away, it timed out")

    # ---- two copies on one journal -------------------------------------------------------------

    async def copies_trial(self, first: TillProcess, trial: str) -> None:
        w = self.world
        if not first.ready:
            await self._restart(first, None)
        copy = TillProcess("till-1 copy", "till-1", self.journals["till-1"],
                           api_base=w.sb.url, api_key=w.sb.api_key, logs=self.workdir,
                           timeout=CLIENT_TIMEOUT)
        reader = w.online[0]
        pid = self.pools["interac3" if trial == "waiting" else "card3"][0]
        result = Copies(trial, "", None)
        cid = None
        if trial == "waiting":
            await self._quiet_readers()
            cid = first.send({"op": "refund_reader", "payment": pid, "reader": reader,
                              "amount": "full"})
            await first.wait_for(lambda: first.result(cid) is not None or any(
                p.get("step") == "waiting_for_card" for p in first.progress(cid)), 15.0)
            result.notes.append(f"till-1 refunds {pid} on {reader}, the reader waits for the "
                                f"card ({self._last_step(first, cid)})")
        await w.landed()
        before, journal_before = w.snapshot(), _entries(self.journals["till-1"])
        result.status = await copy.start()
        result.notes.append(f"second copy on till-1's journal: {result.status}")
        if copy.ready and trial == "idle":
            res = await copy.call({"op": "refund_online", "payment": pid, "amount": 300}, 30)
            result.notes.append(f"second copy refunds 3.00 of {pid}: {self._said(res)}")
        await w.landed()
        after, journal_after = w.snapshot(), _entries(self.journals["till-1"])
        result.changes = diff(before, after) + _journal_diff(journal_before, journal_after)
        if cid is not None:
            if w.waiting_action(reader, pid, "till-1"):
                result.notes.append(f"customer taps the right card: {await w.present(reader)}")
            await first.wait_for(lambda: first.result(cid) is not None or not first.alive, 20.0)
            result.notes.append(f"till-1's refund: {self._said(first.result(cid))}")
        await copy.quit(bound=5.0)
        result.exit_code = copy.exit_code
        if result.status == "till_in_use" and copy.exit_code != EXIT_TILL_IN_USE:
            result.notes.append(f"it said till_in_use but exited with {copy.exit_code}")
        self.copies.append(result)
        if result.changes:
            self.extra.append(checks.Violation(
                "second_copy", pid, [], f"{trial}: the second copy ({result.status}) changed "
                + "; ".join(result.changes)))
        await self._quiet_readers()

    # ---- the end: clean restart, resolve until nothing is open --------------------------------

    async def settle(self, tills: list[TillProcess]) -> list[str]:
        w = self.world
        notes = []
        w.clear_faults()
        landed = await w.landed(30.0)
        notes.append("delayed requests landed" if landed else "requests still in flight")
        for t in tills:
            await t.quit()
        w.time_out_readers()  # a customer still at a reader has walked away
        for t in tills:
            await self._restart(t, None)
        start = time.monotonic()
        seen: list[tuple[str, ...]] = []
        rounds = 0
        while time.monotonic() - start < SETTLE_BOUND:
            await w.landed()
            still = tuple(sorted(op.op_id for path in self.journals.values()
                                 for op in _open_ops(path)))
            if not still:
                break
            seen.append(still)
            # Nothing here waits on time any more (faults cleared, requests landed, readers
            # timed out): the same open set round after round will stay open.
            if len(seen) >= STUCK_ROUNDS and len(set(seen[-STUCK_ROUNDS:])) == 1:
                notes.append(f"{len(still)} operation(s) stay open round after round")
                break
            rounds += 1
            for t in tills:
                await t.call({"op": "resolve"}, 30.0)
        notes.append(f"{rounds} resolve round(s) after the clean restart")
        for t in tills:
            await t.quit()
        return notes

    def _attach_journal(self, findings: checks.Findings) -> None:
        """Give each record the operation its attempt began and how that ended."""
        taken: set[str] = set()
        for rec in self.records:
            if rec.op_id:
                taken.add(rec.op_id)
        for rec in self.records:
            if rec.op_id is None and rec.started is not None:
                low = rec.started - timedelta(seconds=1)
                high = (rec.ended or datetime.now(UTC)) + timedelta(seconds=1)
                for op_id, (till, op) in sorted(findings.ops.items(),
                                                key=lambda kv: kv[1][1].created_at):
                    if (till == rec.till_id and op.payment_id == rec.payment
                            and op_id not in taken and low <= op.created_at <= high):
                        rec.op_id = op_id
                        taken.add(op_id)
                        break
            if rec.op_id and rec.op_id in findings.ops:
                op = findings.ops[rec.op_id][1]
                refunds = findings.refunds_by_op.get(rec.op_id, [])
                rec.final = op.state.value + "".join(f" {r['id']}" for r in refunds)


def _entries(path: Path) -> list[tuple[int, str, str]]:
    j = Journal(path)
    try:
        return [(e.seq, e.op_id, e.state.value) for e in j.entries()]
    finally:
        j.close()


def _journal_diff(before: list[tuple[int, str, str]], after: list[tuple[int, str, str]]) -> list[
        str]:
    if after == before:
        return []
    new = after[len(before):] if after[:len(before)] == before else after
    return [f"journal entry {seq}: {op_id} {state}" for seq, op_id, state in new]


def _open_ops(path: Path) -> list[Any]:
    j = Journal(path)
    try:
        return j.open_operations()
    finally:
        j.close()


def run_campaign(seed: int, ops: int, workdir: Path | None = None, *,
                 verbose: bool = False) -> Report:
    """Run one campaign to its report (in a fresh event loop)."""
    if workdir is None:
        workdir = Path(tempfile.mkdtemp(prefix=f"campaign-{seed}-"))
    workdir.mkdir(parents=True, exist_ok=True)
    report = asyncio.run(Campaign(seed, ops, workdir, verbose=verbose).run())
    report.trace_file = workdir / "trace.txt"
    report.trace_file.write_text(report.trace() + "\n\n" + report.text() + "\n")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.campaign",
                                     description="The seeded fault campaign, long form.")
    parser.add_argument("--ops", type=int, default=2000, help="operations to run")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=None,
                        help="journals and the tills' stderr logs (default: a temp folder)")
    parser.add_argument("--verbose", action="store_true", help="one line per operation")
    args = parser.parse_args(argv)
    report = run_campaign(args.seed, args.ops, args.workdir, verbose=args.verbose)
    print(report.text())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
