"""What a campaign run tells: one record (a short trace) per attempt, the kind x fault x
outcome table, the totals line, and each violation with the traces of its payment."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import checks
from .plan import Attempt, Op, Plan

if TYPE_CHECKING:
    from .campaign import Copies

MAX_TRACED = 12  # violations shown with their traces (the rest are counted)


@dataclass
class Record:
    """One attempt of one operation, as the driver saw it."""

    n: int
    phase: str
    till: str  # the process's name
    till_id: str
    op: Op
    try_no: int  # 0: the first try; 1: the cashier's retry
    attempt: Attempt
    payment: str
    reader: str | None
    outcome: str = ""
    error: str = ""
    message: str = ""  # what the cashier was told, when it did not go through
    seconds: float = 0.0
    op_id: str | None = None
    journal_state: str | None = None  # when the till answered
    final: str = ""  # the operation's state after the final resolve, and its refunds
    amount: int | None = None
    fired: int = 0  # requests the armed fault hit
    killed: bool = False
    over: bool = False
    steps: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    started: datetime | None = None
    ended: datetime | None = None

    def note(self, text: str) -> None:
        self.notes.append(text)

    def take(self, res: dict[str, Any]) -> None:
        self.outcome = res.get("outcome", "?")
        self.error = res.get("failure_code") or res.get("error") or ""
        if self.outcome != "done":
            self.message = (res.get("message") or "")[:90]
        self.op_id = res.get("op_id")
        self.journal_state = res.get("journal_state")
        self.amount = res.get("amount", self.amount)

    @property
    def kind(self) -> str:
        return self.op.kind

    @property
    def fault(self) -> str:
        return self.attempt.fault.kind if self.fired or self.attempt.fault.kind == "none" else (
            f"{self.attempt.fault.kind} (unhit)")

    def line(self) -> str:
        a = self.attempt
        what = f"{self.kind}"
        if self.op.amount is not None:
            what += f" {self.op.amount}"
        where = f" on {self.reader}" if self.reader else ""
        retry = " (retry)" if self.try_no else ""
        fault = a.fault.label if a.fault.kind != "none" else "no fault"
        if a.fault.kind == "latency":
            fault += f" {a.fault.latency_ms}ms"
        if a.fault.kind != "none":
            fault += f", hit {self.fired}"
        plan = [fault]
        if a.kill.when != "none":
            plan.append(a.kill.label + (" customer first" if a.customer and self.killed and
                                        a.kill.customer_first else "")
                        + ("" if self.killed else " (missed: ended before)"))
        if a.customer:
            plan.append(f"customer={a.customer}")
        said = self.outcome + (f" {self.error}" if self.error else "")
        if self.message and self.outcome in ("refused", "crashed"):
            said += f' "{self.message}"'
        said += f" in {self.seconds:.1f}s"
        if self.steps:
            said += f" [{' > '.join(self.steps)}]"
        text = (f"#{self.n} {self.phase} {self.till} {what} {self.payment}{where}{retry} "
                f"({'; '.join(plan)}) -> {said}")
        if self.op_id:
            text += f" {self.op_id}"
        if self.notes:
            text += "; " + "; ".join(self.notes)
        if self.final:
            text += f"; final: {self.final}"
        return text


@dataclass
class Report:
    seed: int
    ops: int  # the size asked for
    plan: Plan
    records: list[Record]
    findings: checks.Findings
    copies: list[Copies]
    settle: list[str]
    seconds: float
    phase_seconds: dict[str, float]
    armed: int
    kills: int
    trace_file: Path | None = None  # every attempt's line, written by run_campaign

    def count(self, invariant: str) -> int:
        return self.findings.count(invariant)

    @property
    def ok(self) -> bool:
        return not any(self.count(name) for name in checks.ASSERTED)

    def table(self) -> str:
        return checks.table([(r.kind, r.fault, r.outcome) for r in self.records])

    def customers(self) -> str:
        rows = [(r.attempt.customer, r.outcome) for r in self.records if r.attempt.customer]
        if not rows:
            return ""
        counts = Counter(rows)
        names = sorted({c for c, _ in rows})
        head = f"{'customer':<18}" + " ".join(f"{o:>9}" for o in checks.OUTCOMES)
        lines = [head]
        for c in names:
            lines.append(f"{c:<18}" + " ".join(
                f"{counts[(c, o)] or '.':>9}" for o in checks.OUTCOMES))
        return "\n".join(lines)

    def totals(self) -> str:
        outcomes = Counter(r.outcome for r in self.records)
        said = ", ".join(f"{o} {outcomes[o]}" for o in checks.OUTCOMES if outcomes[o])
        fired = sum(1 for r in self.records if r.fired)
        return (f"operations {len(self.records)}, faults armed {self.armed} (hit {fired}), "
                f"crashes (kills) {self.kills}, outcomes: {said}; "
                f"doubled {self.count('doubled')}, twice {self.count('twice')}, "
                f"ghost {self.count('ghost')}, lost {self.count('lost')}, "
                f"left open {self.count('left_open')}, chains "
                f"{'ok' if not self.count('chain') else 'BROKEN'}, second copy changed "
                f"{self.count('second_copy')}, restart refused {self.count('restart_refused')},"
                f" misattributed {self.count('misattributed')}")

    def violations_text(self) -> str:
        by_payment: dict[str, list[Record]] = {}
        for r in self.records:
            by_payment.setdefault(r.payment, []).append(r)
        out = []
        shown = [v for v in self.findings.violations if v.invariant in checks.ASSERTED]
        shown += [v for v in self.findings.violations if v.invariant not in checks.ASSERTED]
        for v in shown[:MAX_TRACED]:
            ops = f" ({', '.join(v.op_ids[:4])})" if v.op_ids else ""
            out.append(f"[{v.invariant}] {v.payment or ''}{ops}: {v.detail}")
            for r in by_payment.get(v.payment or "", []):
                mark = "*" if r.op_id and r.op_id in v.op_ids else " "
                out.append(f"   {mark} {r.line()}")
        if len(shown) > MAX_TRACED:
            rest = Counter(v.invariant for v in shown[MAX_TRACED:])
            out.append("... and " + ", ".join(f"{n} more {k}" for k, n in rest.items()))
        return "\n".join(out)

    def trace(self) -> str:
        """Every attempt, one line each, in the order they ran."""
        return "\n".join(r.line() for r in self.records)

    def text(self) -> str:
        phases = ", ".join(f"{k} {v:.0f}s" for k, v in self.phase_seconds.items())
        parts = [
            f"Fault campaign, seed {self.seed} (plan {self.plan.digest}): "
            f"{len(self.records)} operations in {self.seconds:.0f}s ({phases}); again: "
            f"python -m tests.campaign --ops {self.ops} --seed {self.seed}",
            self.table(),
        ]
        if self.customers():
            parts.append(self.customers())
        for c in self.copies:
            parts.append(f"two copies, {c.trial}: second copy {c.status} (exit {c.exit_code}); "
                         + "; ".join(c.notes)
                         + (f"; CHANGED: {'; '.join(c.changes)}" if c.changes else
                            "; changed nothing"))
        parts.append("settle: " + "; ".join(self.settle))
        parts.append("journals: " + ", ".join(f"{k} {v}" for k, v in
                                               self.findings.chains.items()))
        parts.append("totals: " + self.totals())
        if self.trace_file is not None:
            parts.append(f"every operation's trace: {self.trace_file}")
        if self.findings.violations:
            parts.append(self.violations_text())
        return "\n\n".join(parts)
