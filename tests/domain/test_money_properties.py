"""Properties of amounts: what a cashier types, in any currency and on any of our tills' locales,
becomes exactly the Money they meant, or a refusal with a reason (AmountError). Never a rounded
amount, never another exception, never a float on the way.

The typed text is built here, not with the UI's formatter, so these tests stay free of Qt: the
separators are the ones QLocale gives for each locale (en_CA "12.50", fr_CA "1 234,50"...).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pos_refunds.domain.errors import AmountError
from pos_refunds.domain.money import (
    _SYMBOLS,
    MAX_AMOUNT_MINOR,
    THREE_DECIMAL,
    TWO_DECIMAL,
    ZERO_DECIMAL,
    Money,
    currency_exponent,
    format_plain,
    parse_amount,
)
from pos_refunds.domain.reasons import AmountReason

UNKNOWN = "zzz"  # not a Stripe currency: two decimals, Stripe's rule for anything not listed
# Each exponent (0, 2, 3) about as often as the others, though most currencies have two; and
# often one with symbols of its own ($, kr., Fr., ¥...), which a cashier may type too.
currencies = st.one_of(
    st.sampled_from(sorted(ZERO_DECIMAL)),
    st.sampled_from(sorted(TWO_DECIMAL)),
    st.sampled_from(sorted(THREE_DECIMAL)),
    st.sampled_from(sorted(_SYMBOLS)),
    st.just(UNKNOWN),
)
# (decimal point, group separator) of the tills' locales, as QLocale gives them.
LOCALES = {
    "en_CA": (".", ","),
    "fr_CA": (",", "\u00a0"),
    "fr_FR": (",", "\u202f"),
    "de_DE": (",", "."),
    "de_CH": (".", "'"),
}
locales = st.sampled_from(list(LOCALES.values()))
SPACES = ("", " ", "\u00a0", "\u202f")  # between a symbol and the number, or none
MINUS = ("-", "\u2212", "\u2013")


def _grouped(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    return separator.join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


def _too_many_decimals(currency: str) -> tuple[AmountReason, dict[str, object]]:
    exponent = currency_exponent(currency)
    if exponent == 0:
        return AmountReason.NO_DECIMALS, {"currency": currency}
    return AmountReason.TOO_MANY_DECIMALS, {"currency": currency, "decimals": exponent}


def _coded(error: AmountError) -> tuple[object, dict[str, object]]:
    return error.reason, error.params


@st.composite
def typed(draw: st.DrawFn, money: Money, point: str, group: str) -> str:
    """`money` as a cashier might type it on a till with these separators: grouped or not,
    trailing zeros left off or not, with the currency's code or symbol before or after, or not."""
    exponent = money.exponent
    whole, fraction = divmod(money.minor, 10**exponent)
    digits = str(whole)
    if draw(st.booleans()):
        digits = _grouped(digits, draw(st.sampled_from([group, " ", "\u00a0", "\u202f"])))
    if whole == 0 and draw(st.booleans()):
        digits = ""  # ".50"
    decimals = str(fraction).zfill(exponent) if exponent else ""
    decimals = decimals[: draw(st.integers(len(decimals.rstrip("0")), len(decimals)))]
    text = digits + (point + decimals if decimals else draw(st.sampled_from(["", point])))
    markers = [money.currency.upper(), money.currency, *_SYMBOLS.get(money.currency, ())]
    marker = draw(st.none() | st.sampled_from(markers))
    if marker is not None:
        space = draw(st.sampled_from(SPACES))
        text = marker + space + text if draw(st.booleans()) else text + space + marker
    if draw(st.booleans()):
        text = "+" + text
    pad = st.sampled_from(["", " ", "\t", "\u00a0"])
    return draw(pad) + text + draw(pad)


SENDABLE = st.integers(1, MAX_AMOUNT_MINOR)  # every amount Stripe takes


@st.composite
def entries(draw: st.DrawFn, minor: st.SearchStrategy[int] = SENDABLE
            ) -> tuple[Money, tuple[str, str], str]:
    """An amount, a till's separators, and the amount typed on that till."""
    money = Money(draw(minor), draw(currencies))
    point, group = draw(locales)
    return money, (point, group), draw(typed(money, point, group))


def _parse(text: str, currency: str, separators: tuple[str, str], **options: object) -> Money:
    point, group = separators
    return parse_amount(text, currency, decimal_point=point, group_separator=group,
                        **options)  # type: ignore[arg-type]


# --- what a cashier types is what they get --------------------------------------------------


@given(entries())
@example((Money(1250, "cad"), LOCALES["en_CA"], "12.50"))
@example((Money(1250, "cad"), LOCALES["fr_CA"], "12,50 $"))
@example((Money(123456, "cad"), LOCALES["fr_CA"], "1\u00a0234,56"))
@example((Money(1200, "jpy"), LOCALES["en_CA"], "¥1,200"))
@example((Money(12345, "kwd"), LOCALES["en_CA"], "12.345 KWD"))
@example((Money(MAX_AMOUNT_MINOR, "cad"), LOCALES["en_CA"], "999,999.99"))
@example((Money(1200, "dkk"), LOCALES["en_CA"], "kr.12"))  # was read as 0.12 DKK
@example((Money(100, "dkk"), LOCALES["de_DE"], "kr.1,0"))  # was refused
@example((Money(100, "chf"), LOCALES["en_CA"], "Fr.1.0"))  # was refused
@example((Money(50, "dkk"), LOCALES["en_CA"], "kr..5"))
@example((Money(50, "cad"), LOCALES["en_CA"], "+$.5"))
def test_what_a_cashier_types_parses_back_to_the_same_money(
    entry: tuple[Money, tuple[str, str], str],
) -> None:
    money, separators, text = entry
    assert _parse(text, money.currency, separators) == money


@given(SENDABLE, currencies, locales)
def test_format_plain_and_str_parse_back(minor: int, currency: str,
                                         separators: tuple[str, str]) -> None:
    """The pre-filled amount field and the plain text of logs both read back as written."""
    money = Money(minor, currency)
    assert _parse(format_plain(money, decimal_point=separators[0]), currency, separators) == money
    assert parse_amount(str(money), currency) == money


@given(currencies, st.integers(0, 10**8), st.integers(0, 10**3), locales, st.integers(0, 30))
@example("cad", 0, 29, LOCALES["en_CA"], 0)  # float: int(0.29 * 100) == 28
@example("cad", 1, 15, LOCALES["fr_CA"], 0)  # float: 1.15 * 100 == 114.99999999999999
@example("kwd", 1, 5, LOCALES["en_CA"], 0)  # float: 1.005 * 1000 == 1004.9999999999999
@example("cad", 12, 34, LOCALES["en_CA"], 30)
def test_parsing_is_exact_never_through_float(
    currency: str, whole: int, fraction: int, separators: tuple[str, str], zeros: int
) -> None:
    """The value is the typed digits themselves (checked with string arithmetic), for every
    amount, including those a float gets wrong and those written with leading zeros."""
    exponent = currency_exponent(currency)
    decimals = str(fraction % 10**exponent).zfill(exponent) if exponent else ""
    text = "0" * zeros + str(whole) + (separators[0] + decimals if decimals else "")
    minor = int(str(whole) + decimals)
    if 1 <= minor <= MAX_AMOUNT_MINOR:
        assert _parse(text, currency, separators) == Money(minor, currency)
    else:
        with pytest.raises(AmountError):
            _parse(text, currency, separators)


@given(entries(), st.integers(0, MAX_AMOUNT_MINOR))
def test_up_to_the_maximum_and_not_one_unit_more(
    entry: tuple[Money, tuple[str, str], str], limit: int
) -> None:
    money, separators, text = entry
    maximum = Money(limit, money.currency)
    if money.minor <= limit:
        assert _parse(text, money.currency, separators, maximum=maximum) == money
    else:
        with pytest.raises(AmountError) as refused:
            _parse(text, money.currency, separators, maximum=maximum)
        assert _coded(refused.value) == (AmountReason.OVER_REFUNDABLE, {"maximum": maximum})


# --- refusals, always with a reason ---------------------------------------------------------


@st.composite
def overlong(draw: st.DrawFn) -> tuple[str, tuple[str, str], str]:
    """An amount typed with more decimals than its currency has (any digits, zeros too)."""
    currency = draw(currencies)
    point, group = draw(locales)
    more = draw(st.integers(currency_exponent(currency) + 1, currency_exponent(currency) + 6))
    decimals = draw(st.text("0123456789", min_size=more, max_size=more))
    return currency, (point, group), f"{draw(st.integers(0, 10**6))}{point}{decimals}"


@given(overlong())
@example(("jpy", LOCALES["en_CA"], "1200.00"))  # exact in value, still refused: never rounded
@example(("cad", LOCALES["fr_CA"], "12,505"))
@example(("cad", LOCALES["en_CA"], "0.001"))
@example(("kwd", LOCALES["en_CA"], "1.2345"))
def test_more_decimals_than_the_currency_has_are_refused_never_rounded(
    entry: tuple[str, tuple[str, str], str],
) -> None:
    currency, separators, text = entry
    with pytest.raises(AmountError) as refused:
        _parse(text, currency, separators)
    assert _coded(refused.value) == _too_many_decimals(currency)


@st.composite
def zeros(draw: st.DrawFn) -> tuple[str, tuple[str, str], str]:
    currency = draw(currencies)
    point, group = draw(locales)
    exponent = currency_exponent(currency)
    whole = "0" * draw(st.integers(0 if exponent else 1, 4))
    decimals = "0" * draw(st.integers(0 if whole else 1, exponent))
    text = whole + (point + decimals if decimals else "")
    marker = draw(st.sampled_from(["", currency.upper(), " " + currency]))
    return currency, (point, group), text + marker


@given(zeros())
def test_zero_is_refused(entry: tuple[str, tuple[str, str], str]) -> None:
    currency, separators, text = entry
    with pytest.raises(AmountError) as refused:
        _parse(text, currency, separators)
    assert _coded(refused.value) == (AmountReason.ZERO, {})


@given(entries(), st.sampled_from(MINUS), st.sampled_from(["before", "after", "brackets"]))
def test_a_minus_sign_is_refused(
    entry: tuple[Money, tuple[str, str], str], minus: str, where: str
) -> None:
    money, separators, text = entry
    text = text.strip()
    signed = {"before": minus + text, "after": text + minus, "brackets": f"({text})"}[where]
    with pytest.raises(AmountError) as refused:
        _parse(signed, money.currency, separators)
    assert _coded(refused.value) == (AmountReason.NEGATIVE, {})


@given(entries(st.integers(MAX_AMOUNT_MINOR + 1, 10**40)))
@example((Money(123456789012345, "cad"), LOCALES["en_CA"], "1234567890123.45"))
@example((Money(MAX_AMOUNT_MINOR + 1, "jpy"), LOCALES["en_CA"], "100,000,000"))
def test_too_large_is_refused(entry: tuple[Money, tuple[str, str], str]) -> None:
    """Stripe takes at most eight digits of minor units: beyond, a refusal, not a rounding."""
    money, separators, text = entry
    with pytest.raises(AmountError) as refused:
        _parse(text, money.currency, separators)
    ceiling = Money(MAX_AMOUNT_MINOR, money.currency)
    assert _coded(refused.value) == (AmountReason.TOO_LARGE, {"maximum": ceiling})


# What Decimal or float would read as a number, but a cashier's amount field must not.
NOT_AMOUNTS = (
    "nan", "NaN", "sNaN", "-nan", "inf", "Infinity", "-Infinity", "1e3", "1E3", "2e-2", "1e+3",
    "12.5e1", "0x1F", "1_000", "½", "Ⅻ", "٣", "١٢٣", "١٢٫٥٠", "１２３", "１２.５０", "१२३", "𝟙𝟚",
    "12.50.", "1..5", "1,,000", "--5", "5 5", "1 2 3", "12 50", "$", ".", ",", "+", "()",
)


@given(st.sampled_from(NOT_AMOUNTS), currencies, locales,
       st.sampled_from([("", ""), ("$", ""), ("", " CAD"), ("€ ", ""), ("", " kr.")]))
def test_notations_other_parsers_take_are_refused(
    text: str, currency: str, separators: tuple[str, str], marker: tuple[str, str]
) -> None:
    with pytest.raises(AmountError) as refused:
        _parse(marker[0] + text + marker[1], currency, separators)
    assert refused.value.reason in AmountReason


@given(entries(), st.data())
def test_a_digit_of_another_script_is_refused(
    entry: tuple[Money, tuple[str, str], str], data: st.DataObject
) -> None:
    """Decimal reads "١٢" as 12; a cashier's keypad does not type it, so it is refused."""
    money, separators, text = entry
    places = [i for i, c in enumerate(text) if c.isdigit()]
    where = data.draw(st.sampled_from(places))
    other = data.draw(st.characters(categories=["Nd"], exclude_characters="0123456789"))
    replace = data.draw(st.booleans())
    mixed = text[:where] + other + text[where + replace:]
    with pytest.raises(AmountError):
        _parse(mixed, money.currency, separators)


# Characters that make amounts, and a few that do not, so that random text is often nearly one.
AMOUNTISH = st.sampled_from(list("0123456789.,'+-−–() $€¥£kr.CADJPYeE_\u00a0\u202f\t٣１"))


@given(st.text(AMOUNTISH | st.characters(), max_size=24), currencies, locales,
       st.none() | st.integers(0, MAX_AMOUNT_MINOR))
@example("1e3", "cad", LOCALES["en_CA"], None)
@example("NaN", "cad", LOCALES["en_CA"], None)
@example("9" * 10_000, "cad", LOCALES["en_CA"], None)
@example("0." + "0" * 10_000 + "1", "cad", LOCALES["en_CA"], None)
def test_anything_typed_is_money_or_a_refusal_with_a_reason(
    text: str, currency: str, separators: tuple[str, str], limit: int | None
) -> None:
    maximum = None if limit is None else Money(limit, currency)
    try:
        money = _parse(text, currency, separators, maximum=maximum)
    except AmountError as refused:
        assert refused.reason in AmountReason
        return
    assert money.currency == currency
    assert 1 <= money.minor <= (MAX_AMOUNT_MINOR if maximum is None else maximum.minor)


# --- Money itself ---------------------------------------------------------------------------

MIXING: list[Callable[[Money, Money], object]] = [
    operator.add, operator.sub, operator.lt, operator.le, operator.gt, operator.ge,
]


@given(st.integers(-(10**12), 10**12), st.integers(-(10**12), 10**12),
       st.lists(currencies, min_size=2, max_size=2, unique=True), st.sampled_from(MIXING))
def test_amounts_in_two_currencies_never_mix(
    a: int, b: int, pair: list[str], mix: Callable[[Money, Money], object]
) -> None:
    one, other = Money(a, pair[0]), Money(b, pair[1])
    with pytest.raises(ValueError, match="cannot mix"):
        mix(one, other)
    assert one != other


@given(st.integers(-(10**12), 10**12), st.integers(-(10**12), 10**12), currencies)
def test_amounts_in_one_currency_add_and_compare_as_their_minor_units(
    a: int, b: int, currency: str
) -> None:
    one, other = Money(a, currency), Money(b, currency.upper())
    assert one + other == Money(a + b, currency)
    assert one - other == Money(a - b, currency)
    assert [op(one, other) for op in MIXING[2:]] == [op(a, b) for op in MIXING[2:]]
    assert (one == other) is (a == b)


@given(st.floats(allow_nan=True) | st.decimals() | st.booleans() | st.text(max_size=4))
def test_minor_units_are_whole_numbers_only(minor: object) -> None:
    with pytest.raises(TypeError):
        Money(minor, "cad")  # type: ignore[arg-type]


@given(st.integers(-(10**12), 10**12), currencies)
def test_to_decimal_is_exact(minor: int, currency: str) -> None:
    money = Money(minor, currency)
    assert money.to_decimal() == Decimal(minor) / 10**money.exponent
