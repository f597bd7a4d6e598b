"""One StripeClient per mode, on the SDK's async HTTPX client.

Retries are deliberate: the SDK's `StripeClient` retries nothing by default. We allow two
retries of connection errors, 409 and 5xx (the SDK reuses the request's idempotency key, and
every money operation passes our own journaled key), and never retry 429 (the SDK doesn't).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import sys
from collections.abc import Awaitable, Mapping
from dataclasses import dataclass
from typing import Any

import stripe

from .. import __version__

# The SDK's telemetry writes an id file under the user's config folder on the first request,
# which would be blocking disk work on the UI's event loop; a till has no use for it.
stripe.enable_telemetry = False
# Stripe asks integrations to name themselves; it shows in the request logs for support.
stripe.set_app_info("POS Refunds", version=__version__)

# httpcore asks at every request whether sniffio is installed (`import sniffio`, in a try), and
# a module that is not there is searched for along the whole path each time: 0.3 ms on the Qt
# thread, 400 times a load of 10,000 payments. Where it is not installed the answer is kept:
# None in sys.modules fails that import at once, as the search would have.
if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
    sys.modules["sniffio"] = None  # type: ignore[assignment]

try:  # the SDK's debug lines: formatted only when someone reads them
    from stripe import _api_requestor, _util
except ImportError:  # pragma: no cover - another SDK release: left as it is
    _api_requestor = None
if _api_requestor is not None and all(  # another SDK release may name these otherwise
        hasattr(_util, name) for name in ("_console_log_level", "logger")) and hasattr(
        _api_requestor, "log_debug"):
    _sdk_log_debug = _api_requestor.log_debug

    def _log_debug(message: str, **params: Any) -> None:
        """The SDK's `log_debug`, when its console log or its logger takes debug lines. It
        formats its line before it asks, the whole response body among them (a repr of
        360 KB for a page of payments: 2 ms on the Qt thread, for a line nobody reads)."""
        if _util._console_log_level() == "debug" or _util.logger.isEnabledFor(logging.DEBUG):  # noqa: SLF001
            _sdk_log_debug(message, **params)

    _api_requestor.log_debug = _log_debug

try:  # the SDK's own: what its typed calls do with a `Stripe-Notice` header (a warning)
    from stripe._api_requestor import _maybe_emit_stripe_notice as _emit_notice
except ImportError:  # pragma: no cover - another SDK release: no notices
    def _emit_notice(_headers: Mapping[str, str]) -> None:
        return None

STRIPE_API = "https://api.stripe.com"
REQUEST_TIMEOUT_SECONDS = 30.0
NETWORK_RETRIES = 2


@dataclass(frozen=True, slots=True)
class Connection:
    """Where and how to reach Stripe. `repr` never shows the key."""

    api_key: str
    api_base: str | None = None  # None: real Stripe; else the sandbox or --api-base
    stripe_account: str | None = None  # Connect: act on this connected account

    def __repr__(self) -> str:
        return f"Connection(api_base={self.api_base!r}, stripe_account={self.stripe_account!r})"

    @property
    def livemode(self) -> bool:
        return self.api_key.startswith(("sk_live_", "rk_live_"))


class _HTTPXClient(stripe.HTTPXClient):
    """The SDK's async HTTPX client, its pauses between retries scaled by `retry_pause_scale`
    (1: the SDK's own backoff; tests make it tiny: the retries still happen, only sooner)."""

    def __init__(self, *, retry_pause_scale: float = 1.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.retry_pause_scale = retry_pause_scale

    def sleep_async(self, secs: float) -> Awaitable[None]:
        return super().sleep_async(secs * self.retry_pause_scale)


@dataclass(frozen=True, slots=True)
class RawAnswer:
    """What Stripe answered to a raw read, not yet parsed (a worker thread parses it)."""

    body: bytes | str
    status: int
    headers: Mapping[str, str]


class ClientHandle:
    """A StripeClient and the HTTP client under it, so both can be closed on the same loop.

    Build it inside the event loop that will use it: the HTTPX client binds to that loop.
    """

    def __init__(
        self, conn: Connection, *, retries: int = NETWORK_RETRIES,
        timeout: float = REQUEST_TIMEOUT_SECONDS, retry_pause_scale: float = 1.0,
    ) -> None:
        self.connection = conn
        self.http = _HTTPXClient(timeout=timeout, retry_pause_scale=retry_pause_scale)
        base = {"api": conn.api_base.rstrip("/")} if conn.api_base else None
        self.stripe = stripe.StripeClient(
            conn.api_key,
            stripe_account=conn.stripe_account,
            base_addresses=base,
            max_network_retries=retries,
            http_client=self.http,
        )

    def __repr__(self) -> str:
        return f"ClientHandle({self.connection!r})"

    async def get_raw(self, path: str, params: Mapping[str, Any]) -> RawAnswer:
        """A GET through the SDK's own request machinery, its answer left unparsed.

        The same requestor the typed calls use (key, Stripe-Account, Stripe-Version, app info,
        retries and their pauses), as `StripeClient.raw_request_async` does; but that parses
        the body on the calling thread (json.loads into OrderedDicts: ~18 ms for a page of 100
        PaymentIntents) and the typed calls then build StripeObjects (~150 ms). Here nothing is
        parsed: `read_json`, on a worker thread, does that. Only an HTTP error the SDK raises
        before any answer (a connection error after its retries) comes out of this call.
        """
        requestor = self.stripe._requestor  # noqa: SLF001 - what raw_request_async uses
        body, status, headers = await requestor.request_raw_async(
            "get", path, dict(params), base_address="api", api_mode="V1",
            usage=["raw_request"],
        )
        _emit_notice(headers)  # as the typed calls do (a Stripe-Notice header: a warning)
        return RawAnswer(body, status, headers)  # type: ignore[arg-type]

    def read_json(self, answer: RawAnswer) -> dict[str, Any]:
        """The answer's JSON object (plain dicts and lists). Blocking: call it off the Qt thread.

        Anything but a 2xx with a JSON object raises what the SDK's typed calls raise for the
        same answer: the SDK's own `_interpret_response` decides (an error body becomes the
        specific StripeError; a body that is not JSON an APIError "Invalid response body");
        JSON that is not an object, which the SDK would turn into no list at all, an APIError
        too. `gateway.errors.translated` turns each into our error, as for the typed calls.
        """
        if 200 <= answer.status < 300:
            try:
                data = json.loads(answer.body)
            except ValueError:  # not JSON (or not UTF-8): the SDK words it below
                data = None
            if isinstance(data, dict):
                return data
        requestor = self.stripe._requestor  # noqa: SLF001
        resp = requestor._interpret_response(  # noqa: SLF001 - raises for errors
            answer.body, answer.status, answer.headers, "V1")
        # a diagnostic, never shown: translated() makes it MalformedResponse (its own words)
        raise stripe.APIError(f"response body not a JSON object (HTTP {answer.status})",
                              answer.body, answer.status, resp.data, answer.headers)  # type: ignore[arg-type]

    async def aclose(self) -> None:
        await self.http.close_async()


def sdk_check() -> str:
    """For the installer's self-test: the SDK's version, and that its CA bundle shipped
    (a frozen app without it cannot reach Stripe over HTTPS)."""
    from pathlib import Path

    bundle = Path(stripe.ca_bundle_path)
    if not bundle.is_file():
        raise FileNotFoundError(f"the Stripe SDK's CA bundle is missing ({bundle})")
    return f"stripe {stripe.VERSION}, CA bundle present"


# The SDK's modules that its typed calls (money operations, the event cursor) build their
# answers from, imported by the SDK at its first such answer: on the Qt thread, in the middle of
# the first refund (the Reader module alone takes 20 ms). The window imports them on a worker
# thread once the list has loaded (ui/window_dialogs.py, `preload`).
TYPED_ANSWER_MODULES = (
    "stripe._object_classes", "stripe._payment_intent", "stripe._charge", "stripe._refund",
    "stripe._event", "stripe.terminal._reader", "stripe._payment_intent_service",
    "stripe._refund_service", "stripe._event_service", "stripe._terminal_service",
    "stripe.terminal._reader_service",
)


def sdk_version() -> str:
    """The stripe SDK's version, for the About box and support's diagnostics."""
    return str(stripe.VERSION)
