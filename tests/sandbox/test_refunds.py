"""Online refunds: money rules, error shapes, list filters, Connect options."""

from __future__ import annotations

import pytest
import stripe

from tests.sandbox.conftest import (
    all_payments,
    authorized,
    card_refundable,
    find,
    interac_refundable,
    kind,
    make_client,
    run_async,
)


def _charge(client, pi_id):
    return client.v1.payment_intents.retrieve(
        pi_id, {"expand": ["latest_charge.refunds"]}
    ).latest_charge


def test_partial_then_rest_then_nothing_left(client) -> None:
    pi = find(client, card_refundable)
    first = client.v1.refunds.create(
        {
            "payment_intent": pi.id,
            "amount": 100,
            "reason": "requested_by_customer",
            "metadata": {"operation": "op-1"},
        }
    )
    assert (first.status, first.amount, first.reason, first.metadata["operation"]) == (
        "succeeded",
        100,
        "requested_by_customer",
        "op-1",
    )
    ch = _charge(client, pi.id)
    assert (ch.amount_refunded, ch.refunded) == (100, False)
    assert [r.id for r in ch.refunds.data] == [first.id]
    rest = client.v1.refunds.create({"payment_intent": pi.id})
    assert rest.amount == pi.amount - 100
    ch = _charge(client, pi.id)
    assert (ch.amount_refunded, ch.refunded) == (pi.amount, True)
    assert [r.id for r in ch.refunds.data] == [rest.id, first.id]  # newest first
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.refunds.create({"payment_intent": pi.id, "amount": 1})
    assert info.value.code == "charge_already_refunded"
    assert info.value.user_message == f"Charge {ch.id} has already been refunded."


def test_over_refund_quotes_both_amounts(client) -> None:
    pi = find(client, card_refundable)
    client.v1.refunds.create({"charge": pi.latest_charge.id, "amount": 100})
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.refunds.create({"payment_intent": pi.id, "amount": pi.amount})
    err = info.value
    assert err.http_status == 400 and err.code == "amount_too_large" and err.param == "amount"
    want = f"${pi.amount / 100:.2f}"
    left = f"${(pi.amount - 100) / 100:.2f}"
    assert err.user_message == (
        f"Refund amount ({want}) is greater than unrefunded amount on charge ({left})"
    )


def test_zero_decimal_currency_amounts_in_messages(client) -> None:
    pi = find(client, lambda p: p.currency == "jpy" and p.status == "succeeded")
    with pytest.raises(
        stripe.InvalidRequestError, match=rf"\(¥{pi.amount + 1}\).*\(¥{pi.amount}\)"
    ):
        client.v1.refunds.create({"payment_intent": pi.id, "amount": pi.amount + 1})


def test_interac_cannot_be_refunded_online(client) -> None:
    pi = find(client, interac_refundable)
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.refunds.create({"payment_intent": pi.id})
    assert info.value.http_status == 400
    assert info.value.code == "charge_not_refundable"
    assert "in person on a reader" in info.value.user_message
    assert _charge(client, pi.id).amount_refunded == pi.latest_charge.amount_refunded


def test_uncaptured_or_missing_payments_are_not_refunded(client) -> None:
    pi = find(client, authorized)
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.refunds.create({"payment_intent": pi.id})
    assert info.value.code == "payment_intent_unexpected_state"
    assert "Cancel it" in info.value.user_message
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.refunds.create({"payment_intent": "pi_missing"})
    assert (info.value.http_status, info.value.code, info.value.param) == (
        404,
        "resource_missing",
        "payment_intent",
    )


def test_list_filters_and_retrieve(client) -> None:
    refunded = [p for p in all_payments(client) if p.latest_charge and p.latest_charge.refunds.data]
    pi = refunded[0]
    by_pi = client.v1.refunds.list({"payment_intent": pi.id}).data
    assert {r.id for r in by_pi} == {r.id for r in pi.latest_charge.refunds.data}
    by_charge = client.v1.refunds.list({"charge": pi.latest_charge.id}).data
    assert [r.id for r in by_charge] == [r.id for r in by_pi]
    one = client.v1.refunds.retrieve(by_pi[0].id, {"expand": ["charge", "payment_intent"]})
    assert one.charge.id == pi.latest_charge.id and one.payment_intent.id == pi.id
    everything = client.v1.refunds.list({"limit": 100}).data
    assert [r.created for r in everything] == sorted((r.created for r in everything), reverse=True)


def test_seed_has_partially_and_fully_refunded_interac(client) -> None:
    interac = [p for p in all_payments(client) if kind(p) == "interac_present"]
    partial = [p for p in interac if 0 < p.latest_charge.amount_refunded < p.amount]
    full = [p for p in interac if p.latest_charge.refunded]
    assert partial and full
    assert all(p.latest_charge.refunded is False for p in partial)


def test_connect_refund_application_fee_and_reverse_transfer(sandbox, client) -> None:
    connected = make_client(sandbox, stripe_account=sandbox.connected_account)
    theirs = [p for p in all_payments(connected) if p.status == "succeeded"]
    with_fee = next(p for p in theirs if p.application_fee_amount and kind(p) == "card_present")
    ref = connected.v1.refunds.create(
        {"payment_intent": with_fee.id, "amount": 100, "refund_application_fee": True}
    )
    assert ref.amount == 100
    destination = next(
        p for p in all_payments(client) if p.transfer_data and kind(p) == "card_present"
    )
    assert destination.transfer_data.destination == sandbox.connected_account
    rev = client.v1.refunds.create({"payment_intent": destination.id, "reverse_transfer": True})
    assert rev.transfer_reversal.startswith("trr_")
    plain = find(client, lambda p: card_refundable(p) and not p.transfer_data)
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.refunds.create({"payment_intent": plain.id, "reverse_transfer": True})
    assert info.value.param == "reverse_transfer"


def test_async_refund(sandbox, client) -> None:
    pi = find(client, card_refundable)

    async def body(aclient):
        ref = await aclient.v1.refunds.create_async({"payment_intent": pi.id, "amount": 50})
        got = await aclient.v1.refunds.retrieve_async(ref.id)
        return got.amount, got.payment_intent

    assert run_async(sandbox, body) == (50, pi.id)


def test_metadata_update_on_a_refund(client) -> None:
    pi = find(client, card_refundable)
    ref = client.v1.refunds.create({"payment_intent": pi.id, "metadata": {"a": "1", "b": "2"}})
    got = client.v1.refunds.update(ref.id, {"metadata": {"a": "", "c": "3"}})
    assert got.metadata.to_dict() == {"b": "2", "c": "3"}
