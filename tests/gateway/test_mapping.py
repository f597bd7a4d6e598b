"""Stripe objects to records: realistic shapes in, frozen records out, malformed ones refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from pos_refunds.domain.errors import MalformedResponse, NotFound
from pos_refunds.domain.money import Money
from pos_refunds.domain.payments import NetworkFamily, PaymentState
from pos_refunds.domain.reasons import StripeReason as S
from pos_refunds.gateway.mapping import (
    payment_from_stripe,
    reader_action_from_stripe,
    reader_from_stripe,
    refund_from_stripe,
)

from . import stripe_schema
from .stripe_fixtures import (
    CH_ID,
    PI_ID,
    T0,
    card_present,
    charge,
    interac_present,
    location,
    payment_intent,
    reader,
    refund,
    refund_action,
)

AT_T0 = datetime(2026, 11, 26, 15, 30, tzinfo=UTC)
needs_spec = pytest.mark.skipif(not stripe_schema.available(), reason="no Stripe OpenAPI file")


def coded(error: Exception) -> tuple[object, dict[str, object]]:
    return error.reason, error.params  # type: ignore[attr-defined]


def test_t0_is_what_the_fixtures_say() -> None:
    assert datetime.fromtimestamp(T0, UTC) == AT_T0


# --- the fixtures are Stripe's shapes --------------------------------------------------------

FIXTURES: dict[str, tuple[Callable[[], Any], str, bool]] = {
    "card_present succeeded": (lambda: payment_intent(), "payment_intent", False),
    "interac succeeded": (
        lambda: payment_intent(latest_charge=charge("interac_present")), "payment_intent", False),
    "refunded twice": (
        lambda: payment_intent(latest_charge=charge(refunds=[refund(), refund(id="re_2")])),
        "payment_intent", False),
    "charge not expanded": (lambda: payment_intent(latest_charge=CH_ID), "payment_intent", False),
    "no charge yet": (
        lambda: payment_intent("requires_payment_method", latest_charge=None),
        "payment_intent", False),
    "unknown status": (
        lambda: payment_intent("requires_reauthorization"), "payment_intent", True),
    "refund": (lambda: refund(), "refund", False),
    "reader": (lambda: reader(), "terminal.reader", False),
    "reader, location expanded, refund action": (
        lambda: reader(location=location(), action=refund_action()), "terminal.reader", False),
    "reader of an unknown type": (
        lambda: reader(device_type="stripe_s900"), "terminal.reader", True),
}


@needs_spec
@pytest.mark.parametrize("name", list(FIXTURES))
def test_fixture_is_a_valid_stripe_object(name: str) -> None:
    build, schema, open_enums = FIXTURES[name]
    stripe_schema.validate(build(), schema, open_enums=open_enums)


@needs_spec
def test_schema_check_can_fail() -> None:
    with pytest.raises(Exception, match="integer"):
        stripe_schema.validate(payment_intent(amount="50.00"), "payment_intent")
    with pytest.raises(Exception, match="is not one of"):
        stripe_schema.validate(payment_intent("requires_reauthorization"), "payment_intent")


# --- payments --------------------------------------------------------------------------------


def test_card_present_payment_with_refunds() -> None:
    pi = payment_intent(latest_charge=charge(refunds=[refund(), refund(id="re_2", amount=500)]))
    p = payment_from_stripe(pi)

    assert (p.id, p.status, p.currency) == (PI_ID, "succeeded", "cad")
    assert p.amount == Money(5000, "cad")
    assert p.amount_received == Money(5000, "cad")
    assert p.amount_capturable == Money(0, "cad")
    assert p.amount_refunded == Money(1500, "cad")
    assert p.refundable == Money(3500, "cad")
    assert p.state is PaymentState.PARTIALLY_REFUNDED
    assert (p.payment_method_type, p.network, p.brand, p.last4) == (
        "card_present", "visa", "visa", "4242")
    assert p.family is NetworkFamily.CARD_SCHEME
    assert (p.reader_id, p.location_id, p.charge_id) == (
        "tmr_FDOt2wlRZEdpd7", "tml_FDOtHwxAAdIJOh", CH_ID)
    assert p.created == AT_T0 - timedelta(seconds=5)
    assert p.created.tzinfo is UTC
    assert p.capture_before is None
    assert p.description == "Order 1042"
    assert p.metadata == {"order": "1042"}
    assert p.livemode is False
    assert [r.id for r in p.refunds] == ["re_3SXq2nLkdIwHu7ix0qWv7S4d", "re_2"]
    assert p.refunds[1].amount == Money(500, "cad")
    assert p.receipt == {
        "account_type": "credit",
        "application_cryptogram": "6B3A3C6F4D0E2C1A",
        "application_preferred_name": "VISA CREDIT",
        "authorization_code": "123456",
        "authorization_response_code": "3030",
        "cardholder_verification_method": "none",
        "dedicated_file_name": "A0000000031010",
        "terminal_verification_results": "0000008000",
        "transaction_status_information": "0000",
    }


def test_values_payments_repeat_are_one_string_for_all() -> None:
    """10,000 payments parsed from JSON hold one "succeeded", one "cad", one reader id."""
    import json

    first, second = (payment_from_stripe(json.loads(json.dumps(payment_intent())))
                     for _ in range(2))
    assert first.status is second.status and first.currency is second.currency
    assert first.amount.currency is second.amount.currency
    assert first.reader_id is second.reader_id and first.location_id is second.location_id
    assert first.receipt and all(first.receipt[k] is second.receipt[k] for k in first.receipt)
    assert first.id == second.id and first.id is not second.id  # unique values: left alone


def test_uncaptured_payment_has_its_capture_deadline() -> None:
    details = card_present(capture_before=T0 + 2 * 86400)
    pi = payment_intent("requires_capture", latest_charge=charge(
        details=details, captured=False, amount_captured=0), capture_method="manual")
    p = payment_from_stripe(pi)
    assert p.capture_before == AT_T0 + timedelta(days=2)
    assert p.capture_before.tzinfo is UTC
    assert p.amount_capturable == Money(5000, "cad")
    assert p.state is PaymentState.AUTHORIZED


def test_interac_payment() -> None:
    p = payment_from_stripe(payment_intent(latest_charge=charge("interac_present")))
    assert (p.payment_method_type, p.network, p.brand, p.last4) == (
        "interac_present", "interac", "interac", "1933")
    assert p.family is NetworkFamily.INTERAC
    assert p.capture_before is None
    assert p.receipt["account_type"] == "savings"
    assert p.receipt["dedicated_file_name"] == "A0000002771010"
    assert p.receipt["cardholder_verification_method"] == "online_pin"


@pytest.mark.parametrize(
    ("pm_type", "network", "brand", "expected"),
    [
        ("card_present", "visa", "visa", "visa"),
        ("card_present", "mastercard", "mastercard", "mastercard"),
        ("card_present", None, "amex", "amex"),  # no network: the brand
        ("card_present", "unknown", "discover", "discover"),  # "unknown" network: the brand
        ("card_present", "eftpos_au", "visa", "eftpos_au"),  # co-badged: the network used
        ("card_present", "interac", "visa", "interac"),
        ("card_present", "girocard", None, "girocard"),
        ("card_present", "zapnet", "zapcard", "zapnet"),  # unknown strings kept as sent
        ("card_present", None, "zapcard", "zapcard"),
        ("card_present", "unknown", "unknown", "unknown"),
        ("card_present", None, None, "unknown"),
        ("interac_present", "visa", "visa", "interac"),  # the type decides first
        ("interac_present", None, None, "interac"),
        ("card_present", "Visa", "visa", "Visa"),  # kept as sent, even oddly cased
    ],
)
def test_network_classification(
    pm_type: str, network: str | None, brand: str | None, expected: str
) -> None:
    build = card_present if pm_type == "card_present" else interac_present
    pi = payment_intent(latest_charge=charge(pm_type, build(network=network, brand=brand)))
    assert payment_from_stripe(pi).network == expected


def test_unknown_payment_method_type_is_kept() -> None:
    pi = payment_intent(latest_charge=charge(
        "zap_present", None, payment_method_details={"type": "zap_present"}))
    p = payment_from_stripe(pi)
    assert (p.payment_method_type, p.network, p.last4, p.receipt) == (
        "zap_present", "unknown", None, {})


def test_charge_without_payment_method_details() -> None:
    p = payment_from_stripe(payment_intent(latest_charge=charge(payment_method_details=None)))
    assert (p.payment_method_type, p.network, p.brand) == ("", "", None)


@pytest.mark.parametrize(
    ("types", "pm_type", "network"),
    [
        (["card_present", "interac_present"], "", ""),
        (["card_present"], "card_present", ""),  # could still be on the Interac network
        (["interac_present"], "interac_present", "interac"),
    ],
)
def test_charge_not_expanded(types: list[str], pm_type: str, network: str) -> None:
    p = payment_from_stripe(payment_intent(latest_charge=CH_ID, payment_method_types=types))
    assert p.charge_id == CH_ID
    assert (p.payment_method_type, p.network) == (pm_type, network)
    assert (p.brand, p.last4, p.reader_id, p.location_id, p.capture_before) == (None,) * 5
    assert p.refunds == ()
    assert p.amount_refunded == Money(0, "cad")
    assert p.receipt == {}


def test_no_charge_yet() -> None:
    p = payment_from_stripe(payment_intent("requires_payment_method", latest_charge=None))
    assert (p.charge_id, p.network, p.refunds) == (None, "", ())
    assert p.state is PaymentState.INCOMPLETE


def test_latest_charge_missing_altogether() -> None:
    pi = payment_intent()
    del pi["latest_charge"]
    assert payment_from_stripe(pi).charge_id is None


@pytest.mark.parametrize("refunds", [None, {"object": "list", "data": None}])
def test_refunds_not_expanded(refunds: Any) -> None:
    p = payment_from_stripe(payment_intent(latest_charge=charge(refunds=None) | {
        "refunds": refunds, "amount_refunded": 1000}))
    assert p.refunds == ()
    assert p.amount_refunded == Money(1000, "cad")  # the charge's total still counts


def test_canceled_payment() -> None:
    pi = payment_intent("canceled", latest_charge=None, canceled_at=T0 + 60,
                        cancellation_reason="requested_by_customer")
    p = payment_from_stripe(pi)
    assert p.canceled_at == AT_T0 + timedelta(minutes=1)
    assert p.cancellation_reason == "requested_by_customer"


def test_unknown_status_is_kept() -> None:
    p = payment_from_stripe(payment_intent("requires_reauthorization"))
    assert p.status == "requires_reauthorization"
    assert p.state is PaymentState.UNKNOWN


def test_jpy_amounts_are_yen() -> None:
    ref = refund(amount=300, currency="jpy")
    ch = charge(refunds=[ref], currency="jpy", amount=1200, amount_captured=1200)
    pi = payment_intent(latest_charge=ch, currency="jpy", amount=1200, amount_received=1200)
    p = payment_from_stripe(pi)
    assert p.amount == Money(1200, "jpy")
    assert p.amount_refunded == Money(300, "jpy")
    assert p.refundable == Money(900, "jpy")
    assert str(p.refundable) == "900 JPY"
    assert p.refunds[0].amount == Money(300, "jpy")


def test_currency_is_lower_cased() -> None:
    p = payment_from_stripe(payment_intent(currency="CAD"))
    assert p.currency == "cad" and p.amount.currency == "cad"


def test_livemode() -> None:
    assert payment_from_stripe(payment_intent(livemode=True)).livemode is True


# --- malformed payments ----------------------------------------------------------------------


def _without(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda pi: pi.pop(key)


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda pi: pi.__setitem__(key, value)


def _set_charge(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda pi: pi["latest_charge"].__setitem__(key, value)


def _set_details(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda pi: pi["latest_charge"]["payment_method_details"]["card_present"].__setitem__(
        key, value)


@pytest.mark.parametrize(
    ("breaks", "detail"),
    [
        (_without("id"), "“id” is missing"),
        (_without("amount"), "“amount” is missing"),
        (_without("currency"), "“currency” is missing"),
        (_without("status"), "“status” is missing"),
        (_without("created"), "“created” is missing"),
        (_set("id", None), "“id” is missing"),
        (_set("id", 42), "“id” is not text"),
        (_set("id", ""), "“id” is empty"),
        (_set("amount", "50.00"), "“amount” is not a whole number"),
        (_set("amount", 50.0), "“amount” is not a whole number"),
        (_set("amount", True), "“amount” is not a whole number"),
        (_set("amount", -1), "“amount” is negative"),
        (_set("amount_received", "5000"), "“amount_received” is not a whole number"),
        (_set("currency", 124), "“currency” is not text"),
        (_set("status", ["succeeded"]), "“status” is not text"),
        (_set("created", "2026-11-26"), "“created” is not a whole number"),
        (_set("created", 10**20), "“created” is not a time"),
        (_set("canceled_at", 1.5), "“canceled_at” is not a whole number"),
        (_set("metadata", {"order": 1042}), "“metadata” is not a set of texts"),
        (_set("metadata", "order=1042"), "“metadata” is not a set of texts"),
        (_set("livemode", "false"), "“livemode” is not true or false"),
        (_set("latest_charge", 42), "“latest_charge” is neither an id nor an object"),
        (_set_charge("id", None), "“id” is missing"),
        (_set_charge("payment_method_details", "card"),
         "“payment_method_details” is not an object"),
        (_set_charge("amount_refunded", "10"), "“amount_refunded” is not a whole number"),
        (_set_charge("refunds", {"object": "list", "data": "re_1"}),
         "“refunds.data” is not a list"),
        (_set_details("last4", 4242), "“last4” is not text"),
        (_set_details("capture_before", "soon"), "“capture_before” is not a whole number"),
        (_set_details("network", ["visa"]), "“network” is not text"),
        (_set_details("receipt", "none"), "“receipt” is not an object"),
    ],
)
def test_malformed_payment(breaks: Callable[[dict[str, Any]], None], detail: str) -> None:
    pi = payment_intent(latest_charge=charge(refunds=[refund()]))
    breaks(pi)
    with pytest.raises(MalformedResponse) as caught:
        payment_from_stripe(pi)
    assert coded(caught.value) == (S.UNREADABLE_OBJECT, {"what": "a payment", "detail": detail})
    assert caught.value.retryable


@pytest.mark.parametrize("bad", [None, "pi_123", 42, ["pi_123"]])
def test_not_an_object(bad: Any) -> None:
    with pytest.raises(MalformedResponse) as caught:
        payment_from_stripe(bad)
    assert caught.value.params["what"] == "a payment"


def test_malformed_refund_inside_a_payment() -> None:
    broken = refund()
    del broken["amount"]
    with pytest.raises(MalformedResponse) as caught:
        payment_from_stripe(payment_intent(latest_charge=charge(refunds=[broken])))
    assert caught.value.params["what"] == "a refund"
    assert caught.value.params["detail"].startswith("“amount” is")


def test_receipt_keeps_only_text() -> None:
    details = card_present(receipt={"authorization_code": "654321", "account_type": None,
                                    "application_cryptogram": "", "future_field": 3})
    p = payment_from_stripe(payment_intent(latest_charge=charge(details=details)))
    assert p.receipt == {"authorization_code": "654321"}


# --- refunds ---------------------------------------------------------------------------------


def test_refund() -> None:
    r = refund_from_stripe(refund())
    assert r.id == "re_3SXq2nLkdIwHu7ix0qWv7S4d"
    assert r.amount == Money(1000, "cad")
    assert (r.status, r.reason, r.failure_reason) == ("succeeded", "requested_by_customer", None)
    assert r.created == AT_T0 + timedelta(minutes=10)
    assert r.metadata == {"pos_operation": "op-7f3a", "pos_staff": "alice",
                          "pos_approved_by": "maria"}


def test_failed_refund_with_unknown_values() -> None:
    r = refund_from_stripe(refund(status="failed", failure_reason="zap_declined",
                                  reason="expired_uncaptured_charge", metadata=None))
    assert (r.status, r.failure_reason, r.reason, r.metadata) == (
        "failed", "zap_declined", "expired_uncaptured_charge", {})


def test_refund_status_null() -> None:
    assert refund_from_stripe(refund(status=None)).status == "unknown"


@pytest.mark.parametrize("key", ["id", "amount", "currency", "created"])
def test_malformed_refund(key: str) -> None:
    broken = refund()
    del broken[key]
    with pytest.raises(MalformedResponse) as caught:
        refund_from_stripe(broken)
    assert coded(caught.value) == (S.UNREADABLE_OBJECT,
                                   {"what": "a refund", "detail": f"“{key}” is missing"})


# --- readers ---------------------------------------------------------------------------------


def test_reader() -> None:
    r = reader_from_stripe(reader(), {"tml_FDOtHwxAAdIJOh": "Boutique Plateau"})
    assert (r.id, r.label, r.device_type, r.serial_number) == (
        "tmr_FDOt2wlRZEdpd7", "Front counter", "bbpos_wisepos_e", "WSC513105011295")
    assert (r.location_id, r.location_name, r.status) == (
        "tml_FDOtHwxAAdIJOh", "Boutique Plateau", "online")
    assert r.last_seen_at == AT_T0 + timedelta(milliseconds=250)  # milliseconds, not seconds
    assert r.last_seen_at.tzinfo is UTC
    assert r.action is None and not r.busy and r.can_refund


def test_reader_location_expanded() -> None:
    r = reader_from_stripe(reader(location=location()))
    assert (r.location_id, r.location_name) == ("tml_FDOtHwxAAdIJOh", "Boutique Plateau")


@pytest.mark.parametrize("names", [None, {}, {"tml_other": "Elsewhere"}])
def test_reader_location_name_unknown(names: dict[str, str] | None) -> None:
    r = reader_from_stripe(reader(), names)
    assert (r.location_id, r.location_name) == ("tml_FDOtHwxAAdIJOh", None)


def test_mobile_reader_without_status_location_or_last_seen() -> None:
    r = reader_from_stripe(reader(device_type="mobile_phone_reader", status=None, location=None,
                                  last_seen_at=None))
    assert (r.status, r.location_id, r.location_name, r.last_seen_at) == (None,) * 4


def test_unknown_device_type_is_kept() -> None:
    r = reader_from_stripe(reader(device_type="stripe_s900"))
    assert (r.device_type, r.model, r.can_refund) == ("stripe_s900", "stripe_s900", False)


def test_deleted_reader() -> None:
    with pytest.raises(NotFound, match=r"^stripe\.reader_deleted$"):
        reader_from_stripe({"id": "tmr_gone", "object": "terminal.reader", "deleted": True})


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ({"id": None}, "“id” is missing"),
        ({"device_type": None}, "“device_type” is missing"),
        ({"last_seen_at": "yesterday"}, "“last_seen_at” is not a whole number"),
        ({"location": 7}, "“location” is neither an id nor an object"),
        ({"status": False}, "“status” is not text"),
    ],
)
def test_malformed_reader(change: dict[str, Any], detail: str) -> None:
    with pytest.raises(MalformedResponse) as caught:
        reader_from_stripe(reader(**change))
    assert coded(caught.value) == (S.UNREADABLE_OBJECT, {"what": "a reader", "detail": detail})


# --- reader actions --------------------------------------------------------------------------


def test_refund_action_in_progress() -> None:
    r = reader_from_stripe(reader(action=refund_action()))
    a = r.action
    assert a is not None and r.busy
    assert (a.type, a.status, a.payment_intent, a.refund_id, a.amount) == (
        "refund_payment", "in_progress", PI_ID, None, 1500)
    assert a.metadata == {"pos_operation": "op-7f3a"}
    assert (a.failure_code, a.failure_message) == (None, None)


@pytest.mark.parametrize(
    "refund_value", ["re_3SXq2nLkdIwHu7ix0qWv7S4d", refund()], ids=["id", "expanded"])
def test_refund_action_succeeded(refund_value: Any) -> None:
    raw = refund_action("succeeded")
    raw["refund_payment"]["refund"] = refund_value
    raw["refund_payment"]["payment_intent"] = payment_intent()  # expanded too
    a = reader_action_from_stripe(raw)
    assert a is not None
    assert (a.status, a.refund_id, a.payment_intent) == (
        "succeeded", "re_3SXq2nLkdIwHu7ix0qWv7S4d", PI_ID)


def test_refund_action_failed() -> None:
    a = reader_action_from_stripe(refund_action(
        "failed", failure_code="customer_canceled",
        failure_message="The customer canceled the refund."))
    assert a is not None
    assert (a.status, a.failure_code, a.failure_message) == (
        "failed", "customer_canceled", "The customer canceled the refund.")


def test_failed_action_with_only_an_api_error() -> None:
    a = reader_action_from_stripe(refund_action("failed", api_error={
        "type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
        "message": "Your card has insufficient funds."}))
    assert a is not None
    assert (a.failure_code, a.failure_message) == (
        "card_declined", "Your card has insufficient funds.")


def test_process_payment_intent_action() -> None:
    a = reader_action_from_stripe({
        "type": "process_payment_intent", "status": "in_progress",
        "failure_code": None, "failure_message": None,
        "process_payment_intent": {"payment_intent": PI_ID,
                                   "process_config": {"enable_customer_cancellation": False}},
    })
    assert a is not None
    assert (a.type, a.payment_intent, a.refund_id, a.amount, a.metadata) == (
        "process_payment_intent", PI_ID, None, None, {})


def test_unknown_action_type_is_kept() -> None:
    a = reader_action_from_stripe({"type": "collect_tip", "status": "in_progress"})
    assert a is not None and (a.type, a.payment_intent) == ("collect_tip", None)


def test_no_action() -> None:
    assert reader_action_from_stripe(None) is None


@pytest.mark.parametrize(
    ("raw", "detail"),
    [
        ({"status": "in_progress"}, "“type” is missing"),
        ({"type": "refund_payment"}, "“status” is missing"),
        ({"type": "refund_payment", "status": "in_progress", "refund_payment": {"amount": "1"}},
         "“amount” is not a whole number"),
        ("refund_payment", "not an object: str"),
    ],
)
def test_malformed_action(raw: Any, detail: str) -> None:
    with pytest.raises(MalformedResponse) as caught:
        reader_action_from_stripe(raw)
    assert coded(caught.value) == (S.UNREADABLE_OBJECT,
                                   {"what": "a reader action", "detail": detail})


# --- the SDK's own objects -------------------------------------------------------------------


def test_stripe_sdk_objects_are_read_too() -> None:
    """stripe 16's StripeObject is not a Mapping (its .get raises): mapping must still read it."""
    stripe = pytest.importorskip("stripe")
    pi = stripe.PaymentIntent.construct_from(
        payment_intent(latest_charge=charge(refunds=[refund()])), "sk_test_x")
    assert not isinstance(pi, dict)
    p = payment_from_stripe(pi)
    assert (p.id, p.network, p.last4, len(p.refunds)) == (PI_ID, "visa", "4242", 1)
    assert p.receipt["dedicated_file_name"] == "A0000000031010"
    rd = stripe.terminal.Reader.construct_from(
        reader(location=location(), action=refund_action()), "sk_test_x")
    r = reader_from_stripe(rd)
    assert (r.location_name, r.action.amount) == ("Boutique Plateau", 1500)
    assert refund_from_stripe(stripe.Refund.construct_from(refund(), "sk_test_x")).amount == (
        Money(1000, "cad"))


# --- holds released are not refunds ---------------------------------------------------------


def test_a_canceled_authorization_is_released_not_refunded() -> None:
    """Stripe releases a canceled authorization as a refund on its charge: the customer was
    never charged, so the app shows no refund, nothing refunded and no slip to print."""
    release = refund(id="re_release", amount=5000, reason=None, metadata={})
    pi = payment_intent(status="canceled", canceled_at=T0 + 60, latest_charge=charge(
        refunds=[release], captured=False, amount_captured=0))
    p = payment_from_stripe(pi)
    assert p.refunds == ()
    assert [r.id for r in p.releases] == ["re_release"]
    assert p.released == Money(5000, "cad")
    assert p.amount_refunded == Money(0, "cad")
    assert p.state is PaymentState.CANCELED


def test_the_rest_of_a_partial_capture_is_released_and_refunds_count_from_what_was_taken() -> None:
    """Captured 30.00 of 50.00: Stripe releases the other 20.00 as a refund. A later refund of
    10.00 by the cashier is the only refund; 20.00 are left to refund."""
    release = refund(id="re_rest", amount=2000, reason=None, created=T0 + 30, metadata={})
    later = refund(id="re_cashier", amount=1000, created=T0 + 600)
    pi = payment_intent(amount_received=3000, latest_charge=charge(
        refunds=[later, release], amount_captured=3000))
    p = payment_from_stripe(pi)
    assert [r.id for r in p.refunds] == ["re_cashier"]
    assert [r.id for r in p.releases] == ["re_rest"]
    assert p.amount_refunded == Money(1000, "cad")
    assert p.refundable == Money(2000, "cad")
    assert p.state is PaymentState.PARTIALLY_REFUNDED


def test_an_expired_hold_is_a_release_whatever_its_amount() -> None:
    expired = refund(id="re_expired", amount=5000, reason="expired_uncaptured_charge",
                     metadata={})
    pi = payment_intent(status="canceled", cancellation_reason="automatic",
                        latest_charge=charge(refunds=[expired], captured=False,
                                             amount_captured=0))
    p = payment_from_stripe(pi)
    assert p.refunds == () and p.released == Money(5000, "cad")


def test_a_fully_captured_payment_has_no_release() -> None:
    pi = payment_intent(latest_charge=charge(refunds=[refund(amount=5000)]))
    p = payment_from_stripe(pi)
    assert p.releases == () and len(p.refunds) == 1 and p.refundable == Money(0, "cad")
