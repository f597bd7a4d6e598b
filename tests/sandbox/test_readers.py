"""Readers: seeded fleet, in-person Interac refunds, sales, and every way an action ends."""

from __future__ import annotations

import time

import pytest
import stripe

from tests.sandbox.conftest import (
    INTERAC_CARD,
    all_payments,
    card_refundable,
    find,
    interac_refundable,
    online_reader,
    run_async,
)

PHYSICAL = {"bbpos_wisepos_e", "stripe_s700"}
SIMULATED = {"simulated_wisepos_e", "simulated_stripe_s700"}


def _present(client, reader_id, number=INTERAC_CARD, kind="interac_present"):
    return client.v1.test_helpers.terminal.readers.present_payment_method(
        reader_id, {"type": kind, kind: {"number": number}}
    )


def _start_refund(client, **extra):
    pi = find(client, interac_refundable)
    reader = online_reader(client)
    started = client.v1.terminal.readers.refund_payment(
        reader.id, {"payment_intent": pi.id, **extra}
    )
    return pi, started


def test_seeded_readers_look_real(client) -> None:
    readers = client.v1.terminal.readers.list({"limit": 100}).data
    types = {r.device_type for r in readers}
    assert PHYSICAL <= types and SIMULATED <= types
    assert [r.status for r in readers].count("offline") == 1
    assert len({r.location for r in readers}) == 2
    now_ms = time.time() * 1000
    for r in readers:
        assert r.last_seen_at > 10**12, "milliseconds"
        assert abs(now_ms - r.last_seen_at) < 12 * 3600 * 1000
        assert r.serial_number and r.label and r.device_sw_version and r.ip_address
    locations = client.v1.terminal.locations.list().data
    assert {loc.address.country for loc in locations} == {"CA"}
    one = client.v1.terminal.locations.retrieve(locations[0].id)
    assert one.display_name == locations[0].display_name


def test_reader_list_filters(client) -> None:
    readers = client.v1.terminal.readers.list().data
    assert all(
        r.status == "offline" for r in client.v1.terminal.readers.list({"status": "offline"}).data
    )
    sims = client.v1.terminal.readers.list({"device_type": "simulated_wisepos_e"}).data
    assert sims and all(r.device_type == "simulated_wisepos_e" for r in sims)
    loc = readers[0].location
    assert all(r.location == loc for r in client.v1.terminal.readers.list({"location": loc}).data)
    serial = readers[1].serial_number
    assert [r.id for r in client.v1.terminal.readers.list({"serial_number": serial}).data] == [
        readers[1].id
    ]


def test_interac_refund_on_reader_succeeds_with_the_right_card(client) -> None:
    pi, started = _start_refund(client, amount=200, metadata={"operation": "op-7"})
    action = started.action
    assert (action.type, action.status) == ("refund_payment", "in_progress")
    assert action.refund_payment.payment_intent == pi.id and action.refund_payment.amount == 200
    assert "refund" not in action.refund_payment.to_dict()
    done = _present(client, started.id)
    assert done.action.status == "succeeded"
    refund = client.v1.refunds.retrieve(done.action.refund_payment.refund)
    assert (refund.amount, refund.metadata["operation"]) == (200, "op-7")
    ch = client.v1.payment_intents.retrieve(pi.id, {"expand": ["latest_charge"]}).latest_charge
    assert ch.amount_refunded == pi.latest_charge.amount_refunded + 200
    types = [e.type for e in client.v1.events.list({"limit": 10}).data]
    assert types[:3] == ["terminal.reader.action_succeeded", "charge.refunded", "refund.created"]


def test_reader_refund_with_the_async_client(sandbox, client) -> None:
    pi = find(client, interac_refundable)
    reader = online_reader(client)

    async def body(aclient):
        await aclient.v1.terminal.readers.refund_payment_async(reader.id, {"payment_intent": pi.id})
        await aclient.v1.test_helpers.terminal.readers.present_payment_method_async(
            reader.id, {"type": "interac_present", "interac_present": {"number": INTERAC_CARD}}
        )
        got = await aclient.v1.terminal.readers.retrieve_async(
            reader.id, {"expand": ["action.refund_payment.refund"]}
        )
        return got.action.status, got.action.refund_payment.refund.amount

    remaining = pi.amount - pi.latest_charge.amount_refunded
    assert run_async(sandbox, body) == ("succeeded", remaining)


@pytest.mark.parametrize(
    ("number", "code", "decline"),
    [
        ("4000000000000002", "card_declined", "generic_decline"),
        ("4000000000009995", "card_declined", "insufficient_funds"),
        ("4000000000000069", "expired_card", "expired_card"),
        ("4000000000000119", "processing_error", None),
    ],
)
def test_decline_cards_fail_the_refund_with_an_api_error(client, number, code, decline) -> None:
    pi, started = _start_refund(client)
    failed = _present(client, started.id, number)
    action = failed.action
    assert (action.status, action.failure_code) == ("failed", code)
    assert action.failure_message
    assert action.api_error.type == "card_error" and action.api_error.code == code
    assert action.api_error.to_dict().get("decline_code") == decline
    assert client.v1.refunds.list({"payment_intent": pi.id}).data == pi.latest_charge.refunds.data


@pytest.mark.parametrize(
    ("number", "kind"),
    [("4242424242424242", "card_present"), ("4506445006930000", "interac_present")],
)
def test_a_different_card_fails_the_refund(client, number, kind) -> None:
    _, started = _start_refund(client)
    failed = _present(client, started.id, number, kind)
    assert (failed.action.status, failed.action.failure_code) == ("failed", "card_mismatch")
    assert failed.action.api_error is None


def test_no_card_before_the_timeout(sandbox, client) -> None:
    _, started = _start_refund(client)
    sandbox.advance_clock(59)
    assert client.v1.terminal.readers.retrieve(started.id).action.status == "in_progress"
    sandbox.advance_clock(2)
    action = client.v1.terminal.readers.retrieve(started.id).action
    assert (action.status, action.failure_code) == ("failed", "terminal_reader_timeout")
    assert client.v1.events.list({"type": "terminal.reader.*", "limit": 1}).data[0].type == (
        "terminal.reader.action_failed"
    )


def test_customer_cancel_only_when_enabled(sandbox, client) -> None:
    _, started = _start_refund(client)
    with pytest.raises(Exception, match="not enabled"):
        sandbox.customer_cancel(started.id)
    client.v1.terminal.readers.cancel_action(started.id)
    _, started = _start_refund(client, refund_payment_config={"enable_customer_cancellation": True})
    assert started.action.refund_payment.refund_payment_config.enable_customer_cancellation is True
    sandbox.customer_cancel(started.id)
    action = client.v1.terminal.readers.retrieve(started.id).action
    assert (action.status, action.failure_code, action.api_error) == (
        "failed",
        "customer_canceled",
        None,
    )


def test_cancel_action(client) -> None:
    _, started = _start_refund(client)
    canceled = client.v1.terminal.readers.cancel_action(started.id)
    assert (canceled.action.status, canceled.action.failure_code) == ("failed", "canceled")
    with pytest.raises(stripe.InvalidRequestError, match="no action in progress"):
        client.v1.terminal.readers.cancel_action(started.id)


def test_busy_reader_refuses_a_second_action(client) -> None:
    pi, started = _start_refund(client)
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.terminal.readers.refund_payment(started.id, {"payment_intent": pi.id})
    assert (info.value.http_status, info.value.code) == (400, "terminal_reader_busy")
    assert info.value.user_message.startswith("Reader is currently busy processing another request")


def test_offline_reader_refuses_and_keeps_its_action(sandbox, client) -> None:
    offline = client.v1.terminal.readers.list({"status": "offline"}).data[0]
    pi = find(client, interac_refundable)
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.terminal.readers.refund_payment(offline.id, {"payment_intent": pi.id})
    assert info.value.code == "terminal_reader_offline"
    _, started = _start_refund(client)
    sandbox.set_reader_status(started.id, "offline")
    assert client.v1.terminal.readers.retrieve(started.id).action.status == "in_progress"
    with pytest.raises(stripe.InvalidRequestError) as info:
        _present(client, started.id)
    assert info.value.code == "terminal_reader_offline"
    sandbox.set_reader_status(started.id, "online")
    assert _present(client, started.id).action.status == "succeeded"


def test_non_interac_payment_is_refused_on_a_reader(client) -> None:
    pi = find(client, card_refundable)
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.terminal.readers.refund_payment(
            online_reader(client).id, {"payment_intent": pi.id}
        )
    assert info.value.code == "charge_not_refundable"
    assert "only available for Interac" in info.value.user_message


def test_refund_on_reader_checks_the_remainder_up_front(client) -> None:
    pi = find(client, interac_refundable)
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.terminal.readers.refund_payment(
            online_reader(client).id, {"payment_intent": pi.id, "amount": pi.amount + 1}
        )
    assert info.value.code == "amount_too_large"


def test_refunded_meanwhile_by_another_till_fails_the_action(sandbox, client) -> None:
    pi, started = _start_refund(client)
    sandbox.other_till_refund(pi.id)
    failed = _present(client, started.id)
    assert failed.action.failure_code == "charge_already_refunded"
    assert failed.action.api_error.type == "invalid_request_error"


def _sale(client, reader_id, currency="cad", types=("card_present", "interac_present")):
    pi = client.v1.payment_intents.create(
        {
            "amount": 1875,
            "currency": currency,
            "payment_method_types": list(types),
            "capture_method": "manual",
        }
    )
    started = client.v1.terminal.readers.process_payment_intent(
        reader_id, {"payment_intent": pi.id, "process_config": {"skip_tipping": True}}
    )
    assert started.action.type == "process_payment_intent"
    return pi


@pytest.mark.parametrize(
    ("kind", "number", "currency", "status"),
    [
        ("card_present", "4242424242424242", "cad", "requires_capture"),
        ("interac_present", INTERAC_CARD, "cad", "succeeded"),
        ("card_present", "6280000360000978", "aud", "succeeded"),
    ],
)
def test_process_payment_intent_completes_a_sale(client, kind, number, currency, status) -> None:
    reader = online_reader(client)
    pi = _sale(client, reader.id, currency)
    done = _present(client, reader.id, number, kind)
    assert done.action.status == "succeeded"
    got = client.v1.payment_intents.retrieve(pi.id, {"expand": ["latest_charge"]})
    assert got.status == status
    assert got.latest_charge.payment_method_details.type == kind
    assert got.latest_charge.payment_method_details[kind].reader == reader.id


def test_declined_sale_leaves_the_payment_incomplete(client) -> None:
    reader = online_reader(client)
    pi = _sale(client, reader.id)
    failed = _present(client, reader.id, "4000000000009995", "card_present")
    assert failed.action.api_error.decline_code == "insufficient_funds"
    got = client.v1.payment_intents.retrieve(pi.id)
    assert got.status == "requires_payment_method"
    assert got.last_payment_error.decline_code == "insufficient_funds"


def test_every_reader_accepts_a_presented_card(sandbox, client) -> None:
    for reader in client.v1.terminal.readers.list({"status": "online"}).data:
        pi = _sale(client, reader.id)
        assert _present(client, reader.id, "4242424242424242", "card_present").action.status == (
            "succeeded"
        ), reader.device_type
        assert client.v1.payment_intents.retrieve(pi.id).status == "requires_capture"


def test_auto_present_completes_actions_on_the_sandbox_clock(private_sandbox) -> None:
    box = private_sandbox(auto_present=3.0, payments=60, seed=5)
    client = stripe.StripeClient(box.api_key, base_addresses={"api": box.url})
    pi = find(client, interac_refundable)
    reader = online_reader(client)
    client.v1.terminal.readers.refund_payment(reader.id, {"payment_intent": pi.id})
    assert client.v1.terminal.readers.retrieve(reader.id).action.status == "in_progress"
    box.advance_clock(3)
    action = client.v1.terminal.readers.retrieve(reader.id).action
    assert action.status == "succeeded" and action.refund_payment.refund.startswith("re_")
    assert len(all_payments(client)) == 60
