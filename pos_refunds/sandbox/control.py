"""The ``/_sandbox/`` control surface: training and test levers outside the Stripe API.

JSON in, JSON out, no auth. Every lever is a :class:`Controller` method, called both by
the HTTP routes below and by :class:`~pos_refunds.sandbox.Sandbox`'s Python methods, so
both take the same code path. Errors answer ``{"error": {"message": ...}}`` with 400/404.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from . import actions, objects
from .errors import ApiError
from .events import record, snapshot
from .faults import Faults
from .idempotency import IdempotencyCache
from .payment_intents import cancel_intent, capture_intent, collect
from .refunds import refund_charge, target
from .store import Account, RequestContext, Store

NETWORK_CARDS = {
    "visa": "4242424242424242",
    "mastercard": "5555555555554444",
    "amex": "378282246310005",
    "discover": "6011111111111117",
    "interac": "4506445006931933",
    "eftpos_au": "6280000360000978",
}


class ControlError(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class Controller:
    """Levers on the sandbox state; each takes the store lock like an API request."""

    def __init__(
        self,
        store: Store,
        faults: Faults,
        idempotency: IdempotencyCache,
        reset: Callable[[int | None, int | None], None],
    ) -> None:
        self.store = store
        self.faults = faults
        self.idempotency = idempotency
        self._reset = reset

    def _account(self, account_id: str | None) -> Account:
        found = self.store.accounts.get(account_id or self.store.platform_id)
        if found is None:
            raise ControlError(f"no such account: {account_id}", 404)
        return found

    def _reader(
        self, reader_id: str, account_id: str | None = None
    ) -> tuple[Account, dict[str, Any]]:
        accounts = [self._account(account_id)] if account_id else list(self.store.all_accounts())
        for account in accounts:
            found = account.readers.get(reader_id)
            if found is not None:
                return account, found
        raise ControlError(f"no such reader: {reader_id}", 404)

    def info(self) -> dict[str, Any]:
        with self.store.lock:
            self.store.tick()
            return {
                "platform_account": self.store.platform_id,
                "accounts": list(self.store.accounts),
                "clock": self.store.clock.now(),
                "auto_present": self.store.auto_present,
                "action_timeout": self.store.action_timeout,
                "readers": [
                    {"id": r["id"], "label": r["label"], "status": r["status"], "account": a.id}
                    for a in self.store.all_accounts()
                    for r in a.readers.items
                ],
                "faults": self.faults.describe(),
            }

    def set_reader_status(
        self, reader_id: str, status: str, account: str | None = None
    ) -> dict[str, Any]:
        with self.store.lock:
            self.store.tick()
            acct, reader = self._reader(reader_id, account)
            try:
                actions.set_status(self.store, acct, reader, status)
            except ValueError as exc:
                raise ControlError(str(exc)) from exc
            return snapshot(reader)

    def customer_cancel(self, reader_id: str, account: str | None = None) -> dict[str, Any]:
        with self.store.lock:
            self.store.tick()
            acct, reader = self._reader(reader_id, account)
            try:
                actions.customer_cancel(self.store, acct, reader)
            except ValueError as exc:
                raise ControlError(str(exc)) from exc
            return snapshot(reader)

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
        try:
            return self.faults.add(
                kind, method=method, path=path, count=count, latency_ms=latency_ms,
                status=status, hold=bool(hold), hang_up=bool(hang_up),
            ).describe()
        except ValueError as exc:
            raise ControlError(str(exc)) from exc

    def release_faults(self, id: str | None = None) -> dict[str, Any]:  # noqa: A002 - JSON name
        """Held requests (latency faults with ``hold``) go on now."""
        try:
            return {"released": self.faults.release(id)}
        except ValueError as exc:
            raise ControlError(str(exc), 404) from exc

    def clear_faults(self) -> dict[str, Any]:
        self.faults.clear()
        return {"faults": []}

    def new_sale(
        self,
        amount: int = 1250,
        currency: str = "cad",
        network: str = "visa",
        capture: str = "automatic",
        description: str | None = "Sale at another till",
        reader: str | None = None,
        account: str | None = None,
        metadata: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """Another till takes a payment: a new succeeded (or authorized) PaymentIntent."""
        if network not in NETWORK_CARDS:
            raise ControlError(f"network must be one of {', '.join(NETWORK_CARDS)}")
        if capture not in ("automatic", "manual"):
            raise ControlError("capture must be 'automatic' or 'manual'")
        if not isinstance(amount, int) or amount < 1:
            raise ControlError("amount must be a positive integer (smallest currency unit)")
        with self.store.lock:
            self.store.tick()
            acct = self._account(account)
            till = acct.readers.get(reader) if reader else acct.readers.items[0]
            if till is None:
                raise ControlError(f"no such reader: {reader}", 404)
            interac = network == "interac"
            types = ["card_present", "interac_present"] if currency == "cad" else ["card_present"]
            pi = objects.payment_intent(
                self.store.ids,
                amount=amount,
                currency=currency.lower(),
                created=self.store.now(),
                payment_method_types=types,
                capture_method=capture,
                description=description,
                metadata=metadata,
            )
            acct.payment_intents.add(pi, self.store.clock.now())
            self.store.context = RequestContext()
            record(self.store, acct, "payment_intent.created", pi)
            collect(
                self.store, acct, pi, number=NETWORK_CARDS[network], interac=interac, reader=till
            )
            self.store.dirty = True
            return snapshot(pi)

    def other_till_refund(
        self,
        payment_intent: str,
        amount: int | None = None,
        account: str | None = None,
        metadata: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """Another till refunds a payment (online, or in person for Interac)."""
        with self.store.lock:
            self.store.tick()
            acct = self._account(account)
            try:
                _, ch = target(acct, {"payment_intent": payment_intent})
                options: dict[str, Any] = {"metadata": metadata or {"till": "other"}}
                if amount is not None:
                    options["amount"] = amount
                interac = ch["payment_method_details"]["type"] == "interac_present"
                ref = refund_charge(self.store, acct, ch, options, in_person=interac)
            except ApiError as exc:
                raise ControlError(exc.message, 404 if exc.status == 404 else 400) from exc
            self.store.dirty = True
            return snapshot(ref)

    def other_till_capture(
        self, payment_intent: str, amount: int | None = None, account: str | None = None
    ) -> dict[str, Any]:
        """Another till captures an authorization (in full, or ``amount``)."""
        params = {} if amount is None else {"amount_to_capture": amount}
        return self._other_till(
            account, payment_intent, lambda acct, pi: capture_intent(self.store, acct, pi, params)
        )

    def other_till_cancel(
        self,
        payment_intent: str,
        reason: str | None = "requested_by_customer",
        account: str | None = None,
    ) -> dict[str, Any]:
        """Another till cancels a payment (authorized or incomplete)."""
        return self._other_till(
            account, payment_intent, lambda acct, pi: cancel_intent(self.store, acct, pi, reason)
        )

    def _other_till(
        self,
        account: str | None,
        payment_intent: str,
        change: Callable[[Account, dict[str, Any]], dict[str, Any]],
    ) -> dict[str, Any]:
        with self.store.lock:
            self.store.tick()
            acct = self._account(account)
            try:
                result = change(acct, acct.payment_intent(payment_intent, "payment_intent"))
            except ApiError as exc:
                raise ControlError(exc.message, 404 if exc.status == 404 else 400) from exc
            self.store.dirty = True
            return snapshot(result)

    def advance_clock(self, seconds: float) -> dict[str, Any]:
        with self.store.lock:
            try:
                self.store.clock.advance(float(seconds))
            except ValueError as exc:
                raise ControlError(str(exc)) from exc
            self.store.tick()
            self.store.dirty = True
            return {"clock": self.store.clock.now()}

    def revoke_key(self, key: str) -> dict[str, Any]:
        with self.store.lock:
            self.store.revoked_keys.add(key)
            self.store.dirty = True
            return {"revoked": sorted(self.store.revoked_keys)}

    def reset(self, seed: int | None = None, payments: int | None = None) -> dict[str, Any]:
        self._reset(seed, payments)
        return self.info()

    # -- HTTP -------------------------------------------------------------------------
    def handle_http(self, method: str, path: str, body: bytes) -> tuple[int, dict[str, Any]]:
        try:
            data = json.loads(body) if body.strip() else {}
            if not isinstance(data, dict):
                raise ControlError("the body must be a JSON object")
            return 200, self._route(method, path.rstrip("/") or "/", data)
        except json.JSONDecodeError as exc:
            return 400, {"error": {"message": f"invalid JSON: {exc}"}}
        except ControlError as exc:
            return exc.status, {"error": {"message": str(exc)}}
        except TypeError as exc:
            return 400, {"error": {"message": f"bad arguments: {exc}"}}

    def _route(self, method: str, path: str, data: dict[str, Any]) -> dict[str, Any]:
        reader = re.fullmatch(r"/_sandbox/readers/([^/]+)/(status|customer_cancel)", path)
        if method == "POST" and reader:
            if reader.group(2) == "status":
                return self.set_reader_status(reader.group(1), **data)
            return self.customer_cancel(reader.group(1), **data)
        table: dict[tuple[str, str], Callable[..., dict[str, Any]]] = {
            ("GET", "/_sandbox"): self.info,
            ("GET", "/_sandbox/faults"): lambda: {"faults": self.faults.describe()},
            ("POST", "/_sandbox/faults"): self.inject_fault,
            ("DELETE", "/_sandbox/faults"): self.clear_faults,
            ("POST", "/_sandbox/faults/clear"): self.clear_faults,
            ("POST", "/_sandbox/faults/release"): self.release_faults,
            ("POST", "/_sandbox/sales"): self.new_sale,
            ("POST", "/_sandbox/refunds"): self.other_till_refund,
            ("POST", "/_sandbox/captures"): self.other_till_capture,
            ("POST", "/_sandbox/cancels"): self.other_till_cancel,
            ("POST", "/_sandbox/clock/advance"): self.advance_clock,
            ("POST", "/_sandbox/keys/revoke"): self.revoke_key,
            ("POST", "/_sandbox/reset"): self.reset,
        }
        handler = table.get((method, path))
        if handler is None:
            raise ControlError(f"unknown control endpoint {method} {path}", 404)
        return handler(**data)
