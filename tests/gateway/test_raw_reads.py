"""Whole lists read raw: the SDK's requestor, no StripeObjects, parsed and mapped off the loop's
thread; the same records as the typed SDK calls gave, the same errors, the SDK's retries."""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
import logging
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import pytest
import stripe

from pos_refunds.domain import errors as e
from pos_refunds.domain.reasons import StripeReason as S
from pos_refunds.gateway import payments as gp
from pos_refunds.gateway.client import ClientHandle, Connection, RawAnswer
from pos_refunds.gateway.mapping import payment_from_stripe

T = TypeVar("T")


def run(sandbox, body: Callable[[ClientHandle], Awaitable[T]], **kw: Any) -> T:
    async def main() -> T:
        handle = ClientHandle(Connection(kw.pop("api_key", sandbox.api_key), sandbox.url,
                                         kw.pop("stripe_account", None)),
                              retry_pause_scale=0.01, **kw)
        try:
            return await body(handle)
        finally:
            await handle.aclose()

    return asyncio.run(main())


def count_attempts(handle: ClientHandle) -> list[int]:
    """Every HTTP attempt the SDK makes from now on (its retries included), by status."""
    seen: list[int] = []
    inner = handle.http.request_async

    async def counted(*args: Any, **kwargs: Any):
        answer = await inner(*args, **kwargs)
        seen.append(answer[1])
        return answer

    handle.http.request_async = counted  # type: ignore[method-assign]
    return seen


def objects_built(monkeypatch) -> list[str]:  # noqa: ANN001
    """From now on, the class name of every StripeObject the SDK builds."""
    built: list[str] = []
    real = stripe.StripeObject.__init__

    def counted(self, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        built.append(type(self).__name__)
        real(self, *a, **kw)

    monkeypatch.setattr(stripe.StripeObject, "__init__", counted)
    return built


async def typed_pages(handle: ClientHandle, limit: int, created_from: int | None = None):
    """The pages as the typed SDK path built them (list_async, to_dict, then mapped)."""
    out = []
    after = None
    while True:
        params: dict = {"limit": limit, "expand": gp._EXPAND_LIST}
        if created_from is not None:
            params["created"] = {"gte": created_from}
        if after:
            params["starting_after"] = after
        lst = await handle.stripe.v1.payment_intents.list_async(params)
        raw = [pi.to_dict() for pi in lst.data]
        out.append(gp.Page([payment_from_stripe(pi) for pi in raw if gp.is_in_person(pi)],
                           bool(lst.has_more), raw[-1]["id"] if raw else None))
        if not lst.has_more:
            return out
        after = out[-1].cursor


async def raw_pages(handle: ClientHandle, limit: int, created_from: int | None = None):
    gw = gp.PaymentsGateway(handle)
    out = []
    after = None
    while True:
        out.append(await gw.page(limit=limit, starting_after=after, created_from=created_from))
        if not out[-1].has_more:
            return out
        after = out[-1].cursor


@pytest.mark.parametrize("stripe_account", [False, True])
def test_raw_pages_give_the_very_records_of_the_typed_path(sandbox, stripe_account) -> None:
    account = sandbox.connected_account if stripe_account else None

    async def body(h):
        return await typed_pages(h, 17), await raw_pages(h, 17)

    typed, raw = run(sandbox, body, stripe_account=account)
    assert len(raw) >= (1 if account else 4)
    assert raw == typed  # every field of every record, has_more and the cursor alike
    assert sum(len(p.payments) for p in raw) > 0
    assert any(p.charge_id for page in raw for p in page.payments)  # latest_charge expanded
    assert any(p.refunds for page in raw for p in page.payments)  # and its refunds


def test_created_filter_and_cursor_as_the_typed_path(sandbox) -> None:
    async def body(h):
        newest = (await h.stripe.v1.payment_intents.list_async({"limit": 30})).data
        created_from = newest[-1].created
        return (await typed_pages(h, 10, created_from), await raw_pages(h, 10, created_from),
                created_from)

    typed, raw, created_from = run(sandbox, body)
    assert raw == typed
    assert all(p.created.timestamp() >= created_from for page in raw for p in page.payments)


def test_parsing_and_mapping_run_off_the_loops_thread(sandbox, monkeypatch) -> None:
    threads: dict[str, set[int]] = {"parse": set(), "map": set()}
    parse, page_of = ClientHandle.read_json, gp.page_from_stripe

    def spy_parse(self, answer):
        threads["parse"].add(threading.get_ident())
        return parse(self, answer)

    def spy_map(body):
        threads["map"].add(threading.get_ident())
        return page_of(body)

    monkeypatch.setattr(ClientHandle, "read_json", spy_parse)
    monkeypatch.setattr(gp, "page_from_stripe", spy_map)

    async def body(h):
        loop_thread = threading.get_ident()
        built = objects_built(monkeypatch)  # none, for a raw read
        page = await gp.PaymentsGateway(h).page(limit=50)
        return loop_thread, page, built

    loop_thread, page, built = run(sandbox, body)
    assert page.payments
    assert threads["parse"] and loop_thread not in threads["parse"]
    assert threads["map"] and loop_thread not in threads["map"]
    assert built == []


def test_a_page_that_is_not_json_is_a_clear_error(sandbox) -> None:
    async def body(h):
        sandbox.inject_fault("malformed", method="GET", path="^/v1/payment_intents$", count=1)
        with pytest.raises(e.MalformedResponse) as caught:
            await gp.PaymentsGateway(h).page()
        return caught.value

    err = run(sandbox, body)
    assert err.reason is S.UNREADABLE_ANSWER
    assert isinstance(err.__cause__, stripe.APIError)  # the SDK's own words for it


@pytest.mark.parametrize(("body", "detail"), [
    ({"object": "list", "has_more": False}, "“data” is missing"),
    ({"object": "list", "data": {}, "has_more": False}, "“data” is not a list"),
    ({"object": "list", "data": []}, "“has_more” is missing"),
    ({"object": "list", "data": [], "has_more": "no"}, "“has_more” is not true or false"),
    ({"object": "list", "data": ["pi_1"], "has_more": False}, "not an object"),
    ({"object": "list", "data": [{"object": "payment_intent", "id": "pi_1",
                                  "payment_method_types": ["card_present"], "status": "succeeded",
                                  "amount": 100, "created": 1}], "has_more": False},
     "“currency” is missing"),
    ({"object": "list", "data": [{"object": "payment_intent",
                                  "payment_method_types": ["card"]}], "has_more": True},
     "“id” is missing"),  # an online sale still gives the cursor: it needs its id
])
def test_a_page_missing_what_it_needs_is_a_clear_error(body, detail) -> None:
    with pytest.raises(e.MalformedResponse) as caught:
        gp.page_from_stripe(body)
    assert caught.value.reason is S.UNREADABLE_OBJECT
    assert detail in str(caught.value.params)


def _answer(body: bytes | str, status: int = 200, **headers: str) -> RawAnswer:
    return RawAnswer(body, status, {"request-id": "req_raw1", **headers})


@pytest.mark.parametrize(("answer", "sdk_error", "ours"), [
    (_answer(b"<html>502 Bad Gateway</html>"), stripe.APIError, e.MalformedResponse),
    (_answer(b"\xff\xfe not utf-8"), stripe.APIError, e.MalformedResponse),
    (_answer(b"[1, 2]"), stripe.APIError, e.MalformedResponse),
    (_answer(b'{"error": {"type": "api_error", "message": "boom"}}', 500),
     stripe.APIError, e.ServerError),
    (_answer(b'{"error": {"type": "invalid_request_error", "code": "rate_limit"}}', 429),
     stripe.RateLimitError, e.RateLimited),
    (_answer(b'{"error": {"type": "invalid_request_error", "message": "Invalid API Key"}}',
             401), stripe.AuthenticationError, e.AuthenticationFailed),
    (_answer(b'{"error": {"type": "invalid_request_error", "message": "no"}}', 403),
     stripe.PermissionError, e.PermissionMissing),
    (_answer(b'{"error": {"type": "invalid_request_error", "code": "resource_missing"}}',
             404), stripe.InvalidRequestError, e.NotFound),
    (_answer(b'{"error": {"type": "invalid_request_error", "code": "parameter_unknown",'
             b' "param": "foo"}}', 400), stripe.InvalidRequestError, e.InvalidRequest),
    (_answer(b"not json at all", 500), stripe.APIError, e.ServerError),
])
def test_error_answers_raise_what_the_typed_calls_raise(answer, sdk_error, ours) -> None:
    from pos_refunds.gateway.errors import translated

    handle = stripe.StripeClient("sk_test_x")
    raw = ClientHandle.__new__(ClientHandle)
    raw.stripe = handle
    with pytest.raises(sdk_error) as sdk:
        raw.read_json(answer)
    if answer.body != b"[1, 2]":  # JSON, not an object: the SDK would build no list (ours)
        # the same class and fields the SDK's typed path raises for this very answer
        with pytest.raises(sdk_error) as typed:
            handle._requestor._interpret_response(answer.body, answer.status, answer.headers,
                                                  "V1")
        assert type(typed.value) is type(sdk.value)
        assert (typed.value.http_status, typed.value.code, typed.value.json_body,
                typed.value.request_id, str(typed.value)) == (
            sdk.value.http_status, sdk.value.code, sdk.value.json_body,
            sdk.value.request_id, str(sdk.value))
    with pytest.raises(ours) as mine:
        with translated():
            raw.read_json(answer)
    assert mine.value.request_id == sdk.value.request_id  # the SDK's, where it keeps one


def test_a_500_is_retried_by_the_sdk(sandbox) -> None:
    async def body(h):
        attempts = count_attempts(h)
        sandbox.inject_fault("error_before", method="GET", path="^/v1/payment_intents$",
                             count=1)
        page = await gp.PaymentsGateway(h).page(limit=10)
        return attempts, page

    attempts, page = run(sandbox, body)
    assert attempts == [500, 200]
    assert page.payments


def test_every_retry_spent_on_500s_is_a_server_error(sandbox) -> None:
    async def body(h):
        attempts = count_attempts(h)
        sandbox.inject_fault("error_before", method="GET", path="^/v1/payment_intents$",
                             count=5)
        with pytest.raises(e.ServerError) as caught:
            await gp.PaymentsGateway(h).page(limit=10)
        return attempts, caught.value

    attempts, err = run(sandbox, body)
    assert attempts == [500, 500, 500]  # the first and the SDK's two retries
    assert isinstance(err.__cause__, stripe.APIError)


def test_a_429_is_not_retried_and_says_rate_limited(sandbox) -> None:
    async def body(h):
        attempts = count_attempts(h)
        sandbox.inject_fault("rate_limit", method="GET", path="^/v1/payment_intents$",
                             count=1)
        with pytest.raises(e.RateLimited) as caught:
            await gp.PaymentsGateway(h).page(limit=10)
        again = await gp.PaymentsGateway(h).page(limit=10)
        return attempts, caught.value, again

    attempts, err, again = run(sandbox, body)
    assert attempts == [429, 200]  # the SDK never retries a 429; the next page call works
    assert isinstance(err.__cause__, stripe.RateLimitError)
    assert again.payments


def test_a_refused_key_is_refused_as_before(sandbox) -> None:
    async def body(h):
        with pytest.raises(e.AuthenticationFailed) as caught:
            await gp.PaymentsGateway(h).page(limit=10)
        return caught.value

    err = run(sandbox, body, api_key="sk_live_not_for_the_sandbox")
    assert isinstance(err.__cause__, stripe.AuthenticationError)
    assert err.request_id


def test_the_stripe_account_header_goes_with_raw_reads(sandbox) -> None:
    async def body(h):
        with pytest.raises(e.PermissionMissing) as caught:
            await gp.PaymentsGateway(h).page(limit=10)
        return caught.value

    err = run(sandbox, body, stripe_account="acct_nobody_knows")
    assert isinstance(err.__cause__, stripe.PermissionError)
    assert err.stripe_code == "account_invalid"


def test_network_down_is_network_down(sandbox) -> None:
    async def body(h):
        with pytest.raises(e.NetworkDown):
            await gp.PaymentsGateway(h).page(limit=10)

    async def main():
        handle = ClientHandle(Connection(sandbox.api_key, "http://127.0.0.1:9"), retries=0)
        try:
            await body(handle)
        finally:
            await handle.aclose()

    asyncio.run(main())


def test_the_sdk_surface_the_raw_reads_stand_on() -> None:
    """`get_raw`/`read_json` use the requestor the way `raw_request_async` does: if an SDK
    release changes these, this fails here rather than at a counter."""
    from stripe._api_requestor import _APIRequestor

    client = stripe.StripeClient("sk_test_x")
    assert isinstance(client._requestor, _APIRequestor)
    raw = inspect.signature(_APIRequestor.request_raw_async).parameters
    assert {"method", "url", "params", "options", "base_address", "api_mode",
            "usage"} <= set(raw)
    assert list(inspect.signature(_APIRequestor._interpret_response).parameters) == [
        "self", "rbody", "rcode", "rheaders", "api_mode"]
    assert "_requestor.request_raw_async" in inspect.getsource(
        stripe.StripeClient.raw_request_async)
    # what the guard on the SDK's debug lines reads (gateway/client.py): left alone otherwise
    from stripe import _api_requestor, _util

    assert callable(_util._console_log_level) and _util.logger.name == "stripe"
    assert _api_requestor.log_debug.__module__ == "pos_refunds.gateway.client"


# --- events and refunds, walked like auto_paging_iter ---------------------------------------
def _busy_day(sandbox) -> None:
    """Events of every kind the gateway reads: sales, refunds, captures, cancels."""
    from pos_refunds.domain.payments import PaymentState
    from pos_refunds.gateway.mapping import payment_from_stripe as to_payment

    client = stripe.StripeClient(sandbox.api_key, base_addresses={"api": sandbox.url})
    seeded = [to_payment(pi.to_dict()) for pi in client.v1.payment_intents.list(
        {"limit": 100, "expand": gp._EXPAND_LIST}).auto_paging_iter()]
    for _ in range(12):
        sandbox.new_sale(amount=1234, currency="cad", network="visa")
    captured = [p for p in seeded if p.state is PaymentState.CAPTURED and p.network == "visa"]
    authorized = [p for p in seeded if p.state is PaymentState.AUTHORIZED]
    for p in captured[:6]:
        sandbox.other_till_refund(p.id)
    for p in authorized[:2]:
        sandbox.other_till_capture(p.id)
    for p in authorized[2:4]:
        sandbox.other_till_cancel(p.id)


async def _typed_ids(h: ClientHandle, path_list, params: dict) -> list[str]:
    lst = await path_list(params)
    return [x.id async for x in lst.auto_paging_iter()]


def test_events_and_refunds_are_walked_as_auto_paging_iter_walks_them(sandbox) -> None:
    _busy_day(sandbox)

    async def body(h):
        gw = gp.PaymentsGateway(h)
        out = []
        every = await _typed_ids(h, h.stripe.v1.events.list_async, {"limit": 100})
        assert len(every) > 20
        middle = every[len(every) // 2]
        for params in ({"limit": 7}, {"limit": 7, "ending_before": middle},
                       {"limit": 7, "starting_after": middle},
                       {"limit": 100, "ending_before": every[-1]},
                       {"limit": 7, "types": gp.CHANGE_EVENTS}):
            typed = await _typed_ids(h, h.stripe.v1.events.list_async, dict(params))
            raw = await gw._every("/v1/events", dict(params), lambda ev: ev["id"], "events")
            out.append((params, typed, raw))
        typed = await _typed_ids(h, h.stripe.v1.refunds.list_async, {"limit": 3})
        raw = await gw._every("/v1/refunds", {"limit": 3}, lambda r: r["id"], "refunds")
        out.append(("refunds", typed, raw))
        return out

    for params, typed, raw in run(sandbox, body):
        assert raw == typed, params
        assert raw


async def _typed_changed_since(h, event_id, created_from):
    """PaymentsGateway.changed_since as it was on the typed SDK path."""
    params: dict = {"limit": 100, "types": gp.CHANGE_EVENTS}
    if event_id is not None:
        params["ending_before"] = event_id
    else:
        params["created"] = {"gte": created_from}
    ids, newest = set(), event_id
    lst = await h.stripe.v1.events.list_async(params)
    async for ev in lst.auto_paging_iter():
        if event_id is not None or newest is None:
            newest = ev.id
        pid = gp._payment_of_object(ev.data.object.to_dict())
        if pid:
            ids.add(pid)
    return ids, newest


async def _typed_day_operations(h, start, end):
    """PaymentsGateway.day_operations as it was on the typed SDK path."""
    from datetime import timedelta

    from pos_refunds.gateway.day_mapping import (
        cancel_operation,
        capture_operation,
        refund_operation,
    )

    window = {"gte": start, "lt": end}
    out, intents, charged = [], [], set()
    refunds = await h.stripe.v1.refunds.list_async({"created": window, "limit": 100})
    async for r in refunds.auto_paging_iter():
        out.append(refund_operation(r.to_dict()))
    events = await h.stripe.v1.events.list_async(
        {"types": gp.DAY_EVENTS, "created": window, "limit": 100})
    async for ev in events.auto_paging_iter():
        raw = ev.data.object.to_dict()
        if ev.type == "charge.captured":
            pid = gp._payment_of_object(raw)
            if pid:
                charged.add(pid)
        elif raw.get("object") == "payment_intent" and gp.is_in_person(raw):
            intents.append((ev.type, raw, int(ev.created)))
    for type_, raw, created in intents:
        at = gp.EPOCH + timedelta(seconds=created)
        if type_ == "payment_intent.canceled":
            out.append(cancel_operation(raw, at))
            continue
        found = capture_operation(raw, at, charge_captured=raw.get("id") in charged)
        if found is not None:
            out.append(found)
    return out


def test_changes_and_the_days_operations_as_the_typed_path_gave_them(sandbox) -> None:
    async def body(h):
        gw = gp.PaymentsGateway(h)
        first = await gw.newest_event_id()
        _busy_day(sandbox)
        every = await _typed_ids(h, h.stripe.v1.events.list_async, {"limit": 100})
        out = []
        for event_id in (None, first, every[len(every) // 2], every[0]):
            out.append((await _typed_changed_since(h, event_id, 0),
                        await gw.changed_since(event_id, created_from=0)))
        day = (0, 2**31)
        out.append((await _typed_day_operations(h, *day), await gw.day_operations(*day)))
        return out

    results = run(sandbox, body)
    for typed, raw in results:
        assert raw == typed
    ids, _newest = results[0][1]
    assert len(ids) > 10
    kinds = {op.kind for op in results[-1][1]}
    assert len(kinds) == 3  # refunds, captures and cancels all found


def test_a_malformed_event_page_is_a_clear_error(sandbox) -> None:
    with pytest.raises(e.MalformedResponse) as caught:
        gp._walk_page({"object": "list", "data": [{"id": "evt_1", "type": "x", "created": 1}],
                       "has_more": False}, {}, gp.event_parts, "a list of events")
    assert "“data.object” is missing" in str(caught.value.params)
    with pytest.raises(e.MalformedResponse):
        gp._walk_page({"object": "list", "data": [{"object": "refund"}], "has_more": True},
                      {}, lambda r: r, "a list of refunds")  # no id to walk on from

    async def body(h):
        sandbox.inject_fault("malformed", method="GET", path="^/v1/events$", count=1)
        with pytest.raises(e.MalformedResponse) as caught:
            await gp.PaymentsGateway(h).changed_since(None, created_from=0)
        return caught.value

    assert run(sandbox, body).reason is S.UNREADABLE_ANSWER


@pytest.mark.parametrize("listening", [False, True])
def test_the_sdks_debug_lines_are_formatted_only_when_someone_reads_them(
        sandbox, monkeypatch, caplog, listening: bool) -> None:
    """The SDK writes each response body into a debug line before it asks whether anyone
    reads it: a repr of 360 KB a page of payments, on the Qt thread. Only when its logger (or
    its console log) takes debug lines now, and then as the SDK writes them."""
    from stripe import _util

    formatted: list[dict] = []
    logfmt = _util.logfmt
    monkeypatch.setattr(_util, "logfmt", lambda props: formatted.append(props) or logfmt(props))
    caplog.set_level(logging.DEBUG if listening else logging.WARNING, logger="stripe")
    run(sandbox, lambda h: h.get_raw("/v1/payment_intents", {"limit": 3}))
    bodies = [p for p in formatted if p.get("message") == "API response body"]
    assert bool(bodies) is listening
    if listening:
        assert any("API response body" in r.getMessage() for r in caplog.records)


def test_httpcore_is_told_at_once_that_sniffio_is_not_there() -> None:
    """httpcore imports sniffio at every request, in a try: a module that is not installed is
    searched for along the whole path each time, unless the answer is kept."""
    import importlib.util
    import sys

    from httpcore._synchronization import current_async_library

    from pos_refunds.gateway import client  # noqa: F401 - what keeps the answer

    async def which() -> str:
        return current_async_library()

    if sys.modules.get("sniffio") is not None:  # installed after all: nothing to keep
        pytest.skip("sniffio is installed here")
    assert "sniffio" in sys.modules and importlib.util.find_spec("sniffio") is None
    with pytest.raises(ImportError):
        import sniffio  # noqa: F401
    assert asyncio.run(which()) == "asyncio"


def test_readers_are_read_raw_the_very_records_of_the_typed_path(sandbox, monkeypatch) -> None:
    """The till's readers (and their locations' names): no StripeObject built, mapped off the
    loop's thread, the same records as reader_from_stripe made of the typed SDK's list."""
    from pos_refunds.gateway import readers as gr
    from pos_refunds.gateway.mapping import reader_from_stripe

    mapped_on: set[int] = set()
    real_map = gr.reader_from_stripe

    def spy_map(r, names):  # noqa: ANN001, ANN202
        mapped_on.add(threading.get_ident())
        return real_map(r, names)

    monkeypatch.setattr(gr, "reader_from_stripe", spy_map)

    async def body(h):
        locations = (await h.stripe.v1.terminal.locations.list_async({"limit": 100})).data
        names = {loc.id: loc.display_name or loc.id for loc in locations}
        typed = [reader_from_stripe(r, names) for r in
                 (await h.stripe.v1.terminal.readers.list_async({"limit": 100})).data]
        built = objects_built(monkeypatch)  # none, for a raw read
        raw = await gr.ReadersGateway(h).list()
        return threading.get_ident(), typed, raw, built

    loop_thread, typed, raw, built = run(sandbox, body)
    def unseen(readers: list) -> list:  # a simulated reader is seen anew at each read
        return [dataclasses.replace(r, last_seen_at=None) for r in readers]

    assert raw and unseen(raw) == unseen(typed)
    assert any(r.location_name for r in raw)
    assert mapped_on and loop_thread not in mapped_on
    assert built == []


def test_one_payment_and_one_reader_are_read_raw_the_very_records_of_the_typed_path(
        sandbox, monkeypatch) -> None:
    """A payment refreshed after a refund, a reader followed twice a second: no StripeObject
    built, the same records as the typed SDK's retrieve gave; an odd id typed at the till is
    quoted as the SDK quotes it, so it names no other path."""
    from pos_refunds.gateway import readers as gr
    from pos_refunds.gateway.mapping import reader_from_stripe

    async def body(h):
        listed = (await h.stripe.v1.payment_intents.list_async({"limit": 30})).data
        pi = next(p for p in listed if p.latest_charge)
        in_person = next(p.id for p in listed if "card_present" in p.payment_method_types
                         or "interac_present" in p.payment_method_types)
        typed = payment_from_stripe(await h.stripe.v1.payment_intents.retrieve_async(
            pi.id, {"expand": gp._EXPAND_ONE}))
        reader_id = (await h.stripe.v1.terminal.readers.list_async({"limit": 1})).data[0].id
        names = {loc.id: loc.display_name or loc.id for loc in
                 (await h.stripe.v1.terminal.locations.list_async({"limit": 100})).data}
        typed_reader = reader_from_stripe(
            await h.stripe.v1.terminal.readers.retrieve_async(reader_id), names)
        built = objects_built(monkeypatch)  # none, for a raw read
        payments = gp.PaymentsGateway(h)
        raw = await payments.retrieve(pi.id)
        raw_in_person = await payments.retrieve_in_person(in_person)
        raw_reader = await gr.ReadersGateway(h).retrieve(reader_id)
        clean = list(built)  # (an error answer is the SDK's ErrorObject, as for every read)
        odd = []
        for bad in (f"{pi.id}/refunds", f"{pi.id}?expand[]=customer", "../v1/refunds"):
            with pytest.raises(e.NotFound):
                await payments.retrieve(bad)
            odd.append(bad)
        return typed, raw, raw_in_person, typed_reader, raw_reader, clean, odd

    typed, raw, in_person, typed_reader, raw_reader, built, odd = run(sandbox, body)
    assert raw == typed and raw.charge_id
    assert in_person is not None and in_person.network
    assert dataclasses.replace(raw_reader, last_seen_at=None) == dataclasses.replace(
        typed_reader, last_seen_at=None)
    assert built == []
    assert len(odd) == 3


def test_the_accounts_name_is_read_raw_as_the_typed_path_named_it(sandbox, monkeypatch) -> None:
    """At every start, before the window: no StripeObject (nor the SDK's Account module)."""
    from pos_refunds.gateway.account import _name, account_name

    async def body(h):
        typed = _name((await h.stripe.v1.accounts.retrieve_current_async()).to_dict())
        built = objects_built(monkeypatch)  # none, for a raw read
        return typed, await account_name(h), built

    typed, raw, built = run(sandbox, body)
    assert raw == typed and raw
    assert built == []
    with pytest.raises(e.AuthenticationFailed):
        run(sandbox, account_name, api_key="sk_live_not_for_the_sandbox")
