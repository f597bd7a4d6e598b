"""The campaign's schedule, from the seed alone: which sales, which operations, which faults,
which customer, when to kill the till.

Pure: nothing here looks at what happened, so the same seed always gives the same schedule.
Each operation draws from its own generator (seeded with the campaign seed and its index), so
the plan of operation 40 does not depend on how many numbers operation 39 needed. What the
schedule does at run time still depends on timing (a kill 0.3 s after sending lands wherever
the till is by then); the invariants must hold for every interleaving.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, replace

FAULT_KINDS = ("none", "latency", "error_before", "error_after", "drop_after", "rate_limit",
               "malformed")
_FAULT_WEIGHTS = (3, 2, 2, 2, 2, 1, 2)

# Symbolic paths: the campaign turns them into the sandbox's method + path regex.
PATHS = {
    "refund_online": (("refund_create", 6), ("payment_get", 1), ("refund_list", 1)),
    "cancel": (("cancel", 4), ("cancel_meta", 4)),
    "capture": (("capture", 6), ("payment_get", 1)),
    "refund_reader": (("reader_refund", 7), ("reader_get", 2), ("cancel_action", 1)),
}

KINDS = ("cancel", "capture", "refund_full", "refund_partial", "reader_full", "reader_partial")
_KIND_WEIGHTS = (12, 12, 4, 28, 5, 30)
POOL_OF = {"cancel": "auth", "capture": "auth", "refund_full": "card", "refund_partial": "card",
           "reader_full": "interac", "reader_partial": "interac"}
COMMAND_OF = {"cancel": "cancel", "capture": "capture", "refund_full": "refund_online",
              "refund_partial": "refund_online", "reader_full": "refund_reader",
              "reader_partial": "refund_reader"}

CUSTOMERS = ("right_card", "declined_card", "wrong_card", "cashier_cancel", "customer_cancel",
             "offline_then_back", "timeout")
_CUSTOMER_WEIGHTS = (6, 1, 1, 1, 1, 1, 1)

POOLS = ("card", "auth", "interac", "card2", "auth2", "interac2", "interac3", "card3")
SPREAD = 8
WINDOW = 6

# Where a kill may land in a reader refund: right after the till printed this step.
KILL_STEPS = ("sending", "waiting_for_card", "processing")


@dataclass(frozen=True)
class Sale:
    pool: str  # card (captured), auth (authorized only), interac (captured, in person)
    amount: int
    network: str
    capture: str  # automatic | manual


@dataclass(frozen=True)
class Fault:
    kind: str  # one of FAULT_KINDS
    path: str  # a key of the campaign's path table ("refund_create", "reader_get", ...)
    count: int  # how many matching requests it hits (the SDK retries twice)
    latency_ms: int = 0

    @property
    def label(self) -> str:
        return self.kind if self.kind == "none" else f"{self.kind}x{self.count}@{self.path}"


@dataclass(frozen=True)
class Kill:
    when: str  # none | delay (seconds after the command is sent) | step (after that line)
    #            | request (the moment the sandbox has carried out the till's nth request of
    #              the attempt, before its answer is written: committed, never heard)
    delay: float = 0.0
    step: str = ""
    nth: int = 0
    customer_first: bool = True  # killed while the reader waits: the customer acts first

    @property
    def label(self) -> str:
        if self.when == "delay":
            return f"kill@{self.delay:.2f}s"
        if self.when == "step":
            return f"kill@{self.step}"
        if self.when == "request":
            return f"kill@request{self.nth}"
        return ""


@dataclass(frozen=True)
class Attempt:
    fault: Fault
    kill: Kill
    customer: str  # reader refunds: what the customer (or cashier) does at the reader
    afterwards: str  # after an unknown outcome the cashier presses: none | check | resolve


@dataclass(frozen=True)
class Op:
    index: int
    kind: str  # one of KINDS
    pool: str
    slot: int  # which sale of the pool
    amount: int | None  # partial refunds: minor units; None: the whole remainder
    reader_slot: int  # which online reader; -1: the offline one
    customer_cancellation: bool  # the reader refund's enable_customer_cancellation
    attempts: tuple[Attempt, ...]  # the first try, then the cashier's retries if not done

    @property
    def command(self) -> str:
        return COMMAND_OF[self.kind]


@dataclass(frozen=True)
class Pair:
    """Two tills acting on one payment at once (the two-tills phase)."""

    index: int
    first: Op
    second: Op


@dataclass(frozen=True)
class Plan:
    seed: int
    sales: tuple[Sale, ...]
    ops: tuple[Op, ...]  # single till, kills and restarts
    pairs: tuple[Pair, ...]  # two tills, two journals, the same payments
    copies: tuple[str, ...]  # two copies on one journal: the trials ("waiting", "idle")

    @property
    def digest(self) -> str:
        """A short fingerprint of the whole schedule: the same seed prints the same one."""
        return hashlib.sha256(repr(self).encode()).hexdigest()[:12]

    def pool(self, name: str) -> list[int]:
        """Indexes into `sales` of one pool, in order."""
        return [i for i, s in enumerate(self.sales) if s.pool == name]


def _sale(seed: int, pool: str, k: int) -> Sale:
    """The k-th sale of a pool: a function of the seed alone, whatever the campaign's size."""
    rng = random.Random(f"campaign:{seed}:sale:{pool}:{k}")
    amount = rng.randrange(1500, 25000, 5)
    if pool.startswith("interac"):
        return Sale(pool, amount, "interac", "automatic")
    if pool.startswith("auth"):
        return Sale(pool, amount, rng.choice(("visa", "mastercard", "amex", "discover")),
                    "manual")
    return Sale(pool, amount, rng.choice(("visa", "mastercard")), "automatic")


def _fault(rng: random.Random, command: str) -> Fault:
    kind = rng.choices(FAULT_KINDS, _FAULT_WEIGHTS)[0]
    paths, weights = zip(*PATHS[command], strict=True)
    path = rng.choices(paths, weights)[0]
    count = 3 if rng.random() < 0.3 else 1
    # beyond the 1 s client timeout; the longer ones also outlast the SDK's two retries
    latency = rng.choice((rng.randrange(1300, 2600, 100), rng.randrange(3000, 6000, 100)))
    latency = latency if kind == "latency" else 0
    return Fault(kind, path, count, latency)


def _kill(rng: random.Random, command: str, *, requests: bool) -> Kill:
    roll = rng.random()
    delay = round(rng.random() ** 2 * 0.8, 3)  # mostly early: inside the operation
    step = rng.choice(KILL_STEPS)
    nth = rng.randint(1, 4)
    first = rng.random() < 0.5
    if roll < 0.10:
        return Kill("delay", delay=delay, customer_first=first)
    if requests and roll < 0.22:
        return Kill("request", nth=nth, customer_first=first)
    if command == "refund_reader" and roll < 0.32:
        return Kill("step", step=step, customer_first=first)
    return Kill("none")


def _attempt(rng: random.Random, command: str, *, cancellable: bool, alone: bool) -> Attempt:
    fault = _fault(rng, command)
    kill = _kill(rng, command, requests=alone)
    customer = rng.choices(CUSTOMERS, _CUSTOMER_WEIGHTS)[0]
    if customer == "customer_cancel" and not cancellable:
        customer = "right_card"
    afterwards = rng.choices(("none", "check", "resolve"), (2, 1, 1))[0]
    return Attempt(fault, kill, customer if command == "refund_reader" else "", afterwards)


def _op(rng: random.Random, index: int, kind: str, pool: str, slot: int, sale: Sale,
        readers: int, *, reader_slot: int | None = None) -> Op:
    alone = reader_slot is None  # one till: its requests can be counted (kill@request)
    amount = None
    if kind.endswith("_partial"):
        amount = rng.randrange(max(100, sale.amount // 15), max(101, sale.amount // 4))
    if reader_slot is None:
        reader_slot = -1 if rng.random() < 0.03 else rng.randrange(readers)
    cancellable = rng.random() < 0.5
    retries = 1 if rng.random() < 0.45 else 0
    attempts = tuple(_attempt(rng, COMMAND_OF[kind], cancellable=cancellable, alone=alone)
                     for _ in range(1 + retries))
    return Op(index, kind, pool, slot, amount, reader_slot, cancellable, attempts)


def make_plan(seed: int, ops: int, *, readers: int = 4) -> Plan:
    """The whole schedule of a campaign of about `ops` operations.

    The single-till phase is prefix-stable: operation i is the same in a plan of 50 and in a
    plan of 2,000 (same kind, payment, amount, faults, kills, customer), so whatever the long
    form finds at operation i, `--ops` a little above i shows again."""
    n_single = max(8, round(ops * 0.85))
    n_pairs = max(3, round(ops * 0.15 / 2))
    sizes: dict[str, int] = {}

    single: list[Op] = []
    for i in range(n_single):
        r = random.Random(f"campaign:{seed}:op:{i}")
        kind = r.choices(KINDS, _KIND_WEIGHTS)[0]
        pool = POOL_OF[kind]
        if kind.startswith("refund_") and r.random() < 0.25:
            pool = "auth"  # an authorization, captured meanwhile or not
        # a new payment of each pool every SPREAD operations; each one is acted on by the
        # operations of the WINDOW * SPREAD before (a few each, close together)
        slot = i // SPREAD + r.randrange(WINDOW)
        sizes[pool] = max(sizes.get(pool, 0), slot + 1)
        single.append(_op(r, i, kind, pool, slot, _sale(seed, pool, slot), readers))

    n_pair_pool = max(2, n_pairs // 8)  # a few pairs on each payment
    pairs: list[Pair] = []
    combos = {
        "auth2": (("cancel", "capture"), ("cancel", "cancel"), ("capture", "capture"),
                  ("capture", "cancel")),
        "card2": (("refund_partial", "refund_partial"), ("refund_full", "refund_partial"),
                  ("refund_full", "refund_full")),
        "interac2": (("reader_partial", "reader_partial"), ("reader_full", "reader_partial")),
    }
    for j in range(n_pairs):
        r = random.Random(f"campaign:{seed}:pair:{j}")
        pool = r.choice(sorted(combos))
        k1, k2 = r.choice(combos[pool])
        slot = r.randrange(n_pair_pool)
        sale = _sale(seed, pool, slot)
        first = _op(r, n_single + 2 * j, k1, pool, slot, sale, readers,
                    reader_slot=r.randrange(readers))
        r2 = random.Random(f"campaign:{seed}:pair:{j}:second")
        second = _op(r2, n_single + 2 * j + 1, k2, pool, slot, sale, readers,
                     reader_slot=(first.reader_slot + 1 + r2.randrange(readers - 1)) % readers)
        # one fault per pair, armed by the first: it hits whichever till gets there first
        second = replace(second, attempts=tuple(
            replace(a, fault=Fault("none", a.fault.path, 1)) for a in second.attempts))
        pairs.append(Pair(j, first, second))
    for pool in combos:
        sizes[pool] = n_pair_pool
    sizes["interac3"] = sizes["card3"] = 2  # the two-copies phase
    sales = tuple(_sale(seed, pool, k) for pool in POOLS for k in range(sizes.get(pool, 0)))
    return Plan(seed, sales, tuple(single), tuple(pairs), ("waiting", "idle"))
