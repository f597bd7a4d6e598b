"""The refund slip record and its HTML: every receipt field present or absent, currencies,
Interac and cards, the training marker and the signature line."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from pos_refunds.domain.money import Money
from pos_refunds.domain.payments import Payment
from pos_refunds.domain.reasons import SlipReason
from pos_refunds.domain.refund_slip import (
    RECEIPT_FIELDS,
    SlipContext,
    SlipNotAvailable,
    build_refund_slip,
)
from pos_refunds.ui.refund_slip_html import slip_html
from tests.support.builders import make_payment, make_refund

TRAINING_MARK = "TRAINING — NOT A REAL REFUND"

PAID = datetime(2026, 11, 28, 15, 5, tzinfo=UTC)
REFUNDED = datetime(2026, 11, 29, 18, 40, tzinfo=UTC)
SHOP = SlipContext("Corner Café", training=False)
FULL_RECEIPT = {
    "application_preferred_name": "VISA CREDIT", "dedicated_file_name": "A0000000031010",
    "account_type": "credit", "authorization_code": "123456",
    "authorization_response_code": "3030", "cardholder_verification_method": "online_pin",
    "terminal_verification_results": "0000008000", "transaction_status_information": "E800",
    "application_cryptogram": "A1B2C3D4E5F60708",
}


def payment(*, currency: str = "cad", amount: int = 4250, refunded: int = 1250,
            pm_type: str = "card_present", network: str = "visa", receipt: dict | None = None,
            status: str = "succeeded", refund_status: str = "succeeded",
            metadata: dict | None = None) -> Payment:
    refund = make_refund("re_1", refunded, currency=currency, status=refund_status,
                         created=REFUNDED, metadata=metadata if metadata is not None
                         else {"pos_staff": "Casey Cashier"})
    return make_payment(
        "pi_1", status=status, amount=amount, currency=currency, refunded=refunded,
        payment_method_type=pm_type, network=network, brand=network, reader_id="tmr_1",
        location_id=None, created=PAID, capture_hours=None, description=None, charge_id="ch_1",
        refunds=(refund,), receipt=FULL_RECEIPT if receipt is None else receipt,
        amount_received=Money(amount, currency), amount_capturable=Money(0, currency))


def test_every_receipt_field_in_order_with_words() -> None:
    slip = build_refund_slip(payment(), "re_1", SHOP)
    assert [field for field, _ in slip.receipt] == list(RECEIPT_FIELDS)
    values = dict(slip.receipt)  # as Stripe sent them: the UI words them
    assert values["dedicated_file_name"] == "A0000000031010"
    assert values["cardholder_verification_method"] == "online_pin"
    assert values["account_type"] == "credit"
    html = slip_html(slip)
    for label, value in (("AID", "A0000000031010"), ("Application", "VISA CREDIT"),
                         ("Account type", "Credit"), ("Authorization code", "123456"),
                         ("ARC", "3030"), ("Verification", "PIN verified online"),
                         ("TVR", "0000008000"), ("TSI", "E800")):
        assert f'<td class="label">{label}</td><td class="value">{value}</td>' in html


def test_absent_receipt_fields_are_left_out() -> None:
    slip = build_refund_slip(payment(receipt={"authorization_code": "654321",
                                              "dedicated_file_name": ""}), "re_1", SHOP)
    assert slip.receipt == (("authorization_code", "654321"),)
    html = slip_html(slip)
    assert "AID" not in html and "TVR" not in html and "654321" in html
    none = build_refund_slip(payment(receipt={}), "re_1", SHOP)
    assert none.receipt == ()
    assert "Application" not in slip_html(none)


def test_the_slip_says_what_was_refunded_and_from_what() -> None:
    slip = build_refund_slip(payment(), "re_1", SHOP)
    assert slip.amount == Money(1250, "cad")
    assert slip.original_amount == Money(4250, "cad") and slip.original_at == PAID
    assert slip.refunded_at == REFUNDED
    assert (slip.refund_id, slip.payment_intent_id) == ("re_1", "pi_1")
    assert slip.served_by == "Casey Cashier"
    assert (slip.reason, slip.note) == ("requested_by_customer", None)
    html = slip_html(slip)
    for text in ("Corner Café", "REFUND", "$12.50 CAD", "$42.50", "Visa •••• 4242", "re_1",
                 "pi_1", "Casey Cashier", "Requested by the customer", "2026-11-"):
        assert text in html
    assert TRAINING_MARK not in html


def test_jpy_has_no_decimals() -> None:
    slip = build_refund_slip(payment(currency="jpy", amount=5000, refunded=1500), "re_1", SHOP)
    html = slip_html(slip)
    assert "¥1,500 JPY" in html and "¥5,000" in html
    assert "1,500.00" not in html


def test_interac_is_in_person_on_the_reader_named() -> None:
    interac = payment(pm_type="interac_present", network="interac",
                      receipt={"account_type": "checking",
                               "cardholder_verification_method": "online_pin"})
    slip = build_refund_slip(interac, "re_1", SHOP, reader_label="Counter 1")
    assert slip.in_person and slip.reader == "Counter 1" and slip.card == "Interac"
    html = slip_html(slip)
    assert "in person on Counter 1" in html and "Interac •••• 4242" in html
    assert "Checking" in html
    reprint = build_refund_slip(interac, "re_1", SHOP)  # a reprint: which reader is not known
    assert "in person, card on a reader" in slip_html(reprint)


def test_card_present_is_not_marked_in_person() -> None:
    slip = build_refund_slip(payment(), "re_1", SHOP, reader_label=None)
    assert not slip.in_person
    assert "in person" not in slip_html(slip)


def test_training_marker() -> None:
    slip = build_refund_slip(payment(), "re_1", SlipContext("Shop", training=True))
    assert slip.training
    assert slip_html(slip).count(TRAINING_MARK) == 2  # at the top and at the bottom


@pytest.mark.parametrize(("cvm", "line"), [
    ("signature", True), ("offline_pin_and_signature", True), ("online_pin", False),
    ("offline_pin", False), ("none", False), ("approval", False)])
def test_signature_line_only_for_a_signature_cvm(cvm: str, line: bool) -> None:
    slip = build_refund_slip(
        payment(receipt={"cardholder_verification_method": cvm}), "re_1", SHOP)
    assert slip.signature_line is line
    assert ("Customer signature" in slip_html(slip)) is line
    no_cvm = build_refund_slip(payment(receipt={}), "re_1", SHOP)
    assert not no_cvm.signature_line


def test_staff_and_note_absent_or_present() -> None:
    outside = build_refund_slip(payment(metadata={}), "re_1", SHOP)
    assert outside.served_by is None and "Served by" not in slip_html(outside)
    noted = build_refund_slip(payment(metadata={"pos_staff": "Morgan", "pos_note": "wrong size"}),
                              "re_1", SHOP)
    assert (noted.reason, noted.note) == ("requested_by_customer", "wrong size")
    assert "Requested by the customer — wrong size" in slip_html(noted)


def test_shop_name_escaped() -> None:
    slip = build_refund_slip(payment(), "re_1", SlipContext("Bob & <Sons>", training=False))
    assert "Bob &amp; &lt;Sons&gt;" in slip_html(slip)


def test_no_slip_for_a_refund_not_listed_or_not_succeeded() -> None:
    with pytest.raises(SlipNotAvailable) as missing:
        build_refund_slip(payment(), "re_other", SHOP)
    assert missing.value.reason is SlipReason.NOT_FOUND
    assert missing.value.params == {"refund": "re_other", "payment": "pi_1"}
    with pytest.raises(SlipNotAvailable) as failed:
        build_refund_slip(payment(refund_status="failed"), "re_1", SHOP)
    assert failed.value.reason is SlipReason.NOT_SUCCEEDED
    assert failed.value.params == {"refund": "re_1", "status": "failed"}


def test_fully_refunded_is_said() -> None:
    full = payment(refunded=4250)
    assert build_refund_slip(full, "re_1", SHOP).fully_refunded
    assert "Fully refunded" in slip_html(build_refund_slip(full, "re_1", SHOP))
    assert not build_refund_slip(replace(full, amount_refunded=Money(0, "cad")), "re_1",
                                 SHOP).fully_refunded
