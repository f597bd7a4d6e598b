"""HTTP front of the sandbox: routing, auth, account scoping, idempotency and faults.

Stdlib only: ``ThreadingHTTPServer`` speaking HTTP/1.1 with keep-alive (the SDK's
``requests`` and ``httpx`` clients reuse connections) and Nagle disabled, so small JSON
answers are not held back. State is changed under the store's lock, one request at a
time; waiting (injected latency) happens outside it.
"""

from __future__ import annotations

import base64
import json
import logging
import secrets
import socket
import string
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from . import expand as expansion
from . import routes
from .errors import ApiError, mask_key
from .faults import Faults
from .forms import decode
from .idempotency import IdempotencyCache
from .params import validate_spec
from .store import API_VERSION, Account, Call, RequestContext, Store

log = logging.getLogger(__name__)

OnResponse = Callable[[str, str, int, dict[str, Any]], None]
ControlHandler = Callable[[str, str, bytes], tuple[int, dict[str, Any]]]
_ALNUM = string.ascii_letters + string.digits
NO_KEY = (
    "You did not provide an API key. You need to provide your API key in the Authorization "
    "header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See "
    "https://stripe.com/docs/api#authentication for details, or we can help at "
    "https://support.stripe.com/."
)


def request_id() -> str:
    return "req_" + "".join(secrets.choice(_ALNUM) for _ in range(14))


@dataclass
class Reply:
    """What goes back on the wire (``mode``: send, drop or malformed)."""

    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    mode: str = "send"  # send | drop | malformed | unsaved (internal)


def _json(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, separators=(",", ":")).encode()


class Api:
    """The /v1 pipeline: auth -> account -> route -> faults -> idempotency -> handler."""

    def __init__(
        self,
        store: Store,
        faults: Faults,
        idempotency: IdempotencyCache,
        control: ControlHandler,
        on_response: OnResponse | None = None,
    ) -> None:
        self.store = store
        self.faults = faults
        self.idempotency = idempotency
        self.control = control
        self.on_response = on_response
        # What went wrong inside on_response, one line each: the hook runs on the server's
        # threads, so its failures are kept here for its owner to see (tests fail on them).
        self.hook_failures: list[str] = []

    # -- auth and scoping -------------------------------------------------------------
    def _key(self, headers: Any) -> str:
        auth = headers.get("Authorization")
        if not auth:
            raise ApiError(401, NO_KEY)
        scheme, _, cred = auth.strip().partition(" ")
        key = cred.strip()
        if scheme.lower() == "basic":
            try:
                key = base64.b64decode(key).decode().split(":", 1)[0]
            except (ValueError, UnicodeDecodeError):
                key = ""
        elif scheme.lower() != "bearer":
            raise ApiError(401, "Invalid Authorization header: use Bearer authentication.")
        if key in self.store.revoked_keys:
            raise ApiError(
                401, f"Expired API Key provided: {mask_key(key)}", code="api_key_expired"
            )
        if not key.startswith(("sk_test_", "rk_test_")) or len(key) <= len("sk_test_"):
            raise ApiError(401, f"Invalid API Key provided: {mask_key(key)}")
        return key

    def _account(self, key: str, headers: Any) -> Account:
        wanted = (headers.get("Stripe-Account") or "").strip()
        if not wanted:
            return self.store.account()
        found = self.store.accounts.get(wanted)
        if found is None:
            raise ApiError(
                403,
                f"The provided key '{mask_key(key)}' does not have access to account "
                f"'{wanted}' (or that account does not exist). Application access may have "
                "been revoked.",
                code="account_invalid",
            )
        return found

    # -- pipeline ---------------------------------------------------------------------
    def handle_v1(
        self, method: str, path: str, query: str, body: bytes, headers: Any,
        hang_up: Callable[[], None] | None = None,
    ) -> Reply:
        """One /v1 request; `hang_up` closes the client's connection (latency faults)."""
        rid = request_id()
        base = {
            "Request-Id": rid,
            "Stripe-Version": headers.get("Stripe-Version") or API_VERSION,
        }
        idem_key = headers.get("Idempotency-Key") if method == "POST" else None
        if idem_key:
            base["Idempotency-Key"] = idem_key
        try:
            reply = self._run(method, path, query, body, headers, rid, idem_key, hang_up)
        except ApiError as err:
            reply = Reply(err.status, _json(err.body(rid)))
        except Exception:  # a sandbox bug must still answer like Stripe's 500
            log.exception("sandbox failed on %s %s", method, path)
            err = ApiError(500, "An unknown error occurred", type="api_error")
            reply = Reply(500, _json(err.body(rid)))
        reply.headers = {**reply.headers, **base, "Content-Type": "application/json"}
        if self.on_response and reply.mode == "send":
            try:
                self.on_response(method, path, reply.status, json.loads(reply.body))
            except Exception as exc:
                log.exception("on_response callback failed")
                self.hook_failures.append(f"{method} {path} -> {reply.status}: {exc!r}")
        return reply

    def _run(
        self,
        method: str,
        path: str,
        query: str,
        body: bytes,
        headers: Any,
        rid: str,
        idem_key: str | None,
        hang_up: Callable[[], None] | None = None,
    ) -> Reply:
        key = self._key(headers)
        account = self._account(key, headers)
        found = routes.match(method, path)
        if found is None:
            raise ApiError(
                404,
                f"Unrecognized request URL ({method}: {path}). Please see "
                "https://stripe.com/docs or we can help at https://support.stripe.com/.",
            )
        route, path_id = found
        if route.permission and key.startswith("rk_") and "readonly" in key:
            raise ApiError(
                403,
                f"The provided key '{mask_key(key)}' does not have the required permissions "
                f"for this endpoint on account '{account.id}'. Having the "
                f"'{route.permission}' permission would allow this request to continue.",
            )
        raw = decode(query) if method == "GET" else decode(body.decode("utf-8", "replace"))
        fired = {f.kind: f for f in self.faults.take(method, path)}
        if "rate_limit" in fired:
            raise ApiError(
                429,
                "Too many requests hit the API too quickly. We recommend an exponential "
                "backoff of your requests.",
                code="rate_limit",
                saved=False,
            )
        scope = (key, account.id, idem_key) if idem_key else None
        if scope is not None:
            saved = self.idempotency.begin(scope, method, path, raw, self.store.clock.now())
            if saved is not None:
                headers_out = {
                    **saved.headers,
                    "Idempotent-Replayed": "true",
                    "Original-Request": saved.request_id,
                }
                return Reply(saved.status, saved.body, headers_out)
        try:
            if "latency" in fired:
                latency = fired["latency"]
                if latency.hang_up and hang_up is not None:
                    hang_up()  # the client gives up waiting; the request goes on here
                self.faults.hold(latency)
            reply = self._execute(route, path_id, account, raw, rid, idem_key, fired)
        except BaseException:
            if scope is not None:
                self.idempotency.release(scope)
            raise
        if reply.mode == "unsaved":
            if scope is not None:
                self.idempotency.release(scope)
            reply.mode = "send"
            return reply
        if "error_after" in fired:
            status = fired["error_after"].status
            err = ApiError(status, "An unknown error occurred", type="api_error")
            reply = Reply(status, _json(err.body(rid)))
        elif "drop_after" in fired:
            reply.mode = "drop"
        elif "malformed" in fired:
            reply.mode = "malformed"
        if scope is not None:
            self.idempotency.finish(scope, reply.status, reply.body, {}, rid)
        return reply

    def _execute(
        self,
        route: routes.Route,
        path_id: str,
        account: Account,
        raw: dict[str, Any],
        rid: str,
        idem_key: str | None,
        fired: dict[str, Any],
    ) -> Reply:
        if "error_before" in fired:
            status = fired["error_before"].status
            err = ApiError(status, "An unknown error occurred", type="api_error", saved=False)
            return Reply(status, _json(err.body(rid)), mode="unsaved")
        store = self.store
        with store.lock:
            store.context = RequestContext(rid, idem_key)
            try:
                store.tick()
                try:
                    params = validate_spec(raw, route.spec)
                    paths = params.get("expand") or []
                    expansion.check(route.returns, paths)
                except ApiError as err:
                    err.saved = False
                    raise
                result = route.handler(Call(store, account, params, path_id))
                if paths:
                    result = expansion.expand(account, route.returns, result, paths)
                if route.method == "POST":
                    store.dirty = True
                return Reply(200, _json(result))
            except ApiError as err:
                mode = "send" if err.saved else "unsaved"
                return Reply(err.status, _json(err.body(rid)), mode=mode)
            finally:
                store.context = RequestContext()


class Handler(BaseHTTPRequestHandler):
    """One connection; keeps it open between requests like Stripe's edge does."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "nginx"
    sys_version = ""
    timeout = 300
    server: SandboxHTTPServer

    def setup(self) -> None:
        self._hung_up = False  # a latency fault closed this connection mid-request
        super().setup()
        self.server.track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, False)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        log.debug("%s " + format, self.address_string(), *args)

    def _dispatch(self) -> None:
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if len(body) < length:
            # The client went away before its body was all sent (a till killed mid-write):
            # like Stripe's edge, nothing of a cut request reaches the API.
            log.debug("%s %s cut short: %d of %d bytes", self.command, split.path,
                      len(body), length)
            self.close_connection = True
            return
        api = self.server.api
        if split.path == "/_sandbox" or split.path.startswith("/_sandbox/"):
            status, payload = api.control(self.command, split.path, body)
            headers = {"Content-Type": "application/json", "Request-Id": request_id()}
            self._send(Reply(status, _json(payload), headers))
            return
        reply = api.handle_v1(self.command, split.path, split.query, body, self.headers,
                              self._hang_up)
        self._send(reply)

    def _hang_up(self) -> None:
        self._hung_up = True
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _send(self, reply: Reply) -> None:
        if self._hung_up:
            return  # the client went away; its answer is kept under its key, if any
        if reply.mode == "drop":
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        body = reply.body
        status = reply.status
        if reply.mode == "malformed":
            status, body = 200, b"<html><body>502 Bad Gateway</body></html>"
            reply.headers["Content-Type"] = "text/html"
        self.send_response(status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _dispatch  # noqa: N815


class SandboxHTTPServer(ThreadingHTTPServer):
    """Threaded server that can close its idle keep-alive connections on stop."""

    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], api: Api) -> None:
        self.api = api
        self._conns: set[socket.socket] = set()
        self._conns_lock = threading.Lock()
        super().__init__(address, Handler)

    def track(self, conn: socket.socket, alive: bool) -> None:
        with self._conns_lock:
            (self._conns.add if alive else self._conns.discard)(conn)

    def close_connections(self) -> None:
        with self._conns_lock:
            conns = list(self._conns)
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
