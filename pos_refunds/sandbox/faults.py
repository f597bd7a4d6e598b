"""Injected faults, so the app's error paths can be trained and tested.

A fault matches requests by method and a regular expression searched in the path, and
fires ``count`` times. Kinds:

- ``latency``: wait ``latency_ms`` before handling (the idempotency key is already
  claimed, so a concurrent retry with the same key sees ``idempotency_key_in_use``).
  With ``hold``, wait instead until the fault is released (``release``), ``latency_ms``
  at most when given: a test then decides when the slow request lands, whatever the
  machine's speed. ``waiting`` counts the requests held right now. With ``hang_up``, the
  client's connection is closed as the wait begins: what a client that gave up waiting
  sees (a network error), at once, while the request goes on at "Stripe".
- ``error_before``: HTTP 500 (or ``status``, any 5xx) ``api_error`` before anything
  changes; not saved.
- ``error_after``: the change is committed, then HTTP 500 (or ``status``); saved under the
  idempotency key, so a retry with the same key replays the 500 (as Stripe does).
- ``drop_after``: the change is committed and the real response saved under the key,
  then the connection is closed without any response.
- ``rate_limit``: HTTP 429 ``rate_limit`` before anything changes; not saved.
- ``malformed``: the change is committed and the real response saved, but the client
  gets a 200 whose body is not JSON.
"""

from __future__ import annotations

import itertools
import re
import threading
from dataclasses import dataclass, field
from typing import Any

HOLD_MAX = 600.0  # a held request is let go after ten minutes, released or not
KINDS = ("latency", "error_before", "error_after", "drop_after", "rate_limit", "malformed")


@dataclass
class Fault:
    id: str
    kind: str
    method: str
    path: re.Pattern[str]
    count: int
    latency_ms: int = 0
    status: int = 500
    hold: bool = False
    hang_up: bool = False
    released: threading.Event = field(default_factory=threading.Event)
    arrived: threading.Event = field(default_factory=threading.Event)  # one is held now
    waiting: int = 0

    def wait(self, lock: threading.Lock) -> None:
        """Hold one request for its latency, or until released."""
        with lock:
            self.waiting += 1
            self.arrived.set()
        try:
            if self.hold:
                self.released.wait(self.latency_ms / 1000 if self.latency_ms else HOLD_MAX)
            else:
                self.released.wait(self.latency_ms / 1000)
        finally:
            with lock:
                self.waiting -= 1

    def describe(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "method": self.method,
            "path": self.path.pattern,
            "count": self.count,
            "latency_ms": self.latency_ms,
            "status": self.status,
            "hold": self.hold,
            "hang_up": self.hang_up,
            "waiting": self.waiting,
        }


class Faults:
    """The armed faults; each request consumes the ones that match it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._latencies: dict[str, Fault] = {}  # every latency fault, until cleared
        self._ids = itertools.count(1)

    def add(
        self,
        kind: str,
        *,
        method: str = ".*",
        path: str = ".*",
        count: int = 1,
        latency_ms: int = 0,
        status: int | None = None,
        hold: bool = False,
        hang_up: bool = False,
    ) -> Fault:
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {', '.join(KINDS)}")
        if count < 1:
            raise ValueError("count must be at least 1")
        try:
            pattern = re.compile(path)
        except re.error as exc:
            raise ValueError(f"invalid path regex: {exc}") from exc
        code = status if status is not None else (429 if kind == "rate_limit" else 500)
        if kind in ("error_before", "error_after") and not 500 <= code <= 599:
            raise ValueError("status of an error fault must be 5xx")
        if (hold or hang_up) and kind != "latency":
            raise ValueError("only a latency fault can hold requests or hang up")
        fault = Fault(
            f"flt_{next(self._ids)}", kind, method.upper(), pattern, count, latency_ms, code,
            hold, hang_up,
        )
        with self._lock:
            self._faults.append(fault)
            if kind == "latency":
                self._latencies[fault.id] = fault
        return fault

    def hold(self, fault: Fault) -> None:
        """Wait as the latency fault says (called outside the store lock)."""
        fault.wait(self._lock)

    def release(self, fault_id: str | None = None) -> list[str]:
        """Let held requests go on (all of them, or those of one fault)."""
        with self._lock:
            chosen = [f for f in self._latencies.values() if fault_id in (None, f.id)]
        if fault_id is not None and not chosen:
            raise ValueError(f"no latency fault {fault_id}")
        for fault in chosen:
            fault.released.set()
        return [f.id for f in chosen]

    def wait_held(self, fault_id: str, timeout: float) -> bool:
        """Until a request is held by this latency fault (False if `timeout` passed)."""
        with self._lock:
            fault = self._latencies.get(fault_id)
        if fault is None:
            raise ValueError(f"no latency fault {fault_id}")
        return fault.arrived.wait(timeout)

    def waiting(self, fault_id: str | None = None) -> int:
        """How many requests latency faults hold right now."""
        with self._lock:
            return sum(f.waiting for f in self._latencies.values() if fault_id in (None, f.id))

    def take(self, method: str, path: str) -> list[Fault]:
        """The faults firing for this request (their counts are used up)."""
        fired: list[Fault] = []
        with self._lock:
            for fault in list(self._faults):
                if fault.method not in (".*", "*", method) or not fault.path.search(path):
                    continue
                if any(f.kind == fault.kind for f in fired):
                    continue
                fault.count -= 1
                if fault.count <= 0:
                    self._faults.remove(fault)
                fired.append(fault)
        return fired

    def clear(self) -> None:
        """Disarm every fault; requests still held go on at once."""
        with self._lock:
            self._faults.clear()
            held, self._latencies = list(self._latencies.values()), {}
        for fault in held:
            fault.released.set()

    def describe(self) -> list[dict[str, Any]]:
        """The armed faults, and latency faults spent but still holding requests."""
        with self._lock:
            shown = list(self._faults)
            shown += [f for f in self._latencies.values() if f.waiting and f not in shown]
            return [f.describe() for f in shown]
