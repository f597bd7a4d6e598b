"""Stripe's v1 idempotency layer for POST requests.

- The first request with a key runs; its status, body and headers are saved once the
  endpoint starts executing (including a 500), and later requests with the same key and
  the same parameters get that response again with ``Idempotent-Replayed: true``.
- Same key, other parameters (or another endpoint) -> 400 ``idempotency_error``.
- Same key while the first request is still running -> 409 ``idempotency_key_in_use``.
- Validation failures, 500s raised before any change, and 429s release the key unsaved.
- Keys are scoped per API key and account, and pruned after 24 hours (sandbox clock).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

from .errors import ApiError

PRUNE_AFTER = 24 * 3600


@dataclass
class Saved:
    """A response kept under a key."""

    method: str
    path: str
    fingerprint: str
    created: float
    status: int = 0
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    request_id: str = ""
    done: bool = False

    def dump(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "path": self.path,
            "fingerprint": self.fingerprint,
            "created": self.created,
            "status": self.status,
            "body": self.body.decode("utf-8", "replace"),
            "headers": self.headers,
            "request_id": self.request_id,
        }

    @classmethod
    def load(cls, data: dict[str, Any]) -> Saved:
        return cls(
            data["method"],
            data["path"],
            data["fingerprint"],
            data["created"],
            data["status"],
            data["body"].encode(),
            data["headers"],
            data["request_id"],
            True,
        )


def fingerprint(params: dict[str, Any]) -> str:
    return json.dumps(params, sort_keys=True, separators=(",", ":"))


class IdempotencyCache:
    """Saved responses keyed by (api key, account, idempotency key)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._settled = threading.Condition(self._lock)  # a claim finished or was released
        self._entries: dict[tuple[str, str, str], Saved] = {}

    def begin(
        self,
        scope: tuple[str, str, str],
        method: str,
        path: str,
        params: dict[str, Any],
        now: float,
    ) -> Saved | None:
        """Claim the key, or return the saved response to replay; raise on conflicts."""
        fp = fingerprint(params)
        key = scope[2]
        with self._lock:
            entry = self._entries.get(scope)
            if entry is not None and entry.done and now - entry.created > PRUNE_AFTER:
                entry = None
            if entry is None:
                self._entries[scope] = Saved(method, path, fp, now)
                return None
            if entry.method != method or entry.path != path:
                raise ApiError(
                    400,
                    "Keys for idempotent requests can only be used for the same endpoint they "
                    f"were first used for ('{entry.method} {entry.path}' vs "
                    f"'{method} {path}'). Try using a key other than '{key}' if you meant "
                    "to execute a different request.",
                    type="idempotency_error",
                    saved=False,
                )
            if not entry.done:
                raise ApiError(
                    409,
                    "There is currently another in-progress request using this "
                    "Idempotency-Key. Please try again later.",
                    type="invalid_request_error",
                    code="idempotency_key_in_use",
                    saved=False,
                )
            if entry.fingerprint != fp:
                raise ApiError(
                    400,
                    "Keys for idempotent requests can only be used with the same parameters "
                    f"they were first used with. Try using a key other than '{key}' if you "
                    "meant to execute a different request.",
                    type="idempotency_error",
                    saved=False,
                )
            return entry

    def finish(
        self,
        scope: tuple[str, str, str],
        status: int,
        body: bytes,
        headers: dict[str, str],
        request_id: str,
    ) -> None:
        with self._lock:
            entry = self._entries.get(scope)
            if entry is not None and not entry.done:
                entry.status, entry.body, entry.headers = status, body, dict(headers)
                entry.request_id = request_id
                entry.done = True
                self._settled.notify_all()

    def release(self, scope: tuple[str, str, str]) -> None:
        """Forget an unfinished claim (nothing saved)."""
        with self._lock:
            entry = self._entries.get(scope)
            if entry is not None and not entry.done:
                del self._entries[scope]
                self._settled.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Until no request is running under a claimed key (False if `timeout` passed)."""
        with self._settled:
            return self._settled.wait_for(
                lambda: all(e.done for e in self._entries.values()), timeout
            )

    def in_flight(self) -> int:
        """Requests that claimed their key and have not finished yet."""
        with self._lock:
            return sum(1 for entry in self._entries.values() if not entry.done)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._settled.notify_all()

    def dump(self) -> list[list[Any]]:
        with self._lock:
            return [[list(k), v.dump()] for k, v in self._entries.items() if v.done]

    def load(self, rows: list[list[Any]]) -> None:
        with self._lock:
            self._entries = {(k[0], k[1], k[2]): Saved.load(v) for k, v in rows}
