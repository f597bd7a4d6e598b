"""The campaign's invariants, checked against what the sandbox holds, and the report's table.

"Money moves at most once", spelled out:

- doubled: a payment refunded more than the operations reported done: its refunds by our
  tills at Stripe add up to more than the journals' succeeded refunds of it.
- twice: one operation executed more than once (two refunds carry its operation id, or a
  cancel or capture ran twice), or a refund carries an operation id no journal knows.
- ghost: an operation the journal closed as failed, which Stripe carried out all the same.
  The cashier was told "not refunded" and may refund again.
- lost: an operation the journal closed as succeeded that Stripe does not show (no refund with
  its operation id, the PaymentIntent not canceled or captured), or a payment's refunds at
  Stripe adding up to less than the journals' succeeded refunds.
- left_open: an operation still pending or unknown after the final clean restart and resolve.
- chain: a journal whose hash chain does not verify.

Misattributed (not asserted): a cancel or capture journaled as succeeded because the
PaymentIntent shows that status, though another operation (another till) did it. Money moved
once; the audit trail names the wrong till.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pos_refunds.journal import Journal, Operation, OperationKind, OperationState
from pos_refunds.sandbox import Sandbox

ASSERTED = ("doubled", "twice", "ghost", "lost", "left_open", "chain", "second_copy",
            "restart_refused", "misattributed")
META_OP = "pos_operation_id"
META_TILL = "pos_till"
_EFFECT_EVENT = {OperationKind.CANCEL: "payment_intent.canceled",
                 OperationKind.CAPTURE: "payment_intent.succeeded"}
_EFFECT_STATUS = {OperationKind.CANCEL: "canceled", OperationKind.CAPTURE: "succeeded"}


@dataclass
class Violation:
    invariant: str  # one of ASSERTED
    payment: str | None
    op_ids: list[str]
    detail: str


@dataclass
class Findings:
    violations: list[Violation] = field(default_factory=list)
    ops: dict[str, tuple[str, Operation]] = field(default_factory=dict)  # op id -> (till, op)
    refunds_by_op: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    chains: dict[str, str] = field(default_factory=dict)  # till -> "ok (n entries)" or problem

    def count(self, invariant: str) -> int:
        return sum(1 for v in self.violations if v.invariant == invariant)

    def add(self, invariant: str, payment: str | None, op_ids: list[str], detail: str) -> None:
        self.violations.append(Violation(invariant, payment, op_ids, detail))


def read_journal(path: Path) -> tuple[list[Operation], Any]:
    """Operations and chain report, as a second process reads them from disk."""
    j = Journal(path)
    try:
        return j.operations(), j.verify()
    finally:
        j.close()


def sandbox_facts(sandbox: Sandbox) -> dict[str, Any]:
    """Refunds, PaymentIntents and the cancel/capture events, copied under the store's lock
    (after applying whatever fell due on the sandbox clock)."""
    store = sandbox.store
    with store.lock:
        store.tick()
        acct = store.account()
        refunds = [dict(r, metadata=dict(r.get("metadata") or {})) for r in acct.refunds.items]
        pis = {pi["id"]: {"status": pi["status"], "metadata": dict(pi.get("metadata") or {})}
               for pi in acct.payment_intents.items}
        effects: Counter[tuple[str, str, str]] = Counter()
        for ev in acct.events.items:
            if ev["type"] in _EFFECT_EVENT.values() and ev.get("request"):
                key = ev["request"].get("idempotency_key") or ""
                effects[(ev["type"], ev["data"]["object"]["id"], key)] += 1
        readers = {r["id"]: dict(r["action"] or {}) for r in acct.readers.items}
    return {"refunds": refunds, "pis": pis, "effects": effects, "readers": readers}


def check(sandbox: Sandbox, journals: dict[str, Path]) -> Findings:
    f = Findings()
    for till, path in journals.items():
        ops, report = read_journal(path)
        for op in ops:
            f.ops[op.op_id] = (till, op)
        f.chains[till] = f"ok ({report.checked} entries)" if report.ok else "; ".join(
            report.problems)
        if not report.ok:
            f.add("chain", None, [], f"{till}: {'; '.join(report.problems)}")
    facts = sandbox_facts(sandbox)
    ours = set(journals)
    by_op: dict[str, list[dict[str, Any]]] = defaultdict(list)
    stripe_sum: Counter[str] = Counter()
    for r in facts["refunds"]:
        if r.get("status") in ("failed", "canceled"):
            continue
        meta = r["metadata"]
        if META_OP in meta and meta.get(META_TILL) in ours:
            by_op[meta[META_OP]].append(r)
            stripe_sum[r["payment_intent"]] += r["amount"]
    f.refunds_by_op = dict(by_op)

    journal_sum: Counter[str] = Counter()
    lost_payments: set[str] = set()  # a per-operation loss already says why the sum is short
    for op_id, (till, op) in f.ops.items():
        if op.kind in (OperationKind.REFUND_ONLINE, OperationKind.REFUND_ON_READER):
            if op.state is OperationState.SUCCEEDED and op.amount is not None:
                journal_sum[op.payment_id] += op.amount.minor
            if _check_refund_op(f, till, op, by_op.get(op_id, [])):
                lost_payments.add(op.payment_id)
        else:
            _check_intent_op(f, till, op, facts)
        if op.state.is_open:
            f.add("left_open", op.payment_id, [op_id],
                  f"{till} {op.kind.value} is still {op.state.value} after the final restart")

    for op_id, refunds in by_op.items():
        if op_id not in f.ops:
            r = refunds[0]
            f.add("twice", r["payment_intent"], [op_id],
                  f"refund {r['id']} ({r['amount']}) carries an operation id no journal knows")
    for pid in sorted(set(stripe_sum) | set(journal_sum)):
        at_stripe, journaled = stripe_sum[pid], journal_sum[pid]
        involved = sorted({oid for oid, rs in by_op.items() if rs[0]["payment_intent"] == pid}
                          | {oid for oid, (_, op) in f.ops.items() if op.payment_id == pid
                             and op.kind in (OperationKind.REFUND_ONLINE,
                                             OperationKind.REFUND_ON_READER)})
        said = (f"our tills' refunds at Stripe add up to {at_stripe}, the journals' succeeded "
                f"refunds to {journaled}")
        if at_stripe > journaled:
            f.add("doubled", pid, involved, said)
        elif at_stripe < journaled and pid not in lost_payments:
            f.add("lost", pid, involved, said)
    return f


def _check_refund_op(f: Findings, till: str, op: Operation, refunds: list[dict]) -> bool:
    """Adds this refund operation's violations; True if it found it lost."""
    ids = ", ".join(f"{r['id']} ({r['amount']})" for r in refunds)
    if len(refunds) > 1:
        f.add("twice", op.payment_id, [op.op_id],
              f"{till} {op.kind.value} executed {len(refunds)} times at Stripe: {ids}")
    if op.state is OperationState.SUCCEEDED:
        if not refunds:
            f.add("lost", op.payment_id, [op.op_id],
                  f"{till} {op.kind.value} journaled succeeded "
                  f"({op.stripe_ids.get('refund', 'no refund id')}), no refund at Stripe")
            return True
        if op.amount is not None and sum(r["amount"] for r in refunds) < op.amount.minor:
            f.add("lost", op.payment_id, [op.op_id],
                  f"{till} {op.kind.value} journaled {op.amount.minor}, Stripe refunded {ids}")
            return True
    elif op.state is OperationState.FAILED and refunds:
        f.add("ghost", op.payment_id, [op.op_id],
              f"{till} {op.kind.value} journaled failed ({op.error}), yet Stripe refunded {ids}")
    return False


def _check_intent_op(f: Findings, till: str, op: Operation, facts: dict[str, Any]) -> None:
    event = _EFFECT_EVENT[op.kind]
    ran = facts["effects"][(event, op.payment_id, op.idempotency_key)]
    status = facts["pis"].get(op.payment_id, {}).get("status")
    if ran > 1:
        f.add("twice", op.payment_id, [op.op_id], f"{till} {op.kind.value} ran {ran} times")
    if op.state is OperationState.SUCCEEDED:
        if status != _EFFECT_STATUS[op.kind]:
            f.add("lost", op.payment_id, [op.op_id],
                  f"{till} {op.kind.value} journaled succeeded, the payment is {status}")
        elif not ran:
            f.add("misattributed", op.payment_id, [op.op_id],
                  f"{till} {op.kind.value} journaled succeeded, but another operation did it")
    elif op.state is OperationState.FAILED and ran:
        f.add("ghost", op.payment_id, [op.op_id],
              f"{till} {op.kind.value} journaled failed ({op.error}), yet Stripe did it")


# ---- the table ------------------------------------------------------------------------------

OUTCOMES = ("done", "failed", "unknown", "refused", "killed", "crashed", "no_answer")


def table(rows: list[tuple[str, str, str]]) -> str:
    """Counts of (kind, fault, outcome) as a kind x fault table, one column per outcome."""
    counts: Counter[tuple[str, str, str]] = Counter(rows)
    keys = sorted({(k, fl) for k, fl, _ in rows})
    width_k = max([len("kind")] + [len(k) for k, _ in keys])
    width_f = max([len("fault")] + [len(fl) for _, fl in keys])
    head = f"{'kind':<{width_k}}  {'fault':<{width_f}}  " + " ".join(
        f"{o:>9}" for o in OUTCOMES) + f" {'total':>6}"
    lines = [head, "-" * len(head)]
    for k, fl in keys:
        cells = [counts[(k, fl, o)] for o in OUTCOMES]
        lines.append(f"{k:<{width_k}}  {fl:<{width_f}}  " + " ".join(
            f"{c if c else '.':>9}" for c in cells) + f" {sum(cells):>6}")
    totals = [sum(counts[(k, fl, o)] for k, fl in keys) for o in OUTCOMES]
    lines.append("-" * len(head))
    lines.append(f"{'all':<{width_k}}  {'':<{width_f}}  " + " ".join(
        f"{c:>9}" for c in totals) + f" {sum(totals):>6}")
    return "\n".join(lines)
