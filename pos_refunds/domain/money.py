"""Money as integer minor units plus a currency code; never float."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .errors import AmountError
from .reasons import AmountReason as A


@dataclass(frozen=True, slots=True, order=False)
class Money:
    minor: int
    currency: str  # lower-case ISO 4217 code, as Stripe sends it

    def __post_init__(self) -> None:
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise TypeError("Money.minor must be an int of minor units")
        if not self.currency.islower():  # kept as given otherwise: one "cad" for all amounts
            object.__setattr__(self, "currency", self.currency.lower())

    def _same(self, other: Money) -> None:
        if self.currency != other.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor < other.minor

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.minor <= other.minor

    def __gt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor > other.minor

    def __ge__(self, other: Money) -> bool:
        self._same(other)
        return self.minor >= other.minor

    @property
    def exponent(self) -> int:
        return currency_exponent(self.currency)

    def to_decimal(self) -> Decimal:
        """The amount in major units (12.50 for 1250 CAD, 1200 for 1200 JPY)."""
        return Decimal(self.minor).scaleb(-self.exponent)

    def __str__(self) -> str:
        """Plain, locale-free text (logs, CSV); the UI formats with QLocale."""
        return f"{self.to_decimal():.{self.exponent}f} {self.currency.upper()}"


# Stripe's presentment currencies (https://docs.stripe.com/currencies), two decimals unless listed
# below. Unknown codes also get two: that is Stripe's rule for "everything not noted".
TWO_DECIMAL = frozenset(
    """aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bmd bnd bob brl bsd bwp byn bzd
    cad cdf chf cny cop crc cve czk dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gtq gyd hkd
    hnl htg huf idr ils inr isk jmd kes kgs khr kyd kzt lak lbp lkr lrd lsl mad mdl mkd mmk mnt
    mop mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd pab pen pgk php pkr pln qar ron rsd rub
    sar sbd scr sek sgd shp sle sll sos srd std szl thb tjs top try ttd twd tzs uah usd uyu uzs
    wst xcd xcg yer zar zmw""".split()
)
ZERO_DECIMAL = frozenset(
    {"bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd",
     "vuv", "xaf", "xof", "xpf"}
)
THREE_DECIMAL = frozenset({"bhd", "jod", "kwd", "omr", "tnd"})

# Special cases, kept as Stripe's API counts them (docs "Special cases"):
# - isk, huf, twd: two decimals in the API, but Stripe pays out in whole units, and for huf/twd
#   some operations (payouts) need amounts divisible by 100. We keep exponent 2.
# - ugx: zero-decimal for charges, but Stripe requires some amounts (payouts) to be divisible by
#   100 for historical reasons. We keep exponent 0.
# - Three-decimal currencies: card charges must end in 0 (divisible by 10) for some operations.
CURRENCY_EXPONENTS: dict[str, int] = {
    **{c: 2 for c in TWO_DECIMAL},
    **{c: 0 for c in ZERO_DECIMAL},
    **{c: 3 for c in THREE_DECIMAL},
}

# Stripe's largest amount: eight digits of minor units (99,999,999), whatever the currency.
MAX_AMOUNT_MINOR = 99_999_999


def currency_exponent(currency: str) -> int:
    """Decimals of the currency's smallest unit, as Stripe counts them."""
    return CURRENCY_EXPONENTS.get(currency.lower(), 2)


def format_plain(m: Money, *, decimal_point: str = ".") -> str:
    """The amount as a person would type it, no currency and no grouping: parse_amount's inverse.

    Used to pre-fill an amount field (e.g. with the refundable remainder).
    """
    text = f"{m.to_decimal():.{m.exponent}f}"
    return text.replace(".", decimal_point)


# Spaces people (and locales) put between digit groups: space, NBSP, narrow NBSP, thin space.
_SPACES = " \u00a0\u202f\u2009"
_MINUS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash
_DIGITS = "0123456789"

# What may stand before or after the number, per currency (besides its ISO code).
_SYMBOLS: dict[str, tuple[str, ...]] = {
    "cad": ("CA$", "C$", "$"),
    "usd": ("US$", "$"),
    "aud": ("AU$", "A$", "$"),
    "nzd": ("NZ$", "$"),
    "hkd": ("HK$", "$"),
    "sgd": ("S$", "$"),
    "mxn": ("MX$", "$"),
    "eur": ("€",),
    "gbp": ("£",),
    "jpy": ("¥", "￥", "円"),
    "cny": ("¥", "￥", "元"),
    "krw": ("₩",),
    "inr": ("₹",),
    "chf": ("Fr.", "CHF"),
    "sek": ("kr",),
    "nok": ("kr",),
    "dkk": ("kr.", "kr"),
}


def _markers(currency: str) -> set[str]:
    code = currency.lower()
    return {code, *(s.lower() for s in _SYMBOLS.get(code, ()))}


def _check_affix(affix: str, currency: str, text: str) -> None:
    """Accept an empty affix or the currency's own code/symbol; reject anything else."""
    word = affix.strip(_SPACES).lower()
    if not word or word in _markers(currency):
        return
    if word in CURRENCY_EXPONENTS:
        raise AmountError(A.OTHER_CURRENCY, currency=currency, typed=word)
    raise AmountError(A.NOT_AN_AMOUNT, text=text)


def _too_many_decimals(currency: str, exponent: int) -> AmountError:
    if exponent == 0:
        return AmountError(A.NO_DECIMALS, currency=currency)
    return AmountError(A.TOO_MANY_DECIMALS, currency=currency, decimals=exponent)


def _split_number(body: str, decimal_point: str, group_separator: str, text: str
                  ) -> tuple[str, str]:
    """Integer and fraction digits of `body`, after checking its digit grouping.

    Groups must be of three digits, so "1,25" is never read as 125 by a locale mix-up.
    The other of "." and "," is taken as the decimal point when it is not the group separator
    and the locale's own point is absent ("12.50" typed on a fr-CA till).
    """
    not_an_amount = AmountError(A.NOT_AN_AMOUNT, text=text)
    groups = set(_SPACES) | ({group_separator} if group_separator else set())
    point = decimal_point
    if point not in body:
        for other in ".,":
            if other != point and other not in groups and body.count(other) == 1:
                point = other
    if body.count(point) > 1:
        raise not_an_amount
    whole, _, fraction = body.partition(point)
    if any(c not in _DIGITS for c in fraction):
        raise not_an_amount
    parts: list[str] = []
    current = ""
    for c in whole:
        if c in _DIGITS:
            current += c
        elif c in groups:
            parts.append(current)
            current = ""
        else:
            raise not_an_amount
    parts.append(current)
    if len(parts) > 1 and (not 1 <= len(parts[0]) <= 3 or any(len(p) != 3 for p in parts[1:])):
        raise not_an_amount
    digits = "".join(parts)
    if not digits and not fraction:
        raise not_an_amount
    return digits or "0", fraction


def parse_amount(
    text: str,
    currency: str,
    *,
    decimal_point: str = ".",
    group_separator: str = ",",
    maximum: Money | None = None,
) -> Money:
    """What a person typed, as Money: parsed once, with Decimal, never through float.

    Accepts the currency's code or symbol before or after the number ("$12.50", "12,50 $",
    "1200 JPY") and locale grouping ("1,234.56", "1 234,56"). Every refusal is an AmountError
    with its reason (and the amounts it names as Money).
    """
    code = currency.lower()
    exponent = currency_exponent(code)
    shown = text.strip(_SPACES + "\t\n")
    if not shown:
        raise AmountError(A.EMPTY)
    first = next((i for i, c in enumerate(shown) if c in _DIGITS), None)
    if first is None:
        raise AmountError(A.NOT_AN_AMOUNT, text=shown)
    last = max(i for i, c in enumerate(shown) if c in _DIGITS)
    if first > 0 and shown[first - 1] in (decimal_point, ".", ","):
        # ".5", but not the point that ends a symbol: "kr.12" is 12 kroner, not 0.12
        if shown[:first].lstrip("+").strip(_SPACES).lower() not in _markers(code):
            first -= 1
    if last + 1 < len(shown) and shown[last + 1] in (decimal_point, ".", ","):
        last += 1  # "12." (a trailing point, no decimals)
    prefix, body, suffix = shown[:first], shown[first : last + 1], shown[last + 1 :]
    if any(c in _MINUS for c in prefix + suffix) or (prefix + suffix).count("(") > 0:
        raise AmountError(A.NEGATIVE)
    _check_affix(prefix.lstrip("+"), code, shown)
    _check_affix(suffix, code, shown)
    whole, fraction = _split_number(body, decimal_point, group_separator, shown)
    if len(fraction) > exponent:
        raise _too_many_decimals(code, exponent)
    if len(whole.lstrip("0")) > 12:  # far beyond the maximum; spares Decimal a huge number
        raise AmountError(A.TOO_LARGE, maximum=Money(MAX_AMOUNT_MINOR, code))
    try:
        value = Decimal(f"{whole}.{fraction or '0'}")
    except InvalidOperation:  # pragma: no cover - the checks above only let digits through
        raise AmountError(A.NOT_AN_AMOUNT, text=shown) from None
    minor = int(value.scaleb(exponent))
    if minor == 0:
        raise AmountError(A.ZERO)
    if minor > MAX_AMOUNT_MINOR:
        raise AmountError(A.TOO_LARGE, maximum=Money(MAX_AMOUNT_MINOR, code))
    if maximum is not None:
        if maximum.currency != code:
            raise ValueError(f"maximum is in {maximum.currency}, the amount in {code}")
        if minor > maximum.minor:
            raise AmountError(A.OVER_REFUNDABLE, maximum=maximum)
    return Money(minor, code)
