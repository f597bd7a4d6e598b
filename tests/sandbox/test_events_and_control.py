"""Events as a change feed, and the /_sandbox/ control surface over HTTP."""

from __future__ import annotations

import httpx
import pytest
import stripe

from tests.sandbox.conftest import authorized, card_refundable, find, make_client


def _control(sandbox, method: str, path: str, body: dict | None = None) -> httpx.Response:
    return httpx.request(method, sandbox.url + path, json=body)


def test_events_snapshot_each_change(client) -> None:
    pi = find(client, card_refundable)
    client.v1.refunds.create({"payment_intent": pi.id, "amount": 100})
    client.v1.refunds.create({"payment_intent": pi.id, "amount": 100})
    charge_events = client.v1.events.list({"type": "charge.refunded"}).data
    assert [e.data.object.amount_refunded for e in charge_events[:2]] == [200, 100]
    assert charge_events[0].data.previous_attributes.amount_refunded == 100
    assert charge_events[0].request.id.startswith("req_")
    one = client.v1.events.retrieve(charge_events[0].id)
    assert one.id == charge_events[0].id and one.api_version


def test_type_wildcard_types_list_and_their_exclusion(client) -> None:
    auth = find(client, authorized)
    client.v1.payment_intents.capture(auth.id)
    pi_events = client.v1.events.list({"type": "payment_intent.*"}).data
    assert [e.type for e in pi_events] == ["payment_intent.succeeded"]
    picked = client.v1.events.list({"types": ["charge.captured", "payment_intent.succeeded"]})
    assert [e.type for e in picked.data] == ["payment_intent.succeeded", "charge.captured"]
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.events.list({"type": "charge.*", "types": ["charge.captured"]})
    assert info.value.code == "parameters_exclusive"
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.events.list({"types": [f"t{i}" for i in range(21)]})


def test_polling_with_ending_before_sees_only_newer_events(sandbox, client) -> None:
    sandbox.new_sale(amount=500)
    newest = client.v1.events.list({"limit": 1}).data[0]
    sandbox.new_sale(amount=700, network="interac")
    newer = client.v1.events.list({"ending_before": newest.id, "limit": 100})
    types = [e.type for e in newer.data]
    assert "payment_intent.created" in types and "payment_intent.succeeded" in types
    assert newest.id not in {e.id for e in newer.data}
    seen = [e.id for e in newer.auto_paging_iter()]
    assert len(seen) == len(newer.data)


def test_connected_account_events_name_the_account(sandbox) -> None:
    connected = make_client(sandbox, stripe_account=sandbox.connected_account)
    pi = find(connected, card_refundable)
    connected.v1.refunds.create({"payment_intent": pi.id, "amount": 100})
    event = connected.v1.events.list({"limit": 1}).data[0]
    assert event.account == sandbox.connected_account


def test_control_info_and_unknown_endpoint(sandbox) -> None:
    info = _control(sandbox, "GET", "/_sandbox").json()
    assert info["platform_account"] and len(info["readers"]) == 6
    assert _control(sandbox, "GET", "/_sandbox/nope").status_code == 404
    bad = _control(sandbox, "POST", "/_sandbox/faults", {"kind": "explode"})
    assert bad.status_code == 400 and "unknown fault kind" in bad.json()["error"]["message"]


def test_control_faults_over_http(sandbox, client) -> None:
    armed = _control(
        sandbox,
        "POST",
        "/_sandbox/faults",
        {"kind": "error_before", "method": "GET", "path": "^/v1/account$", "count": 3},
    ).json()
    assert armed["count"] == 3
    assert len(_control(sandbox, "GET", "/_sandbox/faults").json()["faults"]) == 1
    with pytest.raises(stripe.APIError):
        client.v1.accounts.retrieve_current()
    assert _control(sandbox, "DELETE", "/_sandbox/faults").json() == {"faults": []}
    assert client.v1.accounts.retrieve_current().id


def test_control_readers_sales_refunds_clock_keys(sandbox, client) -> None:
    reader = client.v1.terminal.readers.list({"status": "online"}).data[0]
    assert (
        _control(
            sandbox, "POST", f"/_sandbox/readers/{reader.id}/status", {"status": "offline"}
        ).json()["status"]
        == "offline"
    )
    assert client.v1.terminal.readers.retrieve(reader.id).status == "offline"
    sale = _control(
        sandbox,
        "POST",
        "/_sandbox/sales",
        {"amount": 2200, "network": "mastercard", "capture": "manual"},
    ).json()
    assert sale["status"] == "requires_capture"
    assert client.v1.payment_intents.list({"limit": 1}).data[0].id == sale["id"]
    pi = find(client, card_refundable)
    refund = _control(
        sandbox, "POST", "/_sandbox/refunds", {"payment_intent": pi.id, "amount": 100}
    ).json()
    assert refund["object"] == "refund" and refund["amount"] == 100
    too_much = _control(
        sandbox, "POST", "/_sandbox/refunds", {"payment_intent": pi.id, "amount": 10**8}
    )
    assert too_much.status_code == 400
    captured = _control(sandbox, "POST", "/_sandbox/captures", {"payment_intent": sale["id"]})
    assert captured.json()["status"] == "succeeded"
    before = client.v1.terminal.readers.retrieve(reader.id).last_seen_at
    clock = _control(sandbox, "POST", "/_sandbox/clock/advance", {"seconds": 600}).json()["clock"]
    assert clock > before / 1000 + 590
    assert _control(sandbox, "POST", "/_sandbox/clock/advance", {"seconds": -1}).status_code == 400
    _control(sandbox, "POST", "/_sandbox/keys/revoke", {"key": sandbox.api_key})
    with pytest.raises(stripe.AuthenticationError):
        client.v1.payment_intents.list()
    _control(sandbox, "POST", "/_sandbox/reset", {})
    assert client.v1.terminal.readers.retrieve(reader.id).status == "online"


def test_customer_cancel_over_http(sandbox, client) -> None:
    pi = find(
        client,
        lambda p: (
            p.status == "succeeded"
            and p.latest_charge.payment_method_details.type == "interac_present"
            and not p.latest_charge.refunded
        ),
    )
    reader = client.v1.terminal.readers.list({"status": "online"}).data[0]
    client.v1.terminal.readers.refund_payment(
        reader.id,
        {"payment_intent": pi.id, "refund_payment_config": {"enable_customer_cancellation": True}},
    )
    done = _control(sandbox, "POST", f"/_sandbox/readers/{reader.id}/customer_cancel").json()
    assert done["action"]["failure_code"] == "customer_canceled"
    again = _control(sandbox, "POST", f"/_sandbox/readers/{reader.id}/customer_cancel")
    assert again.status_code == 400
