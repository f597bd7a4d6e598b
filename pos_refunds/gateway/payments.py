"""PaymentIntents, refunds and events: reads and money operations over the async SDK.

Money operations take the journal's idempotency key and metadata from the caller; this module
never invents a key, so a retry after a crash is the very same request. Each is sent exactly
once per call (`money_options`): the SDK's own retries would hide an attempt whose outcome is
open behind a later answer that seems to settle it (a timeout, then a 429), so the services
retry, knowing every attempt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import TypeVar
from urllib.parse import quote_plus

from ..blocking import run_blocking
from ..domain.day_operations import DayOperation
from ..domain.money import Money
from ..domain.payments import Payment, RefundRecord
from .client import ClientHandle
from .day_mapping import cancel_operation, capture_operation, refund_operation
from .errors import translated
from .mapping import EPOCH, _Fields, payment_from_stripe, refund_from_stripe

T = TypeVar("T")

IN_PERSON_TYPES = frozenset({"card_present", "interac_present"})
_EXPAND_ONE = ["latest_charge", "latest_charge.refunds"]
_EXPAND_LIST = ["data.latest_charge", "data.latest_charge.refunds"]

# Events that tell us a payment changed (exact names: `types[]` takes at most 20).
CHANGE_EVENTS = [
    "payment_intent.created",
    "payment_intent.succeeded",
    "payment_intent.canceled",
    "payment_intent.amount_capturable_updated",
    "payment_intent.payment_failed",
    "payment_intent.processing",
    "payment_intent.requires_action",
    "charge.captured",
    "charge.refunded",
    "charge.succeeded",
    "charge.updated",
    "charge.expired",
    "charge.refund.updated",
    "refund.created",
    "refund.updated",
    "refund.failed",
]


# What a day's cancels and captures leave in the event stream (refunds are listed directly).
DAY_EVENTS = ["payment_intent.canceled", "payment_intent.succeeded", "charge.captured"]


def money_options(idempotency_key: str) -> dict:
    """Request options of a money request: our journaled key, one attempt."""
    return {"idempotency_key": idempotency_key, "max_network_retries": 0}


@dataclass(frozen=True, slots=True)
class Page:
    payments: list[Payment]
    has_more: bool
    cursor: str | None  # id of the last PaymentIntent of the raw page, for starting_after


def is_in_person(pi: Mapping) -> bool:
    return bool(IN_PERSON_TYPES.intersection(pi.get("payment_method_types") or ()))


def _payment_of_object(obj: Mapping) -> str | None:
    """The PaymentIntent id an event's object belongs to."""
    if obj.get("object") == "payment_intent":
        return obj.get("id")
    pi = obj.get("payment_intent")
    if isinstance(pi, Mapping):
        return pi.get("id")
    return pi if isinstance(pi, str) else None


def list_data(body: Mapping, what: str) -> tuple[list, bool]:
    """A list object's `data` and `has_more`; any other shape is a MalformedResponse (a page
    without `has_more` is not taken for the last one: the rest would go silently unread)."""
    f = _Fields(body, what)
    data = f.obj.get("data")
    if not isinstance(data, list):
        raise f.fail("“data” is missing" if data is None else "“data” is not a list")
    has_more = f.obj.get("has_more")
    if not isinstance(has_more, bool):
        raise f.fail("“has_more” is missing" if has_more is None
                     else "“has_more” is not true or false")
    return data, has_more


def page_from_stripe(body: Mapping) -> Page:
    """A page of `GET /v1/payment_intents` (plain JSON) to our records: the in-person ones."""
    data, has_more = list_data(body, "a list of payments")
    payments = [payment_from_stripe(pi) for pi in data
                if not isinstance(pi, Mapping) or is_in_person(pi)]  # not a Mapping: malformed
    cursor = _Fields(data[-1], "a payment").req_text("id") if data else None
    return Page(payments, has_more, cursor)


def event_parts(ev: Mapping) -> tuple[str, str, int, dict]:
    """An event's id, type, creation time and object (plain JSON), or a MalformedResponse."""
    f = _Fields(ev, "an event")
    data = f.sub("data")
    obj = data.sub("object") if data is not None else None
    if obj is None:
        raise f.fail("“data.object” is missing")
    created = f.whole("created", required=True)
    assert created is not None
    return f.req_text("id"), f.req_text("type"), created, dict(obj.obj)


def _day_effects(events: list[tuple[str, str, int, dict]]) -> list[DayOperation]:
    """The cancels and captures of in-store payments among a day's events (newest first)."""
    intents: list[tuple[str, dict, int]] = []
    charged: set[str] = set()  # PaymentIntents whose charge was captured in the window
    for _id, type_, created, raw in events:
        if type_ == "charge.captured":
            pid = _payment_of_object(raw)
            if pid:
                charged.add(pid)
        elif raw.get("object") == "payment_intent" and is_in_person(raw):
            intents.append((type_, raw, created))
    out: list[DayOperation] = []
    for type_, raw, created in intents:
        at = EPOCH + timedelta(seconds=created)
        if type_ == "payment_intent.canceled":
            out.append(cancel_operation(raw, at))
            continue
        found = capture_operation(raw, at, charge_captured=raw.get("id") in charged)
        if found is not None:
            out.append(found)
    return out


@dataclass(frozen=True, slots=True)
class _Walked:
    """One page of a list walked as `auto_paging_iter` walks it: its items mapped, in the
    order it yields them, and where the next page starts (None: this was the last)."""

    items: list
    next_params: dict | None


def _walk_page(body: Mapping, params: dict, each: Callable[[Mapping], T], what: str
               ) -> _Walked:
    data, has_more = list_data(body, what)
    backwards = params.get("ending_before") is not None and params.get("starting_after") is None
    items = [each(x) for x in (reversed(data) if backwards else data)]
    if not has_more or not data:
        return _Walked(items, None)
    edge = _Fields(data[0] if backwards else data[-1], what)
    return _Walked(items, {**params, ("ending_before" if backwards else "starting_after"):
                           edge.req_text("id")})


def object_path(collection: str, object_id: str) -> str:
    """One object's path, its id quoted as the SDK quotes it (an id typed at the till can
    hold any character)."""
    return f"{collection}/{quote_plus(object_id)}"


async def read_raw(handle: ClientHandle, path: str, params: Mapping,
                   parse: Callable[[dict], T]) -> T:
    """GET `path` raw, then parse and map its JSON off the Qt thread; errors as ours."""
    with translated():
        answer = await handle.get_raw(path, params)
        return await run_blocking(lambda: parse(handle.read_json(answer)))


async def read_every(handle: ClientHandle, path: str, params: dict,
                     each: Callable[[Mapping], T], what: str) -> list[T]:
    """Every item of a list, page after page, in the order the SDK's `auto_paging_iter`
    yields them (with `ending_before` alone: oldest first, walking to newer pages), each
    mapped by `each` off the Qt thread."""
    out: list[T] = []
    page: dict | None = params
    while page is not None:
        walked = await read_raw(
            handle, path, page, lambda body, p=page: _walk_page(body, p, each, what))
        out.extend(walked.items)
        page = walked.next_params
    return out


class PaymentsGateway:
    """Reads go raw (`ClientHandle.get_raw`): the SDK's request machinery, no StripeObjects,
    the JSON parsed and mapped on a worker thread (`run_blocking`), so the Qt thread only
    receives finished records (a typed read of one payment built its StripeObjects there, and
    the first imported the SDK's PaymentIntent module: 50 ms). Money operations stay typed."""

    def __init__(self, handle: ClientHandle) -> None:
        self._h = handle
        self._c = handle.stripe

    async def _read(self, path: str, params: Mapping, parse: Callable[[dict], T]) -> T:
        return await read_raw(self._h, path, params, parse)

    async def _every(self, path: str, params: dict, each: Callable[[Mapping], T], what: str
                     ) -> list[T]:
        return await read_every(self._h, path, params, each, what)

    async def page(
        self, *, limit: int = 100, starting_after: str | None = None,
        created_from: int | None = None,
    ) -> Page:
        """One page of in-store payments, newest first (created at `created_from` or later)."""
        params: dict = {"limit": limit, "expand": _EXPAND_LIST}
        if created_from is not None:
            params["created"] = {"gte": created_from}
        if starting_after:
            params["starting_after"] = starting_after
        return await self._read("/v1/payment_intents", params, page_from_stripe)

    async def retrieve(self, payment_id: str) -> Payment:
        return await self._read(object_path("/v1/payment_intents", payment_id),
                                {"expand": _EXPAND_ONE}, payment_from_stripe)

    async def retrieve_in_person(self, payment_id: str) -> Payment | None:
        """The payment, or None when it was not taken on a reader (an online sale)."""
        return await self._read(
            object_path("/v1/payment_intents", payment_id), {"expand": _EXPAND_ONE},
            lambda pi: payment_from_stripe(pi) if is_in_person(pi) else None)

    async def newest_event_id(self) -> str | None:
        with translated():
            lst = await self._c.v1.events.list_async({"limit": 1, "types": CHANGE_EVENTS})
        return lst.data[0].id if lst.data else None

    async def changed_since(
        self, event_id: str | None, *, created_from: int
    ) -> tuple[set[str], str | None]:
        """Ids of payments touched by events newer than `event_id` (or, before any event
        was seen, created at `created_from` or later), and the new cursor."""
        params: dict = {"limit": 100, "types": CHANGE_EVENTS}
        if event_id is not None:
            params["ending_before"] = event_id
        else:
            params["created"] = {"gte": created_from}
        ids: set[str] = set()
        newest = event_id

        def each(ev: Mapping) -> tuple[str, str | None]:
            ev_id, _type, _created, obj = event_parts(ev)
            return ev_id, _payment_of_object(obj)

        # With ending_before, the walk goes to newer pages and gives oldest first; without
        # it, newest first: either way the newest id is the one to keep.
        for ev_id, pid in await self._every("/v1/events", params, each, "a list of events"):
            if event_id is not None or newest is None:
                newest = ev_id
            if pid:
                ids.add(pid)
        return ids, newest

    async def effect_keys(self, payment_id: str, event_type: str, *,
                          created_from: int) -> list[str]:
        """Idempotency keys of the requests that caused `event_type` on this PaymentIntent
        (Stripe's events name the request behind them): who canceled or captured it."""
        keys: list[str] = []
        params: dict = {"type": event_type, "created": {"gte": created_from}, "limit": 100}
        with translated():
            lst = await self._c.v1.events.list_async(params)
            async for ev in lst.auto_paging_iter():
                if _payment_of_object(ev.data.object.to_dict()) != payment_id:
                    continue
                request = ev.to_dict().get("request") or {}
                if request.get("idempotency_key"):
                    keys.append(request["idempotency_key"])
        return keys

    async def day_operations(self, start: int, end: int) -> list[DayOperation]:
        """Every refund, cancel and capture of in-store payments made in [start, end) (Unix
        seconds), by any till or outside the app, every page read; newest state of each."""
        window = {"gte": start, "lt": end}
        out: list[DayOperation] = await self._every(
            "/v1/refunds", {"created": window, "limit": 100}, refund_operation,
            "a list of refunds")
        events = await self._every(  # newest first
            "/v1/events", {"types": DAY_EVENTS, "created": window, "limit": 100},
            event_parts, "a list of events")
        out.extend(await run_blocking(lambda: _day_effects(events)))
        return out

    async def tag(self, payment_id: str, *, metadata: Mapping[str, str]) -> None:
        """Write who acts on the PaymentIntent (cancel takes no metadata of its own).

        Decoration, not money: setting the same values twice is harmless, so it goes with
        the SDK's own key and retries, and a saved 5xx can never block the cancel after it.
        """
        with translated():
            await self._c.v1.payment_intents.update_async(
                payment_id, {"metadata": dict(metadata)}
            )

    async def cancel(self, payment_id: str, *, idempotency_key: str) -> Payment:
        with translated():
            pi = await self._c.v1.payment_intents.cancel_async(
                payment_id,
                {"cancellation_reason": "requested_by_customer", "expand": _EXPAND_ONE},
                money_options(idempotency_key),
            )
        return payment_from_stripe(pi)

    async def capture(
        self, payment_id: str, *, metadata: Mapping[str, str], idempotency_key: str
    ) -> Payment:
        with translated():
            pi = await self._c.v1.payment_intents.capture_async(
                payment_id,
                {"metadata": dict(metadata), "expand": _EXPAND_ONE},
                money_options(idempotency_key),
            )
        return payment_from_stripe(pi)

    async def refund(
        self,
        payment_id: str,
        amount: Money,
        *,
        reason: str | None,
        metadata: Mapping[str, str],
        idempotency_key: str,
    ) -> RefundRecord:
        params: dict = {
            "payment_intent": payment_id,
            "amount": amount.minor,
            "metadata": dict(metadata),
        }
        if reason:
            params["reason"] = reason
        with translated():
            refund = await self._c.v1.refunds.create_async(
                params, money_options(idempotency_key)
            )
        return refund_from_stripe(refund)

    async def refunds_of(self, payment_id: str) -> list[RefundRecord]:
        """Every refund of a payment (to find one carrying our operation id)."""
        out: list[RefundRecord] = []
        with translated():
            lst = await self._c.v1.refunds.list_async(
                {"payment_intent": payment_id, "limit": 100}
            )
            async for r in lst.auto_paging_iter():
                out.append(refund_from_stripe(r))
        return out
