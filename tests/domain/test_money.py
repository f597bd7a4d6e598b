"""parse_amount, the exponent table and format_plain: what a cashier types becomes minor units."""

from __future__ import annotations

import pytest

from pos_refunds.domain.errors import AmountError
from pos_refunds.domain.money import (
    CURRENCY_EXPONENTS,
    MAX_AMOUNT_MINOR,
    Money,
    currency_exponent,
    format_plain,
    parse_amount,
)
from pos_refunds.domain.reasons import AmountReason as A

ZERO = "bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf"
FR_CA = {"decimal_point": ",", "group_separator": "\u00a0"}


@pytest.mark.parametrize(
    ("currency", "exponent"),
    [
        *[(c, 0) for c in ZERO.split()],
        *[(c, 3) for c in "bhd jod kwd omr tnd".split()],
        *[(c, 2) for c in "cad usd eur gbp aud chf isk huf twd mxn inr sek".split()],
        ("JPY", 0),  # case does not matter
        ("KWD", 3),
    ],
)
def test_currency_exponent(currency: str, exponent: int) -> None:
    assert currency_exponent(currency) == exponent


def test_unknown_currency_has_two_decimals() -> None:
    assert "zzz" not in CURRENCY_EXPONENTS
    assert currency_exponent("zzz") == 2


def test_table_covers_stripe_currencies() -> None:
    assert len(CURRENCY_EXPONENTS) >= 135
    assert all(len(c) == 3 and c.islower() for c in CURRENCY_EXPONENTS)
    assert set(CURRENCY_EXPONENTS.values()) == {0, 2, 3}


@pytest.mark.parametrize(
    ("text", "currency", "options", "minor"),
    [
        ("12.5", "cad", {}, 1250),
        ("12.50", "cad", {}, 1250),
        ("12", "cad", {}, 1200),
        ("0.01", "cad", {}, 1),
        (".5", "cad", {}, 50),
        ("12.", "cad", {}, 1200),
        ("  7.25\t", "usd", {}, 725),
        ("+3", "cad", {}, 300),
        ("12,50", "cad", FR_CA, 1250),
        ("12,5", "cad", FR_CA, 1250),
        ("1 234,56", "cad", FR_CA, 123456),
        ("1\u00a0234,56", "cad", FR_CA, 123456),
        ("1\u202f234,56", "cad", FR_CA, 123456),
        ("234 567,89", "cad", FR_CA, 23456789),
        ("12.50", "cad", FR_CA, 1250),  # a dot typed out of habit on a fr-CA till
        ("1,234.56", "usd", {}, 123456),
        ("1,234", "usd", {}, 123400),
        ("1 234.56", "usd", {}, 123456),
        ("1.234,56", "eur", {"decimal_point": ",", "group_separator": "."}, 123456),
        ("$12.50", "cad", {}, 1250),
        ("$ 12.50", "usd", {}, 1250),
        ("12,50 $", "cad", FR_CA, 1250),
        ("12,50\u00a0$", "cad", FR_CA, 1250),
        ("CA$12.50", "cad", {}, 1250),
        ("C$12.50", "cad", {}, 1250),
        ("12.50 CAD", "cad", {}, 1250),
        ("cad 12.50", "cad", {}, 1250),
        ("US$9.99", "usd", {}, 999),
        ("€12,50", "eur", {"decimal_point": ",", "group_separator": "."}, 1250),
        ("¥1200", "jpy", {}, 1200),
        ("￥1,200", "jpy", {}, 1200),
        ("1200 JPY", "jpy", {}, 1200),
        ("1200円", "jpy", {}, 1200),
        ("12.345", "kwd", {}, 12345),
        ("12.3", "kwd", {}, 12300),
        ("5000", "vnd", {}, 5000),
        ("999999.99", "cad", {}, MAX_AMOUNT_MINOR),
        ("99999999", "jpy", {}, MAX_AMOUNT_MINOR),
        ("99999.999", "bhd", {}, MAX_AMOUNT_MINOR),
        ("0012.50", "cad", {}, 1250),
        # a symbol that ends in a point keeps it: 12 kroner, not 0.12
        ("kr.12", "dkk", {}, 1200),
        ("kr.12,50", "dkk", {"decimal_point": ",", "group_separator": "."}, 1250),
        ("Fr.12.50", "chf", {}, 1250),
        ("kr..5", "dkk", {}, 50),
        ("$.5", "cad", {}, 50),
    ],
)
def test_parse_amount_accepts(text: str, currency: str, options: dict, minor: int) -> None:
    assert parse_amount(text, currency, **options) == Money(minor, currency)


@pytest.mark.parametrize(
    ("text", "currency", "options", "coded"),
    [
        ("", "cad", {}, (A.EMPTY, {})),
        ("   ", "cad", {}, (A.EMPTY, {})),
        ("\u00a0", "cad", {}, (A.EMPTY, {})),
        ("abc", "cad", {}, (A.NOT_AN_AMOUNT, {"text": "abc"})),
        ("$", "cad", {}, (A.NOT_AN_AMOUNT, {"text": "$"})),
        (".", "cad", {}, (A.NOT_AN_AMOUNT, {"text": "."})),
        ("1.2.3", "cad", {}, (A.NOT_AN_AMOUNT, {"text": "1.2.3"})),
        ("12,50", "cad", {}, (A.NOT_AN_AMOUNT, {"text": "12,50"})),  # never read as 1250
        ("1,2345", "usd", {}, (A.NOT_AN_AMOUNT, {"text": "1,2345"})),
        ("1 23", "usd", {}, (A.NOT_AN_AMOUNT, {"text": "1 23"})),
        ("1,234.56", "cad", FR_CA, (A.NOT_AN_AMOUNT, {"text": "1,234.56"})),
        ("12-50", "cad", {}, (A.NOT_AN_AMOUNT, {"text": "12-50"})),
        ("12 zz", "cad", {}, (A.NOT_AN_AMOUNT, {"text": "12 zz"})),
        ("1e3", "cad", {}, (A.NOT_AN_AMOUNT, {"text": "1e3"})),
        ("12 EUR", "cad", {}, (A.OTHER_CURRENCY, {"currency": "cad", "typed": "eur"})),
        ("-5", "cad", {}, (A.NEGATIVE, {})),
        ("−5", "cad", {}, (A.NEGATIVE, {})),
        ("$-5", "cad", {}, (A.NEGATIVE, {})),
        ("5-", "cad", {}, (A.NEGATIVE, {})),
        ("(5.00)", "cad", {}, (A.NEGATIVE, {})),
        ("0", "cad", {}, (A.ZERO, {})),
        ("0.00", "cad", {}, (A.ZERO, {})),
        ("$1200", "jpy", {}, (A.NOT_AN_AMOUNT, {"text": "$1200"})),
        ("12.5", "jpy", {}, (A.NO_DECIMALS, {"currency": "jpy"})),
        ("1200.00", "jpy", {}, (A.NO_DECIMALS, {"currency": "jpy"})),
        ("12.505", "cad", {}, (A.TOO_MANY_DECIMALS, {"currency": "cad", "decimals": 2})),
        ("12,505", "cad", FR_CA, (A.TOO_MANY_DECIMALS, {"currency": "cad", "decimals": 2})),
        ("1.2345", "kwd", {}, (A.TOO_MANY_DECIMALS, {"currency": "kwd", "decimals": 3})),
        ("1000000", "cad", {}, (A.TOO_LARGE, {"maximum": Money(MAX_AMOUNT_MINOR, "cad")})),
        ("100000000", "jpy", {}, (A.TOO_LARGE, {"maximum": Money(MAX_AMOUNT_MINOR, "jpy")})),
        ("9" * 40, "cad", {}, (A.TOO_LARGE, {"maximum": Money(MAX_AMOUNT_MINOR, "cad")})),
    ],
)
def test_parse_amount_refuses(text: str, currency: str, options: dict, coded: tuple) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(text, currency, **options)
    assert (caught.value.reason, caught.value.params) == coded


@pytest.mark.parametrize(
    ("text", "maximum", "expected"),
    [
        ("12.50", Money(1250, "cad"), Money(1250, "cad")),  # exactly the maximum is fine
        ("0.01", Money(1250, "cad"), Money(1, "cad")),
    ],
)
def test_parse_amount_up_to_maximum(text: str, maximum: Money, expected: Money) -> None:
    assert parse_amount(text, "cad", maximum=maximum) == expected


@pytest.mark.parametrize(
    ("text", "currency", "maximum"),
    [
        ("12.51", "cad", Money(1250, "cad")),
        ("1201", "jpy", Money(1200, "jpy")),
        ("1", "cad", Money(0, "cad")),
    ],
)
def test_parse_amount_over_maximum(text: str, currency: str, maximum: Money) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(text, currency, maximum=maximum)
    assert (caught.value.reason, caught.value.params) == (A.OVER_REFUNDABLE, {"maximum": maximum})


def test_parse_amount_maximum_in_other_currency_is_a_bug() -> None:
    with pytest.raises(ValueError, match="usd"):
        parse_amount("1", "cad", maximum=Money(100, "usd"))


def test_amount_error_is_a_value_error_with_a_reason() -> None:
    error = pytest.raises(AmountError, parse_amount, "abc", "cad").value
    assert error.reason is A.NOT_AN_AMOUNT and error.params == {"text": "abc"}
    assert isinstance(error, ValueError)


def test_parse_amount_currency_case_is_normalised() -> None:
    assert parse_amount("1", "CAD") == Money(100, "cad")


@pytest.mark.parametrize(
    ("money", "options", "text"),
    [
        (Money(1250, "cad"), {}, "12.50"),
        (Money(5, "cad"), {}, "0.05"),
        (Money(1250, "cad"), {"decimal_point": ","}, "12,50"),
        (Money(1200, "jpy"), {}, "1200"),
        (Money(12345, "kwd"), {}, "12.345"),
        (Money(123456789 // 10, "usd"), {}, "123456.78"),
    ],
)
def test_format_plain(money: Money, options: dict, text: str) -> None:
    assert format_plain(money, **options) == text


@pytest.mark.parametrize("minor", [1, 9, 10, 99, 100, 1250, 123456, MAX_AMOUNT_MINOR])
@pytest.mark.parametrize("currency", ["cad", "jpy", "kwd"])
def test_format_plain_round_trips_through_parse_amount(minor: int, currency: str) -> None:
    money = Money(minor, currency)
    assert parse_amount(format_plain(money), currency) == money
    fr = format_plain(money, decimal_point=",")
    assert parse_amount(fr, currency, **FR_CA) == money
