"""The campaign's side of the sandbox: its levers, the customer at the reader, and conditions
read from its state (under the store's lock) to wait on instead of sleeping."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from typing import Any

from pos_refunds.sandbox import Sandbox

from .child import TillProcess
from .plan import Fault

POLL = 0.02  # how often a wait on the sandbox's state re-reads it
DECLINING_CARD = "4000000000000002"
OTHER_CARD = "4242424242424242"

# symbolic path -> (method, regex); {p} is the payment, {r} the reader
PATH_TABLE = {
    "refund_create": ("POST", r"^/v1/refunds$"),
    "refund_list": ("GET", r"^/v1/refunds$"),
    "payment_get": ("GET", r"^/v1/payment_intents/{p}$"),
    "cancel_meta": ("POST", r"^/v1/payment_intents/{p}$"),
    "cancel": ("POST", r"^/v1/payment_intents/{p}/cancel$"),
    "capture": ("POST", r"^/v1/payment_intents/{p}/capture$"),
    "reader_refund": ("POST", r"^/v1/terminal/readers/{r}/refund_payment$"),
    "reader_get": ("GET", r"^/v1/terminal/readers/{r}$"),
    "cancel_action": ("POST", r"^/v1/terminal/readers/{r}/cancel_action$"),
}


class RequestKill:
    """SIGKILL a till at the moment the sandbox has carried out its nth request (counted from
    arming), before the answer is written: the request is committed, the till never hears."""

    def __init__(self, pid: int, nth: int) -> None:
        self.pid = pid
        self.left = nth
        self.fired = ""  # the request it fired on

    def count(self, method: str, path: str, status: int) -> bool:
        if self.fired or path.startswith("/v1/test_helpers/"):  # the customer's taps
            return False
        self.left -= 1
        if self.left > 0:
            return False
        self.fired = f"{method} {path} -> {status}"
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        return True


class World:
    """One embedded sandbox, counted: how many API requests are being handled right now."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sb = sandbox
        self._lock = threading.Lock()
        self._inflight = 0
        self.armed = 0
        self.acted: set[str] = set()  # reader actions (by operation id) a customer answered
        self.kill_on: RequestKill | None = None
        self._count_requests()
        self._quiet_broken_pipes()
        with sandbox.store.lock:
            readers = list(sandbox.store.account().readers.items)
        self.online = [r["id"] for r in readers if r["status"] == "online"]
        self.offline = next(r["id"] for r in readers if r["status"] != "online")
        self.action_timeout = sandbox.store.action_timeout

    def _count_requests(self) -> None:
        # The sandbox does not say how many requests it is still handling (a lever we lack:
        # an in-flight count in /_sandbox); wrap its /v1 pipeline on this instance to know
        # when a delayed request has landed. Nothing of the sandbox's code changes.
        api = self.sb._api  # noqa: SLF001
        handle = api.handle_v1

        def counted(method: str, path: str, *args: Any, **kwargs: Any) -> Any:
            with self._lock:
                self._inflight += 1
            try:
                reply = handle(method, path, *args, **kwargs)
                with self._lock:
                    if self.kill_on is not None and self.kill_on.count(method, path,
                                                                       reply.status):
                        self.kill_on = None
                return reply
            finally:
                with self._lock:
                    self._inflight -= 1

        api.handle_v1 = counted  # type: ignore[method-assign]

    def _quiet_broken_pipes(self) -> None:
        # A killed till leaves the sandbox writing an answer to a closed socket; the stdlib
        # server prints each such traceback. Expected here, so not printed.
        server = self.sb._server  # noqa: SLF001
        if server is not None:
            server.handle_error = lambda request, address: None  # type: ignore[method-assign]

    def arm_kill(self, pid: int, nth: int) -> RequestKill:
        with self._lock:
            self.kill_on = RequestKill(pid, nth)
            return self.kill_on

    def disarm_kill(self) -> None:
        with self._lock:
            self.kill_on = None

    @property
    def inflight(self) -> int:
        with self._lock:
            return self._inflight

    # ---- waiting --------------------------------------------------------------------------

    async def until(self, cond: Callable[[], bool], bound: float,
                    tills: Iterable[TillProcess] = ()) -> bool:
        """Until `cond()` holds: re-checked at each line a till prints, and every POLL seconds
        for the sandbox's state; False after `bound` seconds."""
        deadline = time.monotonic() + bound
        tills = list(tills)
        while not cond():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            events = [asyncio.ensure_future(t.changed().wait()) for t in tills]
            try:
                if events:
                    await asyncio.wait(events, timeout=min(POLL, left))
                else:
                    await asyncio.sleep(min(POLL, left))  # the poll interval, not a wait
            finally:
                for ev in events:
                    ev.cancel()
        return True

    async def landed(self, bound: float = 15.0) -> bool:
        """Until no request is being handled (a delayed one has landed)."""
        return await self.until(lambda: self.inflight == 0, bound)

    # ---- faults ---------------------------------------------------------------------------

    def arm(self, fault: Fault, payment: str, reader: str | None) -> dict[str, Any] | None:
        if fault.kind == "none":
            return None
        method, regex = PATH_TABLE[fault.path]
        path = regex.format(p=payment, r=reader or "tmr_none")
        self.armed += 1
        return self.sb.inject_fault(fault.kind, method=method, path=path, count=fault.count,
                                    latency_ms=fault.latency_ms)

    def fired(self, armed: dict[str, Any] | None) -> int:
        """How many requests the armed fault hit so far."""
        if armed is None:
            return 0
        for f in self.sb.faults.describe():
            if f["id"] == armed["id"]:
                return armed["count"] - f["count"]
        return armed["count"]

    def clear_faults(self) -> None:
        self.sb.clear_faults()

    # ---- readers and the customer -----------------------------------------------------------

    def action(self, reader: str) -> dict[str, Any]:
        with self.sb.store.lock:
            self.sb.store.tick()
            found = self.sb.store.account().readers.get(reader)
            return dict((found or {}).get("action") or {})

    def waiting_action(self, reader: str, payment: str, till: str) -> str | None:
        """The operation id of a refund in progress on `reader` for `payment` that `till`
        sent and no customer answered yet."""
        a = self.action(reader)
        if a.get("type") != "refund_payment" or a.get("status") != "in_progress":
            return None
        sub = a.get("refund_payment") or {}
        meta = sub.get("metadata") or {}
        op_id = meta.get("pos_operation_id", "")
        if sub.get("payment_intent") != payment or meta.get("pos_till") != till:
            return None
        return None if op_id in self.acted else op_id

    def busy(self, reader: str) -> bool:
        return self.action(reader).get("status") == "in_progress"

    async def present(self, reader: str, kind: str | None = None,
                      number: str | None = None) -> str:
        """The customer taps a card (the test helper, over HTTP like any client)."""
        form = {}
        if kind:
            form = {"type": kind, f"{kind}[number]": number or ""}
        url = f"{self.sb.url}/v1/test_helpers/terminal/readers/{reader}/present_payment_method"
        body = urllib.parse.urlencode(form).encode()

        def post() -> str:
            req = urllib.request.Request(url, data=body, method="POST", headers={
                "Authorization": f"Bearer {self.sb.api_key}",
                "Content-Type": "application/x-www-form-urlencoded"})
            try:
                with urllib.request.urlopen(req, timeout=10) as resp:
                    return f"presented ({resp.status})"
            except urllib.error.HTTPError as err:
                return f"present refused ({err.code})"

        return await asyncio.to_thread(post)

    def customer_cancel(self, reader: str) -> str:
        try:
            self.sb.customer_cancel(reader)
            return "customer pressed cancel"
        except Exception as err:  # noqa: BLE001 - the control lever said no
            return f"customer cancel refused ({err})"

    def set_reader(self, reader: str, status: str) -> None:
        self.sb.set_reader_status(reader, status)

    def time_out_readers(self) -> None:
        """Every action in progress times out (the customer walked away)."""
        self.sb.advance_clock(self.action_timeout + 1)
        with self.sb.store.lock:
            self.sb.store.tick()

    # ---- snapshots for the two-copies check ---------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """What a till could have changed at Stripe."""
        with self.sb.store.lock:
            acct = self.sb.store.account()
            return {
                "refunds": sorted(r["id"] for r in acct.refunds.items),
                "payments": {pi["id"]: (pi["status"], tuple(sorted(
                    (pi.get("metadata") or {}).items()))) for pi in acct.payment_intents.items},
                "actions": {r["id"]: (
                    (r["action"] or {}).get("status"),
                    (r["action"] or {}).get("failure_code"),
                    ((r["action"] or {}).get("refund_payment") or {}).get(
                        "metadata", {}).get("pos_operation_id"),
                ) for r in acct.readers.items},
            }


def diff(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    out = []
    new_refunds = sorted(set(after["refunds"]) - set(before["refunds"]))
    if new_refunds:
        out.append(f"new refunds {', '.join(new_refunds)}")
    for pid, state in after["payments"].items():
        if before["payments"].get(pid) != state:
            out.append(f"{pid} became {state[0]} {dict(state[1])}")
    for rid, state in after["actions"].items():
        if before["actions"].get(rid) != state:
            out.append(f"reader {rid} action {before['actions'].get(rid)} -> {state}")
    return out


@contextlib.contextmanager
def reader_offline(world: World, reader: str):
    world.set_reader(reader, "offline")
    try:
        yield
    finally:
        world.set_reader(reader, "online")
