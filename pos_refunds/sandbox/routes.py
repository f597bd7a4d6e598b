"""The Stripe paths the sandbox serves: method, path pattern, params, handler.

Each route's ``spec`` carries the schema's exact parameter names (checked by a contract
test); ``returns`` is the object kind used to check ``expand[]`` before the endpoint runs;
``permission`` names the restricted-key permission a write needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import accounts, events, payment_intents, readers, refunds
from .params import Spec
from .store import Call

Handler = Callable[[Call], dict[str, Any]]


@dataclass(frozen=True)
class Route:
    method: str
    template: str  # as in the OpenAPI schema, e.g. /v1/payment_intents/{intent}
    handler: Handler
    spec: Spec
    returns: str
    permission: str = ""

    @property
    def pattern(self) -> re.Pattern[str]:
        return re.compile("^" + re.sub(r"\{[^}]+\}", r"([^/]+)", self.template) + "$")


def _list_events(call: Call) -> dict[str, Any]:
    return events.list_events(call.store, call.account, call.params)


def _retrieve_event(call: Call) -> dict[str, Any]:
    return events.retrieve_event(call.account, call.path_id)


PI = "/v1/payment_intents"
RD = "/v1/terminal/readers"
ROUTES: tuple[Route, ...] = (
    Route("GET", PI, payment_intents.list_, payment_intents.LIST_SPEC, "list:payment_intent"),
    Route(
        "POST",
        PI,
        payment_intents.create,
        payment_intents.CREATE_SPEC,
        "payment_intent",
        "rak_payment_intent_write",
    ),
    Route(
        "GET",
        PI + "/{intent}",
        payment_intents.retrieve,
        payment_intents.RETRIEVE_SPEC,
        "payment_intent",
    ),
    Route(
        "POST",
        PI + "/{intent}",
        payment_intents.update,
        payment_intents.UPDATE_SPEC,
        "payment_intent",
        "rak_payment_intent_write",
    ),
    Route(
        "POST",
        PI + "/{intent}/cancel",
        payment_intents.cancel,
        payment_intents.CANCEL_SPEC,
        "payment_intent",
        "rak_payment_intent_write",
    ),
    Route(
        "POST",
        PI + "/{intent}/capture",
        payment_intents.capture,
        payment_intents.CAPTURE_SPEC,
        "payment_intent",
        "rak_payment_intent_write",
    ),
    Route("GET", "/v1/refunds", refunds.list_, refunds.LIST_SPEC, "list:refund"),
    Route("POST", "/v1/refunds", refunds.create, refunds.CREATE_SPEC, "refund", "rak_refund_write"),
    Route("GET", "/v1/refunds/{refund}", refunds.retrieve, refunds.RETRIEVE_SPEC, "refund"),
    Route(
        "POST",
        "/v1/refunds/{refund}",
        refunds.update,
        refunds.UPDATE_SPEC,
        "refund",
        "rak_refund_write",
    ),
    Route(
        "GET",
        "/v1/charges/{charge}/refunds",
        refunds.charge_refunds,
        refunds.CHARGE_REFUNDS_SPEC,
        "list:refund",
    ),
    Route("GET", RD, readers.list_, readers.LIST_SPEC, "list:terminal.reader"),
    Route("GET", RD + "/{reader}", readers.retrieve, readers.RETRIEVE_SPEC, "terminal.reader"),
    Route(
        "POST",
        RD + "/{reader}/refund_payment",
        readers.refund_payment,
        readers.REFUND_SPEC,
        "terminal.reader",
        "rak_terminal_reader_write",
    ),
    Route(
        "POST",
        RD + "/{reader}/cancel_action",
        readers.cancel_action,
        readers.CANCEL_SPEC,
        "terminal.reader",
        "rak_terminal_reader_write",
    ),
    Route(
        "POST",
        RD + "/{reader}/process_payment_intent",
        readers.process_payment_intent,
        readers.PROCESS_SPEC,
        "terminal.reader",
        "rak_terminal_reader_write",
    ),
    Route(
        "POST",
        "/v1/test_helpers/terminal/readers/{reader}/present_payment_method",
        readers.present_payment_method,
        readers.PRESENT_SPEC,
        "terminal.reader",
        "rak_terminal_reader_write",
    ),
    Route(
        "GET",
        "/v1/terminal/locations",
        accounts.list_locations,
        accounts.LOCATIONS_SPEC,
        "list:terminal.location",
    ),
    Route(
        "GET",
        "/v1/terminal/locations/{location}",
        accounts.retrieve_location,
        accounts.LOCATION_SPEC,
        "terminal.location",
    ),
    Route("GET", "/v1/account", accounts.account, accounts.ACCOUNT_SPEC, "account"),
    Route("GET", "/v1/events", _list_events, events.LIST_SPEC, "list:event"),
    Route("GET", "/v1/events/{id}", _retrieve_event, events.RETRIEVE_SPEC, "event"),
)

_COMPILED = [(r, r.pattern) for r in ROUTES]


def match(method: str, path: str) -> tuple[Route, str] | None:
    """The route for ``method path`` and its path id, or None."""
    for route, pattern in _COMPILED:
        if route.method != method:
            continue
        found = pattern.match(path)
        if found:
            return route, found.group(1) if found.groups() else ""
    return None


def path_exists(path: str) -> bool:
    return any(p.match(path) for _, p in _COMPILED)
