"""Idempotency keys and injected faults, as the official SDK experiences them."""

from __future__ import annotations

import threading

import httpx
import pytest
import stripe

from tests.sandbox.conftest import card_refundable, find, make_client, run_async

REFUNDS = r"^/v1/refunds$"


def _post_refund(sandbox, pi_id: str, key: str, amount: int = 100, **headers: str):
    return httpx.post(
        sandbox.url + "/v1/refunds",
        content=f"payment_intent={pi_id}&amount={amount}",
        headers={
            "Authorization": f"Bearer {sandbox.api_key}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Idempotency-Key": key,
            **headers,
        },
        timeout=10,
    )


def _refund_count(client, pi_id: str) -> int:
    return len(client.v1.refunds.list({"payment_intent": pi_id}).data)


def test_same_key_same_params_replays_the_first_response(sandbox, client) -> None:
    pi = find(client, card_refundable)
    first = _post_refund(sandbox, pi.id, "key-replay")
    again = _post_refund(sandbox, pi.id, "key-replay")
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert again.headers["Original-Request"] == first.headers["Request-Id"]
    assert again.headers["Request-Id"] != first.headers["Request-Id"]
    assert _refund_count(client, pi.id) == 1


def test_sdk_options_key_replays(sandbox, client) -> None:
    pi = find(client, card_refundable)
    opts = {"idempotency_key": "sdk-key-1"}
    a = client.v1.refunds.create({"payment_intent": pi.id, "amount": 100}, opts)
    b = client.v1.refunds.create({"payment_intent": pi.id, "amount": 100}, opts)
    assert a.id == b.id and _refund_count(client, pi.id) == 1
    assert b.last_response.headers["Idempotent-Replayed"] == "true"


def test_same_key_other_params_is_an_idempotency_error(sandbox, client) -> None:
    pi = find(client, card_refundable)
    opts = {"idempotency_key": "key-mismatch"}
    client.v1.refunds.create({"payment_intent": pi.id, "amount": 100}, opts)
    with pytest.raises(stripe.IdempotencyError) as info:
        client.v1.refunds.create({"payment_intent": pi.id, "amount": 200}, opts)
    assert info.value.http_status == 400
    assert info.value.json_body["error"]["type"] == "idempotency_error"
    assert _refund_count(client, pi.id) == 1


def test_keys_are_scoped_per_api_key_and_account(sandbox, client) -> None:
    pi = find(client, card_refundable)
    opts = {"idempotency_key": "shared-key"}
    client.v1.refunds.create({"payment_intent": pi.id, "amount": 100}, opts)
    other_key = make_client(sandbox, "sk_test_other_till")
    other_key.v1.refunds.create({"payment_intent": pi.id, "amount": 100}, opts)
    assert _refund_count(client, pi.id) == 2
    connected = make_client(sandbox, stripe_account=sandbox.connected_account)
    theirs = find(connected, card_refundable)
    connected.v1.refunds.create({"payment_intent": theirs.id, "amount": 100}, opts)
    assert _refund_count(connected, theirs.id) == 1


def test_validation_failures_are_not_saved(sandbox, client) -> None:
    pi = find(client, card_refundable)
    opts = {"idempotency_key": "key-after-typo"}
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.refunds.create({"payment_intent": pi.id, "amount": "ten"}, opts)  # type: ignore[typeddict-item]
    ok = client.v1.refunds.create({"payment_intent": pi.id, "amount": 100}, opts)
    assert ok.amount == 100


def test_business_errors_are_saved_and_replayed(sandbox, client) -> None:
    pi = find(client, card_refundable)
    over = pi.amount + 1
    first = _post_refund(sandbox, pi.id, "key-too-much", over)
    again = _post_refund(sandbox, pi.id, "key-too-much", over)
    assert first.status_code == again.status_code == 400
    assert again.json() == first.json() and again.headers["Idempotent-Replayed"] == "true"


def test_concurrent_request_with_the_key_in_flight_is_409(sandbox, client) -> None:
    pi = find(client, card_refundable)
    fault = sandbox.inject_fault("latency", method="POST", path=REFUNDS, hold=True)
    results: list[httpx.Response] = []
    slow = threading.Thread(target=lambda: results.append(_post_refund(sandbox, pi.id, "k-409")))
    slow.start()
    sandbox.wait_held(fault["id"])  # the first request holds the key
    second = _post_refund(sandbox, pi.id, "k-409")
    assert _refund_count(client, pi.id) == 0  # still held: nothing done yet
    sandbox.release_faults(fault["id"])
    slow.join()
    assert second.status_code == 409
    assert second.json()["error"]["code"] == "idempotency_key_in_use"
    assert results[0].status_code == 200
    assert _post_refund(sandbox, pi.id, "k-409").headers["Idempotent-Replayed"] == "true"
    assert _refund_count(client, pi.id) == 1


def test_held_requests_are_shown_and_let_go_by_clear(sandbox, client) -> None:
    pi = find(client, card_refundable)
    fault = sandbox.inject_fault("latency", method="POST", path=REFUNDS, hold=True)
    assert fault["hold"] and fault["waiting"] == 0
    results: list[httpx.Response] = []
    slow = threading.Thread(target=lambda: results.append(_post_refund(sandbox, pi.id, "k-h")))
    slow.start()
    sandbox.wait_held(fault["id"])
    shown = httpx.get(f"{sandbox.url}/_sandbox/faults").json()["faults"]
    assert [(f["id"], f["waiting"]) for f in shown] == [(fault["id"], 1)]
    sandbox.clear_faults()  # a reset lets every held request go
    slow.join()
    assert results[0].status_code == 200 and sandbox.held() == 0
    unknown = httpx.post(f"{sandbox.url}/_sandbox/faults/release", json={"id": "flt_nope"})
    assert unknown.status_code == 404


def test_500_after_commit_is_saved_and_replayed(sandbox, client) -> None:
    pi = find(client, card_refundable)
    sandbox.inject_fault("error_after", method="POST", path=REFUNDS)
    opts = {"idempotency_key": "k-500-after"}
    for _ in range(2):
        with pytest.raises(stripe.APIError) as info:
            client.v1.refunds.create({"payment_intent": pi.id, "amount": 100}, opts)
        assert info.value.http_status == 500
    assert _refund_count(client, pi.id) == 1  # the change was committed once


def test_500_before_commit_is_not_saved(sandbox, client) -> None:
    pi = find(client, card_refundable)
    sandbox.inject_fault("error_before", method="POST", path=REFUNDS, status=503)
    opts = {"idempotency_key": "k-500-before"}
    with pytest.raises(stripe.APIError) as info:
        client.v1.refunds.create({"payment_intent": pi.id, "amount": 100}, opts)
    assert info.value.http_status == 503
    assert _refund_count(client, pi.id) == 0
    ok = client.v1.refunds.create({"payment_intent": pi.id, "amount": 100}, opts)
    assert "Idempotent-Replayed" not in ok.last_response.headers


def test_dropped_connection_after_commit_then_retry_gets_the_saved_response(
    sandbox, client
) -> None:
    pi = find(client, card_refundable)
    sandbox.inject_fault("drop_after", method="POST", path=REFUNDS)
    opts = {"idempotency_key": "k-drop"}
    with pytest.raises(stripe.APIConnectionError):
        client.v1.refunds.create({"payment_intent": pi.id, "amount": 100}, opts)
    assert _refund_count(client, pi.id) == 1
    retry = client.v1.refunds.create({"payment_intent": pi.id, "amount": 100}, opts)
    assert retry.last_response.headers["Idempotent-Replayed"] == "true"
    assert _refund_count(client, pi.id) == 1


def test_dropped_connection_with_the_async_client(sandbox, client) -> None:
    pi = find(client, card_refundable)
    sandbox.inject_fault("drop_after", method="POST", path=REFUNDS)

    async def body(aclient):
        opts = {"idempotency_key": "k-drop-async"}
        with pytest.raises(stripe.APIConnectionError):
            await aclient.v1.refunds.create_async({"payment_intent": pi.id, "amount": 100}, opts)
        again = await aclient.v1.refunds.create_async(
            {"payment_intent": pi.id, "amount": 100}, opts
        )
        return again.amount

    assert run_async(sandbox, body) == 100
    assert _refund_count(client, pi.id) == 1


def test_malformed_response_after_commit(sandbox, client) -> None:
    pi = find(client, card_refundable)
    sandbox.inject_fault("malformed", method="POST", path=REFUNDS)
    opts = {"idempotency_key": "k-garbled"}
    with pytest.raises(stripe.APIError, match="Invalid response body"):
        client.v1.refunds.create({"payment_intent": pi.id, "amount": 100}, opts)
    retry = client.v1.refunds.create({"payment_intent": pi.id, "amount": 100}, opts)
    assert retry.amount == 100 and _refund_count(client, pi.id) == 1


def test_rate_limit_is_429_and_not_saved(sandbox, client) -> None:
    pi = find(client, card_refundable)
    sandbox.inject_fault("rate_limit", method="POST", path=REFUNDS, count=2)
    opts = {"idempotency_key": "k-429"}
    for _ in range(2):
        with pytest.raises(stripe.RateLimitError) as info:
            client.v1.refunds.create({"payment_intent": pi.id, "amount": 100}, opts)
        assert info.value.http_status == 429
    ok = client.v1.refunds.create({"payment_intent": pi.id, "amount": 100}, opts)
    assert ok.amount == 100 and _refund_count(client, pi.id) == 1


def test_faults_match_method_and_path_and_count_down(sandbox, client) -> None:
    sandbox.inject_fault("error_before", method="GET", path=r"^/v1/terminal/readers$", count=2)
    for _ in range(2):
        with pytest.raises(stripe.APIError):
            client.v1.terminal.readers.list()
    assert client.v1.payment_intents.list({"limit": 1}).data  # other paths unaffected
    assert client.v1.terminal.readers.list().data
    assert sandbox.faults.describe() == []


def test_hang_up_is_a_client_giving_up_while_the_request_goes_on(sandbox, client) -> None:
    """What a till whose request timed out sees, at once: a network error; the refund is
    still carried out at "Stripe", and a retry with the same key waits (409) until it is."""
    pi = find(client, card_refundable)
    fault = sandbox.inject_fault("latency", method="POST", path=REFUNDS, hold=True,
                                 hang_up=True)
    with pytest.raises(httpx.TransportError):
        _post_refund(sandbox, pi.id, "k-hang")
    sandbox.wait_held(fault["id"])
    assert sandbox.held(fault["id"]) == 1 and sandbox.in_flight() == 1
    assert _post_refund(sandbox, pi.id, "k-hang").status_code == 409
    sandbox.release_faults()
    sandbox.wait_idle()
    again = _post_refund(sandbox, pi.id, "k-hang")
    assert again.status_code == 200 and again.headers["Idempotent-Replayed"] == "true"
    assert _refund_count(client, pi.id) == 1
