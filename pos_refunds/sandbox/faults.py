"""Injected faults, so the app's error paths can be trained and tested.

A fault matches requests by method and a regular expression searched in the path, and
fires ``count`` times. Kinds:

- ``latency``: wait ``latency_ms`` before handling (the idempotency key is already
  claimed, so a concurrent retry with the same key sees ``idempotency_key_in_use``).
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
from dataclasses import dataclass
from typing import Any

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

    def describe(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "method": self.method,
            "path": self.path.pattern,
            "count": self.count,
            "latency_ms": self.latency_ms,
            "status": self.status,
        }


class Faults:
    """The armed faults; each request consumes the ones that match it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
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
        fault = Fault(
            f"flt_{next(self._ids)}", kind, method.upper(), pattern, count, latency_ms, code
        )
        with self._lock:
            self._faults.append(fault)
        return fault

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
        with self._lock:
            self._faults.clear()

    def describe(self) -> list[dict[str, Any]]:
        with self._lock:
            return [f.describe() for f in self._faults]
