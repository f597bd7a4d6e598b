"""In-memory state of the sandbox: accounts, their objects, the clock and id minting.

One re-entrant lock guards everything; the HTTP server takes it for the whole handling of
a request, so handlers can read and change state without further care. Objects are kept
as the JSON dicts Stripe would return (expandable fields hold ids), so responses are a
cheap serialisation, not a rebuild. Facts Stripe keeps but never shows (the card number
a charge was paid with, the deadline heap) live beside them.
"""

from __future__ import annotations

import bisect
import heapq
import random
import string
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .errors import no_such

API_VERSION = "2026-10-28.endive"
_ALNUM = string.ascii_letters + string.digits


class Clock:
    """Real time plus an offset, so training runs live yet tests can jump ahead."""

    def __init__(self, offset: float = 0.0) -> None:
        self.offset = offset

    def now(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("the sandbox clock only moves forward")
        self.offset += seconds


class Ids:
    """Stripe-looking ids from a seeded generator: same seed, same ids."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.issued: set[str] = set()

    def new(self, prefix: str, length: int = 24) -> str:
        while True:
            body = "".join(self.rng.choices(_ALNUM, k=length))
            if prefix in ("pi", "ch", "re", "py", "txn"):
                body = "3" + body[1:]  # PaymentIntent-era ids start with a 3
            candidate = f"{prefix}_{body}"
            if candidate not in self.issued:
                self.issued.add(candidate)
                return candidate

    def token(self, length: int) -> str:
        """Random characters for secrets and receipt URLs (not tracked as ids)."""
        return "".join(self.rng.choices(_ALNUM, k=length))

    def state(self) -> list[Any]:
        version, internal, gauss = self.rng.getstate()
        return [version, list(internal), gauss]

    def restore(self, state: list[Any], issued: set[str]) -> None:
        self.rng.setstate((state[0], tuple(state[1]), state[2]))
        self.issued = issued


class Collection:
    """Objects ordered by creation, with O(log n) created filters and cursor lookup."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.keys: list[tuple[float, int]] = []
        self.index: dict[str, int] = {}
        self._seq = 0

    def __len__(self) -> int:
        return len(self.items)

    def add(self, obj: dict[str, Any], created: float | None = None) -> dict[str, Any]:
        when = float(obj.get("created", 0) if created is None else created)
        self._seq += 1
        key = (when, self._seq)
        if not self.keys or key >= self.keys[-1]:
            self.items.append(obj)
            self.keys.append(key)
            self.index[obj["id"]] = len(self.items) - 1
            return obj
        pos = bisect.bisect_right(self.keys, key)
        self.items.insert(pos, obj)
        self.keys.insert(pos, key)
        for i in range(pos, len(self.items)):
            self.index[self.items[i]["id"]] = i
        return obj

    def get(self, object_id: str) -> dict[str, Any] | None:
        pos = self.index.get(object_id)
        return None if pos is None else self.items[pos]

    def position(self, object_id: str) -> int | None:
        return self.index.get(object_id)

    def bounds(self, created: int | dict[str, int] | None) -> tuple[int, int]:
        """Index range [lo, hi) of objects whose ``created`` matches the filter."""
        lo, hi = 0, len(self.items)
        if created is None:
            return lo, hi
        rng = {"gte": created, "lte": created} if isinstance(created, int) else created
        if "gt" in rng:
            lo = max(lo, bisect.bisect_right(self.keys, (rng["gt"] + 1, -1)))
        if "gte" in rng:
            lo = max(lo, bisect.bisect_left(self.keys, (rng["gte"], -1)))
        if "lt" in rng:
            hi = min(hi, bisect.bisect_left(self.keys, (rng["lt"], -1)))
        if "lte" in rng:
            hi = min(hi, bisect.bisect_left(self.keys, (rng["lte"] + 1, -1)))
        return lo, max(lo, hi)

    def dump(self) -> list[list[Any]]:
        return [[k[0], obj] for k, obj in zip(self.keys, self.items, strict=True)]

    @classmethod
    def load(cls, rows: list[list[Any]]) -> Collection:
        col = cls()
        for when, obj in rows:
            col.add(obj, when)
        return col


@dataclass
class Account:
    """One Stripe account (the platform or a connected one) and everything it owns."""

    id: str
    obj: dict[str, Any]
    payment_intents: Collection = field(default_factory=Collection)
    refunds: Collection = field(default_factory=Collection)
    events: Collection = field(default_factory=Collection)
    readers: Collection = field(default_factory=Collection)
    locations: Collection = field(default_factory=Collection)
    charges: dict[str, dict[str, Any]] = field(default_factory=dict)
    charge_refunds: dict[str, list[str]] = field(default_factory=dict)
    card_numbers: dict[str, str] = field(default_factory=dict)  # charge id -> number
    actions: dict[str, dict[str, Any]] = field(default_factory=dict)  # reader id -> timing
    platform: bool = True

    def payment_intent(self, pi_id: str, param: str = "intent") -> dict[str, Any]:
        found = self.payment_intents.get(pi_id)
        if found is None:
            raise no_such("payment_intent", pi_id, param)
        return found

    def charge(self, ch_id: str, param: str = "charge") -> dict[str, Any]:
        found = self.charges.get(ch_id)
        if found is None:
            raise no_such("charge", ch_id, param)
        return found

    def reader(self, reader_id: str, param: str = "reader") -> dict[str, Any]:
        found = self.readers.get(reader_id)
        if found is None:
            raise no_such("terminal.reader", reader_id, param)
        return found

    _SECTIONS = ("payment_intents", "refunds", "events", "readers", "locations")

    def dump(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "obj": self.obj, "platform": self.platform}
        for name in self._SECTIONS:
            out[name] = getattr(self, name).dump()
        out["charges"] = self.charges
        out["charge_refunds"] = self.charge_refunds
        out["card_numbers"] = self.card_numbers
        out["actions"] = self.actions
        return out

    @classmethod
    def load(cls, data: dict[str, Any]) -> Account:
        acct = cls(data["id"], data["obj"], platform=data["platform"])
        for name in cls._SECTIONS:
            setattr(acct, name, Collection.load(data[name]))
        acct.charges = data["charges"]
        acct.charge_refunds = data["charge_refunds"]
        acct.card_numbers = data["card_numbers"]
        acct.actions = data["actions"]
        return acct


@dataclass
class RequestContext:
    """What events record about the request that caused them."""

    request_id: str | None = None
    idempotency_key: str | None = None


class Store:
    """All sandbox state plus the hooks run lazily before every request."""

    def __init__(self, seed: int, clock: Clock | None = None) -> None:
        self.lock = threading.RLock()
        self.seed = seed
        self.clock = clock or Clock()
        self.ids = Ids(seed)
        self.accounts: dict[str, Account] = {}
        self.platform_id = ""
        self.revoked_keys: set[str] = set()
        self.context = RequestContext()
        self.deadlines: list[tuple[float, str, str]] = []  # (capture_before, account, pi)
        self.tick_hooks: list[Callable[[Store], None]] = []
        self.auto_present: float | None = None
        self.action_timeout = 60.0
        self.dirty = False

    def now(self) -> int:
        return int(self.clock.now())

    def account(self, account_id: str | None = None) -> Account:
        return self.accounts[account_id or self.platform_id]

    def all_accounts(self) -> Iterator[Account]:
        return iter(self.accounts.values())

    def add_deadline(self, when: float, account_id: str, pi_id: str) -> None:
        heapq.heappush(self.deadlines, (when, account_id, pi_id))

    def tick(self) -> None:
        """Apply everything that became due on the sandbox clock since the last request."""
        for hook in self.tick_hooks:
            hook(self)

    def dump(self) -> dict[str, Any]:
        return {
            "version": 1,
            "seed": self.seed,
            "clock_offset": self.clock.offset,
            "ids": self.ids.state(),
            "platform_id": self.platform_id,
            "revoked_keys": sorted(self.revoked_keys),
            "accounts": [a.dump() for a in self.accounts.values()],
        }

    def load(self, data: dict[str, Any]) -> None:
        self.seed = data["seed"]
        self.clock.offset = data["clock_offset"]
        self.platform_id = data["platform_id"]
        self.revoked_keys = set(data["revoked_keys"])
        self.accounts = {}
        issued: set[str] = set()
        for raw in data["accounts"]:
            acct = Account.load(raw)
            self.accounts[acct.id] = acct
            issued.update(acct.charges)
            for name in Account._SECTIONS:
                issued.update(getattr(acct, name).index)
        self.ids.restore(data["ids"], issued)
        self.deadlines = []
        for acct in self.accounts.values():
            for pi in acct.payment_intents.items:
                if pi["status"] == "requires_capture" and pi.get("latest_charge"):
                    details = acct.charges[pi["latest_charge"]]["payment_method_details"]
                    before = (details.get("card_present") or {}).get("capture_before")
                    if before:
                        self.add_deadline(before, acct.id, pi["id"])


@dataclass
class Call:
    """One API call as a handler sees it: state, the account it acts on, typed params."""

    store: Store
    account: Account
    params: dict[str, Any]
    path_id: str = ""
