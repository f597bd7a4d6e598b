"""The :class:`Sandbox` object: build the state, serve it on a thread, expose the levers."""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from .actions import advance_readers
from .control import Controller
from .faults import Faults
from .idempotency import IdempotencyCache
from .payment_intents import expire_authorizations
from .persistence import Saver, load
from .seed import seed as seed_store
from .server import Api, OnResponse, SandboxHTTPServer
from .store import Store

TRAINING_KEY = "sk_test_training"


class Sandbox:
    """A local Stripe-compatible server for training mode and tests.

    ``start()`` serves on a daemon thread of its own (never on the caller's event loop);
    point the official SDK at :attr:`url` with :attr:`api_key`. ``on_response(method,
    path, status, body)`` sees every /v1 answer that reaches the wire (not the real answer
    behind an injected ``drop_after`` or ``malformed`` fault); tests use it to validate
    every response against the schema.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        seed: int = 1,
        payments: int = 80,
        state_file: str | Path | None = None,
        auto_present: float | None = None,
        action_timeout: float = 60.0,
        on_response: OnResponse | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.api_key = TRAINING_KEY
        self.state_file = Path(state_file) if state_file else None
        self._payments = payments
        self._auto_present = auto_present
        self._action_timeout = action_timeout
        self.faults = Faults()
        self.idempotency = IdempotencyCache()
        self.store = self._fresh_store(seed, payments)
        if self.state_file is not None:
            load(self.state_file, self.store, self.idempotency)
        self.controller = Controller(self.store, self.faults, self.idempotency, self._reset)
        self._api = Api(
            self.store, self.faults, self.idempotency, self.controller.handle_http, on_response
        )
        self._server: SandboxHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._saver: Saver | None = None

    def _fresh_store(self, seed: int, payments: int) -> Store:
        store = Store(seed)
        store.auto_present = self._auto_present
        store.action_timeout = self._action_timeout
        store.tick_hooks = [expire_authorizations, advance_readers]
        seed_store(store, payments)
        return store

    def _reset(self, seed: int | None, payments: int | None) -> None:
        """Back to freshly seeded state (same object, so every holder sees it)."""
        fresh = self._fresh_store(
            self.store.seed if seed is None else seed,
            self._payments if payments is None else payments,
        )
        with self.store.lock:
            for name in (
                "seed",
                "clock",
                "ids",
                "accounts",
                "platform_id",
                "revoked_keys",
                "deadlines",
            ):
                setattr(self.store, name, getattr(fresh, name))
            self.store.dirty = True
        self.faults.clear()
        self.idempotency.clear()

    # -- lifecycle --------------------------------------------------------------------
    def start(self) -> Sandbox:
        if self._server is not None:
            return self
        self._server = SandboxHTTPServer((self.host, self.port), self._api)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.2},
            name=f"stripe-sandbox:{self.port}",
            daemon=True,
        )
        self._thread.start()
        if self.state_file is not None:
            self._saver = Saver(self.state_file, self.store, self.idempotency)
            self._saver.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.close_connections()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._saver is not None:
            self._saver.stop()
            self._saver = None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def hook_failures(self) -> list[str]:
        """What raised inside ``on_response`` so far (the answers themselves still went out)."""
        return self._api.hook_failures

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def connected_account(self) -> str:
        return next(a.id for a in self.store.all_accounts() if not a.platform)

    @property
    def platform_account(self) -> str:
        return self.store.platform_id

    # -- levers (same code path as /_sandbox/) ----------------------------------------
    def set_reader_status(self, reader_id: str, status: str) -> dict[str, Any]:
        return self.controller.set_reader_status(reader_id, status)

    def customer_cancel(self, reader_id: str) -> dict[str, Any]:
        return self.controller.customer_cancel(reader_id)

    def inject_fault(
        self,
        kind: str,
        method: str = ".*",
        path: str = ".*",
        count: int = 1,
        latency_ms: int = 0,
        status: int | None = None,
        hold: bool = False,
        hang_up: bool = False,
    ) -> dict[str, Any]:
        return self.controller.inject_fault(
            kind, method, path, count, latency_ms, status, hold, hang_up
        )

    def release_faults(self, fault_id: str | None = None) -> list[str]:
        """Let requests held by latency faults (``hold=True``) go on."""
        return self.controller.release_faults(fault_id)["released"]

    def held(self, fault_id: str | None = None) -> int:
        """Requests latency faults are holding right now (they have claimed their key)."""
        return self.faults.waiting(fault_id)

    def in_flight(self) -> int:
        """Idempotent requests still running (claimed their key, no result saved yet)."""
        return self.idempotency.in_flight()

    def wait_held(self, fault_id: str, timeout: float = 30.0) -> None:
        """Block until a request is held by latency fault `fault_id` (it holds its key)."""
        if not self.faults.wait_held(fault_id, timeout):
            raise TimeoutError(f"no request reached {fault_id} within {timeout} s")

    def wait_idle(self, timeout: float = 30.0) -> None:
        """Block until every request that claimed an idempotency key has finished."""
        if not self.idempotency.wait_idle(timeout):
            raise TimeoutError(f"requests still running after {timeout} s")

    def clear_faults(self) -> None:
        self.controller.clear_faults()

    def new_sale(self, **kwargs: Any) -> dict[str, Any]:
        return self.controller.new_sale(**kwargs)

    def other_till_refund(self, payment_intent: str, **kwargs: Any) -> dict[str, Any]:
        return self.controller.other_till_refund(payment_intent, **kwargs)

    def other_till_capture(self, payment_intent: str, **kwargs: Any) -> dict[str, Any]:
        return self.controller.other_till_capture(payment_intent, **kwargs)

    def other_till_cancel(self, payment_intent: str, **kwargs: Any) -> dict[str, Any]:
        return self.controller.other_till_cancel(payment_intent, **kwargs)

    def advance_clock(self, seconds: float) -> None:
        self.controller.advance_clock(seconds)

    def revoke_key(self, key: str) -> None:
        self.controller.revoke_key(key)

    def reset(self, seed: int | None = None, payments: int | None = None) -> None:
        self.controller.reset(seed, payments)
