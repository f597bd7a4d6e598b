"""Events: every state change is recorded with a snapshot of the object, as Stripe does.

Snapshots are deep copies taken at the time of the change, so a later change never
rewrites history. Seeded history has no events; the event stream starts when the
sandbox does (what a poller following new changes needs).
"""

from __future__ import annotations

import json
from typing import Any

from .errors import invalid, no_such
from .listing import page
from .params import LIST_PARAMS, Arr, Bool, Range, Spec, Str
from .store import API_VERSION, Account, Store


def snapshot(obj: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(obj))


def record(
    store: Store,
    account: Account,
    type_: str,
    obj: dict[str, Any],
    previous: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Append an event of ``type_`` about ``obj`` to ``account``'s stream."""
    ctx = store.context
    request = (
        {"id": ctx.request_id, "idempotency_key": ctx.idempotency_key} if ctx.request_id else None
    )
    data: dict[str, Any] = {"object": snapshot(obj)}
    if previous:
        data["previous_attributes"] = previous
    event: dict[str, Any] = {
        "id": store.ids.new("evt"),
        "object": "event",
        "api_version": API_VERSION,
        "created": store.now(),
        "data": data,
        "livemode": False,
        "pending_webhooks": 0,
        "request": request,
        "type": type_,
    }
    if not account.platform:
        event["account"] = account.id
    account.events.add(event, store.clock.now())
    return event


LIST_SPEC: Spec = {
    **LIST_PARAMS,
    "created": Range(),
    "delivery_success": Bool(),
    "type": Str(),
    "types": Arr(Str()),
}
RETRIEVE_SPEC: Spec = {"expand": LIST_PARAMS["expand"]}


def _matcher(params: dict[str, Any]) -> Any:
    if "type" in params and "types" in params:
        raise invalid(
            "You may only specify one of these parameters: type, types.",
            code="parameters_exclusive",
        )
    if "types" in params:
        wanted = set(params["types"])
        if len(wanted) > 20:
            raise invalid("You may only specify up to 20 types.", param="types")
        return lambda e: e["type"] in wanted
    pattern = params.get("type")
    if pattern is None:
        return None
    if "*" in pattern:
        prefix, _, suffix = pattern.partition("*")
        return lambda e: e["type"].startswith(prefix) and e["type"].endswith(suffix)
    return lambda e: e["type"] == pattern


def list_events(store: Store, account: Account, params: dict[str, Any]) -> dict[str, Any]:
    predicate = _matcher(params)
    if params.get("delivery_success") is False:
        return page(account.events, params, "/v1/events", "event", lambda e: False)
    return page(account.events, params, "/v1/events", "event", predicate)


def retrieve_event(account: Account, event_id: str) -> dict[str, Any]:
    found = account.events.get(event_id)
    if found is None:
        raise no_such("event", event_id, "id")
    return found
