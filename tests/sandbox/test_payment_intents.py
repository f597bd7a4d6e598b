"""PaymentIntents: lists, pagination, expansion, create, cancel and capture rules."""

from __future__ import annotations

import pytest
import stripe

from tests.sandbox.conftest import (
    all_payments,
    authorized,
    card_refundable,
    find,
    kind,
    network,
    run_async,
)


def test_list_is_newest_first_and_pages_with_cursors(client) -> None:
    first = client.v1.payment_intents.list({"limit": 10})
    assert first.object == "list" and first.url == "/v1/payment_intents" and first.has_more
    created = [p.created for p in first.data]
    assert created == sorted(created, reverse=True)
    second = client.v1.payment_intents.list({"limit": 10, "starting_after": first.data[-1].id})
    assert second.data[0].created <= first.data[-1].created
    assert not {p.id for p in first.data} & {p.id for p in second.data}
    back = client.v1.payment_intents.list({"limit": 10, "ending_before": second.data[0].id})
    assert [p.id for p in back.data] == [p.id for p in first.data]
    assert back.has_more is False
    everything = [p.id for p in first.auto_paging_iter()]
    assert len(everything) == len(set(everything)) == 80


def test_created_filters_int_and_range(client) -> None:
    pis = all_payments(client)
    pivot = pis[40].created
    newer = client.v1.payment_intents.list({"limit": 100, "created": {"gte": pivot}}).data
    assert newer and all(p.created >= pivot for p in newer)
    assert len(newer) == sum(1 for p in pis if p.created >= pivot)
    exact = client.v1.payment_intents.list({"created": pivot}).data
    assert exact and all(p.created == pivot for p in exact)
    window = client.v1.payment_intents.list(
        {"limit": 100, "created": {"gt": pivot - 3600, "lt": pivot}}
    ).data
    assert all(pivot - 3600 < p.created < pivot for p in window)


def test_latest_charge_is_an_id_unless_expanded(client) -> None:
    plain = client.v1.payment_intents.list({"limit": 5}).data
    assert all(isinstance(p.latest_charge, str) or p.latest_charge is None for p in plain)
    expanded = client.v1.payment_intents.list({"limit": 5, "expand": ["data.latest_charge"]})
    charges = [p.latest_charge for p in expanded.data if p.latest_charge]
    assert charges and all(c.object == "charge" for c in charges)
    assert all("refunds" not in c for c in charges), "charge.refunds only when expanded"
    deep = client.v1.payment_intents.list(
        {"limit": 5, "expand": ["data.latest_charge.refunds"]}
    ).data
    lists = [p.latest_charge.refunds for p in deep if p.latest_charge]
    assert all(lst.object == "list" and lst.url.startswith("/v1/charges/") for lst in lists)


def test_retrieve_and_missing_id(client) -> None:
    pi = find(client, card_refundable)
    got = client.v1.payment_intents.retrieve(pi.id, {"expand": ["latest_charge"]})
    assert got.latest_charge.payment_intent == pi.id
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.payment_intents.retrieve("pi_x")
    assert info.value.http_status == 404
    assert info.value.code == "resource_missing"
    assert info.value.user_message == "No such payment_intent: 'pi_x'"
    assert info.value.param == "intent"


def test_create_records_an_event(client) -> None:
    pi = client.v1.payment_intents.create(
        {
            "amount": 1450,
            "currency": "CAD",
            "payment_method_types": ["card_present", "interac_present"],
            "capture_method": "manual",
            "description": "2 × Latte, croissant",
            "metadata": {"till": "3"},
        }
    )
    assert (pi.status, pi.currency, pi.amount, pi.metadata["till"]) == (
        "requires_payment_method",
        "cad",
        1450,
        "3",
    )
    events = client.v1.events.list({"type": "payment_intent.created", "limit": 1}).data
    assert events[0].data.object.id == pi.id


def test_cancel_an_authorization_releases_it(client) -> None:
    pi = find(client, authorized)
    done = client.v1.payment_intents.cancel(pi.id, {"cancellation_reason": "requested_by_customer"})
    assert (done.status, done.cancellation_reason, done.amount_capturable) == (
        "canceled",
        "requested_by_customer",
        0,
    )
    ch = client.v1.payment_intents.retrieve(pi.id, {"expand": ["latest_charge"]}).latest_charge
    assert ch.captured is False and ch.refunded is True and ch.amount_refunded == ch.amount
    types = [e.type for e in client.v1.events.list({"limit": 5}).data]
    assert "payment_intent.canceled" in types and "charge.refunded" in types


def test_cancel_a_captured_payment_is_refused_with_stripes_message(client) -> None:
    pi = find(client, card_refundable)
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.payment_intents.cancel(pi.id)
    assert info.value.code == "payment_intent_unexpected_state"
    assert info.value.user_message.startswith(
        "You cannot cancel this PaymentIntent because it has a status of succeeded. Only a "
        "PaymentIntent with one of the following statuses may be canceled: "
        "requires_payment_method, requires_capture, requires_confirmation, requires_action"
    )


def test_cancel_incomplete_payment(client) -> None:
    pi = find(client, lambda p: p.status == "requires_payment_method")
    assert client.v1.payment_intents.cancel(pi.id).status == "canceled"


def test_capture_full_and_partial(client) -> None:
    auths = [p for p in all_payments(client) if authorized(p)]
    full = client.v1.payment_intents.capture(auths[0].id)
    assert (full.status, full.amount_received) == ("succeeded", auths[0].amount)
    part = client.v1.payment_intents.capture(
        auths[1].id, {"amount_to_capture": 100, "metadata": {"approved_by": "m1"}}
    )
    assert (part.status, part.amount_received, part.metadata["approved_by"]) == (
        "succeeded",
        100,
        "m1",
    )
    ch = client.v1.payment_intents.retrieve(part.id, {"expand": ["latest_charge"]}).latest_charge
    assert ch.captured and ch.amount_captured == 100
    assert ch.amount_refunded == ch.amount - 100 and ch.refunded is False
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.payment_intents.capture(full.id)
    assert info.value.code == "payment_intent_unexpected_state"
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.payment_intents.capture(auths[2].id, {"amount_to_capture": auths[2].amount + 1})
    assert info.value.code == "amount_too_large"


def test_single_message_networks_are_never_waiting_for_capture(client) -> None:
    for pi in all_payments(client):
        if kind(pi) == "interac_present" or network(pi) == "eftpos_au":
            assert pi.status != "requires_capture", pi.id


def test_uncaptured_authorization_expires_on_the_sandbox_clock(sandbox, client) -> None:
    pis = [p for p in all_payments(client) if authorized(p)]
    soonest = min(
        pis, key=lambda p: p.latest_charge.payment_method_details.card_present.capture_before
    )
    left = (
        soonest.latest_charge.payment_method_details.card_present.capture_before - soonest.created
    )
    assert left <= 2 * 86400
    sandbox.advance_clock(2 * 3600)
    after = client.v1.payment_intents.retrieve(soonest.id, {"expand": ["latest_charge.refunds"]})
    assert after.status == "canceled" and after.cancellation_reason == "automatic"
    assert after.latest_charge.refunds.data[0].reason == "expired_uncaptured_charge"


def test_update_metadata_and_description(client) -> None:
    pi = find(client, card_refundable)
    got = client.v1.payment_intents.update(pi.id, {"metadata": {"note": "x"}, "description": "d"})
    assert got.metadata["note"] == "x" and got.description == "d"
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.payment_intents.update(pi.id, {"amount": 5})


def test_async_client_lists_and_cancels(sandbox) -> None:
    async def body(client):
        page = await client.v1.payment_intents.list_async(
            {"limit": 100, "expand": ["data.latest_charge"]}
        )
        auth = next(p for p in page.data if p.status == "requires_capture")
        canceled = await client.v1.payment_intents.cancel_async(auth.id)
        ids = [p.id async for p in page.auto_paging_iter()]
        return canceled.status, len(ids)

    assert run_async(sandbox, body) == ("canceled", 80)
